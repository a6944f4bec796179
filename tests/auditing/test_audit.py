"""The audit's public API, its report records, and the seed article's result."""

from __future__ import annotations

import json

import pytest

import provenance
from provenance.auditing import AuditReport, ClaimAudit, audit, audit_articles
from provenance.claims import normalize_claim
from provenance.graph import build_graph
from provenance.ingest import read_articles
from provenance.model import FINDING_TYPES, Finding
from provenance.pipeline import trace_articles
from tests.conftest import SEED

from .conftest import graph_of

CRITICAL = "critically important at this time"
KIRBY_PATH = ("John Kirby", "The Washington Post", "Sputnik", "UrduPoint")
PENTAGON_PATH = ("Pentagon", "Sputnik", "UrduPoint")


@pytest.fixture(scope="module")
def seed_graph():
    articles, failures = read_articles([SEED])
    assert not failures
    return build_graph(trace_articles(articles))


@pytest.fixture(scope="module")
def seed_claim(seed_graph):
    (claim,) = audit(seed_graph, claim=CRITICAL).claims
    return claim


def test_seed_statement_and_kirby_fragment_are_one_claim(seed_graph, seed_claim):
    quotes = [normalize_claim(quote) for quote in seed_claim.quotes]
    assert normalize_claim(CRITICAL) in quotes, "Kirby's fragment"
    statement = [quote for quote in quotes if quote.startswith("over the past month")]
    assert statement and statement[0].endswith(normalize_claim(CRITICAL)), "the Pentagon's statement"


def test_seed_claim_reaches_urdupoint_by_two_paths(seed_claim):
    assert KIRBY_PATH in seed_claim.paths
    assert PENTAGON_PATH in seed_claim.paths
    assert seed_claim.max_depth == 3
    assert {"Sputnik", "The Washington Post"} <= set(seed_claim.relays)


def test_seed_claim_has_one_independent_origin_the_pentagon(seed_claim):
    assert seed_claim.independent_origins == 1
    (origin,) = seed_claim.origins
    assert origin.name == "Pentagon"
    assert set(origin.members) == {"John Kirby", "Pentagon"}


def test_seed_audit_says_single_origin_and_no_drift(seed_claim):
    types = [finding.type for finding in seed_claim.findings]
    assert "single_origin" in types
    assert "quote_drift" not in types
    (single,) = [finding for finding in seed_claim.findings if finding.type == "single_origin"]
    assert "one independent origin: Pentagon" in single.detail


def test_seed_evidence_points_at_the_words(seed_graph, seed_claim):
    (text,) = [article.text for article in seed_graph.articles.values()]
    for finding in seed_claim.findings:
        for item in finding.evidence:
            assert text[item.span.start : item.span.end].strip()
    evidence = [item for finding in seed_claim.findings for item in finding.evidence]
    shown = " ".join(text[item.span.start : item.span.end] for item in evidence)
    assert "Pentagon told Sputnik" in shown and "Kirby" in shown


def test_report_to_dict_has_the_documented_shape(seed_graph):
    data = audit(seed_graph).to_dict()
    assert set(data) == {"claims", "findings"}
    assert {"id", "text", "quotes", "origins", "independent_origins", "paths", "relays", "max_depth",
            "articles", "findings"} <= set(data["claims"][0])
    assert set(data["findings"][0]) == {"type", "claim", "detail", "evidence"}
    assert json.loads(json.dumps(data)) == data
    assert all(Finding.from_dict(item).to_dict() == item for item in data["findings"])
    assert all(item["type"] in FINDING_TYPES for item in data["findings"])


def test_report_is_deterministic():
    articles, _ = read_articles([SEED])
    first = json.dumps(audit_articles(articles).to_dict(), sort_keys=True)
    second = json.dumps(audit_articles(list(reversed(articles))).to_dict(), sort_keys=True)
    assert first == second


def test_claim_filter_keeps_one_claim_and_its_article_findings():
    graph = graph_of(
        ("a", "Harbor Gazette", "Maria Novak said the port will stay closed.\n"
                                "Tomás Ferreira said the union will not return to work.\n"
                                "The new terminal will cost the city 40 million dollars to build."),
        ("b", "Coastline Daily", "Fuel prices rose again on Monday, the ministry said."),
    )
    whole = audit(graph)
    assert len(whole.claims) == 3
    assert [finding.type for finding in whole.findings] == ["unattributed"]
    port = audit(graph, claim="port will stay closed")
    assert [claim.text for claim in port.claims] == ["the port will stay closed"]
    assert [finding.type for finding in port.findings] == ["unattributed"]  # article a carries the claim
    fuel = audit(graph, claim="fuel prices rose again")
    assert fuel.findings == ()
    by_id = audit(graph, claim=port.claims[0].id)
    assert by_id.claims == port.claims


def test_unknown_claim_is_a_value_error():
    with pytest.raises(ValueError, match="no claim matches 'the moon is made of cheese'"):
        audit(graph_of(("a", "X", "Maria Novak said the port will stay closed.")), claim="the moon is made of cheese")


def test_empty_graph_gives_an_empty_report():
    report = audit(build_graph([]))
    assert report == AuditReport((), ())


def test_records_are_frozen(seed_claim):
    assert isinstance(seed_claim, ClaimAudit)
    with pytest.raises(AttributeError):
        seed_claim.id = "other"  # type: ignore[misc]


def test_top_level_api_exports_audit_even_after_the_package_is_imported(seed_graph):
    import provenance.auditing  # noqa: F401

    assert provenance.audit is audit
    assert provenance.audit_articles is audit_articles
    assert provenance.AuditReport is AuditReport


def test_quote_carried_word_for_word_by_five_outlets():
    from tests.conftest import SAMPLES

    articles, failures = read_articles([SAMPLES / "harbor-strike"])
    assert not failures
    (claim,) = audit_articles(articles, claim="The port will remain closed until every crane has been inspected").claims
    assert len(claim.articles) == 5  # one of them an uncredited copy of another
    assert claim.independent_origins == 1
    assert "Maria Novak" in claim.origins[0].members
    assert [finding.type for finding in claim.findings] == ["single_origin"]  # no drift, no conflict
