"""Plain-text articles: an :class:`~provenance.model.Article` with the metadata its text gives.

:func:`article_from_text` is called for every text the readers in
:mod:`provenance.ingest` read (files, JSONL records, WARC records, HTML after
trafilatura). It never changes the text: the boilerplate it marks
(:mod:`provenance.ingest.boilerplate`) is a tuple of spans into it, and the
metadata (:mod:`provenance.ingest.metadata`) is read from the head and tail
of it. Metadata the caller already has (from HTML meta tags, a JSONL record)
wins over what the text shows, as given; what is read from the text is
made canonical ("UrduPoint.com" gives "UrduPoint").

Any text gives an Article, without raising: empty or blank text, one line,
text with no metadata, enormous lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..model import Article
from ..settings import DEFAULT_SETTINGS, Settings
from ..sources import SourceTable
from .boilerplate import find_boilerplate
from .credits import canonical_source, is_same_source
from .dates import parse_date
from .metadata import read_metadata

__all__ = ["article_from_text"]


def article_from_text(
    text: str,
    *,
    id: str,
    path: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    author: str | None = None,
    published: datetime | date | str | None = None,
    credits: Iterable[str] | None = None,
    dateline: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    sources: SourceTable | None = None,
) -> Article:
    """Return an Article for ``text``, with the metadata and boilerplate it shows.

    Parameters
    ----------
    text : str
        The article text; kept exactly as given.
    id : str
        The article's id.
    path, url : str, optional
        Where it was read from; a known URL domain names the publisher when
        the text does not.
    publisher, title, author, dateline : str, optional
        Metadata already known; each wins over what the text shows. A blank
        string counts as not given.
    published : datetime, date or str, optional
        The publication date already known (an ISO string or any written-out
        date); wins over the text's unless it holds no date.
    credits : iterable of str, optional
        The credited sources already known; ``None`` reads them from the text.
        Given credits are made canonical and never include the publisher.
    settings : Settings
        How much of the head and tail to read, and what counts as prose.
    sources : SourceTable, optional
        Known sources for canonical names (a user's alias file extends the
        packaged table); the packaged table by default.

    Returns
    -------
    Article

    Raises
    ------
    TypeError
        When ``text`` is not a str.

    Examples
    --------
    >>> article = article_from_text(
    ...     "UrduPoint.com\\n\\nPentagon Confirms Austin, Milley Unable To Reach Russian Counterparts\\n\\n"
    ...     "Sumaira FH Published March 24, 2022 | 08:12 PM\\n\\n"
    ...     "WASHINGTON (UrduPoint News / Sputnik - 24th March, 2022) The Pentagon confirmed "
    ...     "to Sputnik ...\\n\\n"
    ...     "Related Topics\\n\\nUkraine Moscow\\n", id="seed")
    >>> article.publisher, article.author, str(article.published), article.dateline, article.credits
    ('UrduPoint', 'Sumaira FH', '2022-03-24 20:12:00', 'WASHINGTON', ('Sputnik',))
    >>> [article.text[span.start:span.end] for span in article.boilerplate]
    ['Related Topics\\n\\nUkraine Moscow']
    >>> article_from_text("", id="empty").title is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, not {type(text).__name__}")
    boilerplate = find_boilerplate(text, settings=settings)
    given_publisher = _given(publisher)
    found = read_metadata(
        text, boilerplate=boilerplate, publisher=given_publisher, url=url, settings=settings, sources=sources
    )
    final_publisher = given_publisher or found.publisher
    if credits is None:
        final_credits = found.credits
    else:
        final_credits = _given_credits(credits, final_publisher, sources)
    return Article(
        id=id,
        text=text,
        path=path,
        url=url,
        publisher=final_publisher,
        title=_given(title) or found.title,
        author=_given(author) or found.author,
        published=(parse_date(published) if published else None) or found.published,
        dateline=_given(dateline) or found.dateline,
        credits=final_credits,
        boilerplate=boilerplate,
    )


def _given(value: str | None) -> str | None:
    """A given text value with its spaces tidied, or None when blank."""
    if value is None:
        return None
    tidy = " ".join(str(value).split())
    return tidy or None


def _given_credits(
    credits: Iterable[str], publisher: str | None, sources: SourceTable | None
) -> tuple[str, ...]:
    """Given credits, canonical, each once, in their order, without the publisher."""
    names: list[str] = []
    for credit in credits:
        if not credit or not str(credit).strip():
            continue
        name = canonical_source(str(credit), sources=sources)
        if name not in names and not (publisher and is_same_source(name, publisher, sources=sources)):
            names.append(name)
    return tuple(names)

