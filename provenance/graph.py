"""The provenance graph: one node per real-world source, one edge per relay.

First version: the container and its attribute contract; building comes next.

Nodes are entity ids with attributes ``name``, ``kind``, ``aliases``, ``roles``,
``affiliations`` (lists of str), ``articles`` (number of articles) and
``article_ids`` (sorted list). Edges run from the party that said or passed a
claim to the one that received or published it, with attributes ``relation``
(``told``, ``relayed``, ``credited``, ``published``, ``republished``,
``affiliated_with``), ``cues``, ``claims``, ``articles`` (lists of str),
``evidence`` (list of ``{"article", "start", "end"}``), ``first_date`` and
``last_date`` (ISO 8601 or None) and ``quote`` (bool).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .model import Claim, Entity

__all__ = ["ProvenanceGraph"]


@dataclass
class ProvenanceGraph:
    """A ``networkx.MultiDiGraph`` of sources with the claims and entities behind it."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
