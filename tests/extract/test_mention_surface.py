"""What a phrase's own words say, read once: the reader, and that remembering changes no result."""

from __future__ import annotations

import pytest

from provenance.extract import mention_lexicon as lexicon_module
from provenance.extract import mention_names, mention_surface
from provenance.extract.mention_lexicon import fast_key, mention_lexicon
from provenance.extract.mention_names import classify_name, parse_role_phrase
from provenance.extract.mention_surface import PhraseReader, is_possessive, phrase_reader
from provenance.extract.mentions import MentionResolver
from provenance.model import Article, Span
from provenance.sources import KnownSource, known_sources, normalize_name


@pytest.fixture
def reader() -> PhraseReader:
    """A fresh reader: nothing remembered from other tests."""
    return PhraseReader(known_sources())


@pytest.mark.parametrize(
    ("phrase", "field", "expected"),
    [
        ("“Pentagon spokesman John Kirby,”", "words", ("Pentagon", "spokesman", "John", "Kirby")),
        ("Kirby (R-Va.)", "core", "Kirby"),
        ("He", "pronoun", "he"),
        ("the AP", "pronoun", None),
        ("CNS", "is_acronym", True),
        ("Kirby", "is_acronym", False),
        ("the spokesman — a veteran", "head", ("the", "spokesman")),
        ("Sanders's campaign manager, Jeff Weaver", "appositive", ("Jeff", "Weaver")),
        ("Sanders's campaign manager, Jeff Weaver", "is_appositive_name", True),
        ("the spokesman, the Pentagon", "is_appositive_name", False),
        ("a statement", "document", (None, False, ())),
        ("the Pentagon's statement", "document", ("Pentagon's", False, ("Pentagon's",))),
        ("a Gallup poll", "document", ("Gallup", True, ("Gallup",))),
        ("Pentagon spokesman John Kirby", "document", None),
        ("a senior administration official", "anonymous", ((), ("a", "senior", "administration", "official"), None)),
        ("John Kirby", "anonymous", None),
        ("the AP on Wednesday", "leading", "the AP"),
        ("the AP", "leading", None),
    ],
)
def test_reading_a_phrase(reader, phrase, field, expected):
    assert getattr(reader.read(phrase), field) == expected


def test_a_phrase_naming_a_known_source_carries_its_record(reader):
    assert reader.read("The Washington Post’s").record.name == "The Washington Post"
    assert reader.read("reuters.com").record.name == "Reuters"  # a web domain
    assert reader.read("he").record is None


def test_a_phrase_is_read_once_and_remembered(reader, monkeypatch):
    first = reader.read("the Pentagon spokesman")
    assert reader.read("the Pentagon spokesman") is first
    monkeypatch.setattr(mention_surface, "_MEMORY", 1)  # a full memory is emptied, not grown
    other = reader.read("a senior official")
    assert reader.read("the Pentagon spokesman") is not first
    assert reader.read("the Pentagon spokesman") == first
    assert reader.read("a senior official") == other


def test_one_reader_per_source_table():
    table = known_sources()
    assert phrase_reader(table) is phrase_reader(table)
    extended = table.extended([KnownSource("Acme Gazette", "outlet", ("the Gazette",))])
    assert phrase_reader(extended).read("the Gazette").record.name == "Acme Gazette"
    assert phrase_reader(table).read("the Gazette").record is None


def test_is_possessive():
    assert [is_possessive(word) for word in ("Kirby’s", "Reuters'", "Kirby", "s")] == [True, True, False, False]


# --- remembering across articles changes nothing: the article is consulted per mention


def _mention(text: str, phrase: str):
    start = text.rindex(phrase)
    return MentionResolver(Article(id="t", text=text)).mention(Span(start, start + len(phrase)))


@pytest.mark.parametrize(
    ("phrase", "first", "second"),
    [
        (
            "Kirby",
            ("Pentagon spokesman John Kirby spoke. Kirby said", ("person", "John Kirby", "spokesman", "Pentagon")),
            ("Jean Kirby spoke. Kirby said", ("person", "Jean Kirby", None, None)),
        ),
        (
            "The newspaper",
            ("The Washington Post had it. The newspaper said", ("outlet", "The Washington Post", None, None)),
            ("The New York Times had it. The newspaper said", ("outlet", "The New York Times", None, None)),
        ),
        (
            "he",
            ("John Kirby spoke. Later, he said", ("person", "John Kirby", None, None)),
            ("Paul Ryan spoke. Later, he said", ("person", "Paul Ryan", None, None)),
        ),
        (
            "a Gallup poll",
            ("Bob Gallup spoke. Then a Gallup poll said", ("person", "Bob Gallup", None, None)),
            ("Then a Gallup poll said", ("organization", "Gallup", None, None)),
        ),
    ],
)
def test_the_same_phrase_in_two_articles_is_resolved_in_each(phrase, first, second):
    for text, expected in (first, second, first):  # in both orders: nothing of one article stays behind
        found = _mention(text, phrase)
        assert (found.kind, found.name, found.role, found.affiliation) == expected


def test_remembered_word_functions_give_what_they_computed(monkeypatch):
    lexicon = mention_lexicon()
    words = ["Pentagon", "spokesman", "John", "Kirby"]
    parsed = parse_role_phrase(words, lexicon)
    words[0] = "Changed"  # the caller's list is not what is remembered
    assert parse_role_phrase(["Pentagon", "spokesman", "John", "Kirby"], lexicon) == parsed
    assert parse_role_phrase(("Pentagon", "spokesman", "John", "Kirby"), lexicon) == parsed
    assert classify_name(["Acme", "Workers", "Union"], lexicon) == classify_name(("Acme", "Workers", "Union"), lexicon)
    monkeypatch.setattr(lexicon_module, "_MEMORY", 1)  # full memories are emptied, and still answer right
    monkeypatch.setattr(mention_names, "_MEMORY", 1)
    assert parse_role_phrase(["a", "spokesman", "for", "the", "Pentagon"], lexicon).affiliation == ("the", "Pentagon")
    assert parse_role_phrase(["Pentagon", "spokesman", "John", "Kirby"], lexicon) == parsed
    assert classify_name(["North", "Korea"], lexicon) == "government"
    assert [fast_key("The  Washington Post"), fast_key("O’Malley"), fast_key("The  Washington Post")] == [
        "washington post",
        "o'malley",
        "washington post",
    ]
    assert normalize_name("José Gómez") == normalize_name("José Gómez") == "jose gomez"
