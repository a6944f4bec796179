"""Write the provenance graph as one self-contained, interactive HTML page.

The page inlines everything it needs (the vendored cytoscape.js, MIT licence
in ``static/cytoscape.LICENSE``; our ``static/view.js`` and ``view.css``;
the graph as JSON), so it opens offline from a file or an e-mail attachment.
Its Content-Security-Policy forbids every network request. Nodes are coloured
and shaped by kind; the first layout is layered left to right, from origins
to publishers, computed here so it is the same on every opening. Clicking a
source shows its kind, roles, affiliations, claims and articles; clicking an
arrow shows the cues, claims, evidence spans and dates behind it. A search
box fades everything but the matching sources and their neighbours.

Escaping: the graph JSON sits in a ``<script type="application/json">`` tag
with every ``<``, ``>`` and ``&`` written as a JSON ``\\u`` escape, so no name
can close the tag (``</script>``) or open a comment; the script reads it with
``JSON.parse`` and puts text on the page only through ``textContent``. The
title is HTML-escaped.

Limits
------
- cytoscape.js stays responsive up to a few thousand elements; beyond that,
  prefer ``--focus NAME`` or the GEXF export in Gephi.
- Layouts other than the layered one are computed in the browser and differ
  between openings.
"""

from __future__ import annotations

import html
import json
import math
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..graph import ProvenanceGraph
from .common import as_list, edge_label, kind_style, kinds_present, layers, sorted_edges, sorted_nodes
from .escape import clean_text, one_line, safe_id

__all__ = ["to_html", "view_data", "write_html"]

#: Horizontal distance between layers, and between columns of one layer.
LAYER_GAP = 320
COLUMN_GAP = 200
#: Vertical distance between nodes, and the most nodes stacked in one column.
ROW_GAP = 70
MAX_COLUMN = 40
NODE_LABEL_LIMIT = 48
DEFAULT_TITLE = "Provenance graph"
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="provenance">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<input id="search" type="search" placeholder="Find a source" aria-label="Find a source">
<label>Layout <select id="layout">
<option value="preset">layered, origin to publisher</option>
<option value="cose">force-directed</option>
<option value="breadthfirst">tree</option>
<option value="concentric">concentric</option>
</select></label>
<span id="counts"></span>
</header>
<main>
<div id="graph"></div>
<aside id="details"><p>Click a source or an arrow to see its claims and evidence.</p></aside>
</main>
<ul id="legend"></ul>
<script id="provenance-data" type="application/json">{data}</script>
<script>
{library}</script>
<script>
{view}</script>
</body>
</html>
"""


def to_html(graph: ProvenanceGraph, *, title: str | None = None) -> str:
    """Return the interactive page for ``graph`` as one HTML document.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to show.
    title : str, optional
        The page title and heading; "Provenance graph" by default.

    Returns
    -------
    str
        A self-contained HTML page, identical for identical graphs.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("x", name="</script><b>", kind="outlet")
    >>> page = to_html(pg, title="<Sputnik & co>")
    >>> "<title>&lt;Sputnik &amp; co&gt;</title>" in page
    True
    >>> "</script><b>" in page
    False
    """
    page_title = one_line(title or DEFAULT_TITLE, limit=200)
    return _PAGE.format(
        title=html.escape(page_title),
        css=_static("view.css"),
        data=embed_json(view_data(graph, title=page_title)),
        library=_static("cytoscape.min.js"),
        view=_static("view.js"),
    )


def write_html(graph: ProvenanceGraph, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`to_html` to ``path`` and return the path."""
    path = Path(path)
    path.write_text(to_html(graph, title=title), encoding="utf-8")
    return path


