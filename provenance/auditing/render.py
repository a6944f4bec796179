"""Render an :class:`~provenance.auditing.AuditReport` as JSON, a terminal report or Markdown.

- :func:`render_json`: ``{"claims": [...], "findings": [...]}``, sorted keys,
  UTF-8 kept, indented, final newline; byte-identical for identical input.
- :func:`render_text`: tables for a terminal (claims, then findings), with
  the evidence's words when the graph is given.
- :func:`render_markdown`: a report a person can publish: a summary table,
  then one section per claim with its origins, paths, findings and evidence,
  and its diagram as a fenced ``mermaid`` block
  (:func:`~provenance.export.mermaid.to_mermaid` of the claim's subgraph).

Article text is untrusted: in Markdown it is escaped (``<script>`` becomes
``&lt;script&gt;``, Markdown punctuation is backslashed, newlines become
spaces, table pipes are escaped), and Mermaid labels are escaped by the
Mermaid exporter.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING

import networkx as nx

from ..graph import ProvenanceGraph
from ..model import Evidence, Finding

if TYPE_CHECKING:
    from . import AuditReport, ClaimAudit

__all__ = ["claim_subgraph", "render_json", "render_markdown", "render_text"]

#: Longest claim text in the summary table; longest evidence excerpt shown.
CLAIM_WIDTH = 60
EXCERPT_WIDTH = 100
#: Paths of a claim, and evidence items of a finding, shown before "and N more"
#: (a claim carried by hundreds of articles would otherwise fill pages).
MAX_SHOWN = 10
#: Characters that mean something to Markdown inside a line, backslashed in
#: untrusted text ("[" and "]" escaped, no link can form).
RE_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
#: What would start a block (heading, list, rule) at the start of a list
#: item; its mark is backslashed ("1\\. x", "\\# x").
RE_BLOCK_START = re.compile(r"^(\d*)([#+=.)-])")
RE_WHITESPACE = re.compile(r"\s+")


def render_json(report: AuditReport) -> str:
    """The report as deterministic JSON text.

    Examples
    --------
    >>> from provenance.auditing import AuditReport
    >>> print(render_json(AuditReport((), ())), end="")
    {
      "claims": [],
      "findings": []
    }
    """
    return json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def render_text(report: AuditReport, graph: ProvenanceGraph | None = None) -> str:
    """A terminal report: a table of claims, each claim's sourcing, then a table of findings."""
    if not report.claims and not report.findings:
        return "no claims found\n"
    counts = Counter(finding.type for finding in report.findings)
    lines = [f"{_count(len(report.claims), 'claim')}, {_count(len(report.findings), 'finding')}"
             + (f" ({', '.join(f'{n} {t}' for t, n in sorted(counts.items()))})" if counts else ""), ""]
    rows = [["#", "CLAIM", "ARTICLES", "ORIGINS", "DEPTH", "FINDINGS", "TEXT"]]
    for number, claim in enumerate(report.claims, start=1):
        rows.append([str(number), claim.id, str(len(claim.articles)), str(claim.independent_origins),
                     str(claim.max_depth), ", ".join(sorted({f.type for f in claim.findings})) or "-",
                     _line(claim.text, CLAIM_WIDTH)])
    lines += _table(rows)
    for number, claim in enumerate(report.claims, start=1):
        lines += ["", f"[{number}] {claim.id}: {_line(claim.text, EXCERPT_WIDTH)}"]
        for origin in claim.origins:
            members = ", ".join(_plain(member) for member in origin.members)
            speakers = f" (cited as {members})" if origin.members != (origin.name,) else ""
            lines.append(f"  origin: {_plain(origin.name)}{speakers}{'  [anonymous]' if origin.anonymous else ''}")
        longest = _count(claim.max_depth, "step")
        lines.append(f"  independent origins: {claim.independent_origins}; longest path: {longest}")
        lines += [f"  path: {' -> '.join(_plain(name) for name in path)}" for path in claim.paths[:MAX_SHOWN]]
        lines += _more(claim.paths, "  ")
        if claim.relays:
            lines.append(f"  relays: {', '.join(_plain(name) for name in claim.relays)}")
        for finding in claim.findings:
            lines.append(f"  ! {finding.type}: {_plain(finding.detail)}")
    if report.findings:
        lines += ["", "findings"]
        rows = [["TYPE", "CLAIM", "EVIDENCE", "DETAIL"]]
        for finding in report.findings:
            rows.append([finding.type, finding.claim or "-", _where(finding.evidence[0]) if finding.evidence else "-",
                         _line(finding.detail, EXCERPT_WIDTH)])
            if graph is not None:
                rows += [["", "", _where(item), _excerpt(graph, item)] for item in finding.evidence[:3]]
        lines += _table(rows)
    return "\n".join(lines) + "\n"


