"""DOT source, rendering through a Graphviz renderer, and the renderer choice."""

import logging
import shutil
import stat
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from provenance.errors import ExportError
from provenance.export import graphviz as gv
from provenance.export.escape import one_line, safe_id
from provenance.graph import ProvenanceGraph
from provenance.settings import Settings

from .conftest import NASTY

RENDERER = gv.find_renderer()
needs_renderer = pytest.mark.skipif(RENDERER is None, reason="no Graphviz renderer installed")
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


def svg_nodes(svg: bytes) -> dict[str, tuple[str, str]]:
    """Node id -> (drawn label, tooltip) from a Graphviz SVG."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "node":
            label = " ".join("".join(text.itertext()) for text in group.iter(f"{SVG}text"))
            links = [link.get(XLINK_TITLE) for link in group.iter(f"{SVG}a")]
            found[group.get("id")] = (label, links[0] if links else "")
    return found


def test_dot_runs_left_to_right_with_a_legend(seed_graph):
    source = gv.to_dot(seed_graph, title="UrduPoint, 24 March 2022")
    assert source.startswith("digraph provenance {")
    assert "rankdir=LR" in source
    assert "subgraph cluster_legend {" in source
    for kind in ("person", "government", "outlet", "wire", "anonymous"):
        assert f"legend_{kind} [label={kind}" in source
    assert "legend_document" not in source  # only kinds that occur
    assert 'label="UrduPoint, 24 March 2022"' in source


def test_dot_nodes_and_edges_are_styled_by_kind_and_relation(seed_graph):
    source = gv.to_dot(seed_graph)
    assert 'n_kirby [label="John Kirby" fillcolor="#8dd3c7"' in source and "shape=ellipse" in source
    assert 'n_pentagon -> n_sputnik [label="confirmed to"' in source
    assert 'n_ap -> n_urdupoint [label="republished, uncredited" color="#d62728"' in source
    assert "n_kirby -> n_pentagon [label=\"affiliated with\" arrowhead=none" in source
    assert "constraint=false" in source


def test_claim_text_goes_into_the_edge_tooltip(seed_graph):
    source = gv.to_dot(seed_graph)
    assert 'tooltip="told (said)\\n\\"We have no biological weapons labs,\\" Kirby said"' in source


def test_dot_is_deterministic_whatever_the_insertion_order(seed_graph):
    reversed_graph = ProvenanceGraph(
        graph=nx.MultiDiGraph(), entities=seed_graph.entities, claims=seed_graph.claims
    )
    for node, data in reversed(list(seed_graph.graph.nodes(data=True))):
        reversed_graph.graph.add_node(node, **data)
    for source, target, key, data in reversed(list(seed_graph.graph.edges(keys=True, data=True))):
        reversed_graph.graph.add_edge(source, target, key=key, **data)
    assert gv.to_dot(seed_graph) == gv.to_dot(reversed_graph) == gv.to_dot(seed_graph)


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_stays_inside_its_dot_string(text):
    graph = ProvenanceGraph()
    graph.graph.add_node("a", name=text, kind="person")
    graph.graph.add_node("b", name="Sputnik", kind="outlet")
    graph.graph.add_edge("a", "b", relation="told", cues=[text], claims=[])
    source = gv.to_dot(graph)
    body = [line for line in source.splitlines() if line.strip().startswith("n_")]
    assert len(body) == 3  # two nodes and one edge, each on its own line: no statement injected
    assert "\x00" not in source and "\u202e" not in source


def test_a_name_that_looks_like_an_html_label_is_not_one():
    graph = ProvenanceGraph()
    graph.graph.add_node("a", name="<b>bold</b>", kind="outlet")
    assert 'label="<b>bold</b>"' in gv.to_dot(graph)


@needs_renderer
def test_renderer_accepts_the_nasty_dot_and_draws_the_names(nasty_graph):
    svg = gv.to_image(nasty_graph, "svg")
    nodes = svg_nodes(svg)
    for node, data in nasty_graph.graph.nodes(data=True):
        label, tooltip = nodes[safe_id(node, prefix="n_")]
        assert label == one_line(data["name"], limit=gv.NODE_LABEL_LIMIT)
        assert tooltip.startswith(one_line(data["name"]) + "\n")
    assert b"<script" not in svg


@needs_renderer
def test_svg_carries_claims_as_edge_tooltips(seed_graph):
    svg = gv.to_image(seed_graph, "svg")
    root = ET.fromstring(svg)
    tooltips = [link.get(XLINK_TITLE) for link in root.iter(f"{SVG}a")]
    assert "told (confirmed to)\nthe US has biological labs in Ukraine" in tooltips


@needs_renderer
def test_png_is_a_png(seed_graph):
    assert gv.to_image(seed_graph, "png").startswith(b"\x89PNG\r\n\x1a\n")


@needs_renderer
def test_render_is_deterministic(seed_graph):
    assert gv.to_image(seed_graph, "svg") == gv.to_image(seed_graph, "svg")


@needs_renderer
def test_two_hundred_nodes_render_with_dot_in_time(graph_of_size):
    graph = graph_of_size(200)
    assert gv.layout_engine(graph) == "dot"
    svg = gv.to_image(graph, "svg", settings=Settings(render_timeout=60))
    assert len(svg_nodes(svg)) == 200 + len(gv.kinds_present(graph))


@needs_renderer
def test_large_graphs_switch_engine_and_say_so(seed_graph, caplog):
    settings = Settings(max_dot_nodes=5)
    assert gv.layout_engine(seed_graph, settings=settings) == "sfdp"
    source = gv.to_dot(seed_graph, settings=settings)
    assert "layout=sfdp" in source and 'label="confirmed to"' not in source
    with caplog.at_level(logging.WARNING, logger="provenance.export.graphviz"):
        svg = gv.to_image(seed_graph, "svg", settings=settings)
    assert ET.fromstring(svg).tag == f"{SVG}svg"
    assert "drawing with sfdp" in caplog.text and "--focus NAME" in caplog.text


def test_no_renderer_says_how_to_get_one(seed_graph, monkeypatch):
    monkeypatch.setattr(gv, "find_renderer", lambda: None)
    with pytest.raises(ExportError, match="apt-get install graphviz.*pip install graphviz-pure"):
        gv.to_image(seed_graph, "svg")


def test_pdf_without_system_dot_suggests_svg(seed_graph):
    pure = gv.Renderer("/nonexistent/graphviz-pure", "graphviz-pure", ("png", "svg"))
    with pytest.raises(ExportError, match=r"PDF needs a system Graphviz.*try \.svg"):
        gv.to_image(seed_graph, "pdf", renderer=pure)


@pytest.mark.skipif(shutil.which("dot") is None, reason="no system Graphviz")
def test_pdf_with_system_dot(seed_graph):
    assert gv.to_image(seed_graph, "pdf").startswith(b"%PDF")


def test_unknown_image_format_is_refused():
    with pytest.raises(ExportError, match="unknown image format 'gif'; expected one of: pdf, png, svg"):
        gv.render_dot("digraph {}", "gif")


def fake_renderer(tmp_path, script: str) -> gv.Renderer:
    path = tmp_path / "fake-dot"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return gv.Renderer(str(path), "fake-dot", ("png", "svg"))


def test_a_render_that_runs_too_long_is_stopped(seed_graph, tmp_path):
    renderer = fake_renderer(tmp_path, "exec sleep 5")
    with pytest.raises(ExportError, match="ran out of time after 0.2 s.*--focus NAME"):
        gv.to_image(seed_graph, "svg", settings=Settings(render_timeout=0.2), renderer=renderer)


def test_a_renderer_without_the_engine_asks_to_focus(seed_graph, tmp_path):
    renderer = fake_renderer(tmp_path, 'echo "There is no layout engine support for \\"sfdp\\"" >&2; exit 1')
    with pytest.raises(ExportError, match="has no 'sfdp' layout.*--focus NAME"):
        gv.to_image(seed_graph, "svg", settings=Settings(max_dot_nodes=2), renderer=renderer)


def test_a_failing_renderer_reports_its_message(seed_graph, tmp_path):
    renderer = fake_renderer(tmp_path, 'echo "syntax error in line 3" >&2; exit 1')
    with pytest.raises(ExportError, match="fake-dot failed to draw SVG: syntax error in line 3"):
        gv.to_image(seed_graph, "svg", renderer=renderer)


def test_find_renderer_prefers_system_dot(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, path=None: f"/usr/bin/{name}")
    assert gv.find_renderer() == gv.Renderer("/usr/bin/dot", "dot", ("pdf", "png", "svg"))


def test_find_renderer_falls_back_to_graphviz_pure(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, path=None: None if name == "dot" else f"/venv/bin/{name}")
    assert gv.find_renderer() == gv.Renderer("/venv/bin/graphviz-pure", "graphviz-pure", ("png", "svg"))


def test_find_renderer_finds_nothing(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, path=None: None)
    assert gv.find_renderer() is None


def test_png_is_capped_in_size_and_svg_is_not(seed_graph, tmp_path):
    renderer = fake_renderer(tmp_path, 'echo "$@"')
    png = gv.to_image(seed_graph, "png", settings=Settings(max_png_inches=50), renderer=renderer)
    svg = gv.to_image(seed_graph, "svg", renderer=renderer)
    assert png.split() == [b"-Kdot", b"-Tpng", b"-Gsize=50,50"]
    assert svg.split() == [b"-Kdot", b"-Tsvg"]
