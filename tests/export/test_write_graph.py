"""Choosing the format from the extension, writing files, byte-identical output."""

import networkx as nx
import pytest

from provenance.errors import ExportError
from provenance.export import SUPPORTED_FORMATS, format_of, graphviz, to_format, write_graph
from provenance.graph import ProvenanceGraph

TEXT_FORMATS = ["dot", "gexf", "graphml", "html", "json", "mmd", "provjson", "provn"]
IMAGE_FORMATS = ["png", "svg"]
needs_renderer = pytest.mark.skipif(graphviz.find_renderer() is None, reason="no Graphviz renderer installed")


def test_supported_formats():
    assert SUPPORTED_FORMATS == (
        "dot", "gexf", "graphml", "html", "json", "mmd", "pdf", "png", "provjson", "provn", "svg"
    )


@pytest.mark.parametrize("name", ["graph.svgz", "graph", "graph.txt", "graph.dot.gz"])
def test_unknown_extension_lists_the_supported_ones(name, seed_graph, tmp_path):
    fmt = name.rpartition(".")[2] if "." in name else ""
    expected = (
        f"unknown export format {fmt!r}; expected one of: "
        "dot, gexf, graphml, html, json, mmd, pdf, png, provjson, provn, svg"
    )
    with pytest.raises(ExportError) as caught:
        write_graph(seed_graph, tmp_path / name)
    assert str(caught.value) == expected
    assert not (tmp_path / name).exists()


def test_extension_is_case_insensitive():
    assert format_of("Graph.GEXF") == "gexf" and format_of("a/b.c/graph.ProvJSON") == "provjson"


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_text_formats_are_written_and_byte_identical(fmt, seed_graph, tmp_path):
    first = write_graph(seed_graph, tmp_path / f"first.{fmt}", title="UrduPoint")
    second = write_graph(seed_graph, tmp_path / f"second.{fmt}", title="UrduPoint")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().endswith(b"\n")
    assert isinstance(to_format(seed_graph, fmt), str)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_insertion_order_does_not_change_the_bytes(fmt, seed_graph):
    shuffled = ProvenanceGraph(graph=nx.MultiDiGraph(), entities=seed_graph.entities, claims=seed_graph.claims)
    for node, data in reversed(list(seed_graph.graph.nodes(data=True))):
        shuffled.graph.add_node(node, **data)
    for source, target, key, data in reversed(list(seed_graph.graph.edges(keys=True, data=True))):
        shuffled.graph.add_edge(source, target, key=key, **data)
    assert to_format(shuffled, fmt) == to_format(seed_graph, fmt)


@needs_renderer
@pytest.mark.parametrize("fmt", IMAGE_FORMATS)
def test_images_are_written_and_byte_identical(fmt, seed_graph, tmp_path):
    first = write_graph(seed_graph, tmp_path / f"first.{fmt}")
    second = write_graph(seed_graph, tmp_path / f"second.{fmt}")
    assert first.read_bytes() == second.read_bytes()
    assert isinstance(to_format(seed_graph, fmt), bytes)


def test_a_failed_render_leaves_no_file(seed_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(graphviz, "find_renderer", lambda: None)
    with pytest.raises(ExportError, match="no Graphviz renderer found"):
        write_graph(seed_graph, tmp_path / "graph.svg")
    assert not (tmp_path / "graph.svg").exists()
    assert write_graph(seed_graph, tmp_path / "graph.dot").exists()  # what the CLI falls back to


def test_an_unwritable_path_is_an_export_error(seed_graph, tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        write_graph(seed_graph, tmp_path / "missing-folder" / "graph.json")


def test_an_empty_graph_exports_everywhere(tmp_path):
    empty = ProvenanceGraph()
    for fmt in TEXT_FORMATS:
        assert write_graph(empty, tmp_path / f"empty.{fmt}").stat().st_size > 0


def test_dot_fallback_writes_the_source_when_rendering_fails(seed_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(graphviz, "find_renderer", lambda: None)
    expected = r"no Graphviz renderer found.*wrote the DOT source to '.*graph\.dot' instead"
    with pytest.raises(ExportError, match=expected):
        write_graph(seed_graph, tmp_path / "graph.png", dot_fallback=True)
    assert not (tmp_path / "graph.png").exists()
    assert (tmp_path / "graph.dot").read_text(encoding="utf-8") == graphviz.to_dot(seed_graph)


def test_dot_fallback_is_only_for_drawings(seed_graph, tmp_path):
    with pytest.raises(ExportError, match="cannot write") as caught:
        write_graph(seed_graph, tmp_path / "missing" / "graph.json", dot_fallback=True)
    assert "DOT" not in str(caught.value)
