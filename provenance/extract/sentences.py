"""Split article text into paragraphs, quotations, tokens and sentences.

The attribution rules read a sentence as a row of tokens. A quotation (from
its opening mark to its closing one) is kept as **one** token, so a quote of
several sentences stays whole and a cue after it ("..., he said") sits in the
same sentence as the quote. Quote marks are paired per paragraph: curly marks
by direction, straight ``"`` and doubled ``''`` by alternation. A quotation
still open at the end of its paragraph runs to that end (news style opens
every paragraph of a long quote and closes only the last). Single quote marks
are apostrophes far more often than quotes and are left alone.

Sentences end at ``.``, ``?`` or ``!`` (or a quotation ending with one) before
a capitalised word, a digit or a quotation. A period after a known
abbreviation ("Gen.", "Mr."), an initial ("John F. Kennedy"), a dotted word
("U.S.") or the "No." of "No. 2" belongs to the word and ends nothing. No
input raises: unbalanced marks only make a quotation run to the end of its
paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, or_
from typing import NamedTuple

from ..lexicon import load_words
from ..model import Span

__all__ = [
    "Sentence",
    "Token",
    "paragraph_sentences",
    "paragraph_spans",
    "quote_spans",
    "sentences",
    "tokenize",
]

RE_PARAGRAPH = re.compile(r"[^\r\n]+")
RE_TOKEN = re.compile(r"''|``|\w+(?:[’'.&/-]\w+)*\.?|\S")
RE_QUOTE_MARK = re.compile(r"''|``|[“”\"]")

#: Quote marks that may open a quotation, and the marks that may close each.
_CLOSERS = {"“": "”\"", '"': "\"”", "``": "''", "''": "''"}
_SENTENCE_END = frozenset(".?!")
_TEXT, _IS_QUOTE = itemgetter(0), itemgetter(3)  # of a Token


class Token(NamedTuple):
    """One word, punctuation mark or whole quotation, at ``[start, end)`` of the text.

    A named tuple rather than a frozen dataclass: an article has thousands of
    tokens, and a tuple is several times cheaper to create.
    """

    text: str
    start: int
    end: int
    is_quote: bool = False
    is_open: bool = False  # a quotation left open at the end of its paragraph


@dataclass(frozen=True, slots=True)
class Sentence:
    """The tokens of one sentence and the index of its paragraph."""

    tokens: tuple[Token, ...]
    paragraph: int

    @property
    def span(self) -> Span:
        return Span(self.tokens[0].start, self.tokens[-1].end)


def paragraph_spans(text: str) -> list[Span]:
    """Return the spans of the non-empty lines of ``text``, each one paragraph.

    Examples
    --------
    >>> paragraph_spans("One.\\n\\nTwo lines\\nhere.")
    [Span(start=0, end=4), Span(start=6, end=15), Span(start=16, end=21)]
    """
    return [Span(*match.span()) for match in RE_PARAGRAPH.finditer(text) if match.group().strip()]


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, is_open)`` for each quotation in one paragraph.

    ``is_open`` is True when no closing mark was found and the quotation runs
    to the end of the paragraph.

    Examples
    --------
    >>> text = 'He said "yes." She said “no'
    >>> [(text[s:e], is_open) for s, e, is_open in quote_spans(text)]
    [('"yes."', False), ('“no', True)]
    """
    end = len(text) if end is None else end
    found = []
    opened_at = -1
    closers = ""
    for match in RE_QUOTE_MARK.finditer(text, start, end):
        mark = match.group()
        if opened_at < 0:
            if mark in _CLOSERS and mark != "”":
                opened_at, closers = match.start(), _CLOSERS[mark]
        elif mark in closers or (mark == "“" and _before_space(text, match.end(), end)):
            # an opening curly mark right before a space closes a quote: a common typo
            found.append((opened_at, match.end(), False))
            opened_at = -1
    if opened_at >= 0:
        tail = text[opened_at:end].rstrip()
        found.append((opened_at, opened_at + len(tail), True))
    return found


