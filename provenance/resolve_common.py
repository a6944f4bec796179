"""What entity resolution works on: observations of sources, and groups of them.

The records and name helpers :mod:`provenance.resolve` (organisations,
anonymous sources, documents, entities) and :mod:`provenance.resolve_people`
(people) share: an ``_Observation`` is one appearance of a source, a
``_Group`` the observations found to be one source. Names are compared by
their normalised form (cached, as the same names recur in every article) and
by rapidfuzz ratio within blocks. Nothing here is public API.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .model import Span
from .settings import Settings
from .sources import KnownSource, SourceTable, normalize_name

__all__: list[str] = []


@dataclass(slots=True)
class _Observation:
    """One appearance of a source: a hop, or an article's publisher."""

    @property
    def start(self) -> int:
        return self.span.start if self.span is not None else 0

    ref: tuple[str, int] | str
    article_id: str
    name: str
    kind: str
    surface: tuple[str, ...]  # the forms in the article's text (or its metadata)
    span: Span | None = None
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


@dataclass(slots=True)
class _Group:
    """Observations found to be one source, with what is known about it."""

    key: str
    family: str
    members: list[_Observation] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        self.roles |= other.roles
        self.affiliations |= other.affiliations


@lru_cache(maxsize=1 << 16)
def _normal(name: str) -> str:
    """``normalize_name``, cached: the same names recur in every article."""
    return normalize_name(name)


@lru_cache(maxsize=1 << 16)
def _lookup(table: SourceTable, name: str) -> KnownSource | None:
    """``table.lookup``, cached for the same reason."""
    return table.lookup(name)


def _near_pairs(keys: list[str], settings: Settings, *, block) -> list[tuple[str, str]]:
    """Pairs of keys spelled alike (rapidfuzz ratio), compared only within a block."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        blocks[block(key)].append(key)
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        scores = process.cdist(members, members, scorer=fuzz.ratio, score_cutoff=settings.name_match_cutoff)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.append((float(scores[i, j]), members[i], members[j]))
    return [(a, b) for _, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))]
