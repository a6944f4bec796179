"""fallback_matches: roles read by position for a strong cue the rules leave unmatched."""

from __future__ import annotations

import pytest

from provenance.extract import extract_attributions
from provenance.extract.fallback import FALLBACK_RULES, fallback_matches
from provenance.extract.sentences import tokenize
from provenance.extract.tagger import tag_tokens
from provenance.model import Article
from provenance.settings import Settings


def extracted(text: str, **options) -> list[tuple]:
    settings = Settings(**options) if options else Settings()
    return [
        (found.source.text if found.source else None, found.cue, found.recipient.text if found.recipient else None, found.content)
        for found in extract_attributions(Article(id="test", text=text), settings=settings)
    ]


def shapes(text: str) -> dict[str, str]:
    """The fallback's shape by cue text, for one sentence and no rule match."""
    row = tag_tokens(tokenize(text))
    return {text[slice(*row.units[unit])]: match.rule.name for unit, match in fallback_matches(row, {}, text).items()}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # X said C, with a subject no noun-phrase macro reads
        ("But hacking specialists say the leaked files may be forged.", ("hacking specialists", "say", None, "the leaked files may be forged")),
        ("Among independents, 47% say the economy is getting worse.", ("47%", "say", None, "the economy is getting worse")),
        ("Doyle and others said the contrast would be clear.", ("Doyle and others", "said", None, "the contrast would be clear")),
        (
            "Party leaders — and, in particular, Senator Hale — insisted that the package include a delay.",
            ("Party leaders — and, in particular, Senator Hale —", "insisted", None, "that the package include a delay"),
        ),
        # X told Y: C
        ('Priebus later Thursday told Fox News: "We are meeting next week."', ("Priebus later Thursday", "told", "Fox News", '"We are meeting next week."')),
        ("Randolph told others that he had called her twice.", ("Randolph", "told", "others", "that he had called her twice")),
        # C, X said.
        ("The plant will close by March, people close to the company say.", ("people close to the company", "say", None, "The plant will close by March")),
        # "C," said X, ...
        ('"We will keep fighting," said Ramos, whose union has backed "Fight for 15" since 2012.', ("Ramos", "said", None, '"We will keep fighting,"')),
        # X, an appositive, said C
        ("Mr. Sperling, then 38, said he was told to find a more experienced deputy.", ("Mr. Sperling, then 38,", "said", None, "he was told to find a more experienced deputy")),
    ],
)
def test_fallback_finds_attribution(sentence, expected):
    assert expected in extracted(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The added security drew complaints from residents.",  # "added" after an article is an adjective
        "That said, the plan is dead.",  # no subject, no clause before
        "Their chants of protest filled the square.",  # after a possessive: a noun
    ],
)
def test_fallback_leaves_non_attributions_alone(sentence):
    assert extracted(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge is said to be haunted.",  # a passive
        "The senator is continuing to insist she will release the transcripts.",  # an infinitive
        "The added security drew complaints from residents.",
    ],
)
def test_no_shape_fits(sentence):
    assert shapes(sentence) == {}


def test_weak_cue_is_not_read_by_position():
    sentence = "But hacking specialists say the leaked files may be forged."
    assert extracted(sentence, min_fallback_cue_weight=0.99) == []


def test_appositive_shape_is_read_for_any_cue_the_rules_use():
    sentence = "Mr. Sperling, then 38, said he was told to find a more experienced deputy."
    assert extracted(sentence, min_fallback_cue_weight=0.99) == [
        ("Mr. Sperling, then 38,", "said", None, "he was told to find a more experienced deputy")
    ]


@pytest.mark.parametrize(
    ("sentence", "shape"),
    [
        ("But hacking specialists say the leaked files may be forged.", "fallback_source_cue_content"),
        ("The plant will close by March, people close to the company say.", "fallback_clause_source_cue"),
        ('"We will keep fighting," said Ramos.', "fallback_clause_cue_source"),
        ("Mr. Sperling, then 38, said he was told to find a deputy.", "fallback_appositive_source_cue_content"),
    ],
)
def test_shape_names(sentence, shape):
    assert shape in FALLBACK_RULES.keys() | {rule.name for rule in FALLBACK_RULES.values()}
    assert list(shapes(sentence).values()) == [shape]


def test_matched_cue_and_cues_inside_a_match_are_left_alone():
    text = "Officials said analysts say the talks failed."
    row = tag_tokens(tokenize(text))
    alone = fallback_matches(row, {}, text)
    said, say = sorted(alone)
    assert fallback_matches(row, {said: alone[said]}, text) == {}  # "say" lies in the content of "said"
    assert list(fallback_matches(row, {say: alone[say]}, text)) == [said]  # "said" lies in no role of "say"


def test_sentence_without_cue_gives_nothing():
    text = "Blue skies are ahead, and the harbour is calm."
    assert fallback_matches(tag_tokens(tokenize(text)), {}, text) == {}


@pytest.mark.parametrize(
    ("sentence", "shape", "expected"),
    [
        # a closing quotation mark whose opening one lies in an earlier sentence ends a quotation
        ("The plan is dead,” said the mayor.", "fallback_clause_cue_source", ("the mayor", "said", None, "The plan is dead,”")),
        ("The plan is dead,” the mayor said.", "fallback_clause_source_cue", ("the mayor", "said", None, "The plan is dead,”")),
    ],
)
def test_unpaired_closing_quote_ends_the_content(sentence, shape, expected):
    assert list(shapes(sentence).values()) == [shape]
    assert extracted(sentence) == [expected]
