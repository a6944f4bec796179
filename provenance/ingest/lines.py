"""Lines of an article's text, with their offsets, read from the head or the tail.

Metadata (masthead, title, byline, dateline, sign-offs) sits on lines of
their own near the top or the bottom of an article, so the readers in
:mod:`provenance.ingest.metadata` and :mod:`provenance.ingest.boilerplate`
work on :class:`Line` records: the stripped words of one line and where they
are in the text. Walking from either end never touches the middle of a long
text, and a line longer than ``limit`` characters is cut to its first
``limit`` characters (offsets stay right), so one enormous line costs no
more than a normal one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Line", "head_lines", "iter_lines", "tail_lines", "word_count"]

#: A stripped non-blank line: from its first to its last non-space character.
RE_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
RE_NONSPACE = re.compile(r"\S")
RE_BREAK = re.compile(r"[\r\n]")
#: Characters read back per wanted line when reading the tail; doubled until enough.
WINDOW_CHARS_PER_LINE = 160


class Line(NamedTuple):
    """One non-blank line: its stripped ``text`` and where it is in the article.

    ``text`` is ``article_text[start:end]``; ``cut`` is True when the line was
    longer than the limit it was read with and ``text`` holds only its start.
    (A named tuple, not a dataclass: thousands are made per article, and a
    tuple is built several times faster than a frozen dataclass.)
    """

    text: str
    start: int
    end: int
    cut: bool = False

    @property
    def words(self) -> int:
        """The number of whitespace-separated words on the line."""
        return word_count(self.text)


@lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """Return the number of whitespace-separated words in ``text`` (cached).

    Examples
    --------
    >>> word_count("  Sumaira FH\u00a0Published ")
    3
    """
    return len(text.split())


def iter_lines(text: str, *, start: int = 0, end: int | None = None, limit: int = 2000) -> Iterator[Line]:
    """Yield the non-blank lines of ``text[start:end]`` in order.

    Lines end at ``\n``, ``\r\n`` or a lone ``\r``.

    Parameters
    ----------
    text : str
        The article text.
    start, end : int
        The region to read; the whole text by default.
    limit : int
        Longest line kept whole; a longer one is cut to its first ``limit``
        characters (``Line.cut`` is then True).

    Examples
    --------
    >>> [(line.text, line.start) for line in iter_lines("Title\\n\\n  By Jane Doe \\n")]
    [('Title', 0), ('By Jane Doe', 9)]
    """
    end = len(text) if end is None else end
    for match in RE_LINE.finditer(text, start, end):
        line_start, line_end = match.span()
        if line_end - line_start > limit:
            line = _line(text, line_start, line_end, limit)
            if line is not None:
                yield line
        else:
            yield Line(match.group(), line_start, line_end)


def head_lines(text: str, count: int, *, limit: int = 2000) -> list[Line]:
    """Return the first ``count`` non-blank lines of ``text``.

    Examples
    --------
    >>> [line.text for line in head_lines("a\\n\\nb\\nc\\n", 2)]
    ['a', 'b']
    """
    found: list[Line] = []
    if count <= 0:
        return found
    for line in iter_lines(text, limit=limit):
        found.append(line)
        if len(found) >= count:
            break
    return found


def tail_lines(text: str, count: int, *, end: int | None = None, limit: int = 2000) -> list[Line]:
    """Return the last ``count`` non-blank lines of ``text[:end]``, in text order.

    Examples
    --------
    >>> [line.text for line in tail_lines("a\\n\\nb\\nc\\n", 2)]
    ['b', 'c']
    """
    position = len(text) if end is None else end
    window = max(1, count) * WINDOW_CHARS_PER_LINE
    found: list[Line] = []
    while len(found) < count and position > 0:
        start = max(0, position - window)
        chunk = list(iter_lines(text, start=start, end=position, limit=limit))
        begins_inside = start > 0 and text[start - 1] not in "\r\n"
        if chunk and begins_inside and not RE_BREAK.search(text, start, chunk[0].start):
            # The window began inside this line: read it whole, from its real start.
            start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            following = RE_BREAK.search(text, chunk[0].start, position)
            chunk[0] = _line(text, start, following.start() if following else position, limit) or chunk[0]
        found[:0] = chunk
        position = start
        window *= 2
    return found[-count:] if count > 0 else []


def _line(text: str, start: int, end: int, limit: int) -> Line | None:
    """The stripped line in ``text[start:end]`` (its first ``limit`` characters), or None when blank."""
    first = RE_NONSPACE.search(text, start, end)
    if first is None:
        return None
    offset = first.start()
    cut = end - offset > limit
    piece = text[offset : offset + limit if cut else end].rstrip()
    return Line(piece, offset, offset + len(piece), cut)
