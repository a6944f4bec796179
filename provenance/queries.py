"""Queries of the provenance graph: where a claim started, what reached a source.

Each takes a :class:`~provenance.graph.ProvenanceGraph` first, as in networkx:
:func:`origins` (the sources a claim starts from), :func:`chains_to` (what
reached a publisher, following copies), :func:`statements_by` (what a source
said, and through whom), :func:`focus` (the graph of what passes through one
source) and :func:`graph_summary` (counts and shared claims). Finding a claim
by its words is :func:`~provenance.claims.find_claim`. A source is named by
id, name, alias, a known source's alias or domain, or a near spelling. The
queries leave the graph they are given unchanged (:func:`focus` builds a new one).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from .graph import ProvenanceGraph, _assemble, _claim_index, build_graph
from .model import Article, Chain, Claim, Entity, Evidence
from .settings import DEFAULT_SETTINGS, Settings
from .sources import known_sources, normalize_name

__all__ = [
    "Route",
    "chains_to",
    "focus",
    "graph_summary",
    "origins",
    "statements_by",
]


@dataclass(frozen=True, slots=True)
class Route:
    """One chain as a path of entity ids (origin first), with its claim and article."""

    chain: str
    claim: str
    article: str
    nodes: tuple[str, ...]


def origins(graph: ProvenanceGraph, claim_id: str) -> list[Entity]:
    """Return the sources a claim starts from, sorted by name.

    Each chain of the claim contributes its first hop; two anonymous
    officials in two articles are two origins.

    Raises
    ------
    ValueError
        When the graph has no claim ``claim_id``.

    Examples
    --------
    >>> graph = _example()
    >>> [entity.name for entity in origins(graph, next(iter(graph.claims)))]
    ['Pentagon']
    """
    if claim_id not in graph.claims:
        raise ValueError(f"unknown claim {claim_id!r}")
    found = {graph.paths[chain][0] for chain in graph.claims[claim_id].chains if chain in graph.paths}
    return sorted((graph.entities[node] for node in found), key=lambda e: (e.name, e.id))


def chains_to(
    graph: ProvenanceGraph, publisher: str, *, settings: Settings = DEFAULT_SETTINGS
) -> list[Route]:
    """Return every chain that reaches ``publisher``, cut at it, sorted by chain id.

    A chain reaches it when it is on the chain's path, or when the chain's
    article was republished (``copies``) by it, directly or through other copies.

    Parameters
    ----------
    graph : ProvenanceGraph
    publisher : str
        An entity id or a name: any alias, a known source's alias or domain,
        or a spelling within ``settings.name_match_cutoff``. A name several
        sources share ("Novak") means the one in the most articles.
    settings : Settings, optional

    Returns
    -------
    list of Route
        One per chain, its nodes ending at ``publisher``.

    Raises
    ------
    ValueError
        When no source of the graph has that name.

    Examples
    --------
    >>> [_names(_example(), route) for route in chains_to(_example(), "Sputnik")]
    [['Pentagon', 'Sputnik']]
    """
    node = _node(graph, publisher, settings)
    reaching: dict[str, Route] = {}
    for route in _routes(graph):  # routes of one chain come shortest first
        if node in route.nodes and route.chain not in reaching:
            reaching[route.chain] = _cut(route, node)
    return list(reaching.values())


def statements_by(
    graph: ProvenanceGraph, source: str, *, settings: Settings = DEFAULT_SETTINGS
) -> list[Route]:
    """Return every chain that starts at ``source``: what it said, and through whom.

    ``source`` is named as in :func:`chains_to`. The routes run to each
    article's publisher (copies are not followed), sorted by chain id; their
    ``claim`` says what was said, ``graph.claims[route.claim].text`` in words.

    Raises
    ------
    ValueError
        When no source of the graph has that name.

    Examples
    --------
    >>> [_names(_example(), route) for route in statements_by(_example(), "Defense Department")]
    [['Pentagon', 'Sputnik', 'UrduPoint']]
    """
    node = _node(graph, source, settings)
    claim_of = _claim_index(graph)
    return [
        Route(chain_id, claim_of[chain_id], graph.chains[chain_id].article_id, path)
        for chain_id, path in graph.paths.items()
        if path[0] == node
    ]


def focus(graph: ProvenanceGraph, name: str, *, settings: Settings = DEFAULT_SETTINGS) -> ProvenanceGraph:
    """Return the graph of what passes through one source.

    Kept are the chains whose path (or whose article's copies) include the
    source or a person affiliated with it (focusing on a body keeps what its
    spokespeople said), the copies of their articles, and the affiliations of
    the people kept. Edge attributes and claims are recomputed from the kept
    chains only; node attributes still count the articles of the whole graph.

    Raises
    ------
    ValueError
        When no source of the graph has that name (named as in :func:`chains_to`).

    Examples
    --------
    >>> small = focus(_example(), "Sputnik")
    >>> sorted(entity.name for entity in small.entities.values())
    ['Pentagon', 'Sputnik', 'UrduPoint']
    """
    node = _node(graph, name, settings)
    affiliation_edges = {
        (u, v): [Evidence(item["article"], _span(item)) for item in data["evidence"]]
        for u, v, data in graph.graph.edges(data=True)
        if data["relation"] == "affiliated_with"
    }
    through = {node} | {person for person, body in affiliation_edges if body == node}
    kept = {route.chain for route in _routes(graph) if through & set(route.nodes)}
    articles = {graph.chains[chain_id].article_id for chain_id in kept}
    copies = tuple(pair for pair in graph.copies if pair.original in articles)
    articles |= {pair.copy for pair in copies}
    nodes = {n for chain_id in kept for n in graph.paths[chain_id]} | {node}
    nodes |= {graph.publishers[a] for a in articles if a in graph.publishers}
    affiliations = {(u, v): tuple(e) for (u, v), e in affiliation_edges.items() if u in nodes}
    nodes |= {v for _, v in affiliations}
    claims = {}
    for claim in graph.claims.values():
        chosen = tuple(c for c in claim.chains if c in kept)
        if chosen:
            carried_by = tuple(sorted({graph.chains[c].article_id for c in chosen}))
            claims[claim.id] = Claim(claim.id, claim.text, claim.quotes, carried_by, chosen)
    return _assemble(
        ProvenanceGraph(
            entities={n: e for n, e in graph.entities.items() if n in nodes},
            claims=claims,
            chains={c: chain for c, chain in graph.chains.items() if c in kept},
            paths={c: path for c, path in graph.paths.items() if c in kept},
            path_roles={c: roles for c, roles in graph.path_roles.items() if c in kept},
            articles={a: article for a, article in graph.articles.items() if a in articles},
            publishers={a: p for a, p in graph.publishers.items() if a in articles},
            copies=copies,
        ),
        affiliations,
    )


def graph_summary(graph: ProvenanceGraph) -> dict[str, Any]:
    """Return counts of the graph and the claims more than one article carries.

    Returns
    -------
    dict
        ``nodes``, ``nodes_by_kind``, ``edges``, ``edges_by_relation``,
        ``claims``, ``articles`` and ``shared_claims`` (each with ``id``,
        ``text``, ``articles`` and ``origins`` names; most articles first).

    Examples
    --------
    >>> facts = graph_summary(_example())
    >>> facts["nodes_by_kind"], facts["edges_by_relation"]
    ({'government': 1, 'outlet': 1, 'wire': 1}, {'published': 1, 'told': 1})
    """
    kinds = Counter(data["kind"] for _, data in graph.graph.nodes(data=True))
    relations = Counter(key for _, _, key in graph.graph.edges(keys=True))
    shared = [claim for claim in graph.claims.values() if len(claim.articles) > 1]
    shared.sort(key=lambda claim: (-len(claim.articles), claim.text, claim.id))
    return {
        "nodes": graph.graph.number_of_nodes(),
        "nodes_by_kind": dict(sorted(kinds.items())),
        "edges": graph.graph.number_of_edges(),
        "edges_by_relation": dict(sorted(relations.items())),
        "claims": len(graph.claims),
        "articles": len(graph.articles),
        "shared_claims": [
            {"id": claim.id, "text": claim.text, "articles": list(claim.articles),
             "origins": [entity.name for entity in origins(graph, claim.id)]}
            for claim in shared
        ],
    }


def _routes(graph: ProvenanceGraph) -> list[Route]:
    """Each chain's path, extended along the copies of its article (one route per branch)."""
    copies_of: dict[str, list[str]] = defaultdict(list)
    for pair in graph.copies:
        copies_of[pair.original].append(pair.copy)
    claim_of = _claim_index(graph)
    routes = []
    for chain_id, path in graph.paths.items():
        article_id = graph.chains[chain_id].article_id
        branches = [(path, article_id, {article_id})]
        while branches:
            nodes, article, seen = branches.pop()
            routes.append(Route(chain_id, claim_of[chain_id], graph.chains[chain_id].article_id, nodes))
            for copy in sorted(copies_of.get(article, ()), reverse=True):
                publisher = graph.publishers.get(copy)
                if copy not in seen and publisher is not None and publisher not in nodes:
                    branches.append(((*nodes, publisher), copy, seen | {copy}))
    return sorted(set(routes), key=lambda r: (r.chain, len(r.nodes), r.nodes))


def _cut(route: Route, node: str) -> Route:
    return Route(route.chain, route.claim, route.article, route.nodes[: route.nodes.index(node) + 1])


def _node(graph: ProvenanceGraph, name: str, settings: Settings) -> str:
    """The entity id ``name`` stands for: an id, a name or alias, a known alias, a near spelling."""
    if name in graph.entities:
        return name
    record = known_sources().lookup(name)
    keys = {normalize_name(name)} | ({normalize_name(record.name)} if record else set())
    found = [
        entity for entity in graph.entities.values()
        if keys & {normalize_name(alias) for alias in (entity.name, *entity.aliases)}
    ]
    if not found:
        names = sorted(graph.entities.values(), key=lambda e: e.id)
        best = process.extractOne(
            normalize_name(name), [normalize_name(e.name) for e in names],
            scorer=fuzz.ratio, score_cutoff=settings.name_match_cutoff,
        )
        found = [names[best[2]]] if best else []
    if not found:
        raise ValueError(f"no source named {name!r} in the graph")
    return min(found, key=lambda e: (-len(e.articles), e.id)).id


def _names(graph: ProvenanceGraph, route: Route) -> list[str]:
    return [graph.entities[node].name for node in route.nodes]


def _span(item: dict[str, Any]):
    return Evidence.from_dict(item).span


def _example() -> ProvenanceGraph:
    """The graph of the doctests: the Pentagon told Sputnik, UrduPoint published it."""
    from .model import Hop, Span

    hops = (
        Hop("Pentagon", "government", "origin"),
        Hop("Sputnik", "wire", "relay"),
        Hop("UrduPoint", "outlet", "publisher"),
    )
    chain = Chain("a", hops, "calls went unanswered", "told", False, (Span(0, 5),))

    class _Traced:
        article = Article("a", "x" * 9, publisher="UrduPoint")
        chains = (chain,)

    return build_graph([_Traced()])
