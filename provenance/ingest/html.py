"""Web pages: the article's main text and metadata, through trafilatura.

trafilatura 2.x (``bare_extraction``) drops navigation, sidebars, footers and
comments and returns the main text with title, author, date, site name and
canonical URL. This module adds what it leaves out: the time of
``article:published_time`` (trafilatura keeps the day only) and the
publisher, named by a known domain first (``provenance/data/sources.tsv``),
then by the page's site name.

The page is parsed once by lxml's HTML parser, which never loads external
entities or DTDs and never touches the network; broken markup is repaired the
way browsers do, so a malformed page still gives what text it has. Only when
nothing at all is left is the page refused.
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from ..errors import InputError
from ..model import Article
from ..settings import DEFAULT_SETTINGS, Settings
from ..sources import known_sources
from .decode import declared_charset, decode_bytes
from .text import article_from_text

__all__ = ["article_from_html", "page_metadata", "publisher_for_url"]

logger = logging.getLogger(__name__)

#: ``<meta>`` names and properties that carry the publication time, in order of trust.
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate")

_PARSER = lxml.html.HTMLParser(
    encoding="utf-8",
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
    huge_tree=False,
)


def article_from_html(
    page: bytes | str,
    *,
    id: str,
    path: str | None = None,
    url: str | None = None,
    declared: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Return the Article a web page holds.

    Parameters
    ----------
    page : bytes or str
        The page; bytes are decoded with :func:`~provenance.ingest.decode.decode_bytes`
        (its ``<meta charset>`` counts when the bytes are not UTF-8).
    id : str
        The article id (the file path, the URL, the WARC target URI).
    path, url : str, optional
        Where the page came from. ``url`` resolves a relative canonical link;
        the canonical URL, when the page has one, becomes ``Article.url``.
    declared : str, optional
        A charset from outside the page (an HTTP ``Content-Type``).
    settings : Settings
        Passed on to the decoder.

    Returns
    -------
    Article
        Text without page furniture; title, author, publication time,
        publisher and URL from the page when it has them.

    Raises
    ------
    InputError
        When the bytes cannot be decoded or the page has no text at all.

    Examples
    --------
    >>> page = ('<html><head><meta property="og:site_name" content="Reuters">'
    ...         '<title>Talks collapse</title></head><body><article>'
    ...         '<p>The ministry said on Monday that the talks had collapsed.</p>'
    ...         '</article></body></html>')
    >>> article = article_from_html(page, id="a.html")
    >>> article.publisher, article.title
    ('Reuters', 'Talks collapse')
    >>> article.text
    'The ministry said on Monday that the talks had collapsed.'
    """
    name = path or id
    if isinstance(page, bytes):
        page = decode_bytes(page, name=name, declared=declared or declared_charset(page), settings=settings)
    if not page.strip():
        raise InputError(name, "empty file")
    tree = _parse(page, name=name)
    metadata = page_metadata(tree, url=url)
    document = _extract(tree, url=url)
    text = (document.text if document is not None else None) or _plain_text(tree)
    if not text.strip():
        raise InputError(name, "no article text found in the page")
    return article_from_text(
        text,
        id=id,
        path=path,
        url=metadata["url"] or (document.url if document is not None else None) or url,
        publisher=_publisher(metadata["url"] or url, document),
        title=(document.title if document is not None else None) or metadata["title"],
        author=document.author if document is not None else None,
        published=metadata["published"] or _day(document),
    )


def page_metadata(tree: etree._Element, *, url: str | None = None) -> dict:
    """Return the canonical ``url``, ``title`` and ``published`` time a page declares.

    Examples
    --------
    >>> tree = lxml.html.document_fromstring(
    ...     '<html><head><link rel="canonical" href="/world/a.html">'
    ...     '<meta property="article:published_time" content="2022-03-24T20:12:00Z">'
    ...     '</head><body><p>x</p></body></html>')
    >>> meta = page_metadata(tree, url="https://www.reuters.com/x")
    >>> meta["url"], meta["published"].isoformat()
    ('https://www.reuters.com/world/a.html', '2022-03-24T20:12:00+00:00')
    """
    canonical = _first(tree, "//link[@rel='canonical']/@href") or _first(tree, "//meta[@property='og:url']/@content")
    if canonical and url:
        canonical = urljoin(url, canonical)
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = None
    published = None
    for key in PUBLISHED_META:
        value = _first(
            tree,
            f"//meta[translate(@property, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')='{key}'"
            f" or translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')='{key}']/@content",
        )
        published = _iso_datetime(value)
        if published is not None:
            break
    title = _first(tree, "//title/text()")
    return {"url": canonical, "title": " ".join(title.split()) if title else None, "published": published}


def publisher_for_url(url: str | None) -> str | None:
    """Return the known outlet a URL's domain belongs to, if any.

    Examples
    --------
    >>> publisher_for_url("https://uk.reuters.com/article/x"), publisher_for_url("https://example.org/")
    ('Reuters', None)
    """
    host = urlsplit(url).hostname if url else None
    record = known_sources().lookup_domain(host) if host else None
    return record.name if record is not None else None


def _parse(page: str, *, name: str) -> etree._Element:
    """Parse a page with the safe parser (bytes in, so encoding declarations are fine)."""
    try:
        return lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise InputError(name, "no article text found in the page") from err


def _extract(tree: etree._Element, *, url: str | None):
    """trafilatura's main text and metadata, or None when it finds nothing."""
    import trafilatura  # imported here: a slow import only HTML readers need

    try:
        return trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, etree.LxmlError) as err:
        logger.debug("trafilatura failed on %s: %s", url, err)
        return None


def _plain_text(tree: etree._Element) -> str:
    """Every visible text of the body, for pages trafilatura gives up on."""
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _publisher(url: str | None, document) -> str | None:
    """The outlet: a known domain first, then the page's site name."""
    hostname = document.hostname if document is not None else None
    known = publisher_for_url(url) or (publisher_for_url(f"https://{hostname}") if hostname else None)
    if known is not None:
        return known
    sitename = document.sitename if document is not None else None
    if sitename:
        record = known_sources().lookup(sitename)
        return record.name if record is not None else sitename
    return None


def _day(document) -> datetime | None:
    """trafilatura's date (a day) as a datetime."""
    return _iso_datetime(document.date) if document is not None else None


def _iso_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 string as a datetime, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _first(tree: etree._Element, xpath: str) -> str | None:
    """The first non-blank string an XPath finds."""
    for value in tree.xpath(xpath):
        value = str(value).strip()
        if value:
            return value
    return None
