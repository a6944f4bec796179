"""From verified pairs to sources and stories: keep each copy's likely sources, group clusters.

When one story is reprinted by many outlets, every two reprints share text
too. :func:`select_sources` keeps, for each copy, the pair with its likeliest
source (the earliest of those holding nearly the most of the copy's text) and any
other source that adds passages of the copy the first does not explain (a
copy built from two originals); pairs between two reprints of a common
original are dropped. :func:`copy_clusters` groups the kept pairs into stories.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

from ..model import CopyPair
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["copy_clusters", "select_sources"]


def select_sources(
    pairs: Iterable[CopyPair],
    *,
    published: Mapping[str, datetime | None] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[CopyPair, ...]:
    """Return the pairs that link each copy to its likely sources, sorted.

    Parameters
    ----------
    pairs : iterable of CopyPair
        Verified, oriented pairs.
    published : mapping, optional
        Article id -> publication time (aware UTC or None), to prefer the
        earliest of equally good sources.
    settings : Settings
        ``source_margin``: sources holding this much less of the copy
        than the best one are not its likeliest source.
        ``min_shared``: a further source is kept when at least this share of
        its passages in the copy is not explained by the sources kept before.

    Returns
    -------
    tuple of CopyPair
        Sorted by (original, copy).

    Examples
    --------
    >>> wire = CopyPair("wire", "a", True, 1.0, 1.0, (), "", 0.9)
    >>> sibling = CopyPair("a", "b", False, 0.9, 0.9, (), "", 0.6)
    >>> from_wire = CopyPair("wire", "b", True, 0.9, 0.95, (), "", 0.9)
    >>> [(p.original, p.copy) for p in select_sources([wire, sibling, from_wire])]
    [('wire', 'a'), ('wire', 'b')]
    """
    published = published or {}
    by_copy: dict[str, list[CopyPair]] = defaultdict(list)
    for pair in pairs:
        by_copy[pair.copy].append(pair)
    kept = []
    for copy, candidates in by_copy.items():
        # of the sources holding nearly the most of the copy, the earliest first
        best = max(pair.shared_copy for pair in candidates)
        candidates.sort(
            key=lambda p: (
                p.shared_copy < best - settings.source_margin,
                _time_key(published.get(p.original)),
                -p.shared_copy,
                -p.shared_original,
                p.original,
            )
        )
        covered: list[tuple[int, int]] = []
        for rank, pair in enumerate(candidates):
            spans = [(p.copy.start, p.copy.end) for p in pair.passages]
            if rank == 0:
                kept.append(pair)
                covered.extend(spans)
                continue
            total = sum(end - start for start, end in spans)
            if not total or pair.shared_original < settings.min_shared:
                continue
            if _uncovered(spans, covered) / total >= settings.min_shared:
                kept.append(pair)
                covered.extend(spans)
    return tuple(sorted(kept, key=lambda p: (p.original, p.copy)))


def copy_clusters(
    pairs: Iterable[CopyPair], *, published: Mapping[str, datetime | None] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Return the stories: connected components of ``pairs``, likely root first.

    The root is a member that is never a copy (earliest, then most copied,
    then smallest id, when several); the other members follow sorted.
    Clusters are sorted by root.

    Examples
    --------
    >>> pairs = [CopyPair("wire", "a", True, 1.0, 1.0, (), "", 0.9),
    ...          CopyPair("a", "b", False, 0.9, 0.9, (), "", 0.6),
    ...          CopyPair("x", "y", False, 0.5, 0.5, (), "", 0.6)]
    >>> copy_clusters(pairs)
    (('wire', 'a', 'b'), ('x', 'y'))
    """
    published = published or {}
    pairs = list(pairs)
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    copied = defaultdict(int)
    is_copy = set()
    for pair in pairs:
        first, second = find(pair.original), find(pair.copy)
        if first != second:
            parent[max(first, second)] = min(first, second)
        copied[pair.original] += 1
        is_copy.add(pair.copy)
    members: dict[str, list[str]] = defaultdict(list)
    for node in sorted(parent):
        members[find(node)].append(node)
    clusters = []
    for group in members.values():
        root = min(group, key=lambda n: (n in is_copy, _time_key(published.get(n)), -copied[n], n))
        clusters.append((root, *sorted(n for n in group if n != root)))
    return tuple(sorted(clusters))


def _time_key(moment: datetime | None) -> tuple[int, str]:
    """Sort key putting known times first, earliest first."""
    return (0, moment.isoformat()) if moment is not None else (1, "")


def _uncovered(spans: list[tuple[int, int]], covered: list[tuple[int, int]]) -> int:
    """Characters of ``spans`` outside every ``covered`` range."""
    merged: list[list[int]] = []
    for start, end in sorted(covered):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    ends = [end for _, end in merged]
    total = 0
    for start, end in spans:
        outside = end - start
        # the merged ranges are disjoint and sorted: walk only those that can overlap
        for other_start, other_end in merged[bisect.bisect_right(ends, start) :]:
            if other_start >= end:
                break
            outside -= min(end, other_end) - max(start, other_start)
        total += outside
    return total
