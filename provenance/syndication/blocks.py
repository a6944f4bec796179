"""Cut an article's text into comparable blocks and hash their word shingles.

A *block* is a paragraph (a line of text) with the boilerplate regions of the
article taken out; a paragraph longer than ``Settings.block_words`` is cut at
sentence ends, and a line shorter than ``Settings.min_block_words`` (a
headline, a dateline) is joined to the next one. Copies keep paragraphs, so
blocks line up between an original and its copies whatever was added around
them or reordered, and every block keeps its :class:`~provenance.model.Span`
into ``Article.text`` for the passages shown to the user.

Shingles are the ``Settings.shingle_size`` consecutive words of one block,
hashed to 64 bits from ``hashlib.blake2b`` digests of the words, so the same
text gives the same hashes in every process (Python's ``hash()`` does not).
This module neither compares nor signs; see ``minhash`` and ``align``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from ..model import Article, Span
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["Block", "article_blocks", "article_shingles", "content_words", "mix64", "normalize"]

RE_LINE = re.compile(r"[^\n]+")
RE_WORD = re.compile(r"\w+")
#: End of a sentence: a stop, any closing quotes or brackets, then space.
RE_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")

#: Odd 64-bit multiplier of the rolling shingle hash (arithmetic wraps mod 2^64).
_ROLL = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class Block:
    """A block of an article: where it is, and its words casefolded, joined by spaces.

    ``text`` is always :func:`normalize` of the article's text over ``span``,
    so a block can be rebuilt from its span alone.
    """

    span: Span
    text: str

    @property
    def words(self) -> tuple[str, ...]:
        """The block's words, casefolded."""
        return tuple(self.text.split())


def normalize(text: str) -> str:
    """Return the words of ``text``, casefolded, joined by single spaces.

    Examples
    --------
    >>> normalize("  The Talks, it seems,\\n collapsed!")
    'the talks it seems collapsed'
    """
    return " ".join(RE_WORD.findall(text.casefold()))


def article_blocks(article: Article, *, settings: Settings = DEFAULT_SETTINGS) -> tuple[Block, ...]:
    """Return the blocks of ``article``'s text, boilerplate left out, in text order.

    Parameters
    ----------
    article : Article
        The article; its ``boilerplate`` spans are skipped.
    settings : Settings
        ``block_words`` and ``min_block_words`` shape the blocks.

    Returns
    -------
    tuple of Block
        Empty when the text has no words outside boilerplate.

    Examples
    --------
    >>> text = "Talks fail\\nThe talks collapsed on Monday after a long night of bargaining."
    >>> [block.text for block in article_blocks(Article(id="a", text=text))]
    ['talks fail the talks collapsed on monday after a long night of bargaining']
    """
    pieces = [
        (*piece, after_gap and number == 0)
        for start, end, after_gap in _content_segments(article)
        for number, piece in enumerate(_split_long(article.text, start, end, settings.block_words))
    ]
    return tuple(_merge_short(pieces, settings.min_block_words))


def content_words(blocks: tuple[Block, ...]) -> int:
    """Return the number of words in ``blocks`` (the article's countable text).

    Examples
    --------
    >>> content_words(article_blocks(Article(id="a", text="One two.\\n\\nThree.")))
    3
    """
    return sum(block.text.count(" ") + 1 for block in blocks if block.text)


