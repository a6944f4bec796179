"""Entity resolution across articles, from hand-made chains (no extractor involved).

Outlets, bodies, anonymous sources and documents; people are ``test_resolve_people.py``.
"""

from __future__ import annotations

import pytest

from provenance.model import Article, Chain, Hop, Mention, Span
from provenance.pipeline import Traced
from provenance.resolve import resolve_entities
from provenance.sources import load_aliases


def mention(text, kind="person", name=None, *, start=0, role=None, affiliation=None):
    return Mention(text, Span(start, start + len(text)), kind, name or text, role, affiliation)


def traced(article_id, *origins, publisher="Harbor Gazette", relay=None, credits=()):
    """An article whose chains run from each origin (a Mention) through ``relay`` to the publisher."""
    chains = []
    for number, origin in enumerate(origins):
        hops = [Hop(origin.name, origin.kind, "origin", origin)]
        if relay is not None:
            hops.append(Hop(relay.name, relay.kind, "relay", relay))
        hops += [Hop(credit, "wire", "credit") for credit in credits]
        hops.append(Hop(publisher, "outlet", "publisher"))
        chains.append(Chain(article_id, tuple(hops), f"claim {number}", "said", False, (origin.span,)))
    article = Article(article_id, "x" * 500, publisher=publisher, credits=tuple(credits))
    return Traced(article, (), tuple(chains))


def names_of(resolution, kind=None):
    return sorted(e.name for e in resolution.entities.values() if kind is None or e.kind == kind)


def entity_at(resolution, item, chain=0, hop=0):
    return resolution.entity_of(item.chains[chain].id, hop)


def test_affiliation_becomes_an_edge_to_the_body():
    resolution = resolve_entities([traced("a", mention("Pentagon spokesman John Kirby"))])
    [(person, body)] = resolution.affiliations
    assert resolution.entities[person].name == "John Kirby"
    assert (resolution.entities[body].name, resolution.entities[body].kind) == ("Pentagon", "government")
    assert resolution.affiliations[(person, body)][0].article_id == "a"


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["The Washington Post", "Washington Post", "washingtonpost.com"], "The Washington Post"),
        (["the AP", "Associated Press", "apnews.com"], "Associated Press"),
        (["Harbor Gazette", "the Harbor Gazette", "Harbour Gazette"], "Harbor Gazette"),
    ],
)
def test_outlet_spellings_are_one_outlet(forms, expected):
    items = [
        traced(f"a{i}", mention("Maria Novak"), relay=mention(form, "outlet", start=50), publisher="Bay Times")
        for i, form in enumerate(forms)
    ]
    resolution = resolve_entities(items)
    assert {entity_at(resolution, item, hop=1).name for item in items} == {expected}


def test_short_form_means_the_outlet_the_article_names():
    post = traced("a", mention("Maria Novak"), relay=mention("the Post", "outlet", start=60), publisher="New York Post")
    other = traced("b", mention("Maria Novak"), relay=mention("the Gazette", "outlet", start=60), publisher="Bay Times",
                   credits=("Harbor Gazette",))
    resolution = resolve_entities([post, other])
    assert entity_at(resolution, post, hop=1).name == "New York Post"
    assert entity_at(resolution, other, hop=1).name == "Harbor Gazette"


def test_anonymous_sources_are_never_merged_across_articles():
    phrase = "a senior port official"
    items = [traced("a", mention(phrase, "anonymous")), traced("b", mention(phrase, "anonymous"))]
    resolution = resolve_entities(items)
    first, second = (entity_at(resolution, item) for item in items)
    assert first.id != second.id and first.name == second.name == phrase


@pytest.mark.parametrize(
    ("phrase", "merged"),
    [("a statement", False), ("Its annual report", False), ("The Harbor Safety Report", True),
     ("the Mueller report", True)],
)
def test_documents_merge_only_when_named(phrase, merged):
    items = [traced("a", mention(phrase, "document")), traced("b", mention(phrase, "document"))]
    resolution = resolve_entities(items)
    assert (entity_at(resolution, items[0]) == entity_at(resolution, items[1])) is merged


def test_a_person_typed_mention_of_a_known_outlet_is_the_outlet():
    items = [traced("a", mention("Reuters")), traced("b", mention("Reuters", "wire"))]
    resolution = resolve_entities(items)
    assert entity_at(resolution, items[0]) == entity_at(resolution, items[1])
    assert entity_at(resolution, items[0]).kind == "wire"


def test_a_name_mostly_typed_as_a_person_stays_a_person():
    items = [
        traced("a", mention("Maria Novak")),
        traced("b", mention("Maria Novak")),
        traced("c", mention("Maria Novak", "organization")),  # an extraction slip
    ]
    resolution = resolve_entities(items)
    assert {entity_at(resolution, item).kind for item in items} == {"person"}
    assert len({entity_at(resolution, item).id for item in items}) == 1


def test_user_aliases_extend_the_table(tmp_path):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# name\tkind\taliases\tdomains\nHarbor Gazette\toutlet\tThe Gazette|HG\tharborgazette.example\n")
    items = [
        traced("a", mention("Maria Novak"), relay=mention("HG", "outlet", start=50), publisher="Bay Times"),
        traced("b", mention("Maria Novak"), publisher="harborgazette.example"),
    ]
    resolution = resolve_entities(items, sources=load_aliases(aliases))
    assert entity_at(resolution, items[0], hop=1).id == resolution.publishers["b"]
    assert resolution.entities[resolution.publishers["b"]].name == "Harbor Gazette"


def test_ids_are_stable_and_content_derived():
    items = [traced("a", mention("Maria Novak")), traced("b", mention("Novak", "anonymous"))]
    first, second = resolve_entities(items), resolve_entities(list(reversed(items)))
    assert sorted(first.entities) == sorted(second.entities)
    assert all(len(entity_id) == 16 for entity_id in first.entities)


def test_a_short_affiliation_means_the_longer_one_of_the_same_person():
    items = [
        traced("a", mention("Tomás Ferreira", role="leader", affiliation="Dockworkers Union")),
        traced("b", mention("Tomás Ferreira", role="leader", affiliation="Union")),
    ]
    resolution = resolve_entities(items)
    (person,) = [e for e in resolution.entities.values() if e.kind == "person"]
    assert person.affiliations == ("Dockworkers Union",)
    assert [resolution.entities[body].name for _, body in resolution.affiliations] == ["Dockworkers Union"]
