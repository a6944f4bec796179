"""What the exporters share: sorted nodes and edges, kind styles, short labels.

Every exporter walks the graph through :func:`sorted_nodes` and
:func:`sorted_edges`, so the same graph always gives the same bytes whatever
order its nodes and edges were added in. Node and edge attributes follow the
contract in :mod:`provenance.graph`; a missing attribute reads as empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

from ..graph import ProvenanceGraph
from ..lexicon import load_table
from ..model import KINDS
from .escape import one_line

__all__ = [
    "KindStyle",
    "as_list",
    "claim_texts",
    "edge_label",
    "kind_style",
    "kinds_present",
    "layers",
    "sorted_edges",
    "sorted_nodes",
]

#: Longest edge label drawn; the full cue stays in the tooltip.
EDGE_LABEL_LIMIT = 24
#: Relations that say who someone is, not where a claim went: left out of the ranks.
UNRANKED_RELATIONS = ("affiliated_with",)
#: Style of a node whose kind is missing or not one of ``KINDS``.
FALLBACK_FILL = "#ffffff"


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How nodes of one kind are drawn, from ``provenance/data/kind_styles.tsv``."""

    kind: str
    fill: str
    dot_shape: str
    cytoscape_shape: str
    mermaid_open: str
    mermaid_close: str


def kind_style(kind: object) -> KindStyle:
    """Return the drawing style of ``kind`` (a plain box for an unknown kind).

    Examples
    --------
    >>> kind_style("wire").dot_shape
    'doubleoctagon'
    >>> kind_style("martian").fill
    '#ffffff'
    """
    styles = _kind_styles()
    if kind in styles:
        return styles[kind]
    return KindStyle("other", FALLBACK_FILL, "box", "rectangle", "[", "]")


def kinds_present(graph: ProvenanceGraph) -> list[str]:
    """Return the kinds of the graph's nodes, in the order of ``KINDS``, others after, sorted.

    A node without a kind counts as ``other``.
    """
    found = {str(data.get("kind") or "other") for _, data in graph.graph.nodes(data=True)}
    known = [kind for kind in KINDS if kind in found]
    return known + sorted(found - set(KINDS))


def sorted_nodes(graph: ProvenanceGraph) -> list[tuple[Any, dict[str, Any]]]:
    """Return ``(node, attributes)`` pairs sorted by node id as text."""
    return sorted(graph.graph.nodes(data=True), key=lambda item: str(item[0]))


def sorted_edges(graph: ProvenanceGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    """Return ``(source, target, key, attributes)`` tuples in a total order."""
    return sorted(
        graph.graph.edges(keys=True, data=True),
        key=lambda item: (str(item[0]), str(item[1]), str(item[2])),
    )


def as_list(value: object) -> list[Any]:
    """Return an attribute as a list: None is empty, a lone string is one item.

    Examples
    --------
    >>> as_list(None), as_list("said"), as_list(("a", "b"))
    ([], ['said'], ['a', 'b'])
    """
    if value is None:
        return []
    if isinstance(value, (str, bytes, dict)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def edge_label(data: dict[str, Any]) -> str:
    """Return the short label drawn on an edge: its cue, or what the relation did.

    Examples
    --------
    >>> edge_label({"relation": "told", "cues": ["confirmed to"]})
    'confirmed to'
    >>> edge_label({"relation": "republished", "credited": False})
    'republished, uncredited'
    """
    relation = str(data.get("relation") or "")
    cues = [one_line(cue) for cue in as_list(data.get("cues")) if one_line(cue)]
    if relation in ("told", "relayed") and cues:
        label = cues[0]
    elif relation == "republished" and data.get("credited") is False:
        label = "republished, uncredited"
    else:
        label = relation.replace("_", " ")
    return one_line(label, limit=EDGE_LABEL_LIMIT)


def claim_texts(graph: ProvenanceGraph, claim_ids: Iterable[Any]) -> list[str]:
    """Return the text of each claim id (the id itself when the claim is unknown)."""
    texts = []
    for claim_id in claim_ids:
        claim = graph.claims.get(claim_id)
        texts.append(claim.text if claim is not None else str(claim_id))
    return texts


def layers(graph: ProvenanceGraph) -> dict[Any, int]:
    """Return a left-to-right layer per node: 0 for origins, publishers furthest.

    Cycles (outlets citing each other) are collapsed first, so every node of a
    cycle gets the same layer. ``affiliated_with`` edges do not count: a
    spokesman's ministry is not a step on the way to the publisher.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_edges_from([("kirby", "post"), ("post", "sputnik"), ("sputnik", "urdupoint")])
    [0, 0, 0]
    >>> sorted(layers(pg).items())
    [('kirby', 0), ('post', 1), ('sputnik', 2), ('urdupoint', 3)]
    """
    flow = nx.DiGraph()
    flow.add_nodes_from(graph.graph.nodes)
    flow.add_edges_from(
        (source, target)
        for source, target, relation in graph.graph.edges(data="relation")
        if relation not in UNRANKED_RELATIONS
    )
    condensed = nx.condensation(flow)
    depth: dict[int, int] = {}
    for component in nx.lexicographical_topological_sort(condensed):
        parents = [depth[parent] + 1 for parent in condensed.predecessors(component)]
        depth[component] = max(parents, default=0)
    mapping = condensed.graph["mapping"]
    return {node: depth[mapping[node]] for node in graph.graph.nodes}


@lru_cache(maxsize=1)
def _kind_styles() -> dict[str, KindStyle]:
    """The packaged kind styles, read once."""
    return {row[0]: KindStyle(*row) for row in load_table("kind_styles.tsv", columns=6)}
