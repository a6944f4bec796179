"""The interactive HTML page: self-contained, escaped, deterministic."""

import json
import re
from importlib import resources

import pytest

from provenance.export.escape import clean_text
from provenance.export.html import embed_json, to_html, view_data

RE_DATA = re.compile(r'<script id="provenance-data" type="application/json">(.*?)</script>', re.DOTALL)
STATIC = resources.files("provenance.export").joinpath("static")


def page_data(page: str) -> dict:
    (data,) = RE_DATA.findall(page)
    return json.loads(data)


def markup_only(page: str) -> str:
    """The page with the bodies of its script and style elements removed."""
    return re.sub(r"(<(script|style)[^>]*>).*?(</\2>)", r"\1\3", page, flags=re.DOTALL)


@pytest.mark.parametrize("fixture", ["seed_graph", "nasty_graph"])
def test_page_has_exactly_our_three_scripts(fixture, request):
    page = to_html(request.getfixturevalue(fixture))
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert page.lower().count("<script") == 3 and page.lower().count("</script") == 3
    assert markup_only(page).count("<style>") == 1


def test_nasty_names_cannot_leave_the_data_script(nasty_graph):
    page = to_html(nasty_graph, title="</title><script>alert(1)</script>")
    (raw,) = RE_DATA.findall(page)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    names = {node["name"] for node in data["nodes"]}
    assert names == {clean_text(attrs["name"]) for _, attrs in nasty_graph.graph.nodes(data=True)}
    claims = {claim["text"] for edge in data["edges"] for claim in edge["claims"]}
    assert claims == {clean_text(claim.text) for claim in nasty_graph.claims.values()}
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_page_loads_nothing_from_the_network(seed_graph):
    page = to_html(seed_graph)
    assert "default-src 'none'" in page
    markup = markup_only(page)
    assert not re.search(r"\b(src|href)\s*=", markup)
    assert "http://" not in markup and "https://" not in markup


def test_view_script_writes_text_only():
    view = STATIC.joinpath("view.js").read_text(encoding="utf-8")
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in view
    assert "textContent" in view


def test_vendored_cytoscape_is_there_with_its_licence():
    library = STATIC.joinpath("cytoscape.min.js").read_text(encoding="utf-8")
    licence = STATIC.joinpath("cytoscape.LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence
    assert "</script" not in library.lower()
    assert len(library) > 100_000


def test_view_data_is_layered_left_to_right(seed_graph):
    data = view_data(seed_graph)
    x = {node["key"]: node["x"] for node in data["nodes"]}
    assert x["kirby"] < x["wapo"] < x["sputnik"] < x["urdupoint"]
    assert x["pentagon"] == x["kirby"] == 0
    assert [kind["kind"] for kind in data["kinds"]] == ["person", "government", "outlet", "wire", "anonymous"]


def test_view_data_edges_carry_claims_evidence_and_credit(seed_graph):
    edges = {(edge["source"], edge["target"]): edge for edge in view_data(seed_graph)["edges"]}
    edge = edges[("n_kirby", "n_wapo")]
    assert edge["claims"] == [{"id": "c2", "text": '"We have no biological weapons labs," Kirby said'}]
    assert edge["evidence"] == [{"article": "a1", "start": 10, "end": 42}]
    assert edge["quote"] is True and edge["label"] == "said"
    assert edges[("n_ap", "n_urdupoint")]["uncredited"] is True
    assert edges[("n_sputnik", "n_urdupoint")]["credited"] is True
    assert "credited" not in edges[("n_kirby", "n_wapo")]


def test_long_layers_wrap_into_columns(graph_of_size):
    data = view_data(graph_of_size(300))
    by_x = {}
    for node in data["nodes"]:
        by_x.setdefault(node["x"], []).append(node["y"])
    assert max(len(column) for column in by_x.values()) <= 40


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": "</script>"}, '{"a":"\\u003c/script\\u003e"}'),
        ({"a": "<!-- x & y"}, '{"a":"\\u003c!-- x \\u0026 y"}'),
        ({"a": "\u2028 é"}, '{"a":"\u2028 é"}'),
    ],
)
def test_embed_json(value, expected):
    assert embed_json(value) == expected
    assert json.loads(embed_json(value)) == value


def test_page_is_deterministic(seed_graph):
    assert to_html(seed_graph) == to_html(seed_graph)
