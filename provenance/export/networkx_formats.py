"""Write the provenance graph in the formats networkx knows: GraphML, GEXF, JSON.

GraphML opens in Cytoscape and yEd, GEXF in Gephi, and the JSON node-link
document in networkx (``nx.node_link_graph(data, edges="edges")``) and most
JavaScript graph libraries. Nodes and edges are written in sorted order, so
the same graph always gives the same bytes.

Limits
------
- GraphML and GEXF attributes hold only scalars: lists of strings (aliases,
  roles, cues, claim ids, article ids) are joined with ``"; "``, lists of
  records (evidence) become JSON text, and missing values (None) are left out.
  Each node also gets a ``label`` (its name) and each edge a ``label`` (its
  short cue) and ``claim_texts``, which Gephi and Cytoscape show as they are.
- Every edge gets an ``id`` (``e0``, ``e1``, ... in sorted order); reading the
  file back with networkx gives those ids as edge keys.
- Control characters, which XML 1.0 cannot hold, are dropped from all text.
- GEXF carries no ``lastmodifieddate``: a run date would make the same graph
  give different files on different days.
- JSON keeps lists as lists and adds the ``claims`` and ``entities`` records
  (``Claim.to_dict``, ``Entity.to_dict``) at the top level.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import ProvenanceGraph
from .common import as_list, claim_texts, edge_label, sorted_edges, sorted_nodes
from .escape import clean_text

__all__ = [
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_node_link",
    "write_gexf",
    "write_graphml",
    "write_json",
]

#: Separator of list items in GraphML and GEXF attributes.
LIST_SEPARATOR = "; "
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
RE_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def to_graphml(graph: ProvenanceGraph, *, title: str | None = None) -> str:
    """Return ``graph`` as a GraphML document with scalar attributes.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("sputnik", name="Sputnik", kind="outlet", aliases=["RIA", "Sputnik News"])
    >>> back = nx.parse_graphml(to_graphml(pg))
    >>> back.nodes["sputnik"]["aliases"]
    'RIA; Sputnik News'
    """
    lines = nx.generate_graphml(_flat_graph(graph, title=title))
    return XML_DECLARATION + "\n".join(lines) + "\n"


def write_graphml(graph: ProvenanceGraph, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`to_graphml` to ``path`` and return the path."""
    path = Path(path)
    path.write_text(to_graphml(graph, title=title), encoding="utf-8")
    return path


def to_gexf(graph: ProvenanceGraph, *, title: str | None = None) -> str:
    """Return ``graph`` as a GEXF 1.2 document with scalar attributes.

    Examples
    --------
    >>> import io
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("sputnik", name="Sputnik", kind="outlet")
    >>> back = nx.read_gexf(io.BytesIO(to_gexf(pg).encode("utf-8")))
    >>> back.nodes["sputnik"]["label"], back.nodes["sputnik"]["kind"]
    ('Sputnik', 'outlet')
    """
    text = "\n".join(nx.generate_gexf(_flat_graph(graph, title=title, is_gexf=True)))
    # networkx stamps today's date into <meta>; the same graph must give the same bytes.
    return XML_DECLARATION + RE_GEXF_DATE.sub("", text, count=1) + "\n"


def write_gexf(graph: ProvenanceGraph, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`to_gexf` to ``path`` and return the path."""
    path = Path(path)
    path.write_text(to_gexf(graph, title=title), encoding="utf-8")
    return path


def to_node_link(graph: ProvenanceGraph, *, title: str | None = None) -> dict[str, Any]:
    """Return ``graph`` as a node-link dict plus its ``claims`` and ``entities``.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> _ = pg.graph.add_edge("pentagon", "sputnik", relation="told", cues=("confirmed to",))
    >>> data = to_node_link(pg)
    >>> [node["id"] for node in data["nodes"]], data["edges"][0]["cues"]
    (['pentagon', 'sputnik'], ['confirmed to'])
    >>> sorted(nx.node_link_graph(data, edges="edges").edges())
    [('pentagon', 'sputnik')]
    """
    copy = nx.MultiDiGraph()
    if title:
        copy.graph["title"] = title
    for node, data in sorted_nodes(graph):
        copy.add_node(node, **{key: _jsonable(value) for key, value in sorted(data.items())})
    for source, target, key, data in sorted_edges(graph):
        copy.add_edge(source, target, key=key, **{name: _jsonable(value) for name, value in sorted(data.items())})
    result = nx.node_link_data(copy, edges="edges")
    result["claims"] = {str(claim_id): claim.to_dict() for claim_id, claim in graph.claims.items()}
    result["entities"] = {str(entity_id): entity.to_dict() for entity_id, entity in graph.entities.items()}
    return result


def to_json(graph: ProvenanceGraph, *, title: str | None = None) -> str:
    """Return :func:`to_node_link` as deterministic JSON text with a final newline."""
    return json.dumps(to_node_link(graph, title=title), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def write_json(graph: ProvenanceGraph, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`to_json` to ``path`` and return the path."""
    path = Path(path)
    # A lone surrogate in a name cannot be encoded; it becomes "?" rather than failing.
    path.write_text(to_json(graph, title=title), encoding="utf-8", errors="replace")
    return path


def _flat_graph(graph: ProvenanceGraph, *, title: str | None, is_gexf: bool = False) -> nx.MultiDiGraph:
    """A copy of the graph with scalar, cleaned attributes, in sorted order.

    Edge keys become ``e0``, ``e1``, ...: GraphML writes the key as the edge
    id, GEXF takes its edge id from an ``id`` attribute.
    """
    flat = nx.MultiDiGraph()
    if title:
        flat.graph["title"] = clean_text(title)
    for node, data in sorted_nodes(graph):
        attributes = _flat_attributes(data, skip=("id", "label"))
        attributes["label"] = clean_text(data.get("name") or node)
        flat.add_node(clean_text(node), **attributes)
    for index, (source, target, key, data) in enumerate(sorted_edges(graph)):
        attributes = _flat_attributes(data, skip=("id", "label", "key"))
        texts = claim_texts(graph, as_list(data.get("claims")))
        if texts:
            attributes["claim_texts"] = LIST_SEPARATOR.join(clean_text(text) for text in texts)
        attributes["label"] = edge_label(data)
        if is_gexf:
            attributes["id"] = f"e{index}"
        flat.add_edge(clean_text(source), clean_text(target), key=f"e{index}", **attributes)
    return flat


def _flat_attributes(data: dict[str, Any], *, skip: tuple[str, ...]) -> dict[str, Any]:
    """Scalar attributes for GraphML and GEXF, None dropped."""
    flat = {}
    for name, value in sorted(data.items()):
        if name in skip or value is None:
            continue
        flat[clean_text(name)] = _scalar(value)
    return flat


def _scalar(value: Any) -> str | int | float | bool:
    """One attribute value as a scalar the XML formats can hold."""
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return clean_text(json.dumps(_jsonable(value), sort_keys=True, ensure_ascii=False))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        if all(isinstance(item, (str, int, float)) for item in items):
            return LIST_SEPARATOR.join(clean_text(item) for item in items)
        return clean_text(json.dumps(_jsonable(items), sort_keys=True, ensure_ascii=False))
    return clean_text(_jsonable(value))


def _jsonable(value: Any) -> Any:
    """A value JSON can hold: tuples and sets become lists, dates ISO text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_jsonable(item) for item in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)