def render_markdown(report: AuditReport, graph: ProvenanceGraph) -> str:
    """A publishable Markdown report, each claim with its diagram in a ``mermaid`` block.

    Examples
    --------
    >>> from provenance.auditing import audit
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> text = render_markdown(audit(graph), graph)
    >>> text.splitlines()[0], text.count("```mermaid")
    ('# Sourcing audit', 1)
    """
    from ..export.mermaid import to_mermaid  # the exporters load only when a report is drawn

    counts = Counter(finding.type for finding in report.findings)
    lines = ["# Sourcing audit", "",
             f"{_count(len(report.claims), 'claim')} in {_count(len(graph.articles), 'article')}; "
             f"{_count(len(report.findings), 'finding')}.", ""]
    if counts:
        lines += ["| Finding | Count |", "| --- | ---: |"]
        lines += [f"| `{kind}` | {number} |" for kind, number in sorted(counts.items())]
        lines.append("")
    if report.claims:
        lines += ["| # | Claim | Articles | Independent origins | Longest path | Findings |",
                  "| ---: | --- | ---: | ---: | ---: | --- |"]
        for number, claim in enumerate(report.claims, start=1):
            kinds = ", ".join(f"`{kind}`" for kind in sorted({f.type for f in claim.findings})) or "none"
            lines.append(f"| {number} | {_md(_line(claim.text, CLAIM_WIDTH))} | {len(claim.articles)} | "
                         f"{claim.independent_origins} | {claim.max_depth} | {kinds} |")
        lines.append("")
    edges = _edges_by_claim(graph)
    for number, claim in enumerate(report.claims, start=1):
        diagram = to_mermaid(_subgraph(graph, claim.id, edges.get(claim.id, [])))
        lines += _claim_section(number, claim, graph, diagram)
    others = [finding for finding in report.findings if finding.claim is None]
    if others:
        lines += ["## Article findings", ""]
        for finding in others:
            lines += _finding_lines(finding, graph)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def claim_subgraph(graph: ProvenanceGraph, claim_id: str) -> ProvenanceGraph:
    """The part of ``graph`` one claim travels: its edges, and the affiliations of its sources.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> small = claim_subgraph(graph, next(iter(graph.claims)))
    >>> sorted(data["relation"] for _, _, data in small.graph.edges(data=True))
    ['affiliated_with', 'published', 'published', 'told', 'told']
    """
    return _subgraph(graph, claim_id, _edges_by_claim(graph).get(claim_id, []))


# --- helpers -----------------------------------------------------------------


def _edges_by_claim(graph: ProvenanceGraph) -> dict[str, list[tuple]]:
    """Each claim id with the ``(source, target, key)`` of the edges that carry it."""
    found: dict[str, list[tuple]] = {}
    for u, v, key, data in graph.graph.edges(keys=True, data=True):
        for claim_id in data.get("claims", ()):
            found.setdefault(claim_id, []).append((u, v, key))
    return found


def _subgraph(graph: ProvenanceGraph, claim_id: str, edges: list[tuple]) -> ProvenanceGraph:
    """A graph of ``edges`` and the ``affiliated_with`` edges leaving their nodes."""
    nodes = {node for u, v, _ in edges for node in (u, v)}
    edges = edges + [
        (u, v, key)
        for u in sorted(nodes)
        for _, v, key in graph.graph.out_edges(u, keys=True)
        if key == "affiliated_with"
    ]
    network = nx.MultiDiGraph()
    for node in sorted({node for u, v, _ in edges for node in (u, v)}):
        network.add_node(node, **graph.graph.nodes[node])
    for u, v, key in sorted(edges):
        network.add_edge(u, v, key=key, **graph.graph.edges[u, v, key])
    return ProvenanceGraph(
        graph=network,
        entities={node: graph.entities[node] for node in network if node in graph.entities},
        claims={claim_id: graph.claims[claim_id]} if claim_id in graph.claims else {},
    )


