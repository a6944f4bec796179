"""Draw the provenance graph with Graphviz: DOT source, SVG, PNG and PDF.

The drawing runs left to right, from origins to publishers. Node shape and
fill follow the node's kind (``provenance/data/kind_styles.tsv``) and a legend
cluster names them. Edge labels are short (the cue, or what the relation did);
the claims an edge carries sit in its tooltip, which SVG viewers show on hover.
All text is cleaned and escaped, so a name cannot change the DOT syntax; node
ids in the file are :func:`~provenance.export.escape.safe_id` values, never names.

Limits
------
- ``.dot`` is always written: it is text and needs no renderer.
- Rendering needs a renderer: a system ``dot`` on ``PATH`` (every format), or
  else the ``graphviz-pure`` binary from the pip package of that name (SVG and
  PNG, no PDF). Without either, :class:`~provenance.errors.ExportError` says
  how to get one.
- The dot layout does not finish on dense graphs of a few thousand nodes (200
  nodes take about 2 s, 2,000 dense nodes more than 15 minutes). Above
  ``Settings.max_dot_nodes`` nodes the ``sfdp`` engine draws instead, without
  the left-to-right ranks or edge labels (the tooltips keep them), and a
  warning suggests ``--focus NAME``. A render that runs past
  ``Settings.render_timeout`` seconds is stopped.
- PNG drawings are scaled down to ``Settings.max_png_inches`` on their
  longer side; SVG and PDF keep their natural size.
"""

from __future__ import annotations

import logging
import math
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphviz

from ..errors import ExportError
from ..graph import ProvenanceGraph
from ..settings import DEFAULT_SETTINGS, Settings
from .common import as_list, claim_texts, edge_label, kind_style, kinds_present, sorted_edges, sorted_nodes
from .escape import one_line, safe_id

__all__ = [
    "RENDERED_FORMATS",
    "Renderer",
    "find_renderer",
    "layout_engine",
    "render_dot",
    "to_dot",
    "to_image",
    "write_dot",
    "write_image",
]

logger = logging.getLogger(__name__)

#: Formats a renderer turns DOT into.
RENDERED_FORMATS = ("pdf", "png", "svg")
#: Longest node label drawn; the full name stays in the tooltip.
NODE_LABEL_LIMIT = 40
#: Claims listed in one edge tooltip, and the length each is cut to.
TOOLTIP_CLAIMS = 8
TOOLTIP_CLAIM_LIMIT = 200
#: Engine for graphs too large for dot.
LARGE_GRAPH_ENGINE = "sfdp"
HOW_TO_GET_A_RENDERER = (
    "install Graphviz (apt-get install graphviz, brew install graphviz) "
    "or pip install graphviz-pure, or write a .dot file instead"
)
_RELATION_STYLES = {
    "affiliated_with": {"style": "dotted", "arrowhead": "none", "constraint": "false", "color": "#888888"},
    "credited": {"style": "dashed"},
}
_UNCREDITED_STYLE = {"style": "dashed", "color": "#d62728", "fontcolor": "#d62728"}


@dataclass(frozen=True, slots=True)
class Renderer:
    """A Graphviz command line found on this machine and the formats it writes."""

    command: str
    name: str
    formats: tuple[str, ...]


def find_renderer() -> Renderer | None:
    """Return the renderer to use: a system ``dot``, else ``graphviz-pure``, else None.

    Examples
    --------
    >>> renderer = find_renderer()
    >>> renderer is None or "svg" in renderer.formats
    True
    """
    system_dot = shutil.which("dot")
    if system_dot:
        return Renderer(system_dot, "dot", RENDERED_FORMATS)
    scripts = sysconfig.get_path("scripts")
    pure = shutil.which("graphviz-pure") or shutil.which("graphviz-pure", path=scripts)
    if pure:
        return Renderer(pure, "graphviz-pure", ("png", "svg"))
    return None


def layout_engine(graph: ProvenanceGraph, *, settings: Settings = DEFAULT_SETTINGS) -> str:
    """Return the Graphviz engine for ``graph``: ``dot``, or ``sfdp`` when it is too large.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> layout_engine(ProvenanceGraph())
    'dot'
    """
    if graph.graph.number_of_nodes() > settings.max_dot_nodes:
        return LARGE_GRAPH_ENGINE
    return "dot"


