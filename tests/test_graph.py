"""Merging chains of many articles into one graph (its queries: ``test_queries.py``)."""

from __future__ import annotations

from datetime import datetime

import networkx as nx
import pytest

from provenance.graph import build_graph
from provenance.ingest import read_articles
from provenance.model import Article, Chain, CopyPair, Hop, Mention, Passage, Span
from provenance.pipeline import Traced, trace_articles
from tests.conftest import SAMPLES

KIRBY_SAID = "engagement is critically important at this time"


def hop(name, kind, hop_role, text=None, start=0, **extra):
    text = text or name
    return Hop(name, kind, hop_role, Mention(text, Span(start, start + len(text)), kind, name, **extra))


def article(article_id, publisher, day, credits=()):
    return Article(article_id, "x" * 400, publisher=publisher, credits=credits,
                   published=datetime(2022, 3, day, 12, 0))


def chain(article_id, hops, claim, cue="said", start=100, quote=False):
    return Chain(article_id, tuple(hops), claim, cue, quote, (Span(start, start + 10), Span(start + 20, start + 40)))


@pytest.fixture
def corpus():
    """Kirby tells the Post; Sputnik relays it to UrduPoint; an anonymous official twice."""
    post = Hop("The Washington Post", "outlet", "publisher")
    a = Traced(article("a", "The Washington Post", 23), (), (
        chain("a", [hop("John Kirby", "person", "origin", "Pentagon spokesman John Kirby",
                        role="spokesman", affiliation="Pentagon"), post], KIRBY_SAID),
        chain("a", [hop("a senior defense official", "anonymous", "origin"), post], "calls to Moscow were declined", start=200),
    ))
    b = Traced(article("b", "UrduPoint", 24, credits=("Sputnik",)), (), (
        chain("b", [hop("John F. Kirby", "person", "origin", "Kirby"),
                    hop("The Washington Post", "outlet", "relay", "The Washington Post"),
                    Hop("Sputnik", "wire", "credit"), Hop("UrduPoint", "outlet", "publisher")],
              "Engagement is critically important at this time.", cue="citing"),
        chain("b", [hop("Pentagon", "government", "origin", "The Pentagon"), hop("Sputnik", "wire", "relay"),
                    Hop("UrduPoint", "outlet", "publisher")], "leaders have declined calls", cue="told", start=300),
        chain("b", [hop("a senior defense official", "anonymous", "origin"), Hop("Sputnik", "wire", "credit"),
                    Hop("UrduPoint", "outlet", "publisher")], "calls to Moscow were declined", start=200),
    ))
    c = Traced(article("c", "Daily Pakistan", 25), (), ())
    copy = CopyPair("b", "c", False, 0.9, 0.95, (Passage(Span(0, 50), Span(10, 60)),), "shared text", 0.9)
    return build_graph([a, b, c], copies=[copy])


def node(graph, name):
    (found,) = [n for n, data in graph.graph.nodes(data=True) if data["name"] == name]
    return found


def edge(graph, source, target, relation):
    return graph.graph.edges[node(graph, source), node(graph, target), relation]


def test_one_node_per_source(corpus):
    names = sorted(data["name"] for _, data in corpus.graph.nodes(data=True))
    assert names == [
        "Daily Pakistan", "John Kirby", "Pentagon", "Sputnik", "The Washington Post", "UrduPoint",
        "a senior defense official", "a senior defense official",  # one per article, never merged
    ]
    kirby = corpus.graph.nodes[node(corpus, "John Kirby")]
    assert kirby["articles"] == 2 and kirby["article_ids"] == ["a", "b"]
    assert kirby["roles"] == ["spokesman"] and kirby["affiliations"] == ["Pentagon"]
    assert kirby["kind"] == "person" and "John F. Kirby" in kirby["aliases"]


