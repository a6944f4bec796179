"""GraphML, GEXF and node-link JSON read back with networkx."""

import io
import json

import networkx as nx
import pytest

from provenance.export.escape import clean_text
from provenance.export.networkx_formats import to_gexf, to_graphml, to_json, to_node_link, write_json
from provenance.graph import ProvenanceGraph
from provenance.model import Claim, Entity


def read_graphml(text: str) -> nx.MultiDiGraph:
    return nx.parse_graphml(text, force_multigraph=True)


def read_gexf(text: str) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


@pytest.mark.parametrize("read, write", [(read_graphml, to_graphml), (read_gexf, to_gexf)], ids=["graphml", "gexf"])
def test_nasty_names_and_kinds_survive_the_round_trip(nasty_graph, read, write):
    back = read(write(nasty_graph))
    assert sorted(back.nodes) == sorted(clean_text(node) for node in nasty_graph.graph.nodes)
    for node, data in nasty_graph.graph.nodes(data=True):
        assert back.nodes[clean_text(node)]["name"] == clean_text(data["name"])
        assert back.nodes[clean_text(node)]["label"] == clean_text(data["name"])
        assert back.nodes[clean_text(node)]["kind"] == data["kind"]
    assert back.number_of_edges() == nasty_graph.graph.number_of_edges()


@pytest.mark.parametrize("read, write", [(read_graphml, to_graphml), (read_gexf, to_gexf)], ids=["graphml", "gexf"])
def test_lists_become_joined_text_and_records_json(seed_graph, read, write):
    back = read(write(seed_graph))
    assert back.nodes["kirby"]["roles"] == "spokesman"
    assert back.nodes["kirby"]["articles"] == 2
    edge = next(data for u, v, data in back.edges(data=True) if (u, v) == ("sputnik", "urdupoint"))
    assert edge["claims"] == "c1; c2"
    assert edge["relation"] == "republished" and edge["credited"] is True
    assert json.loads(edge["evidence"]) == [{"article": "a1", "end": 42, "start": 10}]
    assert edge["claim_texts"].startswith("the US has biological labs in Ukraine; ")
    assert edge["quote"] is False


def test_none_is_dropped_not_written_as_text(seed_graph):
    seed_graph.graph.edges["pentagon", "sputnik", "told"]["first_date"] = None
    back = read_graphml(to_graphml(seed_graph))
    edge = next(data for u, v, data in back.edges(data=True) if (u, v) == ("pentagon", "sputnik"))
    assert "first_date" not in edge and edge["last_date"] == "2022-03-24T20:12:00"
    assert "None" not in to_graphml(seed_graph) and "None" not in to_gexf(seed_graph)


def test_edge_ids_are_unique_and_ordered(seed_graph):
    back = read_graphml(to_graphml(seed_graph))
    keys = [key for _, _, key in back.edges(keys=True)]
    assert sorted(keys) == sorted(f"e{index}" for index in range(7))


def test_xml_has_a_declaration_and_no_run_date(seed_graph):
    for text in (to_graphml(seed_graph), to_gexf(seed_graph)):
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and text.endswith("\n")
    assert "lastmodifieddate" not in to_gexf(seed_graph)


def test_json_is_node_link_with_claims_and_entities(seed_graph):
    data = json.loads(to_json(seed_graph, title="UrduPoint"))
    back = nx.node_link_graph(data, edges="edges")
    assert back.is_multigraph() and back.is_directed()
    assert sorted(back.edges(keys=True)) == sorted(seed_graph.graph.edges(keys=True))
    assert back.nodes["kirby"]["roles"] == ["spokesman"]
    assert data["graph"] == {"title": "UrduPoint"}
    assert Claim.from_dict(data["claims"]["c2"]) == seed_graph.claims["c2"]
    assert Entity.from_dict(data["entities"]["kirby"]) == seed_graph.entities["kirby"]
    assert [node["id"] for node in data["nodes"]] == sorted(seed_graph.graph.nodes)


def test_json_keeps_nasty_text_exactly(nasty_graph):
    data = json.loads(to_json(nasty_graph))
    names = {node["id"]: node["name"] for node in data["nodes"]}
    assert names == {node: attrs["name"] for node, attrs in nasty_graph.graph.nodes(data=True)}


def test_json_text_is_deterministic_and_readable(seed_graph):
    text = to_json(seed_graph)
    assert text == to_json(seed_graph) and text.endswith("}\n")
    unicode = ProvenanceGraph()
    unicode.graph.add_node("t", name="Tomás Ferreira", kind="person", aliases=("Ferreira",), seen={"b", "a"})
    text = to_json(unicode)
    assert "Tomás" in text
    assert to_node_link(unicode)["nodes"][0]["seen"] == ["a", "b"]


def test_write_json_survives_a_lone_surrogate(tmp_path):
    graph = ProvenanceGraph()
    graph.graph.add_node("x", name="broken \ud800 name", kind="person")
    path = write_json(graph, tmp_path / "graph.json")
    assert json.loads(path.read_text(encoding="utf-8"))["nodes"][0]["name"] == "broken ? name"
