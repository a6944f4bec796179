"""The predictions format: writing records, reading JSON Lines, running the extractor."""

from __future__ import annotations

import pytest

from provenance.brat import GoldArticle
from provenance.errors import InputError
from provenance.model import Article, Attribution, Mention, Span
from provenance.predictions import own_voice, parse_predictions, predict, prediction_record, read_predictions


def test_parse_predictions_appends_repeated_articles():
    lines = ['{"article": "a", "attributions": [{"cue": [[0, 1]]}]}', "", '{"article": "a", "attributions": [{}]}']
    assert parse_predictions(lines) == {"a": [{"cue": [[0, 1]]}, {}]}


@pytest.mark.parametrize("line", ["not json", '{"attributions": []}', "[1, 2]"])
def test_parse_predictions_names_the_bad_line(line):
    with pytest.raises(InputError, match=r"pred.jsonl:2"):
        parse_predictions(['{"article": "a"}', line], path="pred.jsonl")


def test_prediction_record_shape():
    article = Article(id="some/dir/story.txt", text="Reuters said the talks ended.", path="some/dir/story.txt")
    reuters = Mention("Reuters", Span(0, 7), "wire", "Reuters")
    found = Attribution(article.id, reuters, "said", (Span(8, 12),), (Span(13, 28),), "the talks ended",
                        source_spans=(Span(0, 7),))
    assert prediction_record(article, [found]) == {
        "article": "story",
        "attributions": [
            {"source": [[0, 7]], "cue": [[8, 12]], "content": [[13, 28]], "recipient": [], "kind": "wire", "quote": False,
             "reported_in": []}
        ],
    }


def test_own_voice_leaves_out_a_reported_statement_and_the_record_keeps_its_outer_cue():
    text = "Sputnik reported that the Pentagon said the drills ended."
    article = Article(id="story", text=text)
    sputnik = Mention("Sputnik", Span(0, 7), "wire", "Sputnik")
    pentagon = Mention("the Pentagon", Span(22, 34), "government", "Pentagon")
    outer = Attribution("story", sputnik, "reported", (Span(8, 16),), (Span(17, 56),), text[17:56],
                        source_spans=(Span(0, 7),))
    inner = Attribution("story", pentagon, "said", (Span(35, 39),), (Span(40, 56),), "the drills ended",
                        source_spans=(Span(22, 34),), reported_in=(Span(8, 16),))
    assert [a["cue"] for a in prediction_record(article, own_voice([outer, inner]))["attributions"]] == [[[8, 16]]]
    listed = prediction_record(article, [outer, inner])["attributions"]
    assert [(a["cue"], a["reported_in"]) for a in listed] == [([[8, 16]], []), ([[35, 39]], [[8, 16]])]


def test_predict_runs_the_given_extractor_on_the_gold_text():
    seen = []

    def extractor(article):
        seen.append((article.id, article.text))
        return ()

    gold = GoldArticle("a", "Reuters said the talks ended.", "a_x.ann", ())
    assert predict([gold], extractor=extractor) == {"a": []}
    assert seen == [("a", "Reuters said the talks ended.")]


def test_read_predictions_of_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="missing.jsonl"):
        read_predictions(tmp_path / "missing.jsonl")


def test_predict_reads_a_text_as_extract_does_so_boilerplate_gives_nothing():
    text = "The mayor said the bridge would reopen.\n\nEditor’s note: The governor said this story was unfair.\n"
    gold = GoldArticle("story", text, "story_a.ann", ())
    (record,) = predict([gold])["story"]
    assert text[record["cue"][0][0] : record["cue"][0][1]] == "said"
    assert record["cue"][0][0] < text.index("Editor")
