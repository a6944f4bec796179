"""An article's metadata, read from its text: publisher, title, byline, date, dateline, credits.

Only the head of the text (``Settings.head_lines`` non-blank lines) and its
tail (``Settings.tail_lines`` lines before the trailing boilerplate, and the
footer) are read, so the cost does not grow with the article. What is read
where:

- **publisher**: a masthead line at the top ("UrduPoint.com", a known source,
  a web domain, or a short name ending in an outlet word such as "The Daily
  Courier"), a "Site name: ..." line, the URL's known domain, then the
  footer's copyright line ("© 1997-2022, UrduPoint Network") or "All rights
  ... reserved by UrduPoint.com". Known names are made canonical;
- **title**: the first heading-like line above the body that is not the
  masthead, the byline, a date or a credit line; it has no closing full
  stop, unless it opens the text and a longer paragraph follows (plain-text
  dumps add one);
- **author and date**: the byline ("By Jane Doe", "Jane Doe Published March
  24, 2022 | 08:12 PM", "Author: ..."), date lines ("Updated 2016-03-11
  10:00") above the body, then the date of the dateline;
- **dateline**: the upper-case place opening a body paragraph before a
  credit in brackets or a dash ("WASHINGTON (AP) —", "KYIV, Ukraine —");
- **credits**: the dateline's credits ("(UrduPoint News / Sputnik - ...)"),
  an opening "(CNN)", credit lines (:mod:`provenance.ingest.credits`), a
  byline's outlet ("By Jane Doe, Associated Press") and a wire's copyright
  under another publisher; in order of appearance, never the publisher.

Nothing here raises on odd text: empty text gives empty metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..lexicon import load_words
from ..model import Span
from ..settings import DEFAULT_SETTINGS, Settings
from ..sources import SourceTable, known_sources, normalize_name
from .boilerplate import RE_COPYRIGHT, RE_RESERVED_BY, RE_SENTENCE_END
from .byline import parse_byline
from .credits import canonical_source, credit_names, find_credit_lines, is_same_source, known_source
from .dates import UNLABELLED_RANK, find_dates
from .lines import Line, iter_lines, tail_lines

__all__ = ["Metadata", "parse_dateline", "read_metadata"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
#: A dateline: an upper-case place, maybe a region and a date, then a credit in brackets or a dash.
RE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    rf"(?:,\s*(?P<region>(?!{_MONTH}\s+\d)[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){{0,2}}))?"
    rf"(?:,?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)?"
    r",?\s*(?:\((?P<credit>[^()\n]{1,120})\)\s*)?(?P<dash>--|[-–—:])?\s*"
)
#: A place in ordinary case before a known source in brackets and a dash: "Beirut (AFP) –",
#: "Nagpur (India) (AFP) –" (the credit must be a known source, since the place proves little).
RE_TITLE_CASE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z’'.-]+(?:\s+[A-Z][a-z’'.-]+){0,2})"
    r"(?:,?\s*\((?P<region>[A-Z][A-Za-z .]{1,30})\))?"
    r"\s*\((?P<credit>[^()\n]{1,60})\)\s*(?P<dash>--|[-–—])\s*"
)
#: A paragraph opening with a credit in brackets: "(CNN) — ...", "Dec 29 (Reuters) - ...".
RE_OPENING_CREDIT = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}}\s*)?\((?P<credit>[^()\n]{{2,60}})\)\s*(?:--|[-–—])?\s*"
)
#: Body paragraphs searched for a dateline or a credit line at the top.
DATELINE_PARAGRAPHS = 3
#: Words that must follow a dateline for it to open a paragraph, not a heading.
MIN_WORDS_AFTER_DATELINE = 5
#: ... and after a dateline without a credit ("NEW YORK — "), which a headline resembles more.
MIN_WORDS_AFTER_BARE_DATELINE = 10
#: "Site name: ..." lines.
RE_SITE_NAME = re.compile(
    r"(?:site\s*name|publisher|publication|outlet|site)\s*:\s*(?P<name>.{2,80})", re.IGNORECASE
)
RE_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.IGNORECASE)
#: A call sign or acronym alone on the first line ("WTOP", "KTLA").
RE_MASTHEAD_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,5}")
RE_CORPORATE = re.compile(r",?\s+(?:inc|llc|ltd|plc|corp|co|gmbh|s\.a)\.?$", re.IGNORECASE)
RE_TITLE_STOP = re.compile(r"(?<!\.)\.$")
#: Lines after a first line looked at to tell a headline ending in a stop.
HEADLINE_LOOKAHEAD = 2
#: Share of words of four letters or more that start with a capital in a title-case headline.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MIN_LETTERS = 4
RE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
#: A masthead is a short line: a name, not a heading.
MAX_MASTHEAD_WORDS = 6
#: A date line holds little besides the date ("Updated: Thursday 24 March 2022").
MAX_DATE_LINE_EXTRA_WORDS = 3
#: The end of the text read for a copyright line (a page footer fits well within it).
FOOTER_CHARS = 4000
#: What a copyright line holds (once lower-cased): a sign, the word, or rights reserved.
RE_COPYRIGHT_MARK = re.compile(r"©|\(c\)|copyright|rights")
RE_LINE_BREAK = re.compile(r"[\r\n]")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text says about itself; ``None`` (or ``()``) when it does not say."""

    publisher: str | None = None
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    dateline: str | None = None
    credits: tuple[str, ...] = ()