def _before_space(text: str, position: int, end: int) -> bool:
    return position >= end or text[position].isspace()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]`` (one paragraph), quotations whole.

    Examples
    --------
    >>> [t.text for t in tokenize('“Yes. No,” Gen. Smith said.')]
    ['“Yes. No,”', 'Gen.', 'Smith', 'said', '.']
    """
    end = len(text) if end is None else end
    abbreviations = load_words("abbreviations.txt")
    tokens: list[Token] = []
    position = start
    for quote_start, quote_end, is_open in [*quote_spans(text, start, end), (end, end, False)]:
        tokens.extend(_words(text, position, quote_start, abbreviations))
        if quote_end > quote_start:
            tokens.append(Token(text[quote_start:quote_end], quote_start, quote_end, True, is_open))
        position = quote_end
    return tokens


def sentences(text: str, span: Span | None = None) -> Iterator[Sentence]:
    """Yield the sentences of ``text`` (or of the region ``span``), in order.

    Examples
    --------
    >>> [" ".join(t.text for t in s.tokens) for s in sentences('Hi there. “A. B,” he said.\\nNew')]
    ['Hi there .', '“A. B,” he said .', 'New']
    """
    region = span or Span(0, len(text))
    for number, paragraph in enumerate(paragraph_spans(text[: region.end])):
        if paragraph.end > region.start:
            yield from paragraph_sentences(text, Span(max(paragraph.start, region.start), paragraph.end), number)


def paragraph_sentences(text: str, paragraph: Span, number: int = 0) -> list[Sentence]:
    """Return the sentences of one paragraph (a span from :func:`paragraph_spans`).

    Examples
    --------
    >>> [len(s.tokens) for s in paragraph_sentences("A b. C d e.", Span(0, 11))]
    [3, 4]
    """
    tokens = tokenize(text, paragraph.start, paragraph.end)
    found = []
    begin = 0
    # only a sentence mark or a quotation can end a sentence: look at those alone (found in C, not a Python loop)
    is_candidate = map(or_, map(_SENTENCE_END.__contains__, map(_TEXT, tokens)), map(_IS_QUOTE, tokens))
    candidates = list(compress(count(), is_candidate))
    for index in candidates:
        if _ends_sentence(tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None):
            found.append(Sentence(tuple(tokens[begin : index + 1]), number))
            begin = index + 1
    if begin < len(tokens):
        found.append(Sentence(tuple(tokens[begin:]), number))
    return found


def _words(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[Token]:
    """The word and punctuation tokens of ``text[start:end]``.

    The pattern lets every word take a period that follows it; the period is
    split off again unless the word is an abbreviation ("Gen."), an initial
    ("F.") or a dotted word ("U.S."), or is the "No." of a number ("No. 2"). Only
    words before a period pay for the check.
    """
    new = tuple.__new__  # Token(...) goes through a Python-level __new__: this is the hot loop
    tokens = []
    append = tokens.append
    for match in RE_TOKEN.finditer(text, start, end):
        word = match.group()
        first, last = match.span()
        if word[-1] == "." and len(word) > 1 and not _takes_period(word[:-1], abbreviations):
            if word in _NUMBER_SIGNS and _is_number_sign(text, last):
                append(new(Token, (word, first, last, False, False)))
                continue
            append(new(Token, (word[:-1], first, last - 1, False, False)))
            append(new(Token, (".", last - 1, last, False, False)))
        else:
            append(new(Token, (word, first, last, False, False)))
    return tokens


_NUMBER_SIGNS = frozenset({"No."})  # a lowercase "no." before a number is more often the answer "no"


def _is_number_sign(text: str, end: int) -> bool:
    """True when a space and a digit follow: the "No." of "the No. 2 Republican", "No. 14-1418"."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isdigit()


def _takes_period(word: str, abbreviations: frozenset[str]) -> bool:
    if not word[:1].isalpha():
        return False
    return "." in word or (len(word) == 1 and word.isupper()) or word.casefold() in abbreviations


def _ends_sentence(token: Token, following: Token | None) -> bool:
    if token.is_quote:
        inner = token.text.rstrip("”\"'")
        if not inner or inner[-1] not in _SENTENCE_END:
            return False
    elif token.text not in _SENTENCE_END:
        return False
    if following is None:
        return True
    first = following.text[:1]
    return following.is_quote or first.isupper() or first.isdigit() or first in "“\"("
