"""extract_attributions: attributions nested in another one (PolNeAR marks the outer one).

A statement reported in another attribution is kept, marked with the other's
cue (``reported_in``), when its cue is strong, and dropped when weak; other
weak nested cues are dropped unless they are a second statement of the same
source.
"""

from __future__ import annotations

import pytest

from provenance.extract import extract_attributions
from provenance.model import Article
from provenance.settings import Settings


def extracted(text: str, **options):
    return extract_attributions(Article(id="test", text=text), settings=Settings(**options))


def found(text: str, **options) -> list[tuple[str | None, str]]:
    """(source, cue) of the attributions in the article's own voice: what PolNeAR marks."""
    return [(a.source.text if a.source else None, a.cue) for a in extracted(text, **options) if not a.reported_in]


def reported(text: str, **options) -> list[tuple[str | None, str, str]]:
    """(source, cue, cue of the outer attribution) of the statements reported in another."""
    return [
        (a.source.text if a.source else None, a.cue, " ".join(text[s.start : s.end] for s in a.reported_in))
        for a in extracted(text, **options)
        if a.reported_in
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The governor said on Tuesday that he knows the risks of a special session.",
            [("The governor", "said")],
            id="strong-cue-in-that-clause",
        ),
        pytest.param(
            "Ms. Reyes told reporters she hopes the council will vote before the recess.",
            [("Ms. Reyes", "told")],
            id="strong-cue-opening-the-complement-of-tell",
        ),
        pytest.param(
            "Mr. Hale said he was glad to see the deal signed, according to The Boston Globe.",
            [("The Boston Globe", "according to")],
            id="speech-inside-according-to",
        ),
        pytest.param(
            "The survey showed that 54 percent of voters said they would back the measure, according to the Des Moines Register.",
            [("the Des Moines Register", "according to")],
            id="respondents-inside-according-to",
        ),
    ],
)
def test_cue_in_the_complement_of_another_is_not_an_attribution_of_its_own(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sputnik reported on Tuesday that the Pentagon said the drills would end soon.",
            [("the Pentagon", "said", "reported")],
            id="strong-cue-reported-in-a-report",
        ),
        pytest.param(
            "Mr. Hale said he was glad to see the deal signed, according to The Boston Globe.",
            [("Mr. Hale", "said", "according to")],
            id="speech-inside-according-to",
        ),
        pytest.param(
            "The governor said on Tuesday that voters want a special session.",
            [],
            id="weak-cue-in-the-complement-is-dropped",
        ),
    ],
)
def test_strong_reported_statement_is_kept_with_the_cue_it_is_reported_in(text, expected):
    assert reported(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Pelosi said the vote would be close and admitted that several members were undecided.",
            [("Pelosi", "said"), ("Pelosi", "admitted")],
            id="and-clause-of-the-same-source",
        ),
        pytest.param(
            "Trump insisted that he had “expanded the party,” claiming that he drew record turnout in Florida.",
            [("Trump", "insisted"), ("Trump", "claiming")],
            id="gerund-after-a-quote",
        ),
        pytest.param(
            "The senator said the bill was dead, adding that talks would resume in March.",
            [("The senator", "said"), ("The senator", "adding")],
            id="strong-gerund-clause",
        ),
    ],
)
def test_second_statement_of_the_same_source_in_its_own_clause_is_kept(text, expected):
    assert found(text) == expected


def test_weak_cue_of_another_source_in_its_own_clause_is_dropped():
    # "believes" (weight 0.42) after "and": a clause of its own, but not the senator's statement
    text = "The senator said the bill was dead and her aide believes it can be revived."
    assert found(text) == [("The senator", "said")]
    assert ("her aide", "believes") in found(text, min_nested_cue_weight=0.0)


def test_complement_cues_kept_when_asked():
    text = "The governor said on Tuesday that he knows the risks of a special session."
    assert found(text, nest_reported_cues=False) == [("The governor", "said"), ("he", "knows")]


def test_sibling_weight_is_a_setting():
    text = "Pelosi said the vote would be close and admitted that several members were undecided."
    assert found(text, min_sibling_cue_weight=0.6) == [("Pelosi", "said")]
