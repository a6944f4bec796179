"""Candidate pairs of articles from MinHash signatures of their blocks and LSH banding.

Each block (paragraph) gets a MinHash signature of its shingle set; the
signature is cut into bands and every band is hashed to one key. Two articles
become a *candidate pair* when some block of one and some block of the other
share a band key, that is when they probably share a paragraph. Banding blocks
rather than whole texts finds a few paragraphs reused inside a long article,
whose whole-text Jaccard is far too low to collide.

The results are approximate by design: a candidate pair still has to be
verified (``align``), and a pair of texts sharing only changed paragraphs can
be missed. Nothing here compares all pairs: the work grows with the number of
blocks, and a bucket of many texts is linked through its earliest few
(``Settings.bucket_leaders``), not pair by pair.

The permutations are ``(a * x + b) mod 2**32`` over 32-bit shingle hashes,
with odd ``a`` (so each is a bijection) drawn from ``Settings.seed``; numpy's
uint32 arithmetic wraps mod 2**32, which is exactly the modulus needed.
Permutations are laid out as rows so the minimum per block is a contiguous
``reduceat`` (thirty times faster than the column-wise one).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..settings import DEFAULT_SETTINGS, Settings
from .blocks import mix64

__all__ = ["band_keys", "candidate_pairs", "common_shingles", "lsh_params", "sign_blocks"]

#: Shingle rows signed at once: bounds the (rows x num_perm) work matrix to ~30 MB.
_SIGN_ROWS = 60_000
_SHIFT = np.uint64(32)


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Return ``(bands, rows)`` whose collision threshold is closest to ``threshold``.

    The threshold of ``b`` bands of ``r`` rows is about ``(1 / b) ** (1 / r)``:
    the Jaccard at which two sets collide in some band with probability ~0.5+.

    Examples
    --------
    >>> lsh_params(0.5, 64)
    (16, 4)
    >>> lsh_params(0.5, 128)
    (25, 5)
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"lsh threshold must be in (0.0, 1.0), not {threshold!r}")
    options = [(abs((1 / (num_perm // rows)) ** (1 / rows) - threshold), rows) for rows in range(1, num_perm + 1)]
    _, rows = min(options)
    return num_perm // rows, rows


def common_shingles(
    shingle_sets: Sequence[np.ndarray], *, total_docs: int, settings: Settings = DEFAULT_SETTINGS
) -> np.ndarray:
    """Return the sorted shingle hashes too common to tell copies apart.

    Parameters
    ----------
    shingle_sets : sequence of numpy.ndarray
        The unique shingle hashes of each sampled text.
    total_docs : int
        How many texts the whole collection has (the sample may be smaller).
    settings : Settings
        ``common_shingle_share`` and ``common_shingle_min_docs`` set the cut.

    Returns
    -------
    numpy.ndarray
        Sorted uint64 hashes found in more than the allowed share of texts.

    Examples
    --------
    >>> footer = np.array([7], dtype=np.uint64)
    >>> sets = [np.array([i, 7], dtype=np.uint64) for i in range(100)]
    >>> common_shingles(sets, total_docs=100, settings=Settings(common_shingle_min_docs=10)).tolist()
    [7]
    """
    sample = len(shingle_sets)
    if not sample:
        return np.zeros(0, dtype=np.uint64)
    values, counts = np.unique(np.concatenate(shingle_sets), return_counts=True)
    share = max(settings.common_shingle_share, settings.common_shingle_min_docs / max(total_docs, 1))
    return values[counts > share * sample]


def sign_blocks(
    shingles: np.ndarray, block_starts: np.ndarray, *, settings: Settings = DEFAULT_SETTINGS
) -> np.ndarray:
    """Return the MinHash signature of every block, one row per block.

    Parameters
    ----------
    shingles : numpy.ndarray
        The uint64 shingle hashes of all blocks, block after block.
    block_starts : numpy.ndarray
        Index in ``shingles`` where each block starts; no block may be empty.
    settings : Settings
        ``num_perm`` and ``seed`` pick the permutations.

    Returns
    -------
    numpy.ndarray
        ``(len(block_starts), num_perm)`` uint32 minima.

    Examples
    --------
    >>> shingles = np.array([1, 2, 3, 1, 2, 3, 9], dtype=np.uint64)
    >>> signatures = sign_blocks(shingles, np.array([0, 3, 6]))
    >>> bool((signatures[0] == signatures[1]).all()), bool((signatures[0] == signatures[2]).all())
    (True, False)
    """
    multipliers, offsets = _permutations(settings.num_perm, settings.seed)
    folded = (shingles ^ (shingles >> np.uint64(32))).astype(np.uint32)
    block_starts = np.asarray(block_starts, dtype=np.int64)
    parts = []
    # whole blocks in slices of about _SIGN_ROWS shingles, permutations as rows
    first = 0
    while first < len(block_starts):
        begin = block_starts[first]
        last = int(np.searchsorted(block_starts, begin + _SIGN_ROWS, side="right"))
        last = max(last, first + 1)
        end = block_starts[last] if last < len(block_starts) else len(folded)
        values = np.multiply.outer(multipliers, folded[begin:end])
        values += offsets[:, None]
        parts.append(np.minimum.reduceat(values, block_starts[first:last] - begin, axis=1).T)
        first = last
    if not parts:
        return np.zeros((0, settings.num_perm), dtype=np.uint32)
    return np.concatenate(parts)


def band_keys(signatures: np.ndarray, *, settings: Settings = DEFAULT_SETTINGS) -> np.ndarray:
    """Return one uint64 key per band of each signature: ``(blocks, bands)``.

    Two blocks share a key in a band exactly when their signatures agree on
    all that band's rows (up to 64-bit hash collisions).

    Examples
    --------
    >>> signatures = sign_blocks(np.arange(10, dtype=np.uint64), np.array([0, 5]))
    >>> band_keys(signatures).shape
    (2, 16)
    """
    bands, rows = lsh_params(settings.lsh_threshold, settings.num_perm)
    grid = signatures[:, : bands * rows].reshape(len(signatures), bands, rows)
    weights = _permutations(rows, settings.seed + 1)[0].astype(np.uint64) << np.uint64(29)
    keys = (grid.astype(np.uint64) * (weights[None, None, :] | np.uint64(1))).sum(axis=2, dtype=np.uint64)
    keys = keys + np.arange(bands, dtype=np.uint64)[None, :] * np.uint64(0xD6E8FEB86659FD93)
    return mix64(keys)


def candidate_pairs(
    keys: np.ndarray, key_docs: np.ndarray, priority: np.ndarray, *, settings: Settings = DEFAULT_SETTINGS
) -> tuple[np.ndarray, np.ndarray]:
    """Return the candidate pairs of documents sharing a band key, with their hit counts.

    Parameters
    ----------
    keys : numpy.ndarray
        Band keys, flattened (one per block and band).
    key_docs : numpy.ndarray
        The document index of each key.
    priority : numpy.ndarray
        A rank per document, lower first: earlier publication, then id. In a
        bucket, every member is paired with the ``bucket_leaders`` first.
    settings : Settings
        ``bucket_leaders``.

    Returns
    -------
    pairs : numpy.ndarray
        ``(n, 2)`` int64 document indexes, smaller first, sorted.
    hits : numpy.ndarray
        How many bucket links tie each pair (more: more shared blocks).

    Examples
    --------
    >>> keys = np.array([5, 5, 5, 8, 8], dtype=np.uint64)
    >>> pairs, hits = candidate_pairs(keys, np.array([0, 1, 2, 2, 3]), np.arange(4))
    >>> pairs.tolist(), hits.tolist()
    ([[0, 1], [0, 2], [2, 3]], [1, 1, 1])
    """
    empty = np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    if not len(keys):
        return empty
    # One sort of (key, rank) packed in 64 bits: the low bits hold the rank of
    # the document, the high bits the key. Keys that agree on their high bits
    # share a bucket (a few extra candidates, verified away later).
    ranks_to_docs = np.argsort(priority, kind="stable")
    rank_bits = max(1, int(len(priority) - 1).bit_length())
    packed = (keys >> np.uint64(rank_bits)) << np.uint64(rank_bits)
    packed |= priority[key_docs].astype(np.uint64)
    packed.sort()
    packed = packed[np.r_[True, packed[1:] != packed[:-1]]]  # one entry per document and key
    rank_mask = np.uint64((1 << rank_bits) - 1)
    docs = ranks_to_docs[(packed & rank_mask).astype(np.int64)]
    bucket_keys = packed >> np.uint64(rank_bits)
    del packed
    starts = np.flatnonzero(np.r_[True, bucket_keys[1:] != bucket_keys[:-1]])
    del bucket_keys
    sizes = np.diff(np.r_[starts, len(docs)])
    group = np.repeat(np.arange(len(starts), dtype=np.int64), sizes)
    position = np.arange(len(docs), dtype=np.int64) - starts[group]
    big = sizes[group] > 1
    total_docs = len(priority)
    codes, counts = [], []
    for leader in range(settings.bucket_leaders):
        # members behind the leader: the leaders ahead of it were linked to it already
        members = np.flatnonzero(big & (position > leader))
        if not len(members):
            break
        member_docs = docs[members]
        leader_docs = docs[starts[group[members]] + leader]
        code = np.minimum(member_docs, leader_docs) * total_docs + np.maximum(member_docs, leader_docs)
        unique, count = np.unique(code, return_counts=True)
        codes.append(unique)
        counts.append(count)
    if not codes:
        return empty
    unique, inverse = np.unique(np.concatenate(codes), return_inverse=True)
    hits = np.bincount(inverse.ravel(), weights=np.concatenate(counts), minlength=len(unique)).astype(np.int64)
    return np.stack([unique // total_docs, unique % total_docs], axis=1), hits


def _permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd 32-bit multipliers and 32-bit offsets of ``count`` permutations."""
    generator = np.random.default_rng(seed)
    multipliers = generator.integers(0, 2**31, size=count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    offsets = generator.integers(0, 2**32, size=count, dtype=np.uint32)
    return multipliers, offsets