def read_metadata(
    text: str,
    *,
    boilerplate: Sequence[Span] = (),
    publisher: str | None = None,
    url: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    sources: SourceTable | None = None,
) -> Metadata:
    """Read the metadata of an article from its text.

    Parameters
    ----------
    text : str
        The article text, as read.
    boilerplate : sequence of Span
        Boilerplate regions of ``text`` (:func:`~provenance.ingest.boilerplate.find_boilerplate`);
        their lines are never a title, byline or credit.
    publisher : str, optional
        The publisher when already known: it wins over the text (made
        canonical), and is never a credit.
    url : str, optional
        Where the article was published; a known domain names the publisher.
    settings : Settings
        ``head_lines``, ``tail_lines``, ``max_line_chars``, ``prose_words`` and
        ``max_heading_words`` are used.
    sources : SourceTable, optional
        Known sources for canonical names; the packaged table by default.

    Examples
    --------
    >>> meta = read_metadata("Acme.com\\n\\nTalks collapse\\n\\nBy Jane Doe | Nov. 3, 2016\\n\\n"
    ...                      "LONDON (Reuters) - The talks collapsed on Monday, officials said.\\n")
    >>> meta.publisher, meta.title, meta.author, str(meta.published), meta.dateline, meta.credits
    ('Acme.com', 'Talks collapse', 'Jane Doe', '2016-11-03 00:00:00', 'LONDON', ('Reuters',))
    >>> read_metadata("")
    Metadata(publisher=None, title=None, author=None, published=None, dateline=None, credits=())
    """
    table = sources or known_sources()
    spans = tuple(boilerplate)
    body_end = _body_end(text, spans)
    head = _head(text, body_end, spans, settings)
    tail = tail_lines(text, settings.tail_lines, end=body_end, limit=settings.max_line_chars)
    tail = [line for line in tail if not _inside(line, spans)]
    credits: list[tuple[int, str]] = []

    masthead = _masthead(head, table)
    first = masthead[0] + 1 if masthead else 0
    headline = first if _is_stopped_headline(head, first, settings) else None
    # A dateline opens one of the first body paragraphs (after a summary, at most a few).
    prose_start = _body_start(head, headline, settings)
    dateline_index, place, dateline_credits, dateline_date = _find_dateline(
        head[: prose_start + DATELINE_PARAGRAPHS], headline, table
    )
    credits.extend(dateline_credits)
    body_start = min(prose_start, dateline_index if dateline_index is not None else prose_start)
    above_body = head[:body_start]

    author, byline_index = None, None
    for index, line in enumerate(above_body):
        found_author, found_credits = parse_byline(line.text, sources=table)
        if found_author or found_credits:
            author, byline_index = found_author, index
            credits.extend((line.start, name) for name in found_credits)
            break
    skipped = {index for index in (masthead and masthead[0], byline_index) if index is not None}
    published, date_lines = _published(above_body, byline_index)
    title = _title(text, above_body, skipped | date_lines, headline, settings)
    if published is None:
        published = dateline_date

    credits.extend(find_credit_lines(head[: body_start + DATELINE_PARAGRAPHS], where="head", sources=table))
    credits.extend(find_credit_lines(tail, where="tail", sources=table))
    holder = _copyright_holder(text, table)
    final = (
        canonical_source(publisher, sources=table) if publisher else
        masthead[1] if masthead else _site_name(above_body, table) or _url_publisher(url, table) or holder
    )
    record = known_source(holder, sources=table) if holder else None
    if record is not None and record.kind == "wire" and final is not None:
        if not is_same_source(record.name, final, sources=table):
            credits.append((len(text), record.name))  # a wire's copyright under another masthead
    return Metadata(
        publisher=final,
        title=title,
        author=author,
        published=published,
        dateline=place,
        credits=_ordered_credits(credits, final, table),
    )