def test_edges_per_relay_step_merged_with_their_evidence(corpus):
    told = edge(corpus, "John Kirby", "The Washington Post", "told")
    published = edge(corpus, "John Kirby", "The Washington Post", "published")
    assert told["articles"] == ["b"] and told["cues"] == ["citing"]
    assert published["articles"] == ["a"]
    assert told["claims"] == published["claims"]  # one claim in two articles
    assert told["evidence"] == [{"article": "b", "start": 100, "end": 110}, {"article": "b", "start": 120, "end": 140}]
    assert (told["first_date"], told["last_date"]) == ("2022-03-24T12:00:00", "2022-03-24T12:00:00")
    assert edge(corpus, "The Washington Post", "Sputnik", "credited")["chains"]
    assert edge(corpus, "Sputnik", "UrduPoint", "published")["articles"] == ["b"]
    assert edge(corpus, "Pentagon", "Sputnik", "told")["cues"] == ["told"]
    relations = {key for _, _, key in corpus.graph.edges(keys=True)}
    assert relations == {"told", "credited", "published", "republished", "affiliated_with"}


def test_dates_span_every_article_on_an_edge():
    hops = [Hop("Reuters", "wire", "origin"), Hop("Bay Times", "outlet", "publisher")]
    items = [Traced(article(i, "Bay Times", day), (), (chain(i, hops, "the port closed"),)) for i, day in (("x", 9), ("y", 2))]
    data = next(iter(build_graph(items).graph.edges(data=True)))[2]
    assert (data["first_date"], data["last_date"]) == ("2022-03-02T12:00:00", "2022-03-09T12:00:00")


def test_affiliation_edge_from_person_to_body(corpus):
    data = edge(corpus, "John Kirby", "Pentagon", "affiliated_with")
    assert data["articles"] == ["a"] and data["evidence"][0]["article"] == "a"


def test_copies_become_republished_edges(corpus):
    data = edge(corpus, "UrduPoint", "Daily Pakistan", "republished")
    assert data["credited"] is False
    assert data["articles"] == ["b", "c"]
    assert {"article": "c", "start": 10, "end": 60} in data["evidence"]
    assert len(data["claims"]) == 3  # what the original carried travels with the copy


def test_every_node_and_edge_keeps_the_attribute_contract(corpus):
    for _, data in corpus.graph.nodes(data=True):
        assert {"name", "kind", "aliases", "roles", "affiliations", "articles", "article_ids"} <= set(data)
    for _, _, key, data in corpus.graph.edges(keys=True, data=True):
        assert key == data["relation"]
        assert {"cues", "claims", "articles", "evidence", "first_date", "last_date", "quote", "chains"} <= set(data)
    assert nx.is_frozen(corpus.graph) is False  # a plain MultiDiGraph a user may extend


def test_graph_of_nothing_is_empty():
    graph = build_graph([])
    assert graph.graph.number_of_nodes() == 0 and not graph.claims


def test_output_is_deterministic(corpus):
    again = build_graph(reversed([Traced(a, (), tuple(c for c in corpus.chains.values() if c.article_id == a.id))
                                  for a in corpus.articles.values()]), copies=corpus.copies)
    assert nx.node_link_data(again.graph, edges="edges") == nx.node_link_data(corpus.graph, edges="edges")


def test_samples_end_to_end():
    articles, failures = read_articles([SAMPLES / "harbor-strike"])
    assert len(articles) >= 4 and not failures
    graph = build_graph(trace_articles(articles))
    people = {e.name: e for e in graph.entities.values() if e.kind == "person"}
    assert len(people["Maria Novak"].articles) >= 3
    assert people["Maria Novak"].affiliations == ("Port Authority",)
    assert "Petr Novak" in people  # the shopkeeper stays apart
    assert len(people["Tomás Ferreira"].articles) >= 3  # "Tomas Ferreira" and "Ferreira" too
    gazettes = [e for e in graph.entities.values() if "Gazette" in e.name]
    assert [e.name for e in gazettes] == ["Harbor Gazette"]  # "the Gazette" is the paper itself
    assert any(len(claim.articles) >= 3 for claim in graph.claims.values())
    anonymous = [e for e in graph.entities.values() if e.kind == "anonymous"]
    assert len(anonymous) >= 2 and all(len(e.articles) == 1 for e in anonymous)
