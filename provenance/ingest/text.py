"""Plain-text articles: metadata from the text itself."""

from __future__ import annotations

from ..model import Article

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
    published=None,
    credits: tuple[str, ...] | None = None,
) -> Article:
    """Return an Article for ``text``; given metadata wins over what is detected."""
    return Article(
        id=id,
        text=text,
        path=path,
        url=url,
        publisher=publisher,
        title=title,
        author=author,
        published=published,
        credits=tuple(credits or ()),
    )
