"""Attribution extraction: who said what, to whom, in one article.

The article is split into sentences (quotations kept whole, see
:mod:`~provenance.extract.sentences`), each sentence is reduced to a row of
tags (:mod:`~provenance.extract.tagger`), and the attribution rules of
``provenance/data/attribution_patterns.tsv`` are matched over that row by one
engine (:mod:`~provenance.extract.rules`). Each cue keeps its best match.
A few things are then done outside the patterns:

- an ``inherit:`` rule ("..., adding that ...", "... and said ...") takes the
  source of the attribution before it in the sentence, or else the
  sentence's leading noun phrase;
- a quotation is continued by the pure-quote sentences that follow it in its
  paragraph ("“A,” he said. “B.”"), and by the next paragraphs while it is
  left open at a paragraph end;
- a bare cue ("Sanders said.") takes the pure-quote sentences before it, and a
  line opening its paragraph ("- Hillary Clinton.") the paragraph before it
  when that is all quotation;
- a particle PolNeAR counts in the cue ("railed against", "talked about",
  ``cue_particles.txt``) joins the cue and leaves the content, as do the
  words a cue of ``cue_extensions.tsv`` runs on over ("continued to
  question"); "has since" and a pronoun's contracted auxiliary ("he’s said")
  before the cue join it too;
- a cue inside the content or the source of another attribution of its
  sentence is nested (:mod:`~provenance.extract.nesting`): a statement
  reported in the other ("Sputnik reported that the Pentagon said ...") is
  kept with its ``reported_in`` cue, so its chain runs through the reporter,
  unless its cue is weak ("he said voters want ...",
  ``Settings.min_nested_cue_weight``); other weak nested cues are dropped
  unless they are a second statement of the same source ("..., claiming
  that ..."): PolNeAR's annotators rarely mark nested attributions;
- sources and recipients become :class:`~provenance.model.Mention` records
  through :class:`~provenance.extract.mentions.MentionResolver`.

Boilerplate regions are skipped, and so is a line repeating the headline: a
page that prints "Pentagon Confirms ..." above and below the byline gives that
headline's attribution once. Nothing in a text makes this raise: a sentence
the rules do not understand simply yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.metadata import parse_dateline
from ..model import Article, Attribution, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .boundaries import contraction_before, cue_boundaries, text_at
from .fallback import fallback_matches
from .mentions import MentionResolver
from .rules import RuleMatch, load_rules, macro_pattern, match_rules
from .sentences import Sentence, paragraph_sentences, paragraph_spans
from .nesting import is_swallowed, is_unmarked_nested, reporting
from .tagger import CUE_TAGS, Tagged, may_hold_cue, tag_tokens

__all__ = ["extract_attributions"]

_CUE_TAG_SET = frozenset(CUE_TAGS.values())
#: Tags that may start a rule: the cue tags, the colon of "Poll: Sanders leads",
#: the document of "in a CNN poll", the "To" of "To Sharp, Trump is ..." and the
#: dash of a credit line ("- Hillary Clinton." after a quoted paragraph).
_TRIGGER_TAGS = _CUE_TAG_SET | {":", "D", "T", "-"}
_QUOTE_TAIL = frozenset(".,?!")
Ranges = tuple[tuple[int, int], ...]  # [start, end) unit ranges of one role


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
    reported_in: tuple[Span, ...] = ()  # the cue of the attribution this one is reported in


def extract_attributions(article: Article, *, settings: Settings = DEFAULT_SETTINGS) -> tuple[Attribution, ...]:
    """Return the attributions of ``article`` in text order.

    Parameters
    ----------
    article : Article
        The article; its ``boilerplate`` regions are ignored.
    settings : Settings, optional
        ``min_cue_weight`` drops cues whose weight in ``cues.tsv`` is lower;
        ``min_nested_cue_weight`` does so for cues inside the content or
        the source of another attribution of their sentence (and
        ``min_sibling_cue_weight`` for such a cue of the same source in a
        clause of its own); ``nest_reported_cues`` marks a statement reported
        in another attribution instead (see :mod:`~provenance.extract.nesting`).

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
    is_headline_seen = False
    for number, paragraph in enumerate(document.paragraphs):
        document.forget_before(number)
        if headline and _normalized(article.text[paragraph.start : paragraph.end]) == headline:
            if is_headline_seen:
                continue  # a page repeating its headline gives its attribution once
            is_headline_seen = True
        first = len(found)
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
            best.update(fallback_matches(row, best, article.text, settings=settings))
            in_sentence: list[_Found] = []
            units = sorted(best)
            for unit in units:
                in_sentence.append(_build((number, position), best[unit], row, in_sentence, sentence))
            for unit, item in zip(units, in_sentence):
                if is_swallowed(item, in_sentence):
                    continue
                cue = row.cues[unit]
                outer = reporting(item, in_sentence, row, settings=settings)
                if outer is None:
                    if not is_unmarked_nested(item, in_sentence, cue, settings=settings):
                        found.append(item)
                elif cue is None or cue.weight >= settings.min_nested_cue_weight:
                    item.reported_in = tuple(outer.cue)  # kept for the chain; PolNeAR marks only the outer one
                    found.append(item)
        # quotations are gathered now, while the paragraph's tokens are at hand: they read
        # only this paragraph and the ones after it, so the document may forget it next
        for item in found[first:]:
            if not item.content:
                _preceding_quotes(item, document)
            if item.open_quote or not item.content:
                _continue_quote(item, document)
    resolver = MentionResolver(article)
    results: dict[tuple[Span, ...], Attribution] = {}  # by evidence, read once: it sorts spans
    for item in found:
        if not item.content:
            continue
        attribution = _attribution(article, item, resolver)
        results.setdefault(attribution.evidence, attribution)
    return tuple(attribution for _, attribution in sorted(results.items(), key=lambda pair: (pair[0], pair[1].cue)))


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

    def forget_before(self, number: int) -> None:
        """Drop the rows of the paragraphs before ``number``, once nothing will read them.

        An article's tokens are thousands of named tuples, which (unlike plain
        tuples) the garbage collector never stops tracking: kept to the
        article's end, they outlived its young generations and set off full
        collections, a tenth of the extraction time.
        """
        for old in [key for key in self._rows if key < number]:
            del self._rows[old]

    def rows(self, number: int) -> list[tuple[Sentence, Tagged | None]]:
        """The (sentence, tags) pairs of paragraph ``number``, boilerplate left out.

        A sentence with no word that could start a cue is not tagged (None).
        """
        if number not in self._rows:
            if not 0 <= number < len(self.paragraphs):
                return []
            article = self.article
            found = paragraph_sentences(article.text, self.paragraphs[number], number)
            if article.boilerplate:  # most articles have none: spare the span of every sentence
                found = [sentence for sentence in found if not article.is_boilerplate(sentence.span)]
            self._rows[number] = [
                (sentence, tag_tokens(sentence.tokens) if may_hold_cue(sentence.tokens) else None) for sentence in found
            ]
        return self._rows[number]


