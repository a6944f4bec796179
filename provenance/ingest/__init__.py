"""Read inputs (files, folders, globs, ``-``, URLs) into :class:`~provenance.model.Article` records.

Each input goes to one reader, chosen by its name (``.txt``, ``.html``,
``.jsonl``, ``.json``, ``.warc``, each optionally ``.gz``) or, when the name
says nothing, by its first bytes, or for a URL by its Content-Type:

- plain text: :func:`provenance.ingest.text.article_from_text`;
- web pages: :mod:`provenance.ingest.html` (trafilatura);
- JSONL and JSON corpora: :mod:`provenance.ingest.jsonl`, one article per record;
- WARC crawls: :mod:`provenance.ingest.warc`, one article per HTML response.

A broken input never stops the others: each one that cannot be read (or each
broken record inside a corpus) becomes a :class:`~provenance.model.Failure`
naming the path, the line when there is one, and the reason, in the place
the article would have had.
"""

from __future__ import annotations

import gzip
import io
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article, Failure
from ..settings import DEFAULT_SETTINGS, Settings
from .decode import decode_bytes
from .fetch import fetch_url, split_content_type
from .files import STDIN, SNIFF_HEAD, expand_inputs, input_format, open_input, read_capped, sniff_format
from .html import article_from_html, publisher_for_url
from .jsonl import DEFAULT_FIELDS, RecordFields, iter_json, iter_jsonl
from .text import article_from_text
from .warc import iter_warc

__all__ = ["DEFAULT_FIELDS", "STDIN_NAME", "RecordFields", "iter_articles", "read_articles"]

logger = logging.getLogger(__name__)

#: How standard input is named in ids and failures.
STDIN_NAME = "<stdin>"

