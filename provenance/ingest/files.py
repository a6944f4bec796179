"""Expand what the user named (files, folders, globs, ``-``, URLs) into inputs.

:func:`expand_inputs` turns each item into the things to read, in order:
a folder becomes the article files under it (recursively, sorted by name at
each level, hidden names skipped), a glob pattern its sorted matches, ``-``
standard input and a URL stays a URL for :mod:`provenance.ingest.fetch`.
Anything that cannot be expanded (a missing path, a symlink loop, a folder
that cannot be listed, a pattern that matches nothing) becomes a
:class:`~provenance.model.Failure` in its place. A file reached twice (given
twice, or through a link) is read once.

It also opens files for the readers with :func:`open_input` and reads them
with a size cap (:func:`read_capped`); it does not parse anything.
"""

from __future__ import annotations

import errno
import glob
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Failure

__all__ = [
    "FORMAT_BY_SUFFIX",
    "STDIN",
    "expand_inputs",
    "input_format",
    "is_glob",
    "is_url",
    "open_input",
    "read_capped",
    "sniff_format",
    "too_large",
]

logger = logging.getLogger(__name__)

#: The name that stands for standard input.
STDIN = "-"

#: The reader each file suffix goes to; files under a folder are read only
#: when their suffix is here (or they have none), so a folder of saved pages
#: may hold images and stylesheets. A file named explicitly is always read.
FORMAT_BY_SUFFIX = {
    ".htm": "html",
    ".html": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".md": "text",
    ".ndjson": "jsonl",
    ".shtml": "html",
    ".text": "text",
    ".txt": "text",
    ".warc": "warc",
    ".xhtml": "html",
}

#: Bytes of an unnamed input looked at to choose its reader.
SNIFF_HEAD = 4096

#: File stems (upper case) that a folder walk leaves out: notes about the corpus.
FOLDER_NOTES = frozenset({"README", "LICENSE", "CHANGELOG", "NOTICE"})

RE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
RE_GLOB = re.compile(r"[*?[]")


def is_url(item: str | Path) -> bool:
    """Return True when ``item`` is written as a URL (any scheme).

    Examples
    --------
    >>> is_url("https://www.reuters.com/world/"), is_url("ftp://host/a"), is_url("a/b.txt")
    (True, True, False)
    """
    return isinstance(item, str) and RE_URL.match(item) is not None


def is_glob(item: str | Path) -> bool:
    """Return True when ``item`` holds a glob wildcard (``*``, ``?`` or ``[``).

    Examples
    --------
    >>> is_glob("articles/**/*.html"), is_glob("articles/a.html")
    (True, False)
    """
    return RE_GLOB.search(str(item)) is not None


def input_format(path: str | Path) -> str | None:
    """Return the reader a file's name points to, or None to look at its bytes.

    ``.gz`` is looked through: ``crawl.warc.gz`` is a WARC, ``dump.jsonl.gz``
    JSONL read through gzip.

    Examples
    --------
    >>> input_format("crawl.warc.gz"), input_format("a/Page.HTML"), input_format("notes")
    ('warc', 'html', None)
    """
    suffixes = [suffix.casefold() for suffix in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMAT_BY_SUFFIX.get(suffixes[-1]) if suffixes else None


def sniff_format(head: bytes) -> str:
    """Return the reader the first bytes of an unnamed input point to.

    One of ``warc``, ``gzip`` (look inside), ``jsonl``, ``json``, ``html``
    or ``text``.

    Examples
    --------
    >>> sniff_format(b"WARC/1.0 "), sniff_format(b'{"text": "x"}'), sniff_format(b"<!DOCTYPE html>")
    ('warc', 'jsonl', 'html')
    >>> sniff_format(b"Reuters said the talks collapsed.")
    'text'
    """
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16)
        except zlib.error:
            return "gzip"
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    if head.startswith(b"{") and b'":' in head[:SNIFF_HEAD]:
        return "jsonl"
    if head.startswith(b"[") and b'":' in head[:SNIFF_HEAD]:
        return "json"
    if head.startswith(b"<"):
        return "html"
    return "text"


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | str | Failure]:
    """Yield every input to read: a file ``Path``, a URL or ``"-"``, or a Failure.

    Parameters
    ----------
    inputs : iterable of str or Path
        Files, folders, glob patterns, URLs and ``-``, in the order wanted.

    Yields
    ------
    Path, str or Failure
        Files as paths (relative when given relative), URLs and ``-`` as the
        strings given, and a Failure for each item that cannot be expanded.

    Examples
    --------
    >>> list(expand_inputs(["-", "https://example.com/a"]))
    ['-', 'https://example.com/a']
    >>> list(expand_inputs(["no/such/file.txt"]))
    [Failure(path='no/such/file.txt', reason='no such file or folder', line=None)]
    """
    seen: set[str] = set()
    for item in inputs:
        if isinstance(item, str) and (item == STDIN or is_url(item)):
            yield item
            continue
        for found in _expand_item(item):
            if isinstance(found, Path):
                real = os.path.realpath(found)
                if real in seen:
                    logger.debug("%s: read already, skipped", found)
                    continue
                seen.add(real)
            yield found