def to_dot(graph: ProvenanceGraph, *, settings: Settings = DEFAULT_SETTINGS, title: str | None = None) -> str:
    """Return the DOT source of ``graph``: ranked left to right, with a legend.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to draw.
    settings : Settings, optional
        ``max_dot_nodes`` decides whether the file asks for ``layout=sfdp``.
    title : str, optional
        A caption drawn above the graph.

    Returns
    -------
    str
        DOT source, identical for identical graphs.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("a", name='Say "hi" -> }', kind="person")
    >>> pg.graph.add_node("b", name="Sputnik", kind="outlet")
    >>> _ = pg.graph.add_edge("a", "b", relation="told", cues=["told"], claims=[])
    >>> source = to_dot(pg)
    >>> 'n_a [label="Say \\\\"hi\\\\" -> }"' in source
    True
    >>> "n_a -> n_b" in source
    True
    """
    engine = layout_engine(graph, settings=settings)
    drawing = graphviz.Digraph(name="provenance")
    drawing.attr("graph", **_graph_attributes(engine, title))
    drawing.attr("node", style="filled", fontname="Helvetica", fontsize="11", penwidth="1")
    drawing.attr("edge", fontname="Helvetica", fontsize="9", color="#555555", arrowsize="0.7")
    _add_legend(drawing, graph)
    for node, data in sorted_nodes(graph):
        drawing.node(safe_id(node, prefix="n_"), **_node_attributes(node, data))
    is_labelled = engine == "dot"  # labels on thousands of sfdp edges cost time and read as noise
    for source, target, _key, data in sorted_edges(graph):
        attributes = _edge_attributes(graph, data, is_labelled=is_labelled)
        drawing.edge(safe_id(source, prefix="n_"), safe_id(target, prefix="n_"), **attributes)
    return drawing.source


def write_dot(
    graph: ProvenanceGraph, path: str | Path, *, settings: Settings = DEFAULT_SETTINGS, title: str | None = None
) -> Path:
    """Write :func:`to_dot` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(to_dot(graph, settings=settings, title=title), encoding="utf-8")
    return path


def to_image(
    graph: ProvenanceGraph,
    fmt: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    title: str | None = None,
    renderer: Renderer | None = None,
) -> bytes:
    """Render ``graph`` as ``svg``, ``png`` or ``pdf`` and return the bytes.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to draw.
    fmt : str
        One of ``RENDERED_FORMATS``.
    settings : Settings, optional
        ``max_dot_nodes`` picks the engine, ``render_timeout`` bounds the run.
    title : str, optional
        A caption drawn above the graph.
    renderer : Renderer, optional
        The command to run; :func:`find_renderer` by default.

    Raises
    ------
    ExportError
        When no renderer is installed, the renderer cannot write ``fmt`` (PDF
        with ``graphviz-pure``), it fails, or it runs out of time.

    Notes
    -----
    Above ``settings.max_dot_nodes`` nodes the ``sfdp`` engine is used and a
    warning is logged.
    """
    engine = layout_engine(graph, settings=settings)
    if engine != "dot":
        logger.warning(
            "%d nodes is more than the dot layout handles (max_dot_nodes=%d); drawing with %s "
            "instead, without left-to-right ranks; use --focus NAME for a readable subgraph",
            graph.graph.number_of_nodes(),
            settings.max_dot_nodes,
            engine,
        )
    source = to_dot(graph, settings=settings, title=title)
    size = settings.max_png_inches if fmt == "png" else None
    return render_dot(source, fmt, engine=engine, renderer=renderer, timeout=settings.render_timeout, max_inches=size)


def write_image(
    graph: ProvenanceGraph,
    path: str | Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    title: str | None = None,
    renderer: Renderer | None = None,
) -> Path:
    """Render ``graph`` in the format named by ``path``'s extension and write it.

    Nothing is written when rendering fails.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    path.write_bytes(to_image(graph, fmt, settings=settings, title=title, renderer=renderer))
    return path


def render_dot(
    source: str,
    fmt: str,
    *,
    engine: str = "dot",
    renderer: Renderer | None = None,
    timeout: float = DEFAULT_SETTINGS.render_timeout,
    max_inches: float | None = None,
) -> bytes:
    """Run a Graphviz renderer over DOT ``source`` and return the ``fmt`` output.

    ``max_inches``, when given, scales a larger drawing down to fit a square
    of that side (Graphviz's ``size`` attribute).

    Raises
    ------
    ExportError
        As described in :func:`to_image`.
    """
    if fmt not in RENDERED_FORMATS:
        raise ExportError(f"unknown image format {fmt!r}; expected one of: {', '.join(RENDERED_FORMATS)}")
    renderer = renderer or find_renderer()
    if renderer is None:
        raise ExportError(f"no Graphviz renderer found to draw {fmt.upper()}: {HOW_TO_GET_A_RENDERER}")
    if fmt not in renderer.formats:
        raise ExportError(
            f"{fmt.upper()} needs a system Graphviz (apt-get install graphviz); "
            f"{renderer.name} draws only {', '.join(renderer.formats)}: try .svg"
        )
    command = [renderer.command, f"-K{engine}", f"-T{fmt}"]
    if max_inches is not None:
        command.append(f"-Gsize={max_inches:g},{max_inches:g}")
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as err:
        raise ExportError(
            f"{renderer.name} -K{engine} ran out of time after {timeout:g} s; "
            "the graph is too large to draw whole: use --focus NAME, or write .dot, .graphml or .html"
        ) from err
    except OSError as err:
        raise ExportError(f"cannot run {renderer.command!r}: {err}") from err
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        if "layout engine" in message or "Layout type" in message:
            raise ExportError(
                f"{renderer.name} has no {engine!r} layout to draw a graph this large: use --focus NAME"
            )
        raise ExportError(f"{renderer.name} failed to draw {fmt.upper()}: {one_line(message, limit=300)}")
    if message:
        logger.info("%s: %s", renderer.name, one_line(message, limit=300))
    return done.stdout


