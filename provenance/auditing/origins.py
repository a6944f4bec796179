"""Who stands behind a claim: its origins, how many are independent, its paths.

A claim's *origins* are the first hops of its chains. They are grouped into
*independent* origins:

- a person is one with the body they speak for (an ``affiliated_with`` edge
  of the graph: "Pentagon spokesman John Kirby" counts toward the Pentagon),
  and two people of one body are one with it;
- a chain of a copied article whose evidence lies inside a passage copied
  from the original is one with the original's chains of the same claim
  (copies of one article are one article, whatever name the copy gives the
  source);
- an origin that another chain of the claim shows as a relay is one with
  that chain's origin ("the Post reported" beside "Kirby told the Post": the
  first chain is the second cut short).

Nothing else is merged: two anonymous sources of two articles stay two
(nobody can tell whether they are one person), and a source the graph did
not resolve to one entity stays split. Paths are the chains as entity names,
origin first, extended along the copies of their article (an original's
publisher, then the copy's).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..graph import ProvenanceGraph
from ..model import Chain, Span

__all__ = [
    "OriginGroup",
    "claim_paths",
    "content_spans",
    "envelope",
    "origin_groups",
    "origin_of",
]


@dataclass(frozen=True, slots=True)
class OriginGroup:
    """Origins that count as one independent source.

    ``name`` is the body the group speaks for (or its only origin), ``members``
    the origin names seen in the chains, ``anonymous`` is True when every
    member is an anonymous source, and ``chains`` the chain ids behind it.
    """

    name: str
    members: tuple[str, ...]
    anonymous: bool
    chains: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "members": list(self.members), "anonymous": self.anonymous}


def origin_of(graph: ProvenanceGraph, chain_id: str) -> str:
    """Return the entity id a chain starts from."""
    return graph.paths[chain_id][0]


def origin_groups(
    graph: ProvenanceGraph, chain_ids: Iterable[str], *, independent: bool = True
) -> tuple[dict[str, str], tuple[OriginGroup, ...]]:
    """Group the origins of some chains into independent sources.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph the chains belong to.
    chain_ids : iterable of str
        The chains of one claim.
    independent : bool, optional
        Also join the origins of a copy's chains (inside copied passages) to
        the original's, and an origin to the origin of a chain it relays;
        off, only affiliations join origins (who is named as the speaker).

    Returns
    -------
    (dict, tuple of OriginGroup)
        Each origin entity id mapped to its group key, and the groups sorted by name.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> _, groups = origin_groups(graph, graph.chains)
    >>> [(group.name, group.members) for group in groups]
    [('Pentagon', ('John Kirby', 'Pentagon'))]
    """
    chain_ids = sorted(chain_id for chain_id in chain_ids if chain_id in graph.paths)
    parent: dict[str, str] = {}
    origins = {chain_id: origin_of(graph, chain_id) for chain_id in chain_ids}
    bodies: set[str] = set()
    for node in sorted(set(origins.values())):
        _find(parent, node)
        for _, body, relation in graph.graph.out_edges(node, keys=True):
            if relation == "affiliated_with":
                bodies.add(body)
                _union(parent, node, body)
    if independent:
        for copy_chain, original_chains in _copied_chains(graph, chain_ids).items():
            for original in original_chains:
                _union(parent, origins[copy_chain], origins[original])
        starting = set(origins.values())
        for chain_id in chain_ids:
            for relay in set(graph.paths[chain_id][1:]) & starting:
                _union(parent, relay, origins[chain_id])
    relaying = {node for chain_id in chain_ids for node in graph.paths[chain_id][1:]}
    starts = Counter(origins.values())
    members: dict[str, set[str]] = defaultdict(set)
    chains: dict[str, list[str]] = defaultdict(list)
    for chain_id, node in origins.items():
        members[_find(parent, node)].add(node)
        chains[_find(parent, node)].append(chain_id)
    body_nodes: dict[str, list[str]] = defaultdict(list)
    for body in sorted(bodies):
        body_nodes[_find(parent, body)].append(body)
    groups = []
    for key, nodes in members.items():
        leader = min(
            body_nodes.get(key) or nodes,
            key=lambda node: (node in relaying, -starts[node], graph.entities[node].name, node),
        )
        groups.append(
            OriginGroup(
                name=graph.entities[leader].name,
                members=tuple(sorted({graph.entities[node].name for node in nodes})),
                anonymous=all(graph.entities[node].kind == "anonymous" for node in nodes),
                chains=tuple(sorted(chains[key])),
            )
        )
    group_of = {node: _find(parent, node) for node in origins.values()}
    return group_of, tuple(sorted(groups, key=lambda group: (group.name, group.members)))


def claim_paths(graph: ProvenanceGraph, chain_ids: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Return the distinct paths (entity ids, origin first) of some chains, with their copies.

    A chain of an article that was copied also reaches the copy's publisher
    (and the publishers of copies of the copy), so its path is extended by them.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> sorted(tuple(graph.entities[n].name for n in path) for path in claim_paths(graph, graph.chains))
    [('John Kirby', 'The Washington Post', 'UrduPoint'), ('Pentagon', 'Sputnik', 'UrduPoint')]
    """
    copies_of: dict[str, list[str]] = defaultdict(list)
    for pair in graph.copies:
        copies_of[pair.original].append(pair.copy)
    found: set[tuple[str, ...]] = set()
    for chain_id in sorted(chain_ids):
        if chain_id not in graph.paths:
            continue
        start = graph.chains[chain_id].article_id
        branches = [(graph.paths[chain_id], start, frozenset({start}))]
        while branches:
            nodes, article, seen = branches.pop()
            found.add(nodes)
            for copy in sorted(copies_of.get(article, ())):
                publisher = graph.publishers.get(copy)
                if copy not in seen and publisher is not None and publisher not in nodes:
                    branches.append(((*nodes, publisher), copy, seen | {copy}))
    return tuple(sorted(found))