def view_data(graph: ProvenanceGraph, *, title: str | None = None) -> dict[str, Any]:
    """Return the JSON the page draws: nodes with positions, edges with claims, kinds.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> _ = pg.graph.add_edge("pentagon", "sputnik", relation="told", cues=["confirmed to"])
    >>> data = view_data(pg)
    >>> [(node["id"], node["x"]) for node in data["nodes"]]
    [('n_pentagon', 0), ('n_sputnik', 320)]
    >>> data["edges"][0]["label"]
    'confirmed to'
    """
    positions = _positions(graph)
    nodes = []
    for node, data in sorted_nodes(graph):
        style = kind_style(data.get("kind"))
        name = clean_text(data.get("name") or node)
        nodes.append(
            {
                "id": safe_id(node, prefix="n_"),
                "key": clean_text(node),
                "name": name,
                "label": one_line(name, limit=NODE_LABEL_LIMIT),
                "kind": clean_text(data.get("kind") or ""),
                "fill": style.fill,
                "shape": style.cytoscape_shape,
                "roles": _texts(data.get("roles")),
                "affiliations": _texts(data.get("affiliations")),
                "aliases": _texts(data.get("aliases")),
                "article_ids": _texts(data.get("article_ids")),
                "x": positions[node][0],
                "y": positions[node][1],
            }
        )
    edges = []
    for index, (source, target, _key, data) in enumerate(sorted_edges(graph)):
        articles = _texts(data.get("articles"))
        edge = {
            "id": f"e{index}",
            "source": safe_id(source, prefix="n_"),
            "target": safe_id(target, prefix="n_"),
            "relation": clean_text(data.get("relation") or ""),
            "label": edge_label(data),
            "cues": _texts(data.get("cues")),
            "claims": [_claim(graph, claim_id) for claim_id in as_list(data.get("claims"))],
            "articles": articles,
            "evidence": [_evidence(item) for item in as_list(data.get("evidence")) if isinstance(item, dict)],
            "quote": bool(data.get("quote")),
            "uncredited": data.get("relation") == "republished" and data.get("credited") is False,
            "width": round(1.5 + min(3.0, math.log2(max(len(articles), 1))), 2),
        }
        for name in ("first_date", "last_date"):
            if data.get(name) is not None:
                edge[name] = clean_text(data[name])
        if data.get("credited") is not None:
            edge["credited"] = bool(data["credited"])
        edges.append(edge)
    kinds = [{"kind": kind, "fill": kind_style(kind).fill} for kind in kinds_present(graph)]
    return {"title": title or DEFAULT_TITLE, "nodes": nodes, "edges": edges, "kinds": kinds}


def embed_json(data: Any) -> str:
    """Return ``data`` as JSON safe inside a ``<script>`` element.

    Examples
    --------
    >>> embed_json({"name": "</script><!--"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _positions(graph: ProvenanceGraph) -> dict[Any, tuple[int, int]]:
    """Layered positions: one band per layer, long layers wrapped into columns."""
    by_layer: dict[int, list[Any]] = defaultdict(list)
    for node, layer in layers(graph).items():
        by_layer[layer].append(node)
    names = {node: one_line(data.get("name") or node).casefold() for node, data in graph.graph.nodes(data=True)}
    positions = {}
    x = 0
    for layer in sorted(by_layer):
        members = sorted(by_layer[layer], key=lambda node: (names[node], str(node)))
        rows = min(len(members), MAX_COLUMN)
        for index, node in enumerate(members):
            column, row = divmod(index, MAX_COLUMN)
            positions[node] = (x + column * COLUMN_GAP, (row - (rows - 1) / 2) * ROW_GAP)
        x += LAYER_GAP + (math.ceil(len(members) / MAX_COLUMN) - 1) * COLUMN_GAP
    return {node: (int(x), int(y)) for node, (x, y) in positions.items()}


def _texts(value: object) -> list[str]:
    """A list attribute as cleaned strings."""
    return [clean_text(item) for item in as_list(value)]


def _claim(graph: ProvenanceGraph, claim_id: Any) -> dict[str, str]:
    """A claim id with its text (the id when the claim is unknown)."""
    claim = graph.claims.get(claim_id)
    return {"id": clean_text(claim_id), "text": clean_text(claim.text if claim is not None else claim_id)}


def _evidence(item: dict[str, Any]) -> dict[str, Any]:
    """One evidence record with cleaned text."""
    return {
        "article": clean_text(item.get("article")),
        "start": item.get("start"),
        "end": item.get("end"),
    }


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    """A packaged static file, checked to be safe inside a ``<script>`` or ``<style>``."""
    text = resources.files("provenance.export").joinpath("static", name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if closing in text.lower():
        raise ExportError(f"static file {name!r} contains {closing!r} and cannot be inlined")
    return text
