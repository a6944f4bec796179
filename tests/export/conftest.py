"""Graphs for the exporter tests, built by hand to the contract in ``provenance/graph.py``.

``seed_graph`` is the UrduPoint article of the samples: the Pentagon told
Sputnik, John Kirby spoke through The Washington Post, UrduPoint republished
Sputnik with credit and an AP story without. ``nasty_graph`` holds names and
claims written to break every format's syntax.
"""

from __future__ import annotations

import networkx as nx
import pytest

from provenance.graph import ProvenanceGraph
from provenance.model import Claim, Entity

#: Text that tries to break out of DOT, Mermaid, HTML, XML and PROV-N strings.
NASTY = [
    'Said "hi" \\ back\\',
    "<script>alert(1)</script>",
    'x"]; evil -> y { } |pipe| `tick` #hash; &amp;',
    "line one\nline two\r\n\ttabbed",
    "</script><!-- ]]> \\N \\G \\l",
    "<b>html-like</b>",
    "nul\x00 bell\x07 bidi\u202eevil",
]


def make_graph(nodes, edges, claims) -> ProvenanceGraph:
    """Fill a ProvenanceGraph: ``nodes`` (id, name, kind), ``edges`` (u, v, relation, extra)."""
    graph = nx.MultiDiGraph()
    entities = {}
    articles = sorted({article for *_, extra in edges for article in extra.get("articles", ["a1"])})
    for node_id, name, kind in nodes:
        graph.add_node(
            node_id,
            name=name,
            kind=kind,
            aliases=[name.upper()],
            roles=["spokesman"] if kind == "person" else [],
            affiliations=[],
            articles=len(articles),
            article_ids=articles,
        )
        entities[node_id] = Entity(node_id, name, kind, aliases=(name.upper(),), articles=tuple(articles))
    for source, target, relation, extra in edges:
        articles = extra.get("articles", ["a1"])
        attributes = {
            "relation": relation,
            "cues": extra.get("cues", []),
            "claims": extra.get("claims", []),
            "articles": articles,
            "evidence": [{"article": article, "start": 10, "end": 42} for article in articles],
            "first_date": extra.get("first_date", "2022-03-24T20:12:00"),
            "last_date": extra.get("last_date", "2022-03-24T20:12:00"),
            "quote": extra.get("quote", False),
        }
        if "credited" in extra:
            attributes["credited"] = extra["credited"]
        graph.add_edge(source, target, key=relation, **attributes)
    claim_objects = {
        claim_id: Claim(claim_id, text, articles=("a1",), quotes=(text,) if '"' in text else ())
        for claim_id, text in claims.items()
    }
    return ProvenanceGraph(graph=graph, entities=entities, claims=claim_objects)


def seed() -> ProvenanceGraph:
    return make_graph(
        nodes=[
            ("pentagon", "Pentagon", "government"),
            ("sputnik", "Sputnik", "outlet"),
            ("urdupoint", "UrduPoint", "outlet"),
            ("kirby", "John Kirby", "person"),
            ("wapo", "The Washington Post", "outlet"),
            ("ap", "Associated Press", "wire"),
            ("official", "a senior US official", "anonymous"),
        ],
        edges=[
            ("pentagon", "sputnik", "told", {"cues": ["confirmed to"], "claims": ["c1"]}),
            ("sputnik", "urdupoint", "republished", {"claims": ["c1", "c2"], "credited": True}),
            ("kirby", "wapo", "told", {"cues": ["said"], "claims": ["c2"], "quote": True}),
            ("wapo", "sputnik", "relayed", {"cues": ["citing"], "claims": ["c2"]}),
            ("kirby", "pentagon", "affiliated_with", {}),
            ("official", "ap", "told", {"cues": ["told"], "claims": ["c3"], "articles": ["a2"]}),
            ("ap", "urdupoint", "republished", {"claims": ["c3"], "credited": False, "articles": ["a2"]}),
        ],
        claims={
            "c1": "the US has biological labs in Ukraine",
            "c2": '"We have no biological weapons labs," Kirby said',
            "c3": "talks will resume next week",
        },
    )


def nasty() -> ProvenanceGraph:
    kinds = ["person", "outlet", "wire", "organization", "government", "document", "anonymous"]
    nodes = [(f"n{index}", text, kind) for index, (text, kind) in enumerate(zip(NASTY, kinds))]
    nodes.append(('weird id "x" -> y', 'id -> "node"', "outlet"))
    ids = [node[0] for node in nodes]
    edges = [
        (ids[index], ids[index + 1], "told", {"cues": [NASTY[index]], "claims": [f"c{index}"], "quote": True})
        for index in range(len(ids) - 1)
    ]
    claims = {f"c{index}": text for index, text in enumerate(NASTY)}
    return make_graph(nodes, edges, claims)


@pytest.fixture
def seed_graph() -> ProvenanceGraph:
    return seed()


@pytest.fixture
def nasty_graph() -> ProvenanceGraph:
    return nasty()


def chain_graph(size: int, *, fanout: int = 3) -> ProvenanceGraph:
    """A layered graph of ``size`` nodes: origins, relays and publishers, like a big crawl."""
    kinds = ["person", "government", "outlet", "wire", "outlet", "organization"]
    nodes = [(f"s{index:05d}", f"Source number {index}", kinds[index % len(kinds)]) for index in range(size)]
    edges = []
    for index in range(fanout, size):
        for step in range(1, fanout + 1):
            parent = (index * 7 + step * 13) % index
            edges.append((nodes[parent][0], nodes[index][0], "relayed" if step % 2 else "told",
                          {"cues": ["said"], "claims": [f"c{index % 50}"]}))
    unique = {(u, v, relation): (u, v, relation, extra) for u, v, relation, extra in edges}
    claims = {f"c{index}": f"claim number {index}" for index in range(50)}
    return make_graph(nodes, list(unique.values()), claims)


@pytest.fixture
def graph_of_size():
    return chain_graph
