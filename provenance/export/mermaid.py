"""Write the provenance graph as a Mermaid flowchart (``.mmd``).

GitHub, GitLab and many Markdown editors draw Mermaid in a fenced
``mermaid`` block. The chart runs left to right (``flowchart LR``); node
shapes and ``classDef`` fills follow the node kind
(``provenance/data/kind_styles.tsv``); edge labels are the short cue; an
uncredited republication is a dotted arrow.

Every label is quoted and escaped with
:func:`~provenance.export.escape.mermaid_text`: quotes, brackets, ``<``,
``>``, ``|``, ``;``, ``#``, backticks and the like become Mermaid's numeric
entities (``#34;``), so a name cannot end its label or start a statement.
Node ids are :func:`~provenance.export.escape.safe_id` values (``n_...``).

Limits
------
- Mermaid has no tooltips worth the name here, so claim texts are not drawn;
  use the HTML or SVG export to read them.
- Labels are cut to 40 characters (edges 24).
- GitHub refuses diagrams over about 500 edges or 50,000 characters; a
  warning is logged above :data:`MAX_GITHUB_EDGES` edges.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ..graph import ProvenanceGraph
from .common import edge_label, kind_style, kinds_present, sorted_edges, sorted_nodes
from .escape import mermaid_text, one_line, safe_id

__all__ = ["MAX_GITHUB_EDGES", "to_mermaid", "write_mermaid"]

logger = logging.getLogger(__name__)

#: Edges above which GitHub declines to draw a Mermaid diagram.
MAX_GITHUB_EDGES = 500
NODE_LABEL_LIMIT = 40


def to_mermaid(graph: ProvenanceGraph, *, title: str | None = None) -> str:
    """Return ``graph`` as Mermaid flowchart text with a final newline.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to draw.
    title : str, optional
        A diagram title, written as front matter.

    Returns
    -------
    str
        Mermaid source, identical for identical graphs.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("pentagon", name="Pentagon", kind="government")
    >>> pg.graph.add_node("sputnik", name='Sputnik "News"', kind="outlet")
    >>> _ = pg.graph.add_edge("pentagon", "sputnik", relation="told", cues=["confirmed to"])
    >>> print(to_mermaid(pg), end="")
    flowchart LR
      n_pentagon{{"Pentagon"}}:::government
      n_sputnik["Sputnik #34;News#34;"]:::outlet
      n_pentagon -->|"confirmed to"| n_sputnik
      classDef government fill:#fb8072,stroke:#333,color:#000
      classDef outlet fill:#80b1d3,stroke:#333,color:#000
    """
    lines = []
    if title:
        # JSON strings are YAML strings, so the title cannot break the front matter.
        lines += ["---", f"title: {json.dumps(one_line(title, limit=200), ensure_ascii=False)}", "---"]
    lines.append("flowchart LR")
    for node, data in sorted_nodes(graph):
        style = kind_style(data.get("kind"))
        label = mermaid_text(data.get("name") or node, limit=NODE_LABEL_LIMIT)
        lines.append(f'  {safe_id(node, prefix="n_")}{style.mermaid_open}"{label}"{style.mermaid_close}:::{style.kind}')
    edges = sorted_edges(graph)
    for source, target, _key, data in edges:
        arrow = "-.->" if data.get("relation") == "republished" and data.get("credited") is False else "-->"
        label = mermaid_text(edge_label(data))
        lines.append(f'  {safe_id(source, prefix="n_")} {arrow}|"{label}"| {safe_id(target, prefix="n_")}')
    styles = {kind_style(kind).kind: kind_style(kind) for kind in kinds_present(graph)}
    for style in styles.values():
        lines.append(f"  classDef {style.kind} fill:{style.fill},stroke:#333,color:#000")
    if len(edges) > MAX_GITHUB_EDGES:
        logger.warning(
            "%d edges is more than GitHub draws in one Mermaid diagram (about %d); use --focus NAME",
            len(edges),
            MAX_GITHUB_EDGES,
        )
    return "\n".join(lines) + "\n"


def write_mermaid(graph: ProvenanceGraph, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`to_mermaid` to ``path`` and return the path."""
    path = Path(path)
    path.write_text(to_mermaid(graph, title=title), encoding="utf-8")
    return path