def _graph_attributes(engine: str, title: str | None) -> dict[str, str]:
    """Attributes of the whole drawing."""
    attributes = {
        "rankdir": "LR",
        "fontname": "Helvetica",
        "nodesep": "0.25",
        "ranksep": "0.7",
        "bgcolor": "white",
    }
    if engine != "dot":
        # The file then draws the same with any renderer, even run by hand.
        # Measured with graphviz-pure on 1,000 nodes: prism overlap removal 11 s,
        # scale 2.6 s, and 1.3 s once edges carry no labels (see to_dot).
        attributes.update(layout=engine, overlap="scale", splines="false", outputorder="edgesfirst")
    if title:
        attributes.update(label=_dot_text(title, limit=200), labelloc="t", fontsize="16")
        attributes["tooltip"] = _dot_lines([one_line(title, limit=200)])
    return attributes


def _add_legend(drawing: graphviz.Digraph, graph: ProvenanceGraph) -> None:
    """A cluster with one sample node per kind present in the graph."""
    kinds = kinds_present(graph)
    if not kinds:
        return
    with drawing.subgraph(name="cluster_legend") as legend:
        legend.attr(label="kinds", style="rounded", color="#bbbbbb", fontsize="10")
        for kind in kinds:
            style = kind_style(kind)
            legend.node(
                safe_id(kind, prefix="legend_"),
                label=_dot_text(kind),
                shape=style.dot_shape,
                fillcolor=style.fill,
                fontsize="9",
                tooltip=_dot_lines([f"node kind: {kind}"]),
            )


def _node_attributes(node: Any, data: dict[str, Any]) -> dict[str, str]:
    """Label, tooltip and style of one node."""
    kind = str(data.get("kind") or "")
    style = kind_style(kind)
    name = data.get("name") or node
    lines = [one_line(name), f"kind: {kind}"]
    for field in ("roles", "affiliations", "aliases"):
        values = [one_line(value) for value in as_list(data.get(field))]
        if values:
            lines.append(f"{field}: {', '.join(sorted(values))}")
    if data.get("articles") is not None:
        lines.append(f"articles: {data.get('articles')}")
    return {
        "label": _dot_text(name, limit=NODE_LABEL_LIMIT),
        "tooltip": _dot_lines(lines),
        "shape": style.dot_shape,
        "fillcolor": style.fill,
        "style": "filled,dashed" if kind == "anonymous" else "filled",
        "id": safe_id(node, prefix="n_"),
    }


def _edge_attributes(graph: ProvenanceGraph, data: dict[str, Any], *, is_labelled: bool) -> dict[str, str]:
    """Label (unless ``is_labelled`` is false), tooltip, width and style of one edge."""
    relation = str(data.get("relation") or "")
    claims = claim_texts(graph, as_list(data.get("claims")))
    cues = [one_line(cue) for cue in as_list(data.get("cues"))]
    lines = [relation + (f" ({', '.join(cues)})" if cues and cues != [relation] else "")]
    lines += [one_line(text, limit=TOOLTIP_CLAIM_LIMIT) for text in claims[:TOOLTIP_CLAIMS]]
    if len(claims) > TOOLTIP_CLAIMS:
        lines.append(f"and {len(claims) - TOOLTIP_CLAIMS} more claims")
    articles = len(as_list(data.get("articles")))
    attributes = {
        "tooltip": _dot_lines(lines),
        "penwidth": f"{1 + min(3.0, math.log2(max(articles, 1))):.2f}",
    }
    if is_labelled:
        attributes["label"] = _dot_text(edge_label(data))
    attributes.update(_RELATION_STYLES.get(relation, {}))
    if relation == "republished" and data.get("credited") is False:
        attributes.update(_UNCREDITED_STYLE)
    return attributes


def _dot_text(value: object, *, limit: int | None = None) -> str:
    """A label for a quoted DOT string: the text drawn exactly, never an HTML label."""
    return graphviz.nohtml(_escape(one_line(value, limit=limit), backslash="\\\\"))


def _dot_lines(lines: list[str]) -> str:
    """A tooltip for a quoted DOT string: lines joined by DOT's line break."""
    return graphviz.nohtml("\\n".join(_escape(line, backslash="\\" * 4) for line in lines))


def _escape(text: str, *, backslash: str) -> str:
    """Escape one line of untrusted text for a quoted DOT string.

    Graphviz turns HTML entities into characters in every label and tooltip
    (``&amp;`` is drawn ``&``), so ``&`` is written ``&amp;``. A label then
    reads ``\\\\`` as one backslash; a tooltip goes through two rounds of
    backslash escapes (``\\n`` newlines, then ``\\N`` names), so it takes four.
    The double quote is escaped by the ``graphviz`` package's quoting.
    """
    return text.replace("&", "&amp;").replace("\\", backslash)
