"""Verify a candidate pair: align the blocks two articles share, with rapidfuzz.

Identical blocks are paired first; every remaining block of one article is
scored against every remaining block of the other with ``rapidfuzz.fuzz.ratio``
(``process.cdist``, blocks are short), and pairs scoring at least
``Settings.block_match_cutoff`` are matched one to one, best first.
Matching blocks rather than running one long alignment keeps reordered
paragraphs, wrapped copies and paragraphs reused inside another article in
view; consecutive matched blocks are joined into one passage.

A paragraph the copier split in two (or two it joined) is caught by scoring
adjacent unmatched blocks joined against single ones. The shared fraction of
a side is the share of its words (boilerplate left out) inside matched
blocks. What this does not see: reuse shorter than a block, and a block only
partly reused (a quote lifted out of a paragraph).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from ..model import Passage, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .blocks import Block, normalize

__all__ = ["Alignment", "BlockIndex", "align_blocks"]


@dataclass(frozen=True, slots=True)
class Alignment:
    """What two articles share: each side's shared fraction and the passages.

    ``passages`` hold spans of the first article as ``original`` and of the
    second as ``copy``; ``direction`` swaps them when it decides otherwise.
    """

    shared_first: float
    shared_second: float
    passages: tuple[Passage, ...]
    #: Words of each side before its first shared block (0: the shared text
    #: opens the article, as in a truncated copy and its original).
    lead_first: int = 0
    lead_second: int = 0
    #: Words of each side after its last shared block ("Read more at ...").
    tail_first: int = 0
    tail_second: int = 0
    #: Words of each side (boilerplate and stock text left out).
    words_first: int = 0
    words_second: int = 0


@dataclass(frozen=True, slots=True)
class BlockIndex:
    """An article's blocks as alignment needs them: spans, word counts, text keys.

    A block's text is rebuilt from its span only when a fuzzy comparison
    needs it (``normalize`` of ``source`` over the span), so indexes stay small
    enough to send to worker processes.
    """

    source: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[int, ...]
    keys: tuple[int, ...]
    #: Blocks of stock text (made of shingles common in the collection): never
    #: matched or counted as shared, but they still tell where the text ends.
    stock: frozenset[int] = frozenset()
    #: Normalised block texts already rebuilt (an article aligned against many
    #: candidates rebuilds each block once).
    cache: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, blocks: tuple[Block, ...]) -> BlockIndex:
        """Return the index of ``blocks`` of an article whose text is ``text``."""
        return cls(
            text,
            tuple(block.span.start for block in blocks),
            tuple(block.span.end for block in blocks),
            tuple(block.text.count(" ") + 1 for block in blocks),
            tuple(text_key(block.text) for block in blocks),
        )

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, index: int) -> str:
        """The normalised text of block ``index``."""
        text = self.cache.get(index)
        if text is None:
            text = self.cache[index] = normalize(self.source[self.starts[index] : self.ends[index]])
        return text


def text_key(text: str) -> int:
    """Return a stable 64-bit key of a block's normalised text.

    Examples
    --------
    >>> text_key("the talks collapsed") == text_key("the talks collapsed")
    True
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def align_blocks(first: BlockIndex, second: BlockIndex, *, settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """Return the blocks ``first`` and ``second`` share, as fractions and passages.

    Identical blocks are paired first (by text key); the rest are scored with
    ``rapidfuzz.fuzz.ratio`` and paired best first, one to one.

    Parameters
    ----------
    first, second : BlockIndex
        The blocks of two articles (``BlockIndex.of(article.text, article_blocks(article))``).
    settings : Settings
        ``block_match_cutoff`` is the rapidfuzz ratio two blocks need.

    Returns
    -------
    Alignment
        Fractions are 0.0 and passages empty when nothing matches.

    Examples
    --------
    >>> from provenance.model import Article
    >>> from provenance.syndication.blocks import article_blocks
    >>> one = Article(id="a", text="The talks collapsed on Monday night.\\nBoth sides blamed each other for it.")
    >>> two = Article(id="b", text="Unrelated words about the weather today.\\nThe talks collapsed on Monday night!")
    >>> settings = Settings(min_block_words=2)
    >>> index = lambda article: BlockIndex.of(article.text, article_blocks(article, settings=settings))
    >>> found = align_blocks(index(one), index(two))
    >>> found.shared_first, found.shared_second
    (0.4615, 0.5)
    >>> [(one.text[p.original.start:p.original.end]) for p in found.passages]
    ['The talks collapsed on Monday night.']
    """
    if not len(first) or not len(second):
        return Alignment(0.0, 0.0, ())
    matches: list[tuple[int, int]] = []
    waiting: dict[int, list[int]] = {}
    for row, key in enumerate(first.keys):
        if row not in first.stock:
            waiting.setdefault(key, []).append(row)
    rest_columns = []
    for column, key in enumerate(second.keys):
        if column in second.stock:
            continue
        rows = waiting.get(key)
        if rows:
            matches.append((rows.pop(0), column))
        else:
            rest_columns.append(column)
    matched_rows = {row for row, _ in matches}
    rest_rows = [row for row in range(len(first)) if row not in matched_rows and row not in first.stock]
    if rest_rows and rest_columns:
        matches.extend(_fuzzy_matches(first, second, rest_rows, rest_columns, settings.block_match_cutoff))
        rows_left = sorted(set(rest_rows) - {row for row, _ in matches})
        columns_left = sorted(set(rest_columns) - {column for _, column in matches})
        if rows_left and columns_left:
            matches.extend(_split_matches(first, second, rows_left, columns_left, settings.block_match_cutoff))
    if not matches:
        return Alignment(0.0, 0.0, ())
    matches.sort()
    rows = sorted({row for row, _ in matches})
    columns = sorted({column for _, column in matches})
    return Alignment(
        _share(first, rows),
        _share(second, columns),
        tuple(_passages(first, second, matches)),
        sum(first.words[: rows[0]]),
        sum(second.words[: columns[0]]),
        sum(first.words[rows[-1] + 1 :]),
        sum(second.words[columns[-1] + 1 :]),
        _content_words(first),
        _content_words(second),
    )


def _fuzzy_matches(first: BlockIndex, second: BlockIndex, rows: list[int], columns: list[int], cutoff: float):
    """One-to-one pairs of the remaining blocks scoring at least ``cutoff``, best first."""
    scores = process.cdist(
        [first.text(row) for row in rows],
        [second.text(column) for column in columns],
        scorer=fuzz.ratio,
        score_cutoff=cutoff,
        dtype=np.float32,
        workers=1,
    )
    found_rows, found_columns = np.nonzero(scores)
    order = np.lexsort((found_columns, found_rows, -scores[found_rows, found_columns]))
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    for index in order:
        row, column = rows[found_rows[index]], columns[found_columns[index]]
        if row in used_rows or column in used_columns:
            continue
        used_rows.add(row)
        used_columns.add(column)
        yield row, column


def _split_matches(first: BlockIndex, second: BlockIndex, rows: list[int], columns: list[int], cutoff: float):
    """Pairs for a paragraph one side split in two: two adjacent blocks against one."""
    items = []  # (rows, columns) of each comparison: a joined pair against a single block
    texts_first = {row: first.text(row) for row in rows}
    texts_second = {column: second.text(column) for column in columns}
    joined_rows = [(row, row + 1) for row in rows if row + 1 in texts_first]
    joined_columns = [(column, column + 1) for column in columns if column + 1 in texts_second]
    for group, singles, joined_texts, single_texts, flip in (
        (joined_rows, columns, texts_first, texts_second, False),
        (joined_columns, rows, texts_second, texts_first, True),
    ):
        if not group or not singles:
            continue
        scores = process.cdist(
            [joined_texts[a] + " " + joined_texts[b] for a, b in group],
            [single_texts[single] for single in singles],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.float32,
            workers=1,
        )
        for found_group, found_single in zip(*np.nonzero(scores)):
            pair, single = group[found_group], singles[found_single]
            score = float(scores[found_group, found_single])
            items.append((-score, (single,) if flip else pair, pair if flip else (single,)))
    used_rows: set[int] = set()
    used_columns: set[int] = set()
    for _, item_rows, item_columns in sorted(items):
        if used_rows.intersection(item_rows) or used_columns.intersection(item_columns):
            continue
        used_rows.update(item_rows)
        used_columns.update(item_columns)
        yield from ((row, column) for row in item_rows for column in item_columns)


def _content_words(index: BlockIndex) -> int:
    """Words of the blocks that are not stock text."""
    return sum(words for row, words in enumerate(index.words) if row not in index.stock)


def _share(index: BlockIndex, matched: list[int]) -> float:
    """The share of the words of the article's (non-stock) blocks inside the ``matched`` ones."""
    total = _content_words(index)
    inside = sum(index.words[row] for row in matched)
    return round(inside / total, 4) if total else 0.0


def _passages(first: BlockIndex, second: BlockIndex, matches: list[tuple[int, int]]):
    """Join runs of matches that go on in both texts (or split one block) into passages."""
    run_start = None
    previous = None
    for row, column in matches:
        if previous is not None and row - previous[0] in (0, 1) and column - previous[1] in (0, 1):
            previous = (row, column)
            continue
        if run_start is not None:
            yield _passage(first, second, run_start, previous)
        run_start = previous = (row, column)
    if run_start is not None:
        yield _passage(first, second, run_start, previous)


def _passage(first: BlockIndex, second: BlockIndex, start: tuple[int, int], end: tuple[int, int]) -> Passage:
    return Passage(
        Span(first.starts[start[0]], first.ends[end[0]]),
        Span(second.starts[start[1]], second.ends[end[1]]),
    )
