"""The audit report as JSON, a terminal report and publishable Markdown."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.auditing import audit
from provenance.auditing.render import claim_subgraph, render_json, render_markdown, render_text
from provenance.graph import build_graph
from provenance.model import Article, Chain, Hop, Span
from provenance.pipeline import Traced

from .conftest import graph_of

EVIL = "Maria <script>alert(1)</script> Novak"


@pytest.fixture(scope="module")
def strike():
    graph = graph_of(
        ("a", "Harbor Gazette", "Port Authority spokeswoman Maria Novak said the port will stay closed until Friday."),
        ("b", "Coastline Daily", "The Port Authority said the port will stay closed until Friday.\n"
                                 'A senior port official said "the talks | could [last] *several* days."'),
    )
    return graph, audit(graph)


def mermaid_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def test_markdown_has_a_section_and_a_diagram_per_claim(strike):
    graph, report = strike
    markdown = render_markdown(report, graph)
    assert markdown.startswith("# Sourcing audit\n")
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
    sections = re.findall(r"^## \d+\. ", markdown, flags=re.MULTILINE)
    assert len(sections) == len(report.claims) == 2
    blocks = mermaid_blocks(markdown)
    assert len(blocks) == 2
    assert markdown.count("```") == 4  # every fence closed
    assert all(block.startswith("flowchart LR\n") for block in blocks)
    assert "| `single_origin` | 1 |" in markdown
    assert "| `anonymous_only` | 1 |" in markdown


def test_markdown_diagram_draws_the_claims_paths(strike):
    graph, report = strike
    port = next(claim for claim in report.claims if "port will stay closed" in claim.text)
    block = mermaid_blocks(render_markdown(report, graph))[report.claims.index(port)]
    for name in ("Maria Novak", "Port Authority", "Harbor Gazette", "Coastline Daily"):
        assert f'"{name}"' in block
    assert "affiliated with" in block
    assert "senior port official" not in block  # another claim's source


def test_markdown_escapes_untrusted_text():
    claim = '"The port will stay <b>closed</b> | until ```Friday``` [now](javascript:x)"'

    def traced(article_id, publisher):
        hops = (Hop(EVIL, "person", "origin"), Hop(publisher, "outlet", "publisher"))
        chain = Chain(article_id, hops, claim, "said", True, (Span(0, 10),))
        return Traced(Article(article_id, "<script>x</script>", publisher=publisher), (), (chain,))

    graph = build_graph([traced("a", "Harbor <Gazette>"), traced("b", "# Coastline Daily")])
    markdown = render_markdown(audit(graph), graph)
    assert "single_origin" in markdown
    assert "<script>" not in markdown and "<b>" not in markdown and "<Gazette>" not in markdown
    assert "&lt;script&gt;" in markdown  # in the prose and the evidence excerpts
    assert "→ \\# Coastline Daily" in markdown  # the name starts no heading
    assert "[now](" not in markdown and "\\[now\\](javascript:x)" in markdown  # no link
    blocks = mermaid_blocks(markdown)
    assert len(blocks) == 1 and markdown.count("```") == 2  # the backticks in the text opened no fence
    assert "<" not in blocks[0] and "#60;script#62;" in blocks[0]


def test_text_report_has_tables_and_evidence(strike):
    graph, report = strike
    text = render_text(report, graph)
    lines = text.splitlines()
    assert lines[0] == "2 claims, 2 findings (1 anonymous_only, 1 single_origin)"
    assert re.match(r"#\s+CLAIM\s+ARTICLES\s+ORIGINS\s+DEPTH\s+FINDINGS\s+TEXT", lines[2])
    assert "  path: Maria Novak -> Harbor Gazette" in lines
    assert any(line.startswith("TYPE") and "EVIDENCE" in line for line in lines)
    assert any("Port Authority spokeswoman Maria Novak said" in line for line in lines)  # an excerpt


def test_text_report_of_nothing():
    assert render_text(audit(graph_of()), None) == "no claims found\n"


def test_json_is_sorted_and_ends_with_a_newline(strike):
    _, report = strike
    text = render_json(report)
    assert text.endswith("}\n")
    assert json.loads(text) == report.to_dict()
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def test_claim_subgraph_keeps_only_the_claims_edges(strike):
    graph, report = strike
    port = next(claim for claim in report.claims if "port will stay closed" in claim.text)
    small = claim_subgraph(graph, port.id)
    names = sorted(data["name"] for _, data in small.graph.nodes(data=True))
    assert names == ["Coastline Daily", "Harbor Gazette", "Maria Novak", "Port Authority"]


def test_text_report_drops_terminal_escapes_and_shortens_long_lists():
    def traced(number):
        hops = (Hop("Maria \x1b[31mNovak", "person", "origin"), Hop(f"Outlet {number:02d}", "outlet", "publisher"))
        chain = Chain(f"a{number:02d}", hops, "the port will stay closed", "said", False, (Span(0, 5),))
        return Traced(Article(f"a{number:02d}", "words here", publisher=f"Outlet {number:02d}"), (), (chain,))

    graph = build_graph(traced(number) for number in range(12))
    text = render_text(audit(graph), graph)
    assert "\x1b" not in text
    assert "Maria [31mNovak" in text
    assert text.count("  path: ") == 10 and "  ... and 2 more" in text
    markdown = render_markdown(audit(graph), graph)
    assert "  - ... and 2 more" in markdown  # paths, and the single_origin evidence


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=30), claim=st.text(min_size=1, max_size=60))
def test_any_text_keeps_the_markdown_structure(name, claim):
    hops = (Hop(name, "person", "origin"), Hop("Harbor Gazette", "outlet", "publisher"))
    chain = Chain("a", hops, claim, "said", False, (Span(0, 1),))
    graph = build_graph([Traced(Article("a", "x", publisher="Harbor Gazette"), (), (chain,))])
    markdown = render_markdown(audit(graph), graph)
    assert len(mermaid_blocks(markdown)) == len(graph.claims)
    assert markdown.count("```") == 2 * len(graph.claims)
    assert "<" not in markdown.replace("&lt;", "")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert len(headings) == 1 + len(graph.claims)  # the title and one section per claim
