"""The tag row the rules read."""

from __future__ import annotations

import pytest

from provenance.extract.sentences import tokenize
from provenance.extract.tagger import tag_tokens


@pytest.mark.parametrize(
    ("sentence", "tags"),
    [
        ("The senator said that it fell.", "dnVtjw."),
        ('"No," he told CNN.', "QpRN."),
        ("According to officials, it fell.", "An,jw."),
        ("The Times, citing sources, reported it.", "dN,Cn,Vj."),
        ("Kirby was quoted as saying so.", "NBKsGx."),
        ("He gingerly said it on Tuesday.", "paVjum."),
        ("Poll: Sanders leads (D-Vt.) in Iowa.", "D:Nw(N*)IN."),
        ("Clinton is expected to win.", "NPew."),
        ("She asked whether it was over.", "pZyjBo."),
        ("The meeting was first reported by Politico.", "dwBaVbN."),
        ("Trump's criticism of the plan drew fire.", "NOdwww."),
        ("Their criticism of the plan drew fire.", "gOdwww."),
        ("Read said the aide left.", "NVdnw."),  # a cue verb opening a sentence before a cue: a name
        ("Party aide Hope Lee said it.", "nnNNVj."),  # a capitalised cue word after a lowercase one, before a name
        ("To Lee, it was over.", "TN,jBo."),
        ("He has reportedly left.", "paEw."),
        ("He reportedly told CNN.", "paRN."),
        ("Sanders' aides said it.", "NNnVj."),  # a plural possessive's apostrophe is part of the name
    ],
)
def test_tags(sentence, tags):
    assert tag_tokens(tokenize(sentence)).tags == tags


def test_multiword_cue_is_one_unit():
    text = "He said in a statement that he left."
    tagged = tag_tokens(tokenize(text))
    cue_unit = tagged.units[tagged.tags.index("V")]
    assert text[cue_unit[0] : cue_unit[1]] == "said in a statement"
    assert tagged.cues[tagged.tags.index("V")].kind == "verb"


def test_units_cover_the_tokens():
    text = "“Yes,” said Gen. Smith."
    tagged = tag_tokens(tokenize(text))
    assert [text[start:end] for start, end in tagged.units] == ["“Yes,”", "said", "Gen.", "Smith", "."]


def test_two_multiword_cues_in_a_row_and_a_quote_between():
    text = "According to aides, “no,” he said in a statement that it was said."
    tagged = tag_tokens(tokenize(text))
    assert tagged.tags == "An,QpVtjBV."  # "According to" and "said in a statement" each one unit
    assert [text[start:end] for start, end in tagged.units][:2] == ["According to", "aides"]
    assert text[slice(*tagged.units[5])] == "said in a statement"


def test_a_remembered_reading_gives_what_was_read(monkeypatch):
    from provenance.extract import tagger

    text = "The spokesman said that Sanders quietly left, according to aides."
    first = tag_tokens(tokenize(text))
    monkeypatch.setattr(tagger, "_KNOWN", {})
    monkeypatch.setattr(tagger, "_KNOWN_LIMIT", 1)  # a full memory is emptied, and still answers right
    assert tag_tokens(tokenize(text)) == first
    assert len(tagger._KNOWN) == 1


def test_a_quotation_reads_as_one_unit_even_when_its_text_is_a_word():
    tokens = tokenize("He said “")  # an opening mark left alone: a quotation of one character
    assert tokens[-1].is_quote
    assert tag_tokens(tokens).tags == "pVQ"