def parse_dateline(
    line: str, *, sources: SourceTable | None = None
) -> tuple[str, tuple[str, ...], int] | None:
    """Return the place, credits and end offset of a dateline opening ``line``, or None.

    Examples
    --------
    >>> line = "WASHINGTON (UrduPoint News / Sputnik - 24th March, 2022) The Pentagon confirmed to ..."
    >>> place, credits, end = parse_dateline(line)
    >>> place, credits, line[end:end + 12]
    ('WASHINGTON', ('UrduPoint', 'Sputnik'), 'The Pentagon')
    >>> kyiv = "KYIV, Ukraine — Russian forces shelled the city overnight, officials in the region said."
    >>> parse_dateline(kyiv)[:2]
    ('KYIV, Ukraine', ())
    >>> parse_dateline("Beirut (AFP) – When hopeful pro-democracy activists took to the streets")[:2]
    ('Beirut', ('Agence France-Presse',))
    >>> parse_dateline("BREAKING — Markets fall as the central bank raises its rates again") is None
    True
    """
    table = sources or known_sources()
    match = RE_DATELINE.match(line)
    accepts = "name"
    if match is None or not (match.group("credit") or match.group("dash")):
        match, accepts = RE_TITLE_CASE_DATELINE.match(line), "known"
        if match is None:
            return None
    place = match.group("place").rstrip(".'’-")
    rest = line[match.end() :]
    if len(place) < 2 or place in _exclusions() or len(rest.split()) < MIN_WORDS_AFTER_DATELINE:
        return None
    bare = not match.group("credit")
    if bare and (len(rest.split()) < MIN_WORDS_AFTER_BARE_DATELINE or not RE_SENTENCE_END.search(rest)):
        return None  # "FBI: Clinton emails show a pattern" is a headline; a bare dateline opens a sentence
    credits = credit_names(match.group("credit") or "", accepts=accepts, sources=table)
    if accepts == "known" and not credits:
        return None
    region = match.group("region")
    return (f"{place}, {region}" if region else place), tuple(credits), match.end()