def envelope(spans: Iterable[Span]) -> Span | None:
    """Return the smallest span holding all ``spans`` (None when there are none).

    Examples
    --------
    >>> envelope([Span(5, 9), Span(2, 4)])
    Span(start=2, end=9)
    """
    spans = list(spans)
    if not spans:
        return None
    return Span(min(span.start for span in spans), max(span.end for span in spans))


def content_spans(chain: Chain) -> tuple[Span, ...]:
    """The spans of what the chain's source said (its evidence when no attribution is kept)."""
    if chain.attribution is not None and chain.attribution.content_spans:
        return chain.attribution.content_spans
    return chain.evidence


def _copied_chains(graph: ProvenanceGraph, chain_ids: list[str]) -> dict[str, list[str]]:
    """Chains of copies, inside a copied passage, mapped to the original's chains of the claim."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for chain_id in chain_ids:
        by_article[graph.chains[chain_id].article_id].append(chain_id)
    joined: dict[str, list[str]] = defaultdict(list)
    for pair in graph.copies:
        originals = by_article.get(pair.original)
        if not originals:
            continue
        for chain_id in by_article.get(pair.copy, ()):
            where = envelope(graph.chains[chain_id].evidence)
            if where is not None and any(passage.copy.overlaps(where) for passage in pair.passages):
                joined[chain_id].extend(originals)
    return joined


def _find(parent: dict[str, str], item: str) -> str:
    parent.setdefault(item, item)
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], left: str, right: str) -> None:
    left, right = _find(parent, left), _find(parent, right)
    if left != right:
        parent[max(left, right)] = min(left, right)


def _example_graph() -> ProvenanceGraph:
    """The doctests' graph: the Pentagon told Sputnik; its spokesman John Kirby told the Post."""
    from ..graph import build_graph
    from ..model import Article, Hop, Mention
    from ..pipeline import Traced

    kirby = Mention("Pentagon spokesman John Kirby", Span(30, 59), "person", "John Kirby", "spokesman", "Pentagon")
    urdupoint = Hop("UrduPoint", "outlet", "publisher")
    first = Chain("a", (Hop("Pentagon", "government", "origin"), Hop("Sputnik", "wire", "relay"), urdupoint),
                  '"engagement is critically important at this time"', "told", True, (Span(0, 20),))
    second = Chain("a", (Hop("John Kirby", "person", "origin", kirby), Hop("The Washington Post", "outlet", "relay"),
                         urdupoint), '"engagement is critically important at this time"', "said", True, (Span(30, 59),))
    return build_graph([Traced(Article("a", "x" * 60, publisher="UrduPoint"), (), (first, second))])
