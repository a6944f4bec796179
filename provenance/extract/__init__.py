"""Attribution extraction: who said what, to whom, in one article.

The article is split into sentences (quotations kept whole, see
:mod:`~provenance.extract.sentences`), each sentence is reduced to a row of
tags (:mod:`~provenance.extract.tagger`), and the attribution rules of
``provenance/data/attribution_patterns.tsv`` are matched over that row by one
engine (:mod:`~provenance.extract.rules`). Each cue keeps its best match.
Three things are then done outside the patterns:

- an ``inherit:`` rule ("..., adding that ...", "... and said ...") takes the
  source of the attribution before it in the sentence, or else the
  sentence's leading noun phrase;
- a quotation is continued by the pure-quote sentences that follow it in its
  paragraph ("“A,” he said. “B.”"), and by the next paragraphs while it is
  left open at a paragraph end;
- sources and recipients become :class:`~provenance.model.Mention` records
  through :class:`~provenance.extract.mentions.MentionResolver`.

Boilerplate regions are skipped, and so are lines that repeat the article's
title (its headline and a deck restating it: "Pentagon Confirms ..." is the
story, not one more attribution). Nothing in a text makes this raise: a
sentence the rules do not understand simply yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Attribution, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .mentions import MentionResolver
from .rules import RuleMatch, load_rules, macro_pattern, match_rules
from .sentences import Sentence, paragraph_sentences, paragraph_spans
from .tagger import CUE_TAGS, Tagged, may_hold_cue, tag_tokens

__all__ = ["extract_attributions"]

_CUE_TAG_SET = frozenset(CUE_TAGS.values())
#: Tags that may start a rule: the cue tags, and the colon of "Poll: Sanders leads".
_TRIGGER_TAGS = _CUE_TAG_SET | {":"}
_QUOTE_TAIL = frozenset(".,?!")


@dataclass(slots=True)
class _Found:
    """An attribution under construction: character spans of each role, and its sentence."""

    index: tuple[int, int]  # paragraph number, sentence position in it
    match: RuleMatch
    source: list[Span]
    cue: list[Span]
    content: list[Span]
    recipient: list[Span]
    quote: bool
    open_quote: bool  # the content ends with a quotation


def extract_attributions(article: Article, *, settings: Settings = DEFAULT_SETTINGS) -> tuple[Attribution, ...]:
    """Return the attributions of ``article`` in text order.

    Parameters
    ----------
    article : Article
        The article; its ``boilerplate`` regions are ignored.
    settings : Settings, optional
        ``min_cue_weight`` drops cues whose weight in ``cues.tsv`` is lower.

    Returns
    -------
    tuple of Attribution
        Sorted by the position of their first span.

    Examples
    --------
    >>> from provenance.model import Article
    >>> text = '"We will win," the spokesman told Reuters. Polls, he said, are wrong.'
    >>> for found in extract_attributions(Article(id="a", text=text)):
    ...     print(found.source.text, "|", found.cue, "|", found.recipient and found.recipient.text, "|", found.content)
    the spokesman | told | Reuters | "We will win,"
    he | said | None | Polls are wrong
    """
    rules = load_rules()
    document = _Document(article)
    found: list[_Found] = []
    headline = _normalized(article.title) if article.title else None
    for number, paragraph in enumerate(document.paragraphs):
        if headline and _normalized(article.text[paragraph.start : paragraph.end]) == headline:
            continue  # the headline (and a deck repeating it) restates the story: not an attribution of its own
        for position, (sentence, row) in enumerate(document.rows(number)):
            if row is None or _TRIGGER_TAGS.isdisjoint(row.tags):
                continue
            best: dict[int, RuleMatch] = {}  # by the cue word's unit: one attribution per cue
            for match in match_rules(row.tags, rules):
                unit = _last_cue_unit(match, row)
                cue = row.cues[unit]
                if cue is not None and cue.weight < settings.min_cue_weight:
                    continue
                current = best.get(unit)
                if current is None or match.rule.weight > current.rule.weight:
                    best[unit] = match
            in_sentence: list[_Found] = []
            for unit in sorted(best):
                in_sentence.append(_build((number, position), best[unit], row, in_sentence, sentence))
            found.extend(in_sentence)
    for item in found:
        if not item.content:
            _preceding_quotes(item, document)
        if item.open_quote or not item.content:
            _continue_quote(item, document)
    resolver = MentionResolver(article)
    results = {}
    for item in found:
        if not item.content:
            continue
        attribution = _attribution(article, item, resolver)
        results.setdefault(attribution.evidence, attribution)
    return tuple(sorted(results.values(), key=lambda a: (a.evidence, a.cue)))


def _normalized(text: str) -> str:
    return " ".join(text.casefold().split())


def _last_cue_unit(match: RuleMatch, row: Tagged) -> int:
    """Index of the cue's word unit (the last unit of the cue whose tag is a cue tag)."""
    for start, end in reversed(match.roles["cue"]):
        for unit in range(end - 1, start - 1, -1):
            if row.tags[unit] in _CUE_TAG_SET:
                return unit
    return match.cue_start


