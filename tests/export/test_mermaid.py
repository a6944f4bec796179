"""Mermaid flowcharts, checked line by line against the grammar we emit."""

import html
import logging
import re

import pytest

from provenance.export.common import kind_style
from provenance.export.escape import one_line
from provenance.export.mermaid import MAX_GITHUB_EDGES, NODE_LABEL_LIMIT, to_mermaid
from provenance.model import KINDS

#: What may sit between the quotes of a label: no quote, bracket, pipe, semicolon or
#: markup, only numeric entities such as ``#34;``.
LABEL = r'"((?:[^"<>\[\]{}|;`\\\n&#]|#\d+;)*)"'
RE_NODE = re.compile(r"  (n_[A-Za-z0-9_]+)(\S+?)" + LABEL + r"(\S+?):::([a-z]+)")
RE_EDGE = re.compile(r"  (n_[A-Za-z0-9_]+) (-->|-\.->)\|" + LABEL + r"\| (n_[A-Za-z0-9_]+)")
RE_CLASS = re.compile(r"  classDef ([a-z]+) fill:#[0-9a-f]{6},stroke:#333,color:#000")


def parse(text: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str, str]], set[str]]:
    """Nodes (id -> label, class), edges and classDefs; fails on any line outside the grammar."""
    lines = text.splitlines()
    if lines[0] == "---":
        assert re.fullmatch(r'title: "(?:[^"\\]|\\.)*"', lines[1]) and lines[2] == "---"
        lines = lines[3:]
    assert lines[0] == "flowchart LR"
    nodes, edges, classes = {}, [], set()
    for line in lines[1:]:
        if match := RE_NODE.fullmatch(line):
            node, opening, label, closing, kind = match.groups()
            style = kind_style(kind)
            assert (opening, closing) == (style.mermaid_open, style.mermaid_close), line
            assert node not in nodes
            nodes[node] = (label, kind)
        elif match := RE_EDGE.fullmatch(line):
            edges.append(match.groups())
        elif match := RE_CLASS.fullmatch(line):
            classes.add(match.group(1))
        else:
            pytest.fail(f"line outside the Mermaid grammar we emit: {line!r}")
    return nodes, edges, classes


def decode(label: str) -> str:
    """Undo Mermaid's numeric entities."""
    return html.unescape(re.sub(r"#(\d+);", r"&#\1;", label))


def test_seed_graph_chart(seed_graph):
    text = to_mermaid(seed_graph)
    nodes, edges, classes = parse(text)
    assert nodes["n_kirby"] == ("John Kirby", "person")
    assert ("n_pentagon", "-->", "confirmed to", "n_sputnik") in edges
    assert ("n_ap", "-.->", "republished, uncredited", "n_urdupoint") in edges
    assert classes == {kind for _, kind in nodes.values()}


@pytest.mark.parametrize("fixture", ["seed_graph", "nasty_graph"])
def test_every_edge_joins_declared_nodes(fixture, request):
    graph = request.getfixturevalue(fixture)
    nodes, edges, _ = parse(to_mermaid(graph))
    assert len(nodes) == graph.graph.number_of_nodes() and len(edges) == graph.graph.number_of_edges()
    assert all(source in nodes and target in nodes for source, _, _, target in edges)


def test_nasty_names_are_escaped_and_kept(nasty_graph):
    text = to_mermaid(nasty_graph, title='Nasty "title"\n---\nflowchart')
    nodes, edges, _ = parse(text)
    drawn = {decode(label) for label, _ in nodes.values()}
    assert drawn == {one_line(data["name"], limit=NODE_LABEL_LIMIT) for _, data in nasty_graph.graph.nodes(data=True)}
    assert "<script>" not in text and "]; evil" not in text


def test_every_kind_gets_its_shape_and_class():
    from provenance.graph import ProvenanceGraph

    graph = ProvenanceGraph()
    for kind in KINDS:
        graph.graph.add_node(kind, name=kind.title(), kind=kind)
    graph.graph.add_node("odd", name="Odd", kind=None)
    nodes, _, classes = parse(to_mermaid(graph))
    assert {kind for _, kind in nodes.values()} == set(KINDS) | {"other"}
    assert classes == set(KINDS) | {"other"}


def test_mermaid_is_deterministic(seed_graph):
    assert to_mermaid(seed_graph) == to_mermaid(seed_graph)


def test_too_many_edges_for_github_warns(graph_of_size, caplog):
    graph = graph_of_size(200)
    assert graph.graph.number_of_edges() > MAX_GITHUB_EDGES
    with caplog.at_level(logging.WARNING, logger="provenance.export.mermaid"):
        to_mermaid(graph)
    assert "GitHub" in caplog.text and "--focus NAME" in caplog.text
