"""Querying the graph: origins of a claim, chains to a publisher, what a source said, focus."""

from __future__ import annotations

import pytest

from provenance.claims import find_claim
from provenance.queries import chains_to, focus, origins, statements_by
from tests.test_graph import corpus, node  # noqa: F401  (corpus: the fixture of both files)


def test_origins_of_a_claim(corpus):
    claim = find_claim(corpus, "critically important")
    assert [e.name for e in origins(corpus, claim.id)] == ["John Kirby"]
    assert claim.articles == ("a", "b")
    declined = find_claim(corpus, "calls to Moscow were declined")
    assert [e.name for e in origins(corpus, declined.id)] == ["a senior defense official"] * 2
    with pytest.raises(ValueError, match="unknown claim"):
        origins(corpus, "nope")


def test_chains_to_a_publisher_follow_copies(corpus):
    def names(route):
        return [corpus.entities[n].name for n in route.nodes]

    routes = chains_to(corpus, "Daily Pakistan")
    assert len(routes) == 3 and all(names(r)[-2:] == ["UrduPoint", "Daily Pakistan"] for r in routes)
    assert sorted(names(r)[0] for r in chains_to(corpus, "washingtonpost.com")) == [
        "John Kirby", "John Kirby", "a senior defense official"
    ]
    with pytest.raises(ValueError, match="no source named"):
        chains_to(corpus, "Nobody At All")


def test_statements_by_a_source(corpus):
    routes = statements_by(corpus, "Kirby")
    assert sorted(corpus.entities[r.nodes[-1]].name for r in routes) == ["The Washington Post", "UrduPoint"]
    assert len({r.claim for r in routes}) == 1


def test_focus_keeps_only_what_passes_through_one_source(corpus):
    small = focus(corpus, "Sputnik")
    assert sorted(e.name for e in small.entities.values()) == [
        "Daily Pakistan", "John Kirby", "Pentagon", "Sputnik", "The Washington Post", "UrduPoint",
        "a senior defense official",
    ]
    told = small.graph.edges[node(small, "John Kirby"), node(small, "The Washington Post"), "told"]
    assert told["articles"] == ["b"]
    assert not small.graph.has_edge(node(small, "John Kirby"), node(small, "The Washington Post"), "published")
    assert all(set(c.articles) <= {"b"} for c in small.claims.values())


def test_focus_on_a_body_includes_its_spokespeople(corpus):
    small = focus(corpus, "Defense Department")
    assert "John Kirby" in {e.name for e in small.entities.values()}