#: Content types of fetched URLs and the reader each goes to.
_FORMAT_BY_CONTENT_TYPE = {
    "application/json": "json",
    "application/warc": "warc",
    "application/x-ndjson": "jsonl",
    "application/xhtml+xml": "html",
    "text/html": "html",
    "text/plain": "text",
}


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fields: RecordFields = DEFAULT_FIELDS,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every input, in the order given.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders (walked recursively in name order), glob patterns,
        ``"-"`` for standard input, and http(s) URLs.
    settings : Settings
        ``max_article_bytes`` and ``fetch_timeout`` apply.
    fields : RecordFields
        The field names of JSON and JSONL records.
    stdin : binary file, optional
        What ``"-"`` reads; ``sys.stdin.buffer`` by default.

    Yields
    ------
    Article or Failure
        One per file, per JSON record or per WARC page; a Failure in place
        of each input or record that could not be read.

    Raises
    ------
    TypeError
        When ``inputs`` is a single string or path rather than a list of them.

    Examples
    --------
    >>> import io
    >>> items = list(iter_articles(["-", "missing.txt"], stdin=io.BytesIO(b"Reuters said.")))
    >>> [(type(item).__name__, str(item) if isinstance(item, Failure) else item.id) for item in items]
    [('Article', '<stdin>'), ('Failure', 'missing.txt: no such file or folder')]
    """
    if isinstance(inputs, (str, bytes, Path)):
        raise TypeError(f"inputs must be a list of paths or URLs, not a single {type(inputs).__name__}: {inputs!r}")
    for item in expand_inputs(inputs):
        if isinstance(item, Failure):
            logger.debug("%s", item)
            yield item
        elif item == STDIN:
            source = stdin if stdin is not None else sys.stdin.buffer
            items = _read_stream(source, name=STDIN_NAME, fmt=None, settings=settings, fields=fields)
            yield from _guarded(items, STDIN_NAME)
        elif isinstance(item, str):
            yield from _guarded(_read_url(item, settings=settings, fields=fields), item)
        else:
            yield from _guarded(_read_path(item, settings=settings, fields=fields), str(item))


def read_articles(
    inputs: Iterable[str | Path],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    fields: RecordFields = DEFAULT_FIELDS,
    stdin: BinaryIO | None = None,
) -> tuple[list[Article], list[Failure]]:
    """Read every input; return the articles and the failures apart, each in input order.

    Takes the same arguments as :func:`iter_articles`.

    Examples
    --------
    >>> articles, failures = read_articles(["missing.txt"])
    >>> articles, [str(failure) for failure in failures]
    ([], ['missing.txt: no such file or folder'])
    """
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in iter_articles(inputs, settings=settings, fields=fields, stdin=stdin):
        (articles if isinstance(item, Article) else failures).append(item)
    return articles, failures


def _guarded(items: Iterator[Article | Failure], name: str) -> Iterator[Article | Failure]:
    """Pass items on; an error turns into a Failure for this input only."""
    try:
        yield from items
    except InputError as err:
        logger.debug("%s", err)
        yield Failure(err.path, err.reason, err.line)
    except Exception as err:  # a reader bug must cost one input, never the whole batch
        logger.debug("unexpected error reading %s", name, exc_info=True)
        yield Failure(name, f"unexpected error: {type(err).__name__}: {err}")


def _read_path(path: Path, *, settings: Settings, fields: RecordFields) -> Iterator[Article | Failure]:
    """The articles of one file."""
    name = str(path)
    with open_input(path) as handle:
        fmt = input_format(path)
        stream: BinaryIO = handle
        if path.suffix.casefold() == ".gz" and fmt != "warc":
            stream = gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[assignment]
            fmt = fmt or _sniff_stream(stream, name=name)
        yield from _read_stream(stream, name=name, fmt=fmt, path=name, settings=settings, fields=fields)


def _read_url(url: str, *, settings: Settings, fields: RecordFields) -> Iterator[Article | Failure]:
    """The articles behind one URL."""
    fetched = fetch_url(url, settings=settings)
    media_type, charset = split_content_type(fetched.content_type)
    fmt = _FORMAT_BY_CONTENT_TYPE.get(media_type)
    yield from _read_stream(
        io.BytesIO(fetched.body), name=url, fmt=fmt, url=fetched.url, declared=charset, settings=settings, fields=fields
    )


def _read_stream(
    stream: BinaryIO,
    *,
    name: str,
    fmt: str | None,
    settings: Settings,
    fields: RecordFields,
    path: str | None = None,
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Article | Failure]:
    """The articles of one open input, read by the reader ``fmt`` names (or sniffed)."""
    if fmt is None:
        fmt = _sniff_stream(stream, name=name)
    if fmt == "gzip":
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        fmt = _sniff_stream(stream, name=name)
        if fmt == "gzip":
            raise InputError(name, "gzip inside gzip is not read")
    if fmt == "warc":
        yield from iter_warc(stream, name=name, settings=settings)
    elif fmt == "jsonl":
        yield from iter_jsonl(stream, name=name, fields=fields, settings=settings)
    elif fmt == "json":
        yield from iter_json(_read_all(stream, name=name), name=name, fields=fields, settings=settings)
    else:
        data = read_capped(stream, name=name, limit=settings.max_article_bytes)
        if fmt == "html":
            yield article_from_html(data, id=name, path=path, url=url, declared=declared, settings=settings)
        else:
            text = decode_bytes(data, name=name, declared=declared, settings=settings)
            if not text.strip():
                raise InputError(name, "empty file")
            yield article_from_text(text, id=name, path=path, url=url, publisher=publisher_for_url(url))


def _sniff_stream(stream: BinaryIO, *, name: str) -> str:
    """Choose a reader from the first bytes, leaving them to be read again."""
    try:
        peek = getattr(stream, "peek", None)
        if peek is not None:
            return sniff_format(peek(SNIFF_HEAD)[:SNIFF_HEAD])
        position = stream.tell()
        head = stream.read(SNIFF_HEAD)
        stream.seek(position)
        return sniff_format(head)
    except EOFError as err:
        raise InputError(name, "truncated gzip data") from err
    except (OSError, zlib.error) as err:
        raise InputError(name, f"unreadable: {str(err).lower()}") from err


def _read_all(stream: BinaryIO, *, name: str) -> bytes:
    """All of a corpus stream (JSON documents have no per-record limit)."""
    try:
        return stream.read()
    except EOFError as err:
        raise InputError(name, "truncated gzip data") from err
    except (OSError, zlib.error) as err:
        raise InputError(name, f"unreadable: {str(err).lower()}") from err
