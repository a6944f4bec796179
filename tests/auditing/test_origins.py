"""Origins grouped into independent sources; paths extended along copies."""

from __future__ import annotations

import pytest

from provenance.auditing import audit
from provenance.auditing.origins import claim_paths, envelope, origin_groups
from provenance.model import CopyPair, Passage, Span

from .conftest import graph_of

SENTENCE = "A port official said the cranes had not been checked since March."
ARTICLES = [("wire", "Harbor Gazette", SENTENCE), ("copy", "Bayside Herald", SENTENCE)]


def pair(copy_span: Span = Span(0, len(SENTENCE))) -> CopyPair:
    return CopyPair("wire", "copy", False, 1.0, 1.0, (Passage(Span(0, len(SENTENCE)), copy_span),), "later", 0.9)


def test_anonymous_sources_of_two_articles_stay_two():
    (claim,) = audit(graph_of(*ARTICLES)).claims
    assert claim.independent_origins == 2


def test_a_copy_of_an_article_is_no_second_origin():
    graph = graph_of(*ARTICLES, copies=[pair()])
    (claim,) = audit(graph).claims
    assert claim.independent_origins == 1
    assert claim.origins[0].members == ("A port official",)
    # the copy's publisher is reached through the original's
    assert ("A port official", "Harbor Gazette", "Bayside Herald") in claim.paths
    assert claim.relays == ("Harbor Gazette",)
    assert claim.max_depth == 2


def test_a_copy_with_its_own_reporting_outside_the_copied_passage_keeps_it():
    graph = graph_of(*ARTICLES, copies=[pair(Span(0, 0))])
    _, groups = origin_groups(graph, graph.chains)
    assert len(groups) == 2


@pytest.mark.parametrize(
    ("independent", "expected"),
    [(True, [("Pentagon", ("John Kirby", "Pentagon"))]), (False, [("Pentagon", ("John Kirby", "Pentagon"))])],
)
def test_affiliation_joins_in_both_modes(independent, expected):
    graph = graph_of(
        ("a", "UrduPoint", "Pentagon spokesman John Kirby said the calls went unanswered for a month."),
        ("b", "Gulf Times", "The Pentagon said the calls went unanswered for a month."),
    )
    _, groups = origin_groups(graph, graph.chains, independent=independent)
    assert [(group.name, group.members) for group in groups] == expected


def test_paths_are_entity_ids_origin_first():
    graph = graph_of(("a", "UrduPoint", "The Pentagon told Sputnik the calls went unanswered."))
    (path,) = claim_paths(graph, graph.chains)
    assert [graph.entities[node].name for node in path] == ["Pentagon", "Sputnik", "UrduPoint"]


def test_envelope():
    assert envelope([]) is None
    assert envelope([Span(7, 9), Span(1, 3)]) == Span(1, 9)
