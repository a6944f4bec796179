"""Copies without credit, and attributions a copy dropped."""

from __future__ import annotations

from provenance.auditing import audit, audit_articles
from provenance.graph import build_graph
from provenance.ingest import read_articles
from provenance.model import Article, CopyPair, Passage, Span
from provenance.pipeline import Traced, trace_article
from tests.conftest import TEST_DATA

ORIGINAL = (
    "The port will stay closed until every crane has been inspected, Port Authority spokeswoman "
    "Maria Novak said on Monday.\n"
    "Dockworkers walked off the job after a floodlight mast fell across a loading lane on Friday night."
)
DROPPED = (
    "The port will stay closed until every crane has been inspected.\n"
    "Dockworkers walked off the job after a floodlight mast fell across a loading lane on Friday night."
)
KEPT = (
    "The port will stay closed until every crane has been inspected, Maria Novak said.\n"
    "Dockworkers walked off the job after a floodlight mast fell across a loading lane on Friday night."
)


def copied(copy_text: str, *, credited: bool = False, copy_traced: bool = True):
    """A graph of the original and one copy of it, joined by a copy pair over both whole texts."""
    original = Article("wire", ORIGINAL, publisher="Harbor Gazette")
    copy = Article("copy", copy_text, publisher="Bayside Herald")
    pair = CopyPair("wire", "copy", credited, 0.9, 0.9, (Passage(Span(0, len(ORIGINAL)), Span(0, len(copy_text))),),
                    "published a day later", 0.9)
    traced = [trace_article(original), trace_article(copy) if copy_traced else Traced(copy, (), ())]
    return build_graph(traced, copies=[pair])


def of_type(report, kind):
    return [finding for finding in report.findings if finding.type == kind]


def test_uncredited_copy_names_both_articles_and_shows_the_passages():
    (finding,) = of_type(audit(copied(DROPPED)), "uncredited_copy")
    assert finding.claim is None
    assert finding.detail.startswith("copy (Bayside Herald) copies 90% of its text from wire (Harbor Gazette)")
    assert {item.article_id for item in finding.evidence} == {"wire", "copy"}


def test_a_credited_copy_is_no_finding():
    assert of_type(audit(copied(DROPPED, credited=True)), "uncredited_copy") == []


def test_copy_states_in_its_own_voice_what_the_original_attributed():
    graph = copied(DROPPED)
    (finding,) = of_type(audit(graph), "dropped_attribution")
    assert "attributed to Maria Novak" in finding.detail
    assert finding.claim in graph.claims
    where = {item.article_id: item.span for item in finding.evidence}
    assert DROPPED[where["copy"].start : where["copy"].end].startswith("The port will stay closed until every crane")
    assert "Maria Novak said" in ORIGINAL[where["wire"].start : where["wire"].end]


def test_a_copy_that_keeps_the_attribution_drops_nothing():
    assert of_type(audit(copied(KEPT)), "dropped_attribution") == []


def test_a_copy_naming_the_source_the_extractor_missed_drops_nothing():
    # No chains for the copy at all: only the name in its sentence shows the attribution is there.
    graph = copied(KEPT.replace("Maria Novak said", "in the words of Novak"), copy_traced=False)
    assert of_type(audit(graph), "dropped_attribution") == []


def test_an_unrelated_article_is_not_searched():
    graph = build_graph([trace_article(Article("wire", ORIGINAL, publisher="Harbor Gazette")),
                         trace_article(Article("copy", DROPPED, publisher="Bayside Herald"))])
    assert of_type(audit(graph), "dropped_attribution") == []  # no copy pair joins them


def test_copies_found_for_real_in_article_files():
    articles, failures = read_articles([TEST_DATA / "audit"])
    assert not failures
    report = audit_articles(articles)
    (uncredited,) = of_type(report, "uncredited_copy")
    assert "bayside-cranes" in uncredited.detail.split(" copies ")[0]
    dropped = of_type(report, "dropped_attribution")
    sources = sorted(finding.detail.split(" attributed to ")[1].split(":")[0] for finding in dropped)
    assert sources == ["Maria Novak", "Port Authority"]  # not "harbour pilots" nor "the union": the copy kept those
    assert all(finding.detail.split(" states ")[0].endswith("bayside-cranes-2024-06-04.txt (Bayside Herald)")
               for finding in dropped)


def test_a_copy_naming_another_source_is_an_attribution_conflict():
    moved = KEPT.replace("Maria Novak said", "union leader Tomás Ferreira said")
    graph = copied(moved)
    (conflict,) = of_type(audit(graph), "attribution_conflict")
    assert conflict.detail.startswith("the copied claim is attributed to")
    assert "Maria Novak in wire" in conflict.detail and "Tomás Ferreira in copy" in conflict.detail
    (claim,) = [claim for claim in audit(graph).claims if claim.id == conflict.claim]
    assert claim.independent_origins == 1  # a copy is no second source, whoever it names


def test_a_copy_keeping_the_source_is_no_conflict():
    assert of_type(audit(copied(KEPT)), "attribution_conflict") == []
