"""WARC crawls: every HTML page the crawler saved is an article.

warcio reads the archive (plain or gzip, one record at a time). Each
``response`` record with a 2xx HTTP status and an HTML content type, and each
``resource`` record of HTML, becomes an article whose id is its
``WARC-Target-URI``; plain-text records are read as text. Other records
(requests, metadata, images, redirects, revisits) are skipped.

An archive broken part-way (a cut gzip member, a record shorter than its
``Content-Length``, garbage between records) gives a
:class:`~provenance.model.Failure` naming what broke; every record read
before it is kept. The size limit applies to each record's payload.
"""

from __future__ import annotations

import gzip
import logging
import os
from collections.abc import Iterator
from typing import BinaryIO
from zlib import error as ZlibError

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..model import Article, Failure
from ..settings import DEFAULT_SETTINGS, Settings
from .decode import decode_bytes
from .fetch import split_content_type
from .files import SNIFF_HEAD, sniff_format, too_large
from .html import article_from_html, publisher_for_url
from .text import article_from_text

__all__ = ["iter_warc"]

logger = logging.getLogger(__name__)

#: Bytes read at a time when skipping the rest of a record.
_CHUNK_BYTES = 65536

#: Content types read as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its warnings written straight to stderr (counted in err_count)."""

    INC_RECORD = ""


def iter_warc(
    handle: BinaryIO, *, name: str, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Article | Failure]:
    """Yield an Article for every HTML page in a WARC stream, and a Failure for what is broken.

    Parameters
    ----------
    handle : binary file
        The open WARC (or ``.warc.gz``) file.
    name : str
        Its path, for failures.
    settings : Settings
        ``max_article_bytes`` caps each record's payload.

    Yields
    ------
    Article or Failure
        In archive order. A broken archive ends with a Failure after the
        records that could be read.

    Examples
    --------
    >>> import io
    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> buffer = io.BytesIO()
    >>> writer = WARCWriter(buffer, gzip=False)
    >>> page = b"<html><body><p>The ministry said the talks had collapsed.</p></body></html>"
    >>> headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    >>> writer.write_record(writer.create_warc_record(
    ...     "https://example.com/a", "response", payload=io.BytesIO(page), http_headers=headers))
    >>> [item.id for item in iter_warc(io.BytesIO(buffer.getvalue()), name="crawl.warc")]
    ['https://example.com/a']
    >>> [str(item) for item in iter_warc(io.BytesIO(buffer.getvalue()[:-20]), name="crawl.warc")]
    ["crawl.warc: record 'https://example.com/a': truncated (16 bytes missing)"]
    """
    if not _starts_as_warc(handle):
        yield Failure(name, "not a WARC file (it does not start with a WARC/ header)")
        return
    size = _size(handle)
    records = 0
    iterator = _QuietArchiveIterator(handle)
    try:
        for record in iterator:
            if record.rec_type is None or not (record.rec_headers.get_header("Content-Length") or "").isdigit():
                yield Failure(name, f"truncated or corrupt record header after {records} records")
                return
            records += 1
            item = _record_article(record, name=name, settings=settings)
            if item is not None:
                yield item
            while record.raw_stream.read(_CHUNK_BYTES):  # what the reader left, to see the record's end
                pass
            if record.raw_stream.limit > 0:
                if item is None or isinstance(item, Article):
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    yield Failure(name, f"record {uri!r}: truncated ({record.raw_stream.limit:,} bytes missing)")
                return
    except ArchiveLoadFailed as err:
        first = "not a WARC file" if records == 0 else f"broken after {records} records"
        yield Failure(name, f"{first} ({_first_line(err)})")
        return
    except EOFError:
        yield Failure(name, f"truncated gzip data after {records} records")
        return
    except (OSError, ZlibError, ValueError, AttributeError) as err:
        # warcio raises AttributeError on a header cut in the middle of a line
        yield Failure(name, f"truncated or corrupt data after {records} records ({type(err).__name__})")
        return
    if size is not None and iterator.offset < size:
        yield Failure(name, f"truncated or corrupt data after {records} records")
    elif iterator.err_count:
        yield Failure(name, f"corrupt: {iterator.err_count} records longer than their Content-Length")


def _record_article(record, *, name: str, settings: Settings) -> Article | Failure | None:
    """The Article of one record, a Failure, or None for records that hold no article."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or f"{name}@{headers.get_header('WARC-Record-ID')}"
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type, declared = split_content_type(content_type)
    if media_type not in HTML_TYPES and media_type != "text/plain":
        return None
    limit = settings.max_article_bytes
    try:
        payload = record.content_stream().read(limit + 1)
    except (OSError, EOFError, ZlibError, ValueError) as err:
        return Failure(name, f"record {uri!r}: unreadable payload ({type(err).__name__})")
    if len(payload) > limit:
        return Failure(name, f"record {uri!r}: {too_large(len(payload) - 1, limit, exact=False)}")
    if record.raw_stream.limit > 0:
        return Failure(name, f"record {uri!r}: truncated ({record.raw_stream.limit:,} bytes missing)")
    try:
        if media_type == "text/plain":
            text = decode_bytes(payload, name=uri, declared=declared, settings=settings)
            return article_from_text(text, id=uri, path=name, url=uri, publisher=publisher_for_url(uri))
        return article_from_html(payload, id=uri, path=name, url=uri, declared=declared, settings=settings)
    except InputError as err:
        return Failure(name, f"record {uri!r}: {err.reason}")


def _starts_as_warc(handle: BinaryIO) -> bool:
    """True when the stream (gzip or not) begins with a WARC header line."""
    peek = getattr(handle, "peek", None)
    if peek is not None:
        head = peek(SNIFF_HEAD)[:SNIFF_HEAD]
    else:
        position = handle.tell()
        head = handle.read(SNIFF_HEAD)
        handle.seek(position)
    return sniff_format(head) == "warc"


def _size(handle: BinaryIO) -> int | None:
    """The byte size of a file-backed stream, or None."""
    if isinstance(handle, gzip.GzipFile):  # offsets count decompressed bytes
        return None
    try:
        return os.fstat(handle.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        try:  # an in-memory stream
            return len(handle.getbuffer())  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            return None


def _first_line(err: Exception) -> str:
    """The first line of an exception's message, lowercase."""
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text.lower()
