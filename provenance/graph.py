"""The provenance graph: one node per real-world source, one edge per relay.

:func:`build_graph` merges the chains of many articles: their hops are
resolved to entities (:mod:`provenance.resolve`), their claims clustered
(:mod:`provenance.claims`), and each step of a chain becomes an edge, merged
per ``(source, target, relation)``. Querying the graph (origins of a claim,
chains to a publisher, the graph around one source) is
:mod:`provenance.queries`.

Attribute contract (exporters rely on it; extend it only additively).
Nodes are entity ids with attributes ``name``, ``kind``, ``aliases``, ``roles``,
``affiliations`` (lists of str), ``articles`` (number of articles) and
``article_ids`` (sorted list). Edges run from the party that said or passed a
claim to the one that received or published it, with attributes ``relation``
(``told``, ``relayed``, ``credited``, ``published``, ``republished``,
``affiliated_with``), ``cues``, ``claims``, ``articles`` (lists of str),
``evidence`` (list of ``{"article", "start", "end"}``), ``first_date`` and
``last_date`` (ISO 8601 or None) and ``quote`` (bool). Added since: ``chains``
(sorted chain ids) on every edge, and ``credited`` (bool: every copy behind
the edge credits its original) on ``republished`` edges. The edge key is the
relation, so there is at most one edge per ``(source, target, relation)``.

The relation names the step into the target: ``told`` (origin to the party it
spoke to or that cited it), ``relayed`` (one relay to another), ``credited``
(to a wire or outlet the publisher credits), ``published`` (to the publisher),
``republished`` (an original's publisher to the publisher of a copy, from the
syndication stage), ``affiliated_with`` (a person to the body they speak for).
Two consecutive hops that resolve to one source ("the Gazette" told, in the
Harbor Gazette) are one node; no self-loops are drawn.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import networkx as nx

from .claims import cluster_claims
from .model import Article, Chain, Claim, CopyPair, Entity, Evidence
from .resolve import Resolution, resolve_entities
from .settings import DEFAULT_SETTINGS, Settings
from .sources import SourceTable

if TYPE_CHECKING:  # the pipeline imports extraction, which merging does not need
    from .pipeline import Traced

__all__ = ["ProvenanceGraph", "build_graph"]

logger = logging.getLogger(__name__)

#: The relation of a step, by the role of the hop it leads into.
RELATION_INTO = {"relay": "told", "credit": "credited", "publisher": "published"}


@dataclass
class ProvenanceGraph:
    """A ``networkx.MultiDiGraph`` of sources with the claims and entities behind it.

    Besides the graph, it keeps what it was built from: ``chains`` by id,
    ``paths`` (each chain as entity ids, origin first) with ``path_roles``
    (the hop role of each of those nodes), ``articles`` by id,
    ``publishers`` (article id to publisher entity id) and the ``copies``.
    """

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    chains: dict[str, Chain] = field(default_factory=dict)
    paths: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    publishers: dict[str, str] = field(default_factory=dict)
    copies: tuple[CopyPair, ...] = ()


def build_graph(
    traced: Iterable[Traced],
    *,
    copies: Iterable[CopyPair] = (),
    sources: SourceTable | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> ProvenanceGraph:
    """Merge the chains of many articles into one provenance graph.

    Parameters
    ----------
    traced : iterable of Traced
        Articles with their chains (:func:`~provenance.pipeline.trace_articles`).
    copies : iterable of CopyPair, optional
        Copied articles (from the syndication stage); each becomes a
        ``republished`` edge between the two publishers.
    sources : SourceTable, optional
        Known sources; the packaged table by default.
    settings : Settings, optional
        Cutoffs of entity resolution and claim clustering.

    Returns
    -------
    ProvenanceGraph

    Examples
    --------
    >>> from provenance.model import Article, Chain, Hop, Span
    >>> from provenance.pipeline import Traced
    >>> hops = (Hop("Pentagon", "government", "origin"), Hop("Sputnik", "wire", "relay"),
    ...         Hop("UrduPoint", "outlet", "publisher"))
    >>> chain = Chain("a", hops, "calls went unanswered", "told", False, (Span(0, 5),))
    >>> graph = build_graph([Traced(Article("a", "x" * 9, publisher="UrduPoint"), (), (chain,))])
    >>> names = graph.entities
    >>> sorted((names[u].name, names[v].name, key) for u, v, key in graph.graph.edges(keys=True))
    [('Pentagon', 'Sputnik', 'told'), ('Sputnik', 'UrduPoint', 'published')]
    """
    traced = list(traced)
    resolution = resolve_entities(traced, sources=sources, settings=settings)
    chains = {chain.id: chain for item in traced for chain in item.chains}
    paths = {chain_id: _entity_path(chain, resolution) for chain_id, chain in sorted(chains.items())}
    return _assemble(
        ProvenanceGraph(
            entities=resolution.entities,
            claims={claim.id: claim for claim in cluster_claims(chains.values(), settings=settings)},
            chains=dict(sorted(chains.items())),
            paths={chain_id: tuple(node for node, _ in path) for chain_id, path in paths.items()},
            path_roles={chain_id: tuple(role for _, role in path) for chain_id, path in paths.items()},
            articles={item.article.id: item.article for item in sorted(traced, key=lambda t: t.article.id)},
            publishers=dict(sorted(resolution.publishers.items())),
            copies=tuple(sorted(copies, key=lambda pair: (pair.original, pair.copy))),
        ),
        resolution.affiliations,
    )


# --- assembling --------------------------------------------------------------


def _entity_path(chain: Chain, resolution: Resolution) -> list[tuple[str, str]]:
    """The chain as (entity id, hop role), with consecutive hops of one entity made one."""
    path: list[tuple[str, str]] = []
    for index, hop in enumerate(chain.hops):
        node = resolution.hops[(chain.id, index)]
        if not path or path[-1][0] != node:
            path.append((node, hop.role))
    return path


def _assemble(
    graph: ProvenanceGraph,
    affiliations: dict[tuple[str, str], tuple[Evidence, ...]],
) -> ProvenanceGraph:
    """Fill ``graph.graph`` with the nodes and merged edges the stored records describe."""
    network = nx.MultiDiGraph()
    for entity_id, entity in sorted(graph.entities.items()):
        network.add_node(entity_id, **_node_attributes(entity))
    claim_of = _claim_index(graph)
    edges: dict[tuple[str, str, str], _Edge] = defaultdict(_Edge)
    for chain_id, path in graph.paths.items():
        chain = graph.chains[chain_id]
        article = graph.articles.get(chain.article_id)
        evidence = [(chain.article_id, span.start, span.end) for span in chain.evidence]
        roles = graph.path_roles[chain_id]
        for position in range(1, len(path)):
            role = roles[position]
            relation = "relayed" if role == "relay" and position > 1 else RELATION_INTO.get(role, "relayed")
            edge = edges[(path[position - 1], path[position], relation)]
            edge.add(chain.article_id, chain_id, claim_of[chain_id], evidence, article)
            edge.cues.add(chain.cue)
            edge.quote = edge.quote or chain.quote
    chains_by_article: dict[str, list[str]] = defaultdict(list)
    for chain_id, chain in graph.chains.items():
        chains_by_article[chain.article_id].append(chain_id)
    for pair in graph.copies:
        source, target = graph.publishers.get(pair.original), graph.publishers.get(pair.copy)
        if source is None or target is None or source == target:
            logger.info("copy %s of %s joins no two publishers; no edge", pair.copy, pair.original)
            continue
        edge = edges[(source, target, "republished")]
        for article_id, spans in (
            (pair.original, [passage.original for passage in pair.passages]),
            (pair.copy, [passage.copy for passage in pair.passages]),
        ):
            evidence = [(article_id, span.start, span.end) for span in spans]
            edge.add(article_id, None, None, evidence, graph.articles.get(article_id))
        for chain_id in chains_by_article[pair.original]:  # what the original carried travels with the copy
            edge.chains.add(chain_id)
            edge.claims.add(claim_of[chain_id])
        edge.credited = pair.credited and edge.credited is not False
    for (person, body), evidence in affiliations.items():
        edge = edges[(person, body, "affiliated_with")]
        for item in evidence:
            edge.add(item.article_id, None, None, [(item.article_id, item.span.start, item.span.end)], None)
    for (source, target, relation), edge in sorted(edges.items()):
        if source != target:
            network.add_edge(source, target, key=relation, **edge.attributes(relation))
    graph.graph = network
    return graph


class _Edge:
    """What the steps merged into one edge have in common, gathered as they come."""

    __slots__ = ("articles", "chains", "claims", "credited", "cues", "dates", "evidence", "quote")

    def __init__(self) -> None:
        self.articles: set[str] = set()
        self.chains: set[str] = set()
        self.claims: set[str] = set()
        self.cues: set[str] = set()
        self.dates: set[datetime] = set()
        self.evidence: set[tuple[str, int, int]] = set()  # plain tuples hash and sort fast
        self.quote = False
        self.credited: bool | None = None

    def add(self, article_id: str, chain_id: str | None, claim_id: str | None,
            evidence: list[tuple[str, int, int]], article: Article | None) -> None:
        self.articles.add(article_id)
        if chain_id is not None:
            self.chains.add(chain_id)
            self.claims.add(claim_id)
        self.evidence.update(evidence)
        if article is not None and article.published is not None:
            self.dates.add(article.published)

    def attributes(self, relation: str) -> dict[str, Any]:
        dates = sorted(self.dates, key=_date_key)
        attributes = {
            "relation": relation,
            "cues": sorted(self.cues - {""}),
            "claims": sorted(self.claims),
            "articles": sorted(self.articles),
            "chains": sorted(self.chains),
            "evidence": [
                {"article": article_id, "start": start, "end": end}
                for article_id, start, end in sorted(self.evidence)
            ],
            "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
            "quote": self.quote,
        }
        if relation == "republished":
            attributes["credited"] = bool(self.credited)
        return attributes


def _node_attributes(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "affiliations": list(entity.affiliations),
        "articles": len(entity.articles),
        "article_ids": list(entity.articles),
    }


def _date_key(date: datetime) -> datetime:
    """Aware and naive dates in one order (naive ones read as UTC)."""
    return date.astimezone(timezone.utc).replace(tzinfo=None) if date.tzinfo else date


def _claim_index(graph: ProvenanceGraph) -> dict[str, str]:
    """Chain id to the id of the claim it carries (the queries use it too)."""
    return {chain_id: claim.id for claim in graph.claims.values() for chain_id in claim.chains}
