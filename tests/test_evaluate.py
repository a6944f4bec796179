"""Scoring attributions: tokens, exact and overlap match, hand-computed figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.brat import GoldArticle, GoldAttribution, read_split
from provenance.evaluate import METRICS, Evaluation, Score, TokenIndex, evaluate, format_table
from provenance.predictions import read_predictions

MINI = Path(__file__).resolve().parent / "data" / "polnear_mini"

#           0         1         2         3         4
#           0123456789012345678901234567890123456789012345
SENTENCE = "Reuters said the talks ended, officials added."
# tokens:   Reuters(0) said(1) the(2) talks(3) ended(4) ,(5) officials(6) added(7) .(8)


def _gold(*attributions: GoldAttribution, text: str = SENTENCE, id: str = "a") -> GoldArticle:
    return GoldArticle(id, text, f"{id}_x.ann", attributions)


REUTERS = GoldAttribution("Attribution", source=((0, 7),), cue=((8, 12),), content=((13, 28),))


def _record(source=(), cue=(), content=()) -> dict:
    roles = {"source": source, "cue": cue, "content": content}
    return {role: [list(piece) for piece in pieces] for role, pieces in roles.items()}


def _counts(evaluation: Evaluation, role: str, match: str) -> tuple[int, int, int, int]:
    score = evaluation.scores[role, match]
    return score.pred_hit, score.pred_total, score.gold_hit, score.gold_total


@pytest.mark.parametrize(
    ("fragments", "expected"),
    [
        ([[0, 7]], ((0, 1),)),
        ([[0, 8]], ((0, 1),)),  # a trailing space adds nothing
        ([[1, 3]], ((0, 1),)),  # a piece of a word covers the word
        ([[13, 29]], ((2, 6),)),  # the comma is a token of its own
        ([[23, 28], [13, 22]], ((2, 5),)),  # touching pieces merge, in order
        ([[0, 7], [13, 16]], ((0, 1), (2, 3))),  # a gap keeps two ranges
        ([[7, 8]], ()),  # whitespace only
        ([[12, 8]], ()),  # reversed: empty
        ([], ()),
        (None, ()),
    ],
)
def test_normalise(fragments, expected):
    assert TokenIndex(SENTENCE).normalise(fragments) == expected


def test_normalise_rejects_a_bad_fragment():
    with pytest.raises(ValueError, match="bad fragment"):
        TokenIndex(SENTENCE).normalise([[1, 2, 3]])


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (Score(4, 5, 4, 6), (0.8, 4 / 6, 0.7273)),
        (Score(0, 0, 0, 6), (0.0, 0.0, 0.0)),  # no predictions: 0, not an error
        (Score(2, 2, 0, 0), (1.0, 0.0, 0.0)),
    ],
)
def test_score(score, expected):
    precision, recall, f1 = expected
    assert (score.precision, score.recall, round(score.f1, 4)) == (precision, recall, f1)


def test_exact_content_off_by_words_still_overlaps():
    # predicted content "talks ended" (2 tokens) against gold "the talks ended" (3)
    result = evaluate([_gold(REUTERS)], {"a": [_record([(0, 7)], [(8, 12)], [(17, 28)])]})
    assert _counts(result, "content", "exact") == (0, 1, 0, 1)
    assert _counts(result, "content", "overlap") == (2, 2, 2, 3)
    assert _counts(result, "source", "exact") == (1, 1, 1, 1)
    assert _counts(result, "all", "exact") == (0, 1, 0, 1)
    assert _counts(result, "attribution", "overlap") == (1, 1, 1, 1)


def test_whitespace_difference_is_exact_but_punctuation_is_not():
    spaced = _record([(0, 8)], [(7, 13)], [(12, 28)])
    with_comma = _record([(0, 7)], [(8, 12)], [(13, 29)])
    assert _counts(evaluate([_gold(REUTERS)], {"a": [spaced]}), "all", "exact") == (1, 1, 1, 1)
    result = evaluate([_gold(REUTERS)], {"a": [with_comma]})
    assert _counts(result, "content", "exact") == (0, 1, 0, 1)
    assert _counts(result, "content", "overlap") == (3, 4, 3, 3)


def test_source_and_content_exact_need_the_right_cue():
    # same source and content, but anchored on "added" instead of "said"
    result = evaluate([_gold(REUTERS)], {"a": [_record([(0, 7)], [(40, 45)], [(13, 28)])]})
    assert _counts(result, "source", "exact") == (0, 1, 0, 1)
    assert _counts(result, "content", "exact") == (0, 1, 0, 1)
    assert _counts(result, "cue", "exact") == (0, 1, 0, 1)
    assert _counts(result, "attribution", "overlap") == (1, 1, 1, 1)  # the cue is not checked


def test_discontinuous_content_needs_every_piece():
    gold = GoldAttribution("Attribution", ((30, 39),), ((40, 45),), ((13, 16), (23, 28)))
    both = _record([(30, 39)], [(40, 45)], [(23, 28), (13, 16)])
    one = _record([(30, 39)], [(40, 45)], [(13, 16)])
    assert _counts(evaluate([_gold(gold)], {"a": [both]}), "content", "exact") == (1, 1, 1, 1)
    result = evaluate([_gold(gold)], {"a": [one]})
    assert _counts(result, "content", "exact") == (0, 1, 0, 1)
    assert _counts(result, "content", "overlap") == (1, 1, 1, 2)


def test_empty_source_matches_only_an_empty_source():
    no_source = GoldAttribution("Attribution-no-source", (), ((8, 12),), ((13, 28),))
    without = _record((), [(8, 12)], [(13, 28)])
    with_source = _record([(0, 7)], [(8, 12)], [(13, 28)])
    result = evaluate([_gold(no_source)], {"a": [without]})
    assert _counts(result, "attribution", "overlap") == (1, 1, 1, 1)
    assert _counts(result, "all", "exact") == (1, 1, 1, 1)
    assert _counts(result, "source", "exact") == (0, 0, 0, 0)  # only attributions with a source count
    result = evaluate([_gold(no_source)], {"a": [with_source]})
    assert _counts(result, "attribution", "overlap") == (0, 1, 0, 1)
    assert _counts(result, "source", "overlap") == (0, 1, 0, 0)


def test_duplicates_are_collapsed_and_counted():
    same = _record([(0, 7)], [(8, 12)], [(13, 28)])
    spaced_same = _record([(0, 8)], [(8, 12)], [(13, 28)])  # equal once normalised
    result = evaluate([_gold(REUTERS)], {"a": [same, spaced_same, same]})
    assert (result.predicted_attributions, result.duplicates) == (3, 2)
    assert _counts(result, "cue", "overlap") == (1, 1, 1, 1)


def test_overlap_counts_each_token_once_against_the_other_side():
    # two gold attributions share the source "Reuters"; one prediction has it
    said = GoldAttribution("Attribution", ((0, 7),), ((8, 12),), ((13, 28),))
    added = GoldAttribution("Attribution", ((0, 7),), ((40, 45),), ((30, 39),))
    result = evaluate([_gold(said, added)], {"a": [_record([(0, 7)], [(8, 12)], [(13, 28)])]})
    assert _counts(result, "source", "overlap") == (1, 1, 2, 2)
    assert _counts(result, "source", "exact") == (1, 1, 1, 2)


def test_missing_and_unknown_articles():
    result = evaluate([_gold(REUTERS), _gold(REUTERS, id="b")], {"a": [], "zzz": [_record(cue=[(0, 1)])]})
    assert result.articles == 2
    assert result.unknown_articles == ("zzz",)
    assert _counts(result, "all", "exact") == (0, 0, 0, 2)


#: Hand-computed on tests/data/polnear_mini with the predictions below; see
#: the token numbering in test_fixture_scores.
FIXTURE_COUNTS = {
    ("cue", "exact"): (4, 5, 4, 6),
    ("cue", "overlap"): (5, 6, 5, 7),
    ("source", "exact"): (3, 4, 3, 5),
    ("source", "overlap"): (8, 10, 11, 12),
    ("content", "exact"): (3, 5, 3, 6),
    ("content", "overlap"): (23, 25, 23, 43),
    ("all", "exact"): (3, 5, 3, 6),
    ("all", "overlap"): (36, 41, 39, 62),
    ("attribution", "overlap"): (4, 5, 4, 6),
}
FIXTURE_F1 = {
    ("cue", "exact"): 0.727,
    ("cue", "overlap"): 0.769,
    ("source", "exact"): 0.667,
    ("source", "overlap"): 0.854,
    ("content", "exact"): 0.545,
    ("content", "overlap"): 0.676,
    ("all", "exact"): 0.545,
    ("all", "overlap"): 0.733,
    ("attribution", "overlap"): 0.727,
}
FIXTURE_PREDICTIONS = [
    {"article": "alpha", "attributions": [
        _record([(18, 30)], [(31, 35)], [(47, 75)]),  # the ministry: all exact
        _record([(97, 114)], [(115, 119)], [(77, 96)]),  # the official: one content piece of two
        _record((), [(157, 168)], [(148, 157), (168, 192)]),  # no source; spaces differ only
    ]},
    {"article": "alpha", "attributions": [_record([(18, 30)], [(31, 35)], [(47, 75)])]},  # duplicate
    {"article": "beta", "attributions": [
        _record([(0, 16)], [(17, 21)], [(22, 39)]),  # Roe said: all exact
        _record([(82, 92)], [(93, 101)], [(102, 112)]),  # not annotated
    ]},
]


def test_fixture_scores(tmp_path):
    # alpha tokens: The(5) ministry(6) said(7) that..collapsed(10-14); “We will not sign,”(16-22)
    # a senior official(23-25) told(26) “not this week.”(29-34); The deal(35-36) is expected(37-38)
    # to be signed next month(39-43); Prices rose sharply(45-47) analysts(49) warned(50)
    # and more increases would follow(52-56). beta: Senator Jane Roe(0-2) said(3)
    # the bill was dead(4-7) added(9) that talks would resume in May(10-15) Her office(17-18)
    # declined(19) to comment(20-21).
    path = tmp_path / "predictions.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in FIXTURE_PREDICTIONS), encoding="utf-8")
    result = evaluate(read_split(MINI).articles, read_predictions(path))
    sizes = (result.articles, result.gold_attributions, result.predicted_attributions, result.duplicates)
    assert sizes == (2, 6, 6, 1)
    assert {metric: _counts(result, *metric) for metric in METRICS} == FIXTURE_COUNTS
    assert {metric: round(result.scores[metric].f1, 3) for metric in METRICS} == FIXTURE_F1


def test_gold_scored_against_itself_is_perfect():
    split = read_split(MINI)
    gold_as_predictions = {
        article.id: [item.to_record() for item in article.attributions] for article in split.articles
    }
    result = evaluate(split.articles, gold_as_predictions)
    assert all(score.f1 == 1.0 for score in result.scores.values())


def test_format_table_has_every_metric():
    result = evaluate([_gold(REUTERS)], {"a": [_record([(0, 7)], [(8, 12)], [(13, 28)])]})
    text = format_table(result)
    assert text.splitlines()[0].split() == ["metric", "P", "R", "F1", "pred", "hit/total", "gold", "hit/total"]
    assert "attribution (src+cont)  1.000  1.000  1.000" in text
    markdown = format_table(result, markdown=True).splitlines()
    assert len(markdown) == 2 + len(METRICS)
    assert markdown[2] == "| cue exact | 1.000 | 1.000 | 1.000 | 1/1 | 1/1 |"
