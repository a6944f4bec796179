"""Find syndicated and copied articles: who copied whom, with what credit.

Four steps, each a function of its own module, tested on its own:

1. ``blocks`` cuts each text into paragraphs (boilerplate left out) and
   hashes their word shingles;
2. ``minhash`` signs every block and bands the signatures; articles sharing
   a band key are *candidates* (:func:`find_candidates`); nothing compares
   all pairs;
3. ``align`` verifies each candidate with rapidfuzz, block against block,
   giving each side's shared fraction and the aligned passages
   (:func:`verify_pair`);
4. ``direction`` orders each verified pair (credit, then time, then
   containment) and writes its reason; ``clusters`` keeps each copy's likely
   sources and groups the stories.

Texts with fewer than ``Settings.min_words`` words outside boilerplate never
match. Shingles found in a large share of the texts are ignored, and a block
made mostly of them (an unmarked footer, a "Read more" line) is *stock text*:
never signed, matched or counted as shared. Signing, verifying and orienting
run on a process pool over batches (1,000 articles or more, ``workers`` > 1);
the pool's workers inherit the articles when the platform forks.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

from ..model import Article, CopyPair, stable_id
from ..settings import DEFAULT_SETTINGS, Settings
from .align import Alignment, BlockIndex, align_blocks, text_key
from .blocks import article_blocks, article_shingles, content_words
from .clusters import copy_clusters, select_sources
from .direction import as_utc, is_credited, orient
from .minhash import band_keys, candidate_pairs, common_shingles, sign_blocks

__all__ = [
    "SyndicationResult",
    "copy_clusters",
    "find_candidates",
    "find_copies",
    "is_credited",
    "orient",
    "select_sources",
    "verify_pair",
]

logger = logging.getLogger(__name__)

#: Articles signed per task: large enough that process overhead is small.
SIGN_BATCH = 500
#: Candidate pairs verified per task.
VERIFY_BATCH = 2000

#: The articles a pool worker reads (inherited when the pool forks).
_WORKER_ARTICLES: Sequence[Article] = ()
_WORKER_SETTINGS: Settings = DEFAULT_SETTINGS


@dataclass(frozen=True, slots=True)
class SyndicationResult:
    """Copies found among articles.

    ``pairs`` link each copy to its likely source(s), sorted by (original,
    copy). ``clusters`` are the stories: ids of articles joined by pairs, the
    likely root first and the others sorted; sorted by root.
    """

    pairs: tuple[CopyPair, ...]
    clusters: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict:
        return {
            "pairs": [pair.to_dict() for pair in self.pairs],
            "clusters": [{"cluster": list(cluster), "root": cluster[0]} for cluster in self.clusters],
        }


def find_copies(
    articles: Iterable[Article], *, settings: Settings = DEFAULT_SETTINGS, workers: int | None = None
) -> SyndicationResult:
    """Find the articles that copy one another, who copied whom, and the stories.

    Parameters
    ----------
    articles : iterable of Article
        Ids must be unique. ``boilerplate`` spans are ignored; ``published``
        and ``credits`` decide the direction.
    settings : Settings
        The syndication knobs (``min_shared``, ``min_words``, ``num_perm``, ...).
    workers : int or None
        Processes to use; None uses every core, 1 stays in this process.

    Returns
    -------
    SyndicationResult
        Pairs sharing at least ``min_shared`` of the shorter text, each copy
        linked to its likely source(s); the same input gives the same result.

    Raises
    ------
    ValueError
        When two articles share an id.

    Notes
    -----
    Candidates are approximate (MinHash and LSH over paragraphs): a copy
    whose every paragraph was rewritten can be missed, and in a story copied
    by hundreds, each copy is compared with the earliest few only.

    Examples
    --------
    >>> body = " ".join(f"Sentence {n} of the wire story says something new." for n in range(12))
    >>> wire = Article(id="wire", text=body, publisher="Reuters")
    >>> reprint = Article(id="reprint", text="Home | News\\n" + body, credits=("Reuters",))
    >>> result = find_copies([reprint, wire], workers=1)
    >>> [(p.original, p.copy, p.credited) for p in result.pairs]
    [('wire', 'reprint', True)]
    >>> result.clusters
    (('wire', 'reprint'),)
    """
    articles = sorted(articles, key=lambda article: article.id)
    for first, second in zip(articles, articles[1:]):
        if first.id == second.id:
            raise ValueError(f"duplicate article id {first.id!r}; ids must be unique")
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    pool = _pool(articles, settings, workers) if workers > 1 and len(articles) >= 2 * SIGN_BATCH else None
    try:
        candidates, tables = _candidate_indexes(articles, settings, pool)
        logger.info("%d candidate pairs among %d articles", len(candidates), len(articles))
        verified = _verify(articles, candidates, tables, settings, pool)
    finally:
        if pool is not None:
            pool.shutdown()
    oriented = [pair for _, _, pair in verified]
    published = {article.id: as_utc(article.published) for article in articles}
    pairs = select_sources(oriented, published=published, settings=settings)
    return SyndicationResult(pairs, copy_clusters(pairs, published=published))


def find_candidates(
    articles: Sequence[Article], *, settings: Settings = DEFAULT_SETTINGS, workers: int | None = 1
) -> tuple[tuple[str, str], ...]:
    """Return the id pairs that probably share a paragraph (MinHash/LSH), sorted.

    Examples
    --------
    >>> body = " ".join(f"Sentence {n} of the wire story says something new." for n in range(12))
    >>> find_candidates([Article(id="a", text=body), Article(id="b", text="Intro words here.\\n" + body),
    ...                  Article(id="c", text=body.replace("wire", "other").replace("new", "old"))])
    (('a', 'b'),)
    """
    articles = sorted(articles, key=lambda article: article.id)
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    pool = _pool(articles, settings, workers) if workers > 1 and len(articles) >= 2 * SIGN_BATCH else None
    try:
        indexes, _tables = _candidate_indexes(articles, settings, pool)
    finally:
        if pool is not None:
            pool.shutdown()
    return tuple(sorted((articles[first].id, articles[second].id) for first, second in indexes))


def verify_pair(first: Article, second: Article, *, settings: Settings = DEFAULT_SETTINGS) -> Alignment:
    """Return what ``first`` and ``second`` share: fractions of each and passages.

    Examples
    --------
    >>> body = " ".join(f"Sentence {n} of the wire story says something new." for n in range(12))
    >>> more = "\\nMore of our own words to end the story here today."
    >>> found = verify_pair(Article(id="a", text=body), Article(id="b", text=body + more))
    >>> found.shared_first, found.shared_second
    (1.0, 0.9076)
    """
    return align_blocks(
        BlockIndex.of(first.text, article_blocks(first, settings=settings)),
        BlockIndex.of(second.text, article_blocks(second, settings=settings)),
        settings=settings,
    )


def _pool(articles: Sequence[Article], settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A pool whose workers hold the articles (inherited on fork, pickled once otherwise)."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(articles, settings))


def _init_worker(articles: Sequence[Article], settings: Settings) -> None:
    """Keep the articles and settings in the worker process."""
    global _WORKER_ARTICLES, _WORKER_SETTINGS
    _WORKER_ARTICLES, _WORKER_SETTINGS = articles, settings


def _run(pool, function, tasks: list, articles: Sequence[Article], settings: Settings) -> list:
    """Run ``function`` over ``tasks`` on the pool, or here; results in task order."""
    if pool is None:
        _init_worker(articles, settings)
        return [function(*task) for task in tasks]
    return list(pool.map(function, *zip(*tasks))) if tasks else []


def _candidate_indexes(
    articles: Sequence[Article], settings: Settings, pool
) -> tuple[list[tuple[int, int]], dict]:
    """Index pairs (smaller first, sorted) of articles sharing a band key, and their block tables."""
    count = len(articles)
    by_digest = sorted(range(count), key=lambda index: stable_id(articles[index].id))
    sample = sorted(by_digest[: settings.common_shingle_sample])
    tasks = [(sample[i : i + SIGN_BATCH],) for i in range(0, len(sample), SIGN_BATCH)]
    shingle_sets = [item for batch in _run(pool, _sample_batch, tasks, articles, settings) for item in batch]
    common = common_shingles(shingle_sets, total_docs=count, settings=settings)
    tasks = [(start, min(start + SIGN_BATCH, count), common) for start in range(0, count, SIGN_BATCH)]
    signed = _run(pool, _sign_batch, tasks, articles, settings)
    keys = np.concatenate([np.zeros(0, dtype=np.uint64), *(part[0] for part in signed)])
    docs = np.concatenate([np.zeros(0, dtype=np.int64), *(part[1] for part in signed)])
    tables = {index: table for part in signed for index, table in part[2].items()}
    pairs, _hits = candidate_pairs(keys, docs, _priority(articles), settings=settings)
    return [(int(first), int(second)) for first, second in pairs], tables


def _priority(articles: Sequence[Article]) -> np.ndarray:
    """Rank of each article: dated ones by time, then undated; ties by id (input order)."""
    def key(index: int):
        moment = as_utc(articles[index].published)
        return (0, moment.timestamp(), index) if moment else (1, 0.0, index)

    order = sorted(range(len(articles)), key=key)
    ranks = np.empty(len(articles), dtype=np.int64)
    ranks[order] = np.arange(len(articles))
    return ranks


def _sample_batch(indexes: list[int]) -> list[np.ndarray]:
    """Worker: the unique shingles of each sampled article."""
    settings = _WORKER_SETTINGS
    result = []
    for index in indexes:
        blocks = article_blocks(_WORKER_ARTICLES[index], settings=settings)
        if content_words(blocks) >= settings.min_words:
            result.append(np.unique(article_shingles(blocks, shingle_size=settings.shingle_size)[0]))
    return result


def _sign_batch(start: int, end: int, common: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict]:
    """Worker: band keys of the blocks of articles ``start:end``, their article, and block tables.

    Blocks made mostly of common shingles are stock text: not signed, and
    flagged in the table so alignment skips them; articles left with fewer
    than ``min_words`` other words get no keys and no table. The whole batch
    is shingled, filtered and signed at once (shingles never cross blocks).
    """
    settings = _WORKER_SETTINGS
    empty = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), {}
    per_article = [article_blocks(_WORKER_ARTICLES[index], settings=settings) for index in range(start, end)]
    blocks = tuple(block for article in per_article for block in article)
    if not blocks:
        return empty
    shingles, starts = article_shingles(blocks, shingle_size=settings.shingle_size)
    sizes = np.diff(np.append(starts, len(shingles)))
    words = np.array([block.text.count(" ") + 1 for block in blocks], dtype=np.int64)
    block_counts = np.array([len(article) for article in per_article], dtype=np.int64)
    article_of = np.repeat(np.arange(len(per_article)), block_counts)
    is_common = np.isin(shingles, common) if len(common) else np.zeros(len(shingles), dtype=bool)
    kept = np.ones(len(blocks), dtype=bool)
    if len(common):
        kept = np.add.reduceat(is_common, starts) / sizes <= settings.common_block_share
    content = np.bincount(article_of, weights=words * kept, minlength=len(per_article))
    # sign the kept blocks on their uncommon shingles only
    keep_shingle = np.repeat(kept, sizes) & ~is_common
    live = np.bincount(article_of, weights=np.add.reduceat(keep_shingle, starts), minlength=len(per_article))
    qualified = (content >= settings.min_words) & (live > 0)
    keep_shingle &= np.repeat(qualified[article_of], sizes)
    if not keep_shingle.any():
        return empty
    block_of = np.repeat(np.arange(len(blocks)), sizes)[keep_shingle]
    signed_blocks, block_starts = np.unique(block_of, return_index=True)
    signatures = sign_blocks(shingles[keep_shingle], block_starts, settings=settings)
    keys = band_keys(signatures, settings=settings)
    docs = np.repeat(article_of[signed_blocks] + start, keys.shape[1])
    positions = np.array([(block.span.start, block.span.end, 0) for block in blocks], dtype=np.int64)
    positions[:, 2] = words
    text_keys = np.array([text_key(block.text) for block in blocks], dtype=np.uint64)
    first_block = np.append(0, np.cumsum(block_counts))
    tables = {}
    for number in np.flatnonzero(qualified).tolist():
        low, high = int(first_block[number]), int(first_block[number + 1])
        tables[start + number] = (
            positions[low:high].copy(), text_keys[low:high].copy(), np.flatnonzero(~kept[low:high]).astype(np.int64)
        )
    return keys.ravel(), docs, tables


def _verify(
    articles: Sequence[Article], candidates: list[tuple[int, int]], tables: dict, settings: Settings, pool
) -> list[tuple[int, int, CopyPair]]:
    """The candidates sharing at least ``min_shared`` of the shorter text, aligned and oriented.

    Pairs are grouped by the article most of them share (a story's earliest
    text), so a batch rebuilds that article's blocks once.
    """
    degree: dict[int, int] = {}
    for first, second in candidates:
        degree[first] = degree.get(first, 0) + 1
        degree[second] = degree.get(second, 0) + 1
    anchored = sorted(candidates, key=lambda pair: _anchor_key(pair, degree))
    tasks = []
    for begin in range(0, len(anchored), VERIFY_BATCH):
        batch = anchored[begin : begin + VERIFY_BATCH]
        needed = {index for pair in batch for index in pair}
        tasks.append((batch, {index: tables[index] for index in needed}))
    found = [item for batch in _run(pool, _verify_batch, tasks, articles, settings) for item in batch]
    return sorted(found, key=lambda item: (item[0], item[1]))


def _anchor_key(pair: tuple[int, int], degree: dict[int, int]) -> tuple[int, int]:
    """Sort key putting pairs of the same most-linked article together."""
    first, second = pair
    return (first, second) if (-degree[first], first) <= (-degree[second], second) else (second, first)


def _verify_batch(pairs: list[tuple[int, int]], tables: dict) -> list[tuple[int, int, CopyPair]]:
    """Worker: align each pair; orient those sharing at least ``min_shared``."""
    settings = _WORKER_SETTINGS
    indexes = {
        index: BlockIndex(
            _WORKER_ARTICLES[index].text,
            *(tuple(column) for column in positions.T.tolist()),
            tuple(keys.tolist()),
            frozenset(stock.tolist()),
        )
        for index, (positions, keys, stock) in tables.items()
    }
    found = []
    for first, second in pairs:
        alignment = align_blocks(indexes[first], indexes[second], settings=settings)
        if max(alignment.shared_first, alignment.shared_second) >= settings.min_shared - 1e-9:
            pair = orient(_WORKER_ARTICLES[first], _WORKER_ARTICLES[second], alignment, settings=settings)
            found.append((first, second, pair))
    return found
