"""Findings about copied articles: copies without credit, attributions lost in copying.

Both read the copy pairs the graph was built with (``graph.copies``, from
:func:`~provenance.syndication.find_copies`):

- :func:`uncredited_copy`: a pair whose copy does not credit its original
  (``CopyPair.credited`` is False);
- :func:`dropped_attribution`: the copy states in its own voice what the
  original attributed to a source. For each chain of the original, its
  content (at least ``Settings.attributed_content_min_words`` words) is
  looked for in the copy (rapidfuzz ``partial_ratio`` of at least
  ``Settings.copy_match_cutoff``; the whole copy is searched, since a
  sentence that lost its attribution may no longer align as a passage). It is reported when no chain of the copy
  covers the place found and the copy's sentences there do not name the
  source (its name, an alias, the words of its mention or a person's
  surname), so an attribution the extractor missed in the copy is not
  taken for a dropped one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from ..extract.sentences import sentences
from ..graph import ProvenanceGraph
from ..model import Article, Chain, Evidence, Finding, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .origins import content_spans, envelope, origin_of

__all__ = ["dropped_attribution", "uncredited_copy"]

#: Quote marks, punctuation and space trimmed off a content before it is looked for.
QUOTE_EDGE = " \t\n\"'\u201c\u201d,.;:"
#: Longest excerpt of a copied content shown in a finding's explanation.
EXCERPT_WIDTH = 80


def uncredited_copy(graph: ProvenanceGraph) -> list[Finding]:
    """One finding per copy that does not credit the article it copies.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> from provenance.model import CopyPair, Passage, Span
    >>> pair = CopyPair("wire", "blog", False, 0.9, 0.8, (Passage(Span(0, 50), Span(10, 60)),), "earlier", 0.9)
    >>> [f.detail for f in uncredited_copy(ProvenanceGraph(copies=(pair,)))]
    ['blog copies 80% of its text from wire without crediting it (earlier)']
    """
    findings = []
    for pair in sorted(graph.copies, key=lambda pair: (pair.original, pair.copy)):
        if pair.credited:
            continue
        detail = (
            f"{_article_name(graph, pair.copy)} copies {pair.shared_copy:.0%} of its text from "
            f"{_article_name(graph, pair.original)} without crediting it ({pair.reason})"
        )
        evidence = {Evidence(pair.original, p.original) for p in pair.passages}
        evidence |= {Evidence(pair.copy, p.copy) for p in pair.passages}
        findings.append(Finding("uncredited_copy", None, detail, _sorted(evidence)))
    return findings


def dropped_attribution(graph: ProvenanceGraph, *, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Copies that state in their own voice what their original attributed to a source.

    Parameters
    ----------
    graph : ProvenanceGraph
        Its ``copies`` are checked; its chains tell what each article attributes.
    settings : Settings, optional
        ``copy_match_cutoff`` and ``attributed_content_min_words``.

    Returns
    -------
    list of Finding
        One per attributed content found again, unattributed, in a copy; the
        claim is the original chain's; the evidence is the content in the copy
        and the attribution in the original.

    Examples
    --------
    >>> from provenance.graph import ProvenanceGraph
    >>> dropped_attribution(ProvenanceGraph())
    []
    """
    chains_of: dict[str, list[Chain]] = defaultdict(list)
    for chain in graph.chains.values():
        chains_of[chain.article_id].append(chain)
    claim_of = {chain_id: claim.id for claim in graph.claims.values() for chain_id in claim.chains}
    findings = []
    for pair in sorted(graph.copies, key=lambda pair: (pair.original, pair.copy)):
        original, copy = graph.articles.get(pair.original), graph.articles.get(pair.copy)
        if original is None or copy is None:
            continue
        covered = [span for chain in chains_of[pair.copy] for span in (*chain.evidence, *content_spans(chain))]
        for chain in sorted(chains_of[pair.original], key=lambda chain: chain.id):
            found = _copied_content(original, copy.text, chain, settings)
            if found is None or copy.is_boilerplate(found) or any(span.overlaps(found) for span in covered):
                continue
            if _names_source(graph, chain, _sentences_around(copy.text, found)):
                continue
            source = graph.entities[origin_of(graph, chain.id)].name if chain.id in graph.paths else chain.hops[0].name
            excerpt = " ".join(copy.text[found.start : found.end].split())
            excerpt = excerpt if len(excerpt) <= EXCERPT_WIDTH else excerpt[: EXCERPT_WIDTH - 3] + "..."
            detail = (
                f"{_article_name(graph, pair.copy)} states in its own voice what "
                f"{_article_name(graph, pair.original)} attributed to {source}: \"{excerpt}\""
            )
            evidence = {Evidence(pair.copy, found)}
            if (where := envelope(chain.evidence)) is not None:
                evidence.add(Evidence(pair.original, where))
            findings.append(Finding("dropped_attribution", claim_of.get(chain.id), detail, _sorted(evidence)))
    return findings


# --- helpers -----------------------------------------------------------------


def _copied_content(original: Article, copy: str, chain: Chain, settings: Settings) -> Span | None:
    """Where the copy holds the chain's content, or None.

    The whole copy is searched, not only the aligned passages: the sentence
    that lost its attribution is the one that no longer aligns well. A
    dateline opening the content ("PORT CALDER — ") is not looked for.
    """
    content = envelope(content_spans(chain))
    if content is None:
        return None
    piece = original.text[content.start : content.end]
    if original.dateline:
        piece = re.sub(rf"^\s*{re.escape(original.dateline)}\s*(?:\([^)]*\))?\s*[-\u2013\u2014]+", "", piece)
    piece = piece.strip(QUOTE_EDGE)
    if len(piece.split()) < settings.attributed_content_min_words:
        return None
    found = fuzz.partial_ratio_alignment(piece, copy, score_cutoff=settings.copy_match_cutoff)
    if found is None or found.dest_end <= found.dest_start:
        return None
    return Span(found.dest_start, found.dest_end)


def _sentences_around(text: str, span: Span) -> str:
    """The sentences of ``text`` that overlap ``span``, joined."""
    found = [sentence.span for sentence in sentences(text) if sentence.span.overlaps(span)]
    where = envelope(found) or span
    return text[where.start : where.end]


def _names_source(graph: ProvenanceGraph, chain: Chain, text: str) -> bool:
    """True when ``text`` names the chain's origin in any of its known forms."""
    names = {chain.hops[0].name}
    if chain.hops[0].mention is not None:
        names |= {chain.hops[0].mention.text, chain.hops[0].mention.name}
    if chain.id in graph.paths:
        entity = graph.entities[origin_of(graph, chain.id)]
        names |= {entity.name, *entity.aliases}
        if entity.kind == "person":
            names.add(entity.name.split()[-1])
    folded = text.casefold()
    return any(name.casefold() in folded for name in names if len(name) > 2)


def _article_name(graph: ProvenanceGraph, article_id: str) -> str:
    """``id (publisher)`` when the publisher is known, else the id."""
    article = graph.articles.get(article_id)
    return f"{article_id} ({article.publisher})" if article is not None and article.publisher else article_id


def _sorted(evidence: set[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(evidence, key=lambda item: (item.article_id, item.span)))
