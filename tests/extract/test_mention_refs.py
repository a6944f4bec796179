"""References beyond a phrase's words: descriptions, cut names, leading sources, hosts' outlets."""

from __future__ import annotations

import pytest

from provenance.extract.coref import ArticleIndex
from provenance.extract.mention_lexicon import mention_lexicon, source_keys
from provenance.extract.mention_refs import (
    completed_phrase,
    described_person,
    earlier_namesake,
    host_outlet,
    leading_source,
)
from provenance.model import Article
from provenance.sources import known_sources

KEYS = source_keys(known_sources())
LEXICON = mention_lexicon()


def index_of(text: str) -> ArticleIndex:
    return ArticleIndex(Article(id="t", text=text))


@pytest.mark.parametrize(
    ("text", "words", "role", "affiliation", "expected"),
    [
        ("Former Florida Gov. Jeb Bush spoke. Ann Lowe said so.", ["the", "former", "Florida", "governor"],
         "governor", "Florida", "Jeb Bush"),
        ("Wendell Crane said so on Friday.", ["the", "Idaho", "senator"], "senator", "Idaho", "Wendell Crane"),
        ("Dale Rooker said so. Ian Moss agreed.", ["Obama's", "former", "strategist"], "strategist", "Obama",
         "Ian Moss"),
        # no "former": a spokesman of someone may be someone new
        ("Dale Rooker said so.", ["Obama's", "spokesman"], "spokesman", "Obama", None),
        # a body's spokesman is never guessed
        ("Dale Rooker said so.", ["the", "Pentagon", "spokesman"], "spokesman", "Pentagon", None),
        # the affiliation does not fit the person's known one
        ("Republican nominee Donald Trump said so.", ["the", "Democratic", "nominee"], "nominee", "Democratic",
         None),
        # the speaker is the person the description is about
        ("Dale Rooker said so.", ["Rooker's", "former", "strategist"], "strategist", "Rooker", None),
    ],
)
def test_described_person(text, words, role, affiliation, expected):
    person = described_person(
        index_of(text), LEXICON, words=words, role=role, affiliation=affiliation, gender=None,
        before=len(text), keys=KEYS,
    )
    assert (person.name if person else None) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Figueroa told USA Today.", "USA", "USA Today"),
        ("The campaign manager Robby Mook said so.", "The campaign manager Robby", "The campaign manager Robby Mook"),
        ("Hillary Clinton Speaks Out.", "Hillary Clinton", "Hillary Clinton"),  # a full name stays
        ("Robby told CNN.", "Robby", "Robby"),  # nobody named "Robby Told"
        ("Figueroa told USA, Today said.", "USA", "USA"),
    ],
)
def test_completed_phrase(text, phrase, expected):
    end = text.index(phrase) + len(phrase)
    assert completed_phrase(text, end, phrase, keys=KEYS, index=index_of(text)) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the AP on Wednesday after hinting", ["the", "AP"]),
        ("Reuters in a report", ["Reuters"]),
        ("RT and its defenders", None),
        ("a Reuters reporter", None),
        ("the newspaper on Monday", None),
    ],
)
def test_leading_source(phrase, expected):
    assert leading_source(phrase.split(), keys=KEYS, lexicon=LEXICON) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("in an interview with CNN’s Wolf Blitzer.", "CNN’s Wolf Blitzer", "CNN"),
        ("Trump told Bill O'Reilly of Fox News this week.", "Bill O'Reilly", "Fox News"),
        ("He told Bill O'Reilly of Fox News", "Bill O'Reilly of Fox News", "Fox News"),
        ("He told Fox News host Sean Hannity.", "Fox News host Sean Hannity", "Fox News"),
        ("He told Sean Hannity.", "Sean Hannity", None),
        ("He told Pentagon spokesman John Kirby.", "Pentagon spokesman John Kirby", None),  # not an outlet
    ],
)
def test_host_outlet(text, phrase, expected):
    end = text.index(phrase) + len(phrase)
    record = host_outlet(text, end, phrase, keys=KEYS)
    assert (record.name if record else None) == expected


@pytest.mark.parametrize(
    ("text", "alias", "expected"),
    [
        ("The New York Post reported it. The Post said", "The Post", "New York Post"),
        ("The New York Post reported it. The Washington Post said", "The Washington Post", None),
        ("CNN reported it. The Post said", "The Post", None),
    ],
)
def test_earlier_namesake(text, alias, expected):
    record = known_sources().lookup(alias)
    words = [word for word in alias.split() if word != "The"]
    found = earlier_namesake(record, words, index=index_of(text), before=text.rindex(alias))
    assert (found.name if found else None) == expected
