"""Export the provenance graph to the formats its users open.

:func:`write_graph` picks the format from the file's extension;
:func:`to_format` returns the same content without writing it. Each format
lives in its own module, with a pure ``to_<format>`` function and a thin
``write_<format>``, and states its limits in its docstring:

- ``.dot`` (Graphviz source), ``.svg``, ``.png``, ``.pdf`` (drawn by a
  Graphviz renderer): :mod:`provenance.export.graphviz`
- ``.graphml`` (Cytoscape, yEd), ``.gexf`` (Gephi), ``.json`` (networkx
  node-link): :mod:`provenance.export.networkx_formats`
- ``.provjson``, ``.provn`` (W3C PROV): :mod:`provenance.export.prov`
- ``.mmd`` (Mermaid, drawn by GitHub): :mod:`provenance.export.mermaid`
- ``.html`` (one interactive page that works offline): :mod:`provenance.export.html`

Only the command line and this package import it; the pipeline stages never do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ExportError
from ..graph import ProvenanceGraph
from ..settings import DEFAULT_SETTINGS, Settings
from . import graphviz, html, mermaid, networkx_formats, prov

__all__ = ["SUPPORTED_FORMATS", "format_of", "to_format", "write_graph"]

_Exporter = Callable[[ProvenanceGraph, Settings, "str | None"], "str | bytes"]

#: format name -> function returning the file's content (text or bytes)
_EXPORTERS: dict[str, _Exporter] = {
    "dot": lambda graph, settings, title: graphviz.to_dot(graph, settings=settings, title=title),
    "gexf": lambda graph, settings, title: networkx_formats.to_gexf(graph, title=title),
    "graphml": lambda graph, settings, title: networkx_formats.to_graphml(graph, title=title),
    "html": lambda graph, settings, title: html.to_html(graph, title=title),
    "json": lambda graph, settings, title: networkx_formats.to_json(graph, title=title),
    "mmd": lambda graph, settings, title: mermaid.to_mermaid(graph, title=title),
    "pdf": lambda graph, settings, title: graphviz.to_image(graph, "pdf", settings=settings, title=title),
    "png": lambda graph, settings, title: graphviz.to_image(graph, "png", settings=settings, title=title),
    "provjson": lambda graph, settings, title: prov.to_provjson(graph, title=title),
    "provn": lambda graph, settings, title: prov.to_provn(graph, title=title),
    "svg": lambda graph, settings, title: graphviz.to_image(graph, "svg", settings=settings, title=title),
}

#: The export formats, named by their file extension, sorted.
SUPPORTED_FORMATS = tuple(sorted(_EXPORTERS))


def format_of(path: str | Path) -> str:
    """Return the export format named by ``path``'s extension.

    Raises
    ------
    ExportError
        When the extension is not one of ``SUPPORTED_FORMATS``.

    Examples
    --------
    >>> format_of("out/graph.GraphML")
    'graphml'
    >>> format_of("graph.svgz")
    Traceback (most recent call last):
    ...
    provenance.errors.ExportError: unknown export format 'svgz'; expected one of: dot, gexf, graphml, html, json, mmd, pdf, png, provjson, provn, svg
    """
    return _check_format(Path(path).suffix.lower().lstrip("."))


def to_format(
    graph: ProvenanceGraph, fmt: str, *, settings: Settings = DEFAULT_SETTINGS, title: str | None = None
) -> str | bytes:
    """Return ``graph`` in format ``fmt``: text, or bytes for PNG, PDF and SVG.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to export.
    fmt : str
        One of ``SUPPORTED_FORMATS``.
    settings : Settings, optional
        Drawing limits (``max_dot_nodes``, ``render_timeout``).
    title : str, optional
        A caption for the formats that show one (DOT and images, HTML,
        Mermaid, JSON, PROV).

    Raises
    ------
    ExportError
        For an unknown format, or when a drawing cannot be rendered (see
        :func:`provenance.export.graphviz.to_image`).

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("reuters", name="Reuters", kind="wire")
    >>> print(to_format(pg, "mmd"), end="")
    flowchart LR
      n_reuters[["Reuters"]]:::wire
      classDef wire fill:#fdb462,stroke:#333,color:#000
    """
    return _EXPORTERS[_check_format(fmt)](graph, settings, title)


def write_graph(
    graph: ProvenanceGraph,
    path: str | Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    title: str | None = None,
    dot_fallback: bool = False,
) -> Path:
    """Write ``graph`` to ``path`` in the format its extension names; return the path.

    The content is made in full before the file is opened, so a failed
    export (no renderer, say) leaves no partial file behind.

    Parameters
    ----------
    graph : ProvenanceGraph
        The graph to export.
    path : str or Path
        The file to write; its extension is one of ``SUPPORTED_FORMATS``.
    settings : Settings, optional
        Drawing limits (``max_dot_nodes``, ``render_timeout``, ``max_png_inches``).
    title : str, optional
        A caption, as in :func:`to_format`.
    dot_fallback : bool, optional
        When an image cannot be rendered, write the DOT source beside it
        (``graph.svg`` -> ``graph.dot``) before raising, so the drawing can be
        made elsewhere.

    Raises
    ------
    ExportError
        As :func:`to_format`, or when the file cannot be written. With
        ``dot_fallback``, the message names the ``.dot`` file written instead.

    Examples
    --------
    >>> import tempfile
    >>> from provenance.graph import ProvenanceGraph
    >>> pg = ProvenanceGraph()
    >>> pg.graph.add_node("reuters", name="Reuters", kind="wire")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_graph(pg, Path(folder) / "graph.gexf")
    ...     written.name, written.read_text(encoding="utf-8").startswith("<?xml")
    ('graph.gexf', True)
    """
    path = Path(path)
    fmt = format_of(path)
    try:
        content = to_format(graph, fmt, settings=settings, title=title)
    except ExportError as err:
        if not dot_fallback or fmt not in graphviz.RENDERED_FORMATS:
            raise
        dot_path = _write(path.with_suffix(".dot"), to_format(graph, "dot", settings=settings, title=title))
        raise ExportError(f"{err}; wrote the DOT source to {str(dot_path)!r} instead") from err
    return _write(path, content)


def _write(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path``; an OS error becomes an ExportError."""
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="replace")
    except OSError as err:
        raise ExportError(f"cannot write {str(path)!r}: {err.strerror or err}") from err
    return path


def _check_format(fmt: str) -> str:
    """Return ``fmt`` when supported, else raise the error listing the supported ones."""
    if fmt not in _EXPORTERS:
        raise ExportError(f"unknown export format {fmt!r}; expected one of: {', '.join(SUPPORTED_FORMATS)}")
    return fmt