def _find_dateline(
    head: list[Line], headline: int | None, table: SourceTable
) -> tuple[int | None, str | None, list[tuple[int, str]], datetime | None]:
    """The index, place, credits and date of the first dateline or opening credit (not in the headline)."""
    for index, line in enumerate(head):
        if index == headline:
            continue
        found = parse_dateline(line.text, sources=table)
        if found is not None:
            place, names, end = found
            date = next((d.value for d in find_dates(line.text[:end])), None)
            return index, place, [(line.start, name) for name in names], date
        opening = RE_OPENING_CREDIT.match(line.text)
        if opening is not None and len(line.text[opening.end() :].split()) >= MIN_WORDS_AFTER_DATELINE:
            names = credit_names(opening.group("credit"), accepts="agency", sources=table)
            if names:
                return index, None, [(line.start, name) for name in names], None
    return None, None, [], None


def _body_start(head: list[Line], headline: int | None, settings: Settings) -> int:
    """Index of the first head line of the body: a long line or prose (not the headline)."""
    for index, line in enumerate(head):
        if line.cut or line.words > settings.max_heading_words:
            return index
        if index != headline and line.words >= settings.prose_words and RE_TITLE_STOP.search(line.text):
            return index
    return len(head)


def _is_stopped_headline(head: list[Line], index: int, settings: Settings) -> bool:
    """True when the first line ends with a full stop yet is a headline.

    Plain-text dumps often end the headline with a stop ("Activists who lit
    Syria revolt washed away in migrant wave."). Such a first line is read as
    a headline when a longer line follows that is a paragraph or a deck
    before one, or when it is in title case ("Keep the Returns, Trump; Just
    Give Us a Few Figures.") and a paragraph follows within two lines. A
    short first sentence of a text of short sentences is not a headline.
    """
    if index + 1 >= len(head):
        return False
    line = head[index]
    if RE_TITLE_STOP.search(line.text) is None or not 2 <= line.words <= settings.max_heading_words:
        return False
    following = head[index + 1 : index + 1 + HEADLINE_LOOKAHEAD]
    has_paragraph = any(other.words >= settings.prose_words for other in following)
    if following[0].words > line.words and has_paragraph:
        return True
    return has_paragraph and _is_title_case(line.text)


def _is_title_case(text: str) -> bool:
    """True when most longer words start with a capital, as headlines do."""
    words = [word for word in RE_WORD.findall(text) if len(word) >= TITLE_CASE_MIN_LETTERS]
    return bool(words) and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def _masthead(head: list[Line], table: SourceTable) -> tuple[int, str] | None:
    """The index and canonical name of a masthead among the first two lines."""
    for index, line in enumerate(head[:2]):
        name = " ".join(line.text.split())
        if len(head) < 2 or len(name.split()) > MAX_MASTHEAD_WORDS or RE_TITLE_STOP.search(name):
            continue
        if name in _exclusions():
            continue
        record = known_source(name, sources=table)
        if record is not None:
            if record.kind in ("outlet", "wire"):
                return index, record.name
            continue
        if RE_DOMAIN.fullmatch(name) or RE_MASTHEAD_ACRONYM.fullmatch(name):
            return index, name
        if not name.isupper() and credit_names(name, accepts="agency", sources=table) == [name]:
            return index, name
    return None


def _published(above_body: list[Line], byline_index: int | None) -> tuple[datetime | None, set[int]]:
    """The best date above the body, and the indexes of lines that are only dates."""
    best = None
    date_lines: set[int] = set()
    for index, line in enumerate(above_body):
        for found in find_dates(line.text):
            extra = len(line.text[: found.start].split()) + len(line.text[found.end :].split())
            if extra <= MAX_DATE_LINE_EXTRA_WORDS:
                date_lines.add(index)
            elif index != byline_index and found.rank == UNLABELLED_RANK:
                continue  # a date inside a heading, not the article's
            key = (found.rank, index)
            if best is None or key < best[0]:
                best = (key, found.value)
    return (best[1] if best else None), date_lines