def _claim_section(number: int, claim: ClaimAudit, graph: ProvenanceGraph, diagram: str) -> list[str]:
    lines = [f"## {number}. {_md(_line(claim.text, EXCERPT_WIDTH))}", "", f"Claim id `{claim.id}`, carried by "
             f"{_count(len(claim.articles), 'article')}: {', '.join(_code(a) for a in claim.articles)}.", ""]
    if claim.quotes:
        lines += [f"> {_md(_line(quote, 2 * EXCERPT_WIDTH))}" for quote in claim.quotes[:3]] + [""]
    lines.append(f"- **Independent origins:** {claim.independent_origins}")
    for origin in claim.origins:
        members = ", ".join(_md(member) for member in origin.members)
        speakers = f" (cited as {members})" if origin.members != (origin.name,) else ""
        lines.append(f"  - {_md(origin.name)}{speakers}{' — anonymous' if origin.anonymous else ''}")
    lines.append(f"- **Paths** (longest: {_count(claim.max_depth, 'step')}):")
    lines += [f"  - {' → '.join(_md(name) for name in path)}" for path in claim.paths[:MAX_SHOWN]]
    lines += _more(claim.paths, "  - ")
    lines.append(f"- **Relays:** {', '.join(_md(name) for name in claim.relays) or 'none'}")
    lines += ["", "```mermaid", diagram.rstrip("\n"), "```", ""]
    if claim.findings:
        lines += ["**Findings**", ""]
        for finding in claim.findings:
            lines += _finding_lines(finding, graph)
        lines.append("")
    return lines


def _finding_lines(finding: Finding, graph: ProvenanceGraph) -> list[str]:
    lines = [f"- `{finding.type}`: {_md(finding.detail)}"]
    for item in finding.evidence[:MAX_SHOWN]:
        where = f"{_code(item.article_id)} {item.span.start}–{item.span.end}"
        lines.append(f"  - {where}: “{_md(_excerpt(graph, item))}”")
    return lines + _more(finding.evidence, "  - ")


def _excerpt(graph: ProvenanceGraph, evidence: Evidence) -> str:
    article = graph.articles.get(evidence.article_id)
    if article is None:
        return ""
    return _line(article.text[evidence.span.start : evidence.span.end], EXCERPT_WIDTH)


def _more(items: tuple, indent: str) -> list[str]:
    """The "and N more" line after the first MAX_SHOWN items (none when all are shown)."""
    return [f"{indent}... and {len(items) - MAX_SHOWN} more"] if len(items) > MAX_SHOWN else []


def _plain(text: str) -> str:
    """Untrusted text for a terminal: one line, no control characters (no escape sequences)."""
    return _line(text, len(text) + 1)


def _where(evidence: Evidence) -> str:
    return f"{evidence.article_id}:{evidence.span.start}-{evidence.span.end}"


def _line(text: str, width: int) -> str:
    """``text`` on one line, control characters dropped, cut to ``width`` with "..."."""
    text = RE_WHITESPACE.sub(" ", "".join(ch for ch in text if ch.isprintable() or ch.isspace())).strip()
    return text if len(text) <= width else text[: width - 3] + "..."


def _md(text: str) -> str:
    """Untrusted text made inert in Markdown: HTML escaped, Markdown punctuation backslashed."""
    text = _line(text, len(text) + 1).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = RE_MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return RE_BLOCK_START.sub(r"\1\\\2", text, count=1)  # "# x" after "- " would be a heading


def _code(text: str) -> str:
    """Untrusted text as inline code (backticks and pipes made harmless)."""
    return "`" + _line(text, len(text) + 1).replace("`", "'").replace("|", "\\|") + "`"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
