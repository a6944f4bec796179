"""Claims an article makes in its own voice, with no source, while it attributes elsewhere.

The rule is deliberately narrow, to keep false alarms rare. A sentence is
reported as ``unattributed`` only when all of these hold:

- its article has at least ``Settings.unattributed_min_attributions``
  chains (an article that attributes, so its silence here stands out);
- it is prose: at least ``Settings.unattributed_min_words`` words, ending
  with ``.``, ``!`` or ``?``, outside the article's boilerplate regions, and
  not its title nor a line in title case;
- it carries a claim marker: a number (not a date, a year, or a digit inside
  a name such as "G7"), or a phrase of
  ``provenance/data/claim_markers.tsv`` ("will", "has been", "million", ...);
- no attribution covers it, and it does not follow an attributed sentence of
  the same paragraph (news style carries a source on into the next sentence:
  "The ministry said the port would close. It will reopen on June 10.");
- it holds no quotation and no cue word of ``cues.tsv`` ("said",
  "according to", "reports", ... however unreliable a cue the extractor
  finds the word): those are attributions the extractor may have missed.

Figures and forecasts stated as fact ("A record 65 million people are
displaced worldwide", "The plant will close next year") are what it finds;
whether they are common knowledge is for the reader to judge. Background
that marks nothing but a date ("On February 24, Russia launched ...") is not
reported. ``benchmarks/audit.py`` counts how often a reported sentence is in
fact attributed in PolNeAR's annotation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..graph import ProvenanceGraph
from ..lexicon import load_table
from ..model import Article, Evidence, Finding, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .origins import content_spans

__all__ = ["unattributed", "unattributed_sentences"]

#: A number: a digit not inside a word ("C2I", "G7" are names, not figures).
RE_DIGIT = re.compile(r"(?<![^\W\d_])\d")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Dates and years, whose digits mark no claim ("On June 3, ...", "since 1997").
RE_DATE_NUMBER = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b(?:1[89]|20)\d{2}s?\b",
    re.IGNORECASE,
)
RE_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
#: Share of the longer words (over 3 letters) capitalised in a headline: "31
#: Latinos Share Their Most Honest Thoughts On Donald Trump." is a title,
#: not a sentence of the article's own voice.
HEADING_SHARE = 0.7
#: Longest sentence excerpt shown in a finding's explanation.
EXCERPT_WIDTH = 100


def unattributed(graph: ProvenanceGraph, *, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """One finding per unsourced claim sentence of the graph's articles (see the module notes).

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> unattributed(ProvenanceGraph())
    []
    """
    coverage: dict[str, list[Span]] = {}
    for chain in graph.chains.values():
        coverage.setdefault(chain.article_id, []).extend((*chain.evidence, *content_spans(chain)))
    counts = {article_id: 0 for article_id in coverage}
    for chain in graph.chains.values():
        counts[chain.article_id] += 1
    findings = []
    for article_id in sorted(graph.articles):
        if counts.get(article_id, 0) < settings.unattributed_min_attributions:
            continue
        article = graph.articles[article_id]
        for span in unattributed_sentences(article, coverage[article_id], settings=settings):
            excerpt = " ".join(article.text[span.start : span.end].split())
            excerpt = excerpt if len(excerpt) <= EXCERPT_WIDTH else excerpt[: EXCERPT_WIDTH - 3] + "..."
            voice = article.publisher or article_id
            detail = f"stated in {voice}'s own voice, with no source: \"{excerpt}\""
            findings.append(Finding("unattributed", None, detail, (Evidence(article_id, span),)))
    return findings


def unattributed_sentences(
    article: Article, covered: list[Span], *, settings: Settings = DEFAULT_SETTINGS
) -> list[Span]:
    """Return the spans of ``article``'s claim sentences that no span of ``covered`` reaches.

    Examples
    --------
    >>> text = ("The ministry said the port would close. It will reopen on June 10.\\n"
    ...         "The new terminal will cost 40 million dollars to build.")
    >>> article = Article("a", text)
    >>> [text[s.start:s.end] for s in unattributed_sentences(article, [Span(0, 39)])]
    ['The new terminal will cost 40 million dollars to build.']
    """
    from ..extract.sentences import sentences  # extraction's splitter; imported when needed

    found = []
    previous_paragraph, previous_attributed = -1, False
    for sentence in sentences(article.text):
        span = sentence.span
        attributed = any(span.overlaps(other) for other in covered)
        follows = previous_attributed and sentence.paragraph == previous_paragraph
        previous_paragraph, previous_attributed = sentence.paragraph, attributed
        if attributed or follows or article.is_boilerplate(span):
            continue
        text = article.text[span.start : span.end]
        if any(token.is_quote for token in sentence.tokens) or not text.rstrip().endswith((".", "!", "?")):
            continue
        words = [word.casefold() for word in RE_WORD.findall(text)]
        if len(words) < settings.unattributed_min_words or _is_heading(text, article.title):
            continue
        padded = f" {' '.join(words)} "
        if not _has_marker(text, padded) or _has_cue(words, padded):
            continue
        found.append(span)
    return found


def _is_heading(text: str, title: str | None) -> bool:
    """The article's title, or a line in title case (most longer words capitalised)."""
    if title and " ".join(text.split()).rstrip(".!?").casefold() in " ".join(title.split()).casefold():
        return True
    longer = [word for word in RE_WORD.findall(text) if len(word) > 3]
    return bool(longer) and sum(word[0].isupper() for word in longer) >= HEADING_SHARE * len(longer)


def _has_marker(text: str, padded: str) -> bool:
    """A digit (outside dates and years), or a claim-marker phrase, in the sentence."""
    return bool(RE_DIGIT.search(RE_DATE_NUMBER.sub(" ", text))) or any(f" {marker} " in padded for marker in _markers())


@lru_cache(maxsize=1)
def _markers() -> tuple[str, ...]:
    return tuple(" ".join(RE_WORD.findall(row[0].casefold())) for row in load_table("claim_markers.tsv"))


def _has_cue(words: list[str], padded: str) -> bool:
    """A cue of ``cues.tsv`` in the sentence, as listed or in another form ("reports" for "reported")."""
    single = _single_word_cues()
    for word in words:
        if word in single or (word.endswith("s") and {word[:-1] + "ed", word[:-1] + "d"} & single):
            return True
    return any(f" {cue} " in padded for cue in _cues() if " " in cue)


@lru_cache(maxsize=1)
def _single_word_cues() -> frozenset[str]:
    return frozenset(cue for cue in _cues() if " " not in cue)


@lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    """Every cue form of ``cues.tsv``, as word runs: any of them may be a missed attribution."""
    forms = {" ".join(RE_WORD.findall(row[0].casefold())) for row in load_table("cues.tsv")}
    return tuple(sorted(form for form in forms if form))