def _build(index: tuple[int, int], match: RuleMatch, row: Tagged, before: list[_Found], sentence: Sentence) -> _Found:
    roles = match.roles
    cue_ranges, content_ranges = cue_boundaries(roles, row, sentence)
    quote = any("Q" in row.tags[start:end] for start, end in content_ranges)
    open_quote = bool(content_ranges) and row.tags[content_ranges[-1][1] - 1] == "Q"
    source = _spans(row, roles.get("source", ()))
    if not source and match.rule.inherits:
        source = _inherited_source(row, before)
    cue = _spans(row, cue_ranges)
    content = _spans(row, content_ranges)
    contraction = contraction_before(row, cue_ranges[0][0], sentence)
    if contraction is not None:  # "he’s said": PolNeAR's cue is "’s said", its source "he"
        cue[0] = Span(contraction, cue[0].end)
        for spans in (source, content):
            if spans and spans[-1].end > contraction >= spans[-1].start:
                spans[-1] = Span(spans[-1].start, contraction)
    if cue[-1].end < sentence.tokens[-1].end and text_at(sentence, cue[-1].end) == ":":
        cue[-1] = Span(cue[-1].start, cue[-1].end + 1)  # PolNeAR's cue is "said:", colon included
    return _Found(
        index,
        match,
        source,
        cue,
        content,
        _spans(row, roles.get("recipient", ())),
        quote,
        open_quote,
    )


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
    """Take as content the pure-quote sentences just before a bare "Sanders said.".

    A sentence opening its paragraph ("- Hillary Clinton.", a credit line)
    takes the paragraph before it when that is all quotation, unless a colon
    ends it ("Cruz continued:" introduces the quotes after it).
    """
    number, position = item.index
    rows = document.rows(number)
    pieces = []
    for sentence, _ in reversed(rows[:position]):
        if not _is_pure_quote(sentence):
            break
        pieces.append(Span(sentence.tokens[0].start, sentence.tokens[0].end))
    if not pieces and position == 0 and rows[0][0].tokens[-1].text != ":":
        pieces = _quoted_paragraph(document, number - 1)[::-1]
    if pieces:
        item.content = pieces[::-1]
        item.quote = True


def _quoted_paragraph(document: _Document, number: int) -> list[Span]:
    """The quotations of paragraph ``number`` when it holds nothing else, else []."""
    rows = document.rows(number) if number >= 0 else []
    if not rows or not all(_is_pure_quote(sentence) for sentence, _ in rows):
        return []
    return [Span(sentence.tokens[0].start, sentence.tokens[0].end) for sentence, _ in rows]


def _is_pure_quote(sentence: Sentence) -> bool:
    """True for a sentence that is one quotation, maybe followed by a period or comma."""
    tokens = sentence.tokens
    return tokens[0].is_quote and all(token.text in _QUOTE_TAIL for token in tokens[1:])


def _continue_quote(item: _Found, document: _Document) -> None:
    """Append the pure-quote sentences after ``item``'s sentence to its content.

    They are taken from the rest of its paragraph and, while the last quotation
    is left open at a paragraph end (or the attribution has no content yet and
    its sentence ends with a colon), from the paragraphs after it.
    """
    number, position = item.index
    rows = document.rows(number)
    last = rows[position][0].tokens[-1] if rows[position][0].tokens else None
    # a quote left open runs on; so does a paragraph ending "... reports:" before a quoted paragraph
    is_open = last is not None and (last.is_open or (not item.content and last.text == ":"))
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
    item.content = _without_dateline(text, item.content)
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
        reported_in=item.reported_in,
    )


def _without_dateline(text: str, content: list[Span]) -> list[Span]:
    """Content opening a paragraph starts after its dateline ("NORHAVEN — ", "LONDON (Reuters) - ")."""
    if not content:
        return content
    first = content[0]
    if first.start and text[first.start - 1] != "\n":
        return content
    line_end = text.find("\n", first.start)
    dateline = parse_dateline(text[first.start : line_end if line_end >= 0 else len(text)])
    if dateline is None or first.start + dateline[2] >= first.end:
        return content
    return [Span(first.start + dateline[2], first.end), *content[1:]]


def _strip_quote_marks(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in "“”\"'‘’":
        start += 1
    while end > start and text[end - 1] in "“”\"'‘’,.":
        end -= 1
    return Span(start, end) if end > start else span