def article_shingles(blocks: tuple[Block, ...], *, shingle_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the 64-bit shingle hashes of ``blocks`` and where each block's start.

    Shingles never cross a block boundary. A block shorter than one shingle
    gives one hash of all its words, so every block has at least one shingle.

    Parameters
    ----------
    blocks : tuple of Block
        The blocks of one article.
    shingle_size : int
        Words per shingle.

    Returns
    -------
    shingles : numpy.ndarray
        uint64 hashes, block after block, in text order.
    starts : numpy.ndarray
        Index in ``shingles`` of each block's first shingle.

    Examples
    --------
    >>> words = "the talks collapsed on monday"
    >>> shingles, starts = article_shingles((Block(Span(0, 1), words), Block(Span(2, 3), words)), shingle_size=3)
    >>> len(shingles), starts.tolist()
    (6, [0, 3])
    >>> bool((shingles[:3] == shingles[3:]).all())
    True
    """
    if not blocks:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    words = " ".join(block.text for block in blocks).split()
    known = list(map(_WORD_HASHES.get, words))
    if None in known:
        known = [_WORD_HASHES[word] for word in words]
    hashes = np.array(known, dtype=np.uint64)
    lengths = np.array([block.text.count(" ") + 1 for block in blocks], dtype=np.int64)
    firsts = _starts(lengths)
    counts = np.maximum(lengths - shingle_size + 1, 1)
    starts = _starts(counts)
    positions = np.repeat(firsts - starts, counts) + np.arange(counts.sum())
    widths = np.repeat(np.minimum(lengths, shingle_size), counts)
    padded = np.concatenate([hashes, np.zeros(shingle_size, dtype=np.uint64)])
    if lengths.min() >= shingle_size:  # the usual case: roll over all windows at once, keep those inside blocks
        windows = len(hashes) + 1
        rolled = padded[:windows].copy()
        for offset in range(1, shingle_size):
            rolled = rolled * _ROLL + padded[offset : windows + offset]
        return mix64(rolled[positions]), starts
    rolled = padded[positions].copy()
    for offset in range(1, shingle_size):
        inside = widths > offset  # short blocks stop early
        rolled[inside] = rolled[inside] * _ROLL + padded[positions[inside] + offset]
    return mix64(rolled), starts


class _WordHashes(dict):
    """Stable 64-bit hashes of words (blake2b), computed once per word and process."""

    def __missing__(self, word: str) -> int:
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        self[word] = value
        return value


_WORD_HASHES = _WordHashes()


def _starts(lengths: np.ndarray) -> np.ndarray:
    """Where each of consecutive runs of ``lengths`` starts."""
    starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return starts


def mix64(values: np.ndarray) -> np.ndarray:
    """Return the splitmix64 finaliser of uint64 ``values``: every input bit spread over the output.

    Examples
    --------
    >>> int(mix64(np.array([1], dtype=np.uint64))[0]) != 1
    True
    """
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _content_segments(article: Article) -> list[tuple[int, int, bool]]:
    """Line ranges with the boilerplate regions cut out; True after a cut region."""
    regions = sorted((span.start, span.end) for span in article.boilerplate)
    segments = []
    after_gap = False
    for line in RE_LINE.finditer(article.text):
        pieces = [(line.start(), line.end(), after_gap)]
        for region_start, region_end in regions:
            if region_end <= line.start() or region_start >= line.end():
                continue
            pieces = [
                part
                for start, end, gap in pieces
                for part in ((start, min(end, region_start), gap), (max(start, region_end), end, True))
                if part[0] < part[1]
            ]
        after_gap = any(start < line.end() and end > line.end() - 1 for start, end in regions)
        segments.extend(pieces)
    return segments


def _split_long(text: str, start: int, end: int, block_words: int):
    """Yield ``(start, end, words)`` pieces of whole sentences of about ``block_words``."""
    segment = text[start:end]
    words = RE_WORD.findall(segment.casefold())
    if not words:
        return
    if len(words) <= block_words:
        stripped = segment.strip()
        lead = segment.index(stripped[0]) if stripped else 0
        yield start + lead, start + lead + len(stripped), words
        return
    matches = list(RE_WORD.finditer(text, start, end))
    sentence_ends = {match.end() for match in RE_SENTENCE_END.finditer(text, start, end)}
    group_start = 0
    for index in range(1, len(matches)):
        gap = range(matches[index - 1].end(), matches[index].start() + 1)
        size = index - group_start
        if (size >= block_words and any(position in sentence_ends for position in gap)) or size >= 2 * block_words:
            yield _piece(matches[group_start:index])
            group_start = index
    yield _piece(matches[group_start:])


def _piece(matches: list[re.Match]) -> tuple[int, int, list[str]]:
    """A piece from word matches: first start, last end, its normalised words."""
    start, end = matches[0].start(), matches[-1].end()
    return start, end, RE_WORD.findall(matches[0].string[start:end].casefold())


def _merge_short(pieces, min_block_words: int) -> list[Block]:
    """Join pieces shorter than ``min_block_words`` to the next one, never across boilerplate."""
    blocks: list[tuple[int, int, list[str]]] = []
    pending: list | None = None
    for start, end, words, after_gap in pieces:
        if pending is not None and after_gap:
            blocks.append(pending)  # a short piece before boilerplate stays alone
            pending = None
        if pending is None:
            pending = [start, end, list(words)]
        else:
            pending[1] = end
            pending[2].extend(words)
        if len(pending[2]) >= min_block_words:
            blocks.append(pending)
            pending = None
    if pending is not None:
        if blocks and not any(piece[3] for piece in pieces if piece[0] >= blocks[-1][1]):
            blocks[-1][1] = pending[1]
            blocks[-1][2].extend(pending[2])
        else:
            blocks.append(pending)
    return [Block(Span(start, end), " ".join(words)) for start, end, words in blocks]
