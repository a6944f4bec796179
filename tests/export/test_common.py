"""What the exporters share: order, kind styles, edge labels, layers."""

import networkx as nx
import pytest

from provenance.export.common import (
    as_list,
    claim_texts,
    edge_label,
    kind_style,
    kinds_present,
    layers,
    sorted_edges,
    sorted_nodes,
)
from provenance.graph import ProvenanceGraph
from provenance.lexicon import load_table
from provenance.model import KINDS


def test_every_kind_has_a_style():
    styled = {row[0] for row in load_table("kind_styles.tsv", columns=6)}
    assert styled == set(KINDS)
    assert len({kind_style(kind).fill for kind in KINDS}) == len(KINDS)


def test_unknown_kind_gets_the_fallback_style():
    assert kind_style(None).kind == "other"
    assert kind_style("martian").dot_shape == "box"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"relation": "told", "cues": ["confirmed to", "said"]}, "confirmed to"),
        ({"relation": "relayed", "cues": ["citing"]}, "citing"),
        ({"relation": "told", "cues": []}, "told"),
        ({"relation": "credited", "cues": ["said"]}, "credited"),
        ({"relation": "republished", "credited": True}, "republished"),
        ({"relation": "republished", "credited": False}, "republished, uncredited"),
        ({"relation": "affiliated_with"}, "affiliated with"),
        ({"relation": "told", "cues": ["said in a long interview with the paper"]}, "said in a long intervie\u2026"),
        ({"relation": "told", "cues": ["said\nto"]}, "said to"),
    ],
)
def test_edge_label(data, expected):
    assert edge_label(data) == expected


def test_sorted_order_does_not_depend_on_insertion():
    forward, backward = ProvenanceGraph(), ProvenanceGraph()
    edges = [("b", "c", "told"), ("a", "b", "told"), ("a", "b", "relayed"), ("a", "c", "published")]
    for source, target, key in edges:
        forward.graph.add_edge(source, target, key=key)
    for source, target, key in reversed(edges):
        backward.graph.add_edge(source, target, key=key)
    assert sorted_nodes(forward) == sorted_nodes(backward)
    assert sorted_edges(forward) == sorted_edges(backward)
    assert [edge[:3] for edge in sorted_edges(forward)] == [
        ("a", "b", "relayed"), ("a", "b", "told"), ("a", "c", "published"), ("b", "c", "told")
    ]


def test_layers_run_from_origin_to_publisher_and_survive_cycles(seed_graph):
    ranks = layers(seed_graph)
    assert ranks["kirby"] == 0 and ranks["official"] == 0
    assert ranks["kirby"] < ranks["wapo"] < ranks["sputnik"] < ranks["urdupoint"]
    # affiliated_with is not a step: the Pentagon stays an origin.
    assert ranks["pentagon"] == 0
    circle = ProvenanceGraph(graph=nx.MultiDiGraph([("x", "y"), ("y", "z"), ("z", "y"), ("z", "w")]))
    ranks = layers(circle)
    assert ranks["y"] == ranks["z"] == 1 and ranks["w"] == 2


def test_kinds_present_follow_kinds_order(seed_graph):
    assert kinds_present(seed_graph) == ["person", "government", "outlet", "wire", "anonymous"]


def test_claim_texts_fall_back_to_the_id(seed_graph):
    assert claim_texts(seed_graph, ["c3", "missing"]) == ["talks will resume next week", "missing"]


def test_as_list():
    assert as_list({"article": "a"}) == [{"article": "a"}]
    assert as_list(3) == [3]


def test_nodes_without_a_known_kind_are_listed_last():
    graph = ProvenanceGraph()
    graph.graph.add_node("a", kind="wire")
    graph.graph.add_node("b", kind=None)
    graph.graph.add_node("c", kind="martian")
    assert kinds_present(graph) == ["wire", "martian", "other"]