def open_input(path: Path) -> BinaryIO:
    """Open a file for reading bytes; raise InputError with a plain reason."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (the caller closes it)
    except OSError as err:
        raise InputError(str(path), _os_reason(err)) from err
    return handle


def read_capped(handle: BinaryIO, *, name: str, limit: int) -> bytes:
    """Read all of ``handle``, refusing more than ``limit`` bytes.

    Raises
    ------
    InputError
        When the input is larger than ``limit`` or cannot be read.

    Examples
    --------
    >>> import io
    >>> read_capped(io.BytesIO(b"Reuters said."), name="a.txt", limit=100)
    b'Reuters said.'
    >>> read_capped(io.BytesIO(b"x" * 200), name="a.txt", limit=100)
    Traceback (most recent call last):
    ...
    provenance.errors.InputError: a.txt: too large: more than 100 bytes (the limit, Settings.max_article_bytes, is 100)
    """
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        size = 0  # a pipe or an in-memory stream: counted while reading instead
    if size > limit:
        raise InputError(name, too_large(size, limit, exact=True))
    try:
        data = handle.read(limit + 1)
    except (OSError, zlib.error) as err:
        raise InputError(name, _os_reason(err) if isinstance(err, OSError) else f"unreadable: {err}") from err
    except EOFError as err:
        raise InputError(name, "truncated gzip data") from err
    if len(data) > limit:
        raise InputError(name, too_large(len(data) - 1, limit, exact=False))
    return data


def too_large(size: int, limit: int, *, exact: bool = True) -> str:
    """The reason given for an input over the size limit.

    Examples
    --------
    >>> too_large(25_000_000, 20_000_000)
    'too large: 25,000,000 bytes (the limit, Settings.max_article_bytes, is 20,000,000)'
    """
    amount = f"{size:,} bytes" if exact else f"more than {size:,} bytes"
    return f"too large: {amount} (the limit, Settings.max_article_bytes, is {limit:,})"


def _expand_item(item: str | Path) -> Iterator[Path | Failure]:
    """The files one path, folder or pattern stands for."""
    path = Path(item)
    if not os.path.lexists(path) and is_glob(item):
        matches = sorted(glob.glob(str(item), recursive=True))
        if not matches:
            yield Failure(str(item), "no file matches the pattern")
        for match in matches:
            yield from _expand_path(Path(match), explicit=False)
        return
    yield from _expand_path(path, explicit=True)


def _expand_path(path: Path, *, explicit: bool) -> Iterator[Path | Failure]:
    """A file as itself, a folder as the files under it."""
    try:
        status = path.stat()
    except OSError as err:
        yield Failure(str(path), _os_reason(err, path))
        return
    if path.is_dir():
        yield from _walk(path, ancestors=frozenset({(status.st_dev, status.st_ino)}))
    elif explicit or _is_article_name(path):
        yield path


def _walk(folder: Path, *, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | Failure]:
    """The article files under ``folder``, depth first in name order."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as err:
        yield Failure(str(folder), _os_reason(err, folder))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            status = path.stat()
        except OSError as err:
            yield Failure(str(path), _os_reason(err, path))
            continue
        if path.is_dir():
            key = (status.st_dev, status.st_ino)
            if key in ancestors:
                yield Failure(str(path), "symlink loop (a link to a folder that contains it)")
                continue
            yield from _walk(path, ancestors=ancestors | {key})
        elif path.is_file() and _is_article_name(path):
            yield path
        else:
            logger.debug("%s: not an article file name, skipped", path)


def _is_article_name(path: Path) -> bool:
    """True for a name a folder's article files have (known suffix or none).

    A folder's own notes (README, LICENSE, CHANGELOG) describe the corpus
    rather than belong to it; named on the command line they are still read.
    """
    if path.stem.upper() in FOLDER_NOTES:
        return False
    return input_format(path) is not None or not path.suffix


def _os_reason(err: OSError, path: Path | None = None) -> str:
    """A short lowercase reason for an operating-system error."""
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if err.errno == errno.ENOENT:
        if path is not None and os.path.islink(path):
            return "broken symlink (its target does not exist)"
        return "no such file or folder"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EISDIR:
        return "is a folder"
    return (err.strerror or str(err)).lower().rstrip(".")