def _title(
    text: str, above_body: list[Line], skipped: set[int], headline: int | None, settings: Settings
) -> str | None:
    """The first heading-like line above the body that is none of the others."""
    for index, line in enumerate(above_body):
        if index in skipped or line.words < 2 or line.words > settings.max_heading_words:
            continue
        if (RE_TITLE_STOP.search(line.text) and index != headline) or RE_SITE_NAME.fullmatch(line.text):
            continue
        if any(True for _ in find_credit_lines([line], where="head")):
            continue
        if not text[line.end :].strip():
            return None  # nothing follows it: a lone line is a body, not a title
        return " ".join(line.text.split())
    return None


def _site_name(lines: list[Line], table: SourceTable) -> str | None:
    """The publisher named on a "Site name: ..." line."""
    for line in lines:
        match = RE_SITE_NAME.fullmatch(line.text)
        if match:
            return canonical_source(match.group("name").strip(), sources=table)
    return None


def _url_publisher(url: str | None, table: SourceTable) -> str | None:
    """The known source of the URL's host."""
    if not url:
        return None
    record = table.lookup_domain(url)
    return record.name if record else None


def _copyright_holder(text: str, table: SourceTable) -> str | None:
    """The canonical holder of the first copyright line of the footer, or of "reserved by"."""
    window = text[max(0, len(text) - FOOTER_CHARS) :]
    lowered = window.lower()
    if len(lowered) != len(window):  # a rare letter changed length: read line by line
        lines = [raw for raw in window.splitlines() if RE_COPYRIGHT_MARK.search(raw.lower())]
    else:
        lines = []
        line_end = -1
        for mark in RE_COPYRIGHT_MARK.finditer(lowered):
            if mark.start() < line_end:
                continue  # a second mark on a line already taken
            line_start = max(window.rfind("\n", 0, mark.start()), window.rfind("\r", 0, mark.start())) + 1
            following = RE_LINE_BREAK.search(window, mark.end())
            line_end = following.start() if following else len(window)
            lines.append(window[line_start:line_end])
    for raw in lines:
        line = raw.strip()
        match = RE_COPYRIGHT.match(line) or RE_RESERVED_BY.search(line)
        if match is None or not match.group("holder"):
            continue
        name = RE_CORPORATE.sub("", match.group("holder").strip(" ,.;:"))
        record = known_source(name, sources=table)
        if record is not None:
            return record.name
        if credit_names(name, accepts="name", sources=table) == [" ".join(name.split())]:
            return " ".join(name.split())
    return None


@lru_cache(maxsize=1)
def _exclusions() -> frozenset[str]:
    """Labels that open a paragraph like a dateline place."""
    return load_words("dateline_exclusions.txt")


def _head(text: str, body_end: int, spans: tuple[Span, ...], settings: Settings) -> list[Line]:
    """The first ``settings.head_lines`` lines above the trailing boilerplate, boilerplate lines left out."""
    head: list[Line] = []
    if settings.head_lines <= 0:
        return head
    for line in iter_lines(text, end=body_end, limit=settings.max_line_chars):
        if not _inside(line, spans):
            head.append(line)
            if len(head) >= settings.head_lines:
                break
    return head


def _inside(line: Line, spans: tuple[Span, ...]) -> bool:
    """True when the line overlaps a boilerplate span."""
    return any(span.start < line.end and line.start < span.end for span in spans)


def _body_end(text: str, spans: tuple[Span, ...]) -> int:
    """Where the body ends: the start of a boilerplate region running to the end of the text."""
    if spans and not text[spans[-1].end :].strip():
        return spans[-1].start
    return len(text)


def _ordered_credits(
    credits: list[tuple[int, str]], publisher: str | None, table: SourceTable
) -> tuple[str, ...]:
    """Credits in order of appearance, each once, without the publisher."""
    ordered: list[str] = []
    seen: set[str] = set()
    for _, name in sorted(credits, key=lambda item: item[0]):
        key = normalize_name(name)
        if key in seen or (publisher and is_same_source(name, publisher, sources=table)):
            continue
        seen.add(key)
        ordered.append(name)
    return tuple(ordered)