def _spans(row: Tagged, ranges: tuple[tuple[int, int], ...]) -> list[Span]:
    return [Span(row.units[start][0], row.units[end - 1][1]) for start, end in ranges if end > start]


class _Document:
    """The paragraphs of an article, split into tagged sentences when first asked for."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.paragraphs = paragraph_spans(article.text)
        self._rows: dict[int, list[tuple[Sentence, Tagged | None]]] = {}

    def rows(self, number: int) -> list[tuple[Sentence, Tagged | None]]:
        """The (sentence, tags) pairs of paragraph ``number``, boilerplate left out.

        A sentence with no word that could start a cue is not tagged (None).
        """
        if number not in self._rows:
            if not 0 <= number < len(self.paragraphs):
                return []
            article = self.article
            self._rows[number] = [
                (sentence, tag_tokens(sentence.tokens) if may_hold_cue(sentence.tokens) else None)
                for sentence in paragraph_sentences(article.text, self.paragraphs[number], number)
                if not article.is_boilerplate(sentence.span)
            ]
        return self._rows[number]


def _build(index: tuple[int, int], match: RuleMatch, row: Tagged, before: list[_Found], sentence: Sentence) -> _Found:
    roles = match.roles
    content_ranges = roles.get("content", ())
    quote = any("Q" in row.tags[start:end] for start, end in content_ranges)
    open_quote = bool(content_ranges) and row.tags[content_ranges[-1][1] - 1] == "Q"
    source = _spans(row, roles.get("source", ()))
    if not source and match.rule.inherits:
        source = _inherited_source(row, before)
    cue = _spans(row, roles["cue"])
    if cue[-1].end < sentence.span.end and _text_at(sentence, cue[-1].end) == ":":
        cue[-1] = Span(cue[-1].start, cue[-1].end + 1)  # PolNeAR's cue is "said:", colon included
    return _Found(
        index,
        match,
        source,
        cue,
        _spans(row, content_ranges),
        _spans(row, roles.get("recipient", ())),
        quote,
        open_quote,
    )


def _text_at(sentence: Sentence, position: int) -> str:
    """The text of the token starting at ``position`` in the sentence, or ''."""
    for token in sentence.tokens:
        if token.start == position:
            return token.text
    return ""


def _inherited_source(row: Tagged, before: list[_Found]) -> list[Span]:
    """The source of the previous attribution of the sentence, or its leading noun phrase."""
    for item in reversed(before):
        if item.source:
            return list(item.source)
    match = macro_pattern("SUBJECT").match(row.tags)
    if match is None:
        return []
    return [Span(row.units[match.start(1)][0], row.units[match.end(1) - 1][1])]


def _preceding_quotes(item: _Found, document: _Document) -> None:
    """Take as content the pure-quote sentences just before a bare "Sanders said."."""
    number, position = item.index
    rows = document.rows(number)
    pieces = []
    for sentence, _ in reversed(rows[:position]):
        if not _is_pure_quote(sentence):
            break
        pieces.append(Span(sentence.tokens[0].start, sentence.tokens[0].end))
    if pieces:
        item.content = pieces[::-1]
        item.quote = True


def _is_pure_quote(sentence: Sentence) -> bool:
    """True for a sentence that is one quotation, maybe followed by a period or comma."""
    tokens = sentence.tokens
    return tokens[0].is_quote and all(token.text in _QUOTE_TAIL for token in tokens[1:])


def _continue_quote(item: _Found, document: _Document) -> None:
    """Append the pure-quote sentences after ``item``'s sentence to its content.

    They are taken from the rest of its paragraph and, while the last quotation
    is left open at a paragraph end, from the paragraphs after it.
    """
    number, position = item.index
    rows = document.rows(number)
    is_open = bool(rows[position][0].tokens) and rows[position][0].tokens[-1].is_open
    following = rows[position + 1 :]
    while True:
        for sentence, _ in following:
            if not _is_pure_quote(sentence):
                return
            quote = sentence.tokens[0]
            item.content.append(Span(quote.start, quote.end))
            item.quote = True
            is_open = quote.is_open
        if not is_open:
            return
        number += 1
        following = document.rows(number)
        if not following:
            return


def _attribution(article: Article, item: _Found, resolver: MentionResolver) -> Attribution:
    text = article.text
    source = recipient = None
    if item.source:
        source = resolver.mention(Span(item.source[0].start, item.source[-1].end))
    if item.recipient:
        span = _strip_quote_marks(text, Span(item.recipient[0].start, item.recipient[-1].end))
        recipient = resolver.mention(span, recipient=True)
        item.recipient = [span]
    return Attribution(
        article_id=article.id,
        source=source,
        cue=" ".join(text[span.start : span.end] for span in item.cue),
        cue_spans=tuple(item.cue),
        content_spans=tuple(item.content),
        content=" ".join(text[span.start : span.end] for span in item.content),
        source_spans=tuple(item.source),
        recipient=recipient,
        recipient_spans=tuple(item.recipient),
        quote=item.quote,
    )


def _strip_quote_marks(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in "“”\"'‘’":
        start += 1
    while end > start and text[end - 1] in "“”\"'‘’,.":
        end -= 1
    return Span(start, end) if end > start else span
