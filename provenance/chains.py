"""Turn an article's attributions into chains from origin to publisher.

A chain runs: the origin (the attribution's source), the relay (the party the
statement was given to or that cited it: "told Sputnik", "The Washington Post,
citing ..."), the sources the article credits for its text (a dateline such as
"(UrduPoint News / Sputnik - ...)" credits Sputnik), and the publisher.

Names are made canonical through the known-sources table ("the Pentagon" and
"Defense Department" are both ``Pentagon``), and a hop equal to the one before
it is not repeated: a credited wire that is already the relay appears once.
Attributions without a stated source give no chain. A recipient is a hop when
it is a news outlet or wire, or when the cue says it cited or quoted the
source; otherwise it is only an audience ("told reporters"). A statement
reported inside another attribution ("Sputnik reported that the Pentagon
said ...", :attr:`~provenance.model.Attribution.reported_in`) runs on through
the reporting attribution's source and relay when the reporter's cue comes
first: ``Pentagon -> Sputnik -> ...``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Article, Attribution, Chain, Hop, Mention, Span
from .sources import SourceTable, known_sources, normalize_name

__all__ = ["build_chains"]

#: Recipients that are only an audience unless the cue says they cited or
#: quoted the source: "told reporters", "in a statement", "asked the council".
#: Outlets, wires, organisations (often publications the outlet table does not
#: know, "told InsideSources") and people (interviewers) pass a claim on.
AUDIENCE_KINDS = frozenset({"anonymous", "document", "government"})
#: Kinds whose short form ("the Gazette") may stand beside their full name.
NEWS_KINDS = frozenset({"outlet", "wire"})
#: Cue words that make a recipient a relay whatever its kind: it cited, quoted
#: or reported the source ("the ministry, citing intelligence officials, said").
RE_RELAY_CUE = re.compile(r"\b(?:cit|quot|report|according)", re.IGNORECASE)

#: "said that the talks ..." reports the claim "the talks ..."
RE_LEADING_THAT = re.compile(r"^that\s+(?=\S)", re.IGNORECASE)


def build_chains(
    article: Article,
    attributions: Iterable[Attribution],
    *,
    sources: SourceTable | None = None,
) -> tuple[Chain, ...]:
    """Return one chain per attribution that names a source, in text order.

    Parameters
    ----------
    article : Article
        The article the attributions were extracted from.
    attributions : iterable of Attribution
        Its attributions.
    sources : SourceTable, optional
        Known sources used to make names canonical; the packaged table by default.

    Examples
    --------
    >>> from provenance.model import Article, Attribution, Mention, Span
    >>> article = Article(id="a", text="The Pentagon told Sputnik it was so.",
    ...                   publisher="UrduPoint", credits=("Sputnik",))
    >>> pentagon = Mention("The Pentagon", Span(0, 12), "government", "The Pentagon")
    >>> sputnik = Mention("Sputnik", Span(18, 25), "wire", "Sputnik")
    >>> found = Attribution("a", pentagon, "told", (Span(13, 17),), (Span(26, 35),),
    ...                     "it was so", source_spans=(Span(0, 12),), recipient=sputnik)
    >>> [chain.path for chain in build_chains(article, [found])]
    [('Pentagon', 'Sputnik', 'UrduPoint')]
    """
    table = sources or known_sources()
    tail = _tail_hops(article, table)
    attributions = sorted(attributions, key=lambda a: (a.evidence or (), a.cue))
    by_cue = {attribution.cue_spans: attribution for attribution in attributions}
    chains = []
    for attribution in attributions:
        if attribution.source is None:
            continue
        hops = [_hop(attribution.source, "origin", table)]
        if _is_relay(attribution):
            hops.append(_hop(attribution.recipient, "relay", table))
        hops.extend(_reporting_hops(attribution, by_cue, table))
        hops.extend(tail)
        chains.append(
            Chain(
                article_id=article.id,
                hops=_without_repeats(hops),
                claim=_claim_text(attribution.content),
                cue=attribution.cue,
                quote=attribution.quote,
                evidence=attribution.evidence,
                attribution=attribution,
            )
        )
    return tuple(chains)


def _reporting_hops(
    attribution: Attribution, by_cue: dict[tuple[Span, ...], Attribution], table: SourceTable
) -> list[Hop]:
    """The relays of the attributions ``attribution`` is reported in, innermost first.

    "Reuters said Sputnik reported that the Pentagon said ...": the
    Pentagon's statement passes through Sputnik, then Reuters. An
    attribution reported in one without a stated source ("it was reported
    that ...") passes through nobody named.
    """
    hops: list[Hop] = []
    seen = {attribution.cue_spans}
    inner, outer = attribution, by_cue.get(attribution.reported_in) if attribution.reported_in else None
    # Only a reporter whose cue comes first: a statement before a closing "according to X"
    # may be X's report or the one X reports ("Bloomberg reports that ..., according to
    # the Roper Center"), so it runs straight on.
    while outer is not None and outer.cue_spans not in seen and outer.cue_spans[0] < inner.cue_spans[0]:
        seen.add(outer.cue_spans)
        if outer.source is not None:
            hops.append(_hop(outer.source, "relay", table))
        if _is_relay(outer):
            hops.append(_hop(outer.recipient, "relay", table))
        inner, outer = outer, by_cue.get(outer.reported_in) if outer.reported_in else None
    return hops


def _claim_text(content: str) -> str:
    """The content as a claim: one line, without a leading complementizer "that"."""
    text = " ".join(content.split())
    return RE_LEADING_THAT.sub("", text) or text


def _tail_hops(article: Article, table: SourceTable) -> list[Hop]:
    """The credited sources and the publisher, which end every chain of the article."""
    hops = []
    for credit in article.credits:
        record = table.lookup(credit)
        hops.append(Hop(record.name if record else credit, record.kind if record else "outlet", "credit"))
    if article.publisher:
        record = table.lookup(article.publisher)
        name = record.name if record else article.publisher
        hops.append(Hop(name, record.kind if record else "outlet", "publisher"))
    return hops


def _hop(mention: Mention, role: str, table: SourceTable) -> Hop:
    record = table.lookup(mention.name)
    if record is not None and mention.kind not in ("person", "anonymous", "document"):
        return Hop(record.name, record.kind, role, mention)
    return Hop(mention.name, mention.kind, role, mention)


def _is_relay(attribution: Attribution) -> bool:
    recipient = attribution.recipient
    if recipient is None or recipient.kind == "anonymous":
        return False
    return recipient.kind not in AUDIENCE_KINDS or RE_RELAY_CUE.search(attribution.cue) is not None


def _without_repeats(hops: list[Hop]) -> tuple[Hop, ...]:
    kept: list[Hop] = []
    for hop in hops:
        if kept and _is_same_source(kept[-1], hop):
            if len(hop.name) > len(kept[-1].name):  # the full name wins over its short form
                kept[-1] = hop
            continue
        kept.append(hop)
    return tuple(kept)


def _is_same_source(first: Hop, second: Hop) -> bool:
    """One source twice: the same name, or an outlet's short form beside it ("Gazette", "Harbor Gazette")."""
    first_name, second_name = normalize_name(first.name), normalize_name(second.name)
    if first_name == second_name:
        return True
    if not {first.kind, second.kind} <= NEWS_KINDS:
        return False
    shorter, longer = sorted((first_name, second_name), key=len)
    return longer.endswith(" " + shorter)
