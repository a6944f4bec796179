"""Paragraphs, quotations, tokens and sentences."""

from __future__ import annotations

import pytest

from provenance.extract.sentences import paragraph_spans, quote_spans, sentences, tokenize
from provenance.model import Span


def texts(text):
    return [" ".join(token.text for token in sentence.tokens) for sentence in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She stayed.", ["He left .", "She stayed ."]),
        ("Gen. Mark Milley spoke. Then U.S. troops left.", ["Gen. Mark Milley spoke .", "Then U.S. troops left ."]),
        ("John F. Kennedy won. Yes.", ["John F. Kennedy won .", "Yes ."]),
        ('“One. Two,” he said. “Three.”', ["“One. Two,” he said .", "“Three.”"]),
        ("“Really?” he asked.", ["“Really?” he asked ."]),
        ("It was 3.5 percent.", ["It was 3.5 percent ."]),
        ("He is the No. 2 Republican. She said no. 2020 was bad.", ["He is the No. 2 Republican .", "She said no .", "2020 was bad ."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
    ],
)
def test_sentences(text, expected):
    assert texts(text) == expected


def test_sentences_keep_their_paragraph_number():
    found = list(sentences("A b.\n\nC d. E f."))
    assert [sentence.paragraph for sentence in found] == [0, 1, 1]
    assert found[1].span == Span(6, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no".', [('"yes"', False), ('"no"', False)]),
        ("“Curly” marks", [("“Curly”", False)]),
        ("''Doubled,'' she said", [("''Doubled,''", False)]),
        ("“Left open at the end", [("“Left open at the end", True)]),
        ("a stray ” closing mark", []),
        ("“A typo closes it,“ he said", [("“A typo closes it,“", False)]),
        ("It’s an apostrophe, not a quote.", []),
    ],
)
def test_quote_spans(text, expected):
    assert [(text[start:end], is_open) for start, end, is_open in quote_spans(text)] == expected


def test_quotation_is_one_token():
    tokens = tokenize('“A. B,” he said.')
    assert [token.is_quote for token in tokens] == [True, False, False, False]


def test_paragraph_spans_skip_blank_lines():
    assert paragraph_spans("a\n \n\nb") == [Span(0, 1), Span(5, 6)]
