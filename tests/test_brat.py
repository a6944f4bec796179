"""Reading BRAT standoff gold attributions (the PolNeAR layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.brat import GoldAttribution, parse_ann, read_split
from provenance.errors import InputError

MINI = Path(__file__).resolve().parent / "data" / "polnear_mini"


@pytest.fixture(scope="module")
def split():
    return read_split(MINI)


def test_split_has_annotated_articles_only_sorted(split):
    assert [article.id for article in split.articles] == ["alpha", "beta"]  # gamma has no .ann
    assert split.missing_text == ("orphan",)


def test_alphabetically_first_annotator_is_used(split):
    alpha = split.articles[0]
    assert alpha.annotation_file == "alpha_amy.ann"
    assert split.annotation_files["alpha"] == ("alpha_amy.ann", "alpha_zed.ann")
    assert split.several_annotators == ("alpha",)


def test_discontinuous_span_keeps_its_pieces(split):
    alpha = split.articles[0]
    quote = alpha.attributions[1]
    assert quote.content == ((77, 96), (131, 147))
    pieces = [alpha.text[start:end] for start, end in quote.content]
    assert pieces == ["“We will not sign,”", "“not this week.”"]


def test_no_source_attribution_has_empty_source(split):
    expected = GoldAttribution("Attribution-no-source", (), ((157, 168),), ((148, 156), (169, 192)))
    assert split.articles[0].attributions[2] == expected


def test_content2_is_merged_into_content(split):
    analysts = split.articles[0].attributions[3]
    assert analysts.content == ((194, 213), (232, 263))
    assert analysts.source == ((215, 223),)


def test_notes_and_wrapped_span_text_are_ignored(split):
    # alpha_amy.ann has an AnnotatorNotes line and a Discard span whose text wraps
    assert len(split.articles[0].attributions) == 4


def test_shared_source_appears_in_both_attributions(split):
    beta = split.articles[1]
    assert [gold.source for gold in beta.attributions] == [((0, 16),), ((0, 16),)]


def test_text_is_read_exactly(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes("\ufeffOne.\r\nTwo said.\r\n".encode())
    ann = b"T1\tCue 11 15\tsaid\r\nE1\tAttribution:T1 Cue:T1\r\n"
    (tmp_path / "attributions" / "a_x.ann").write_bytes(ann)
    (article,) = read_split(tmp_path).articles
    assert article.text == "\ufeffOne.\r\nTwo said.\r\n"
    assert article.attributions == (GoldAttribution("Attribution", cue=((11, 15),)),)
    assert article.text[11:15] == "said"


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        ("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1\n", (GoldAttribution("Attribution", cue=((0, 4),)),)),
        # an argument naming an unknown span is dropped, the attribution kept
        ("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1 Source:T9\n", (GoldAttribution("Attribution", cue=((0, 4),)),)),
        # roles other than source, cue and content are not scored
        ("T1\tCue 0 4\tsaid\nE1\tAttribution:T1 Cue:T1 Discard:T1\n", (GoldAttribution("Attribution", cue=((0, 4),)),)),
        ("A1\tFactuality T1 certain\n#1\tAnnotatorNotes T1\tx\n", ()),
        ("", ()),
    ],
)
def test_parse_ann(ann, expected):
    assert parse_ann(ann) == expected


def test_to_record_is_the_predictions_format(split):
    assert split.articles[0].attributions[2].to_record() == {
        "source": [],
        "cue": [[157, 168]],
        "content": [[148, 156], [169, 192]],
    }


def test_missing_subfolder_is_an_input_error(tmp_path):
    (tmp_path / "text").mkdir()
    with pytest.raises(InputError, match="attributions"):
        read_split(tmp_path)
