"""Findings about one claim: how many sources really stand behind it.

Each detector takes the graph and the :class:`ClaimFacts` of one claim and
returns a list of :class:`~provenance.model.Finding` (empty when the sourcing
holds up on that count):

- :func:`single_origin`: several outlets or paths, but one independent origin
  (corroboration that is not);
- :func:`anonymous_only`: every origin is an anonymous source;
- :func:`quote_drift`: one source's quote worded differently in two articles
  (a word changed, added or dropped in the middle; a shorter excerpt of the
  same words, or an overlapping window of a longer statement, is not drift);
- :func:`attribution_conflict`: the same quoted words (at least
  ``Settings.shared_quote_words`` of them) given to two sources that are not
  affiliated, in two articles; or a copy that names another source than its
  original for the same claim. An anonymous side never conflicts (it may be
  the named one), nor does a source that appears on the other's path (an
  article that says "the Post reported" has only cut "Kirby told the Post" short);
- :func:`circular_reporting`: outlets citing each other for the claim, found
  with ``networkx.simple_cycles`` on the claim's steps.

Evidence is an article id and a span: the whole attribution (source, cue and
content) of each chain, or the quote itself for ``quote_drift``.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..claims import normalize_claim, quoted_fragments
from ..graph import ProvenanceGraph
from ..model import Chain, Claim, Evidence, Finding, Span
from ..settings import DEFAULT_SETTINGS, Settings
from .origins import OriginGroup, claim_paths, envelope, origin_groups, origin_of

__all__ = [
    "ClaimFacts",
    "anonymous_only",
    "attribution_conflict",
    "circular_reporting",
    "claim_facts",
    "quote_drift",
    "single_origin",
    "word_changes",
]

#: Cycles reported per claim at most: a dense knot of outlets has
#: exponentially many, and the first few already show the problem.
MAX_CYCLES = 5
#: Chains of one speaker holding a run of quoted words that are paired with
#: another speaker's: a few examples in different articles find a conflict,
#: all of a quote carried by hundreds would cost pairs by the ten thousand.
MAX_PER_SPEAKER = 8
#: Speakers of one run of quoted words compared pairwise: words given to more
#: are a conflict many times over, and the first pairs already show it.
MAX_SPEAKERS = 20
#: Longest quote wording shown in a finding's one-line explanation.
QUOTE_WIDTH = 80


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the detectors need to know about one claim.

    ``group_of`` maps each origin entity to its independent group (affiliations
    and copies joined), ``speaker_of`` to its speaker (affiliations only).
    ``paths`` are the claim's paths as entity ids (see
    :func:`~provenance.auditing.origins.claim_paths`).
    """

    claim: Claim
    groups: tuple[OriginGroup, ...]
    group_of: dict[str, str]
    speaker_of: dict[str, str]
    paths: tuple[tuple[str, ...], ...]


def claim_facts(graph: ProvenanceGraph, claim: Claim) -> ClaimFacts:
    """Gather the origins, groups and paths of ``claim``.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> facts = claim_facts(graph, next(iter(graph.claims.values())))
    >>> len(facts.groups), len(facts.paths)
    (1, 2)
    """
    group_of, groups = origin_groups(graph, claim.chains)
    speaker_of, _ = origin_groups(graph, claim.chains, independent=False)
    return ClaimFacts(claim, groups, group_of, speaker_of, claim_paths(graph, claim.chains))


def single_origin(graph: ProvenanceGraph, facts: ClaimFacts) -> list[Finding]:
    """Several paths or publishers carry the claim, but one independent origin stands behind them.

    One chain through several relays is not reported: nothing there looks
    like corroboration.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> [f.detail for f in single_origin(graph, claim_facts(graph, next(iter(graph.claims.values()))))]
    ['2 paths to 1 publisher rest on one independent origin: Pentagon (cited as John Kirby, Pentagon)']
    """
    if len(facts.groups) != 1:
        return []
    publishers = {path[-1] for path in facts.paths if len(path) > 1}
    if len(facts.paths) < 2 and len(publishers) < 2:
        return []
    (group,) = facts.groups
    speakers = f" (cited as {', '.join(group.members)})" if group.members != (group.name,) else ""
    detail = (
        f"{_count(len(facts.paths), 'path')} to {_count(len(publishers), 'publisher')} "
        f"rest on one independent origin: {group.name}{speakers}"
    )
    return [Finding("single_origin", facts.claim.id, detail, _chain_evidence(graph, facts.claim.chains))]


def anonymous_only(graph: ProvenanceGraph, facts: ClaimFacts) -> list[Finding]:
    """Every origin of the claim is an anonymous source.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> anonymous_only(graph, claim_facts(graph, next(iter(graph.claims.values()))))
    []
    """
    if not facts.groups or not all(group.anonymous for group in facts.groups):
        return []
    names = sorted({name for group in facts.groups for name in group.members})
    detail = f"every source of the claim is anonymous: {_quoted_list(names)}"
    return [Finding("anonymous_only", facts.claim.id, detail, _chain_evidence(graph, facts.claim.chains))]


def quote_drift(graph: ProvenanceGraph, facts: ClaimFacts, *, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """One source's quote worded differently in two articles.

    Two wordings are one quote when at least ``settings.quote_drift_min_shared``
    of the shorter one's words match the other in order (difflib), and each
    has at least ``settings.shared_quote_words`` words. Words added or dropped
    at either end do not count (a shorter excerpt, an overlapping window);
    anything changed between matched words does (see :func:`word_changes`).
    The evidence is each wording, in its article.

    Examples
    --------
    One article quoting a statement and an excerpt of it is no drift:

    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> quote_drift(graph, claim_facts(graph, next(iter(graph.claims.values()))))
    []
    """
    wordings: dict[tuple[str, str], list[tuple[Chain, str]]] = defaultdict(list)
    for chain, quote in _quotes(graph, facts):  # one entry per distinct wording of a source
        wordings[(facts.group_of[origin_of(graph, chain.id)], normalize_claim(quote))].append((chain, quote))
    group_names = {facts.group_of[origin_of(graph, c)]: group.name for group in facts.groups for c in group.chains}
    findings = []
    for (group, first_key), (other_group, second_key) in itertools.combinations(sorted(wordings), 2):
        if group != other_group:
            continue
        pair = _in_two_articles(wordings[(group, first_key)], wordings[(group, second_key)])
        if pair is None:
            continue
        (first, first_quote), (second, second_quote) = sorted(pair, key=lambda item: (item[0].article_id, item[0].id))
        changes = word_changes(first_quote, second_quote, settings=settings)
        if not changes:
            continue
        detail = (
            f"{group_names[group]}'s words differ: {_shown(first_quote)} ({first.article_id}) vs "
            f"{_shown(second_quote)} ({second.article_id}); {'; '.join(changes)}"
        )
        evidence = {_quote_evidence(graph, first, first_quote), _quote_evidence(graph, second, second_quote)}
        findings.append(Finding("quote_drift", facts.claim.id, detail, tuple(sorted(evidence, key=_evidence_key))))
    return findings


def attribution_conflict(
    graph: ProvenanceGraph, facts: ClaimFacts, *, settings: Settings = DEFAULT_SETTINGS
) -> list[Finding]:
    """The same claim given to different, unaffiliated sources in different articles.

    Chains are paired through the runs of quoted words they share (an index,
    not all pairs), and through the copy pairs of the graph.

    Examples
    --------
    A spokesman and the body he speaks for never conflict:

    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> attribution_conflict(graph, claim_facts(graph, next(iter(graph.claims.values()))))
    []
    """
    chains = [graph.chains[chain_id] for chain_id in sorted(facts.claim.chains) if chain_id in graph.paths]
    found: dict[tuple[str, str], tuple[Chain, Chain, str]] = {}
    seen_holders: set[tuple[str, ...]] = set()
    for run, holders in sorted(_quoted_runs(chains, settings).items()):
        signature = tuple(chain.id for chain, _ in holders)  # in chain id order, as the chains came
        if len(holders) < 2 or signature in seen_holders:  # the runs of one quote share their holders
            continue
        seen_holders.add(signature)
        by_speaker: dict[str, list[tuple[Chain, bool]]] = defaultdict(list)
        for chain, quoted in holders:
            kept = by_speaker[facts.speaker_of[origin_of(graph, chain.id)]]
            # a few examples of a speaker, in different articles, are enough to find a conflict
            if len(kept) < MAX_PER_SPEAKER and all(chain.article_id != other.article_id for other, _ in kept):
                kept.append((chain, quoted))
        speakers = sorted(by_speaker)[:MAX_SPEAKERS]
        for first_speaker, second_speaker in itertools.combinations(speakers, 2):
            if (first_speaker, second_speaker) in found:
                continue
            for (first, first_quoted), (second, second_quoted) in itertools.product(
                by_speaker[first_speaker], by_speaker[second_speaker]
            ):
                if (first_quoted or second_quoted) and _may_conflict(graph, facts, first, second):
                    quoter = first if first_quoted else second
                    quote = next(q for q in quoted_fragments(quoter.claim, quote=quoter.quote)
                                 if run in f" {normalize_claim(q)} ")
                    found[(first_speaker, second_speaker)] = (first, second, f"the words {_shown(quote)} are")
                    break
    by_article: dict[str, list[Chain]] = defaultdict(list)
    for chain in chains:
        by_article[chain.article_id].append(chain)
    for pair in graph.copies:
        for first, second in itertools.product(by_article.get(pair.original, ()), by_article.get(pair.copy, ())):
            if _may_conflict(graph, facts, first, second):
                found.setdefault(_speaker_pair(graph, facts, first, second), (first, second, "the copied claim is"))
    findings = []
    for first, second, why in (found[key] for key in sorted(found)):
        detail = (
            f"{why} attributed to {graph.entities[origin_of(graph, first.id)].name} in {first.article_id} "
            f"and to {graph.entities[origin_of(graph, second.id)].name} in {second.article_id}"
        )
        evidence = _chain_evidence(graph, (first.id, second.id))
        findings.append(Finding("attribution_conflict", facts.claim.id, detail, evidence))
    return findings


def circular_reporting(
    graph: ProvenanceGraph, facts: ClaimFacts, *, settings: Settings = DEFAULT_SETTINGS
) -> list[Finding]:
    """Sources citing each other for the claim, in a cycle of its steps.

    Cycles of at most ``settings.max_cycle_length`` sources are reported,
    shortest first, at most :data:`MAX_CYCLES` per claim.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> graph = _example_graph()
    >>> circular_reporting(graph, claim_facts(graph, next(iter(graph.claims.values()))))
    []
    """
    steps = nx.DiGraph()
    for chain_id in sorted(facts.claim.chains):
        path = graph.paths.get(chain_id, ())
        for source, target in zip(path, path[1:]):
            if source == target:
                continue
            if steps.has_edge(source, target):
                steps[source][target]["chains"].append(chain_id)
            else:
                steps.add_edge(source, target, chains=[chain_id])
    found = nx.simple_cycles(steps, length_bound=settings.max_cycle_length)
    name_of = {node: (graph.entities[node].name, node) for node in steps}
    cycles = sorted(
        (_rotated(cycle, name_of) for cycle in itertools.islice(found, MAX_CYCLES * 10)),
        key=lambda cycle: (len(cycle), [name_of[node] for node in cycle]),
    )
    findings = []
    for cycle in cycles[:MAX_CYCLES]:
        names = [graph.entities[node].name for node in (*cycle, cycle[0])]
        steps_of_cycle = zip(cycle, (*cycle[1:], cycle[0]))
        chain_ids = sorted({c for source, target in steps_of_cycle for c in steps[source][target]["chains"]})
        detail = f"{len(cycle)} sources cite each other for the claim: {' -> '.join(names)}"
        findings.append(Finding("circular_reporting", facts.claim.id, detail, _chain_evidence(graph, chain_ids)))
    return findings


def word_changes(first: str, second: str, *, settings: Settings = DEFAULT_SETTINGS) -> list[str]:
    """Return how two wordings of one quote differ, word by word; empty when they do not.

    Words added or dropped at either end are ignored (an excerpt is not a
    change), and wordings too unlike to be one quote give no changes.

    Examples
    --------
    >>> word_changes("is critically important at this time", "critically vital at this time")
    ["'important' -> 'vital'"]
    >>> word_changes("We continue to believe it is critically important", "critically important")
    []
    >>> word_changes("The port will remain closed", "Fuel prices rose sharply again")
    []
    """
    first_words, second_words = first.split(), second.split()
    first_keys = [normalize_claim(word) for word in first_words]
    second_keys = [normalize_claim(word) for word in second_words]
    if min(len(first_words), len(second_words)) < settings.shared_quote_words:
        return []
    opcodes = difflib.SequenceMatcher(None, first_keys, second_keys, autojunk=False).get_opcodes()
    while opcodes and opcodes[0][0] in ("delete", "insert"):
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] in ("delete", "insert"):
        opcodes.pop()
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")
    if matched < settings.quote_drift_min_shared * min(len(first_words), len(second_words)):
        return []
    changes = []
    for tag, i1, i2, j1, j2 in opcodes:
        before, after = " ".join(first_words[i1:i2]), " ".join(second_words[j1:j2])
        if tag == "replace":
            changes.append(f"{before!r} -> {after!r}")
        elif tag == "delete":
            changes.append(f"dropped {before!r}")
        elif tag == "insert":
            changes.append(f"added {after!r}")
    return changes


# --- helpers -----------------------------------------------------------------


def _quotes(graph: ProvenanceGraph, facts: ClaimFacts) -> list[tuple[Chain, str]]:
    """Each quoted fragment of the claim's chains with its chain, in chain id order."""
    found = []
    for chain_id in sorted(facts.claim.chains):
        if chain_id in graph.paths:
            chain = graph.chains[chain_id]
            found.extend((chain, " ".join(quote.split())) for quote in quoted_fragments(chain.claim, quote=chain.quote))
    return found


def _in_two_articles(first: list[tuple[Chain, str]], second: list[tuple[Chain, str]]):
    """The first pair of occurrences of two wordings that lie in different articles, or None."""
    for one, other in itertools.product(first, second):
        if one[0].article_id != other[0].article_id:
            return one, other
    return None


def _quoted_runs(chains: list[Chain], settings: Settings) -> dict[str, list[tuple[Chain, bool]]]:
    """Runs of ``shared_quote_words`` words (padded with spaces) and the chains holding them.

    A chain holds the runs of its quoted fragments (``True``), or of its whole
    text when it quotes nothing (``False``: a paraphrase of someone's quote).
    """
    size = settings.shared_quote_words
    runs: dict[str, list[tuple[Chain, bool]]] = defaultdict(list)
    for chain in chains:
        fragments = quoted_fragments(chain.claim, quote=chain.quote)
        texts = fragments or (chain.claim,)
        seen = set()
        for text in texts:
            words = normalize_claim(text).split()
            seen.update(" " + " ".join(words[i : i + size]) + " " for i in range(len(words) - size + 1))
        for run in seen:
            runs[run].append((chain, bool(fragments)))
    return runs


def _may_conflict(graph: ProvenanceGraph, facts: ClaimFacts, first: Chain, second: Chain) -> bool:
    """Two chains of different articles naming unaffiliated, named sources not on each other's path."""
    if first.article_id == second.article_id:
        return False
    first_origin, second_origin = origin_of(graph, first.id), origin_of(graph, second.id)
    if facts.speaker_of[first_origin] == facts.speaker_of[second_origin]:
        return False
    if "anonymous" in (graph.entities[first_origin].kind, graph.entities[second_origin].kind):
        return False
    return first_origin not in graph.paths[second.id] and second_origin not in graph.paths[first.id]


def _speaker_pair(graph: ProvenanceGraph, facts: ClaimFacts, first: Chain, second: Chain) -> tuple[str, str]:
    speakers = sorted((facts.speaker_of[origin_of(graph, first.id)], facts.speaker_of[origin_of(graph, second.id)]))
    return speakers[0], speakers[1]


def _chain_evidence(graph: ProvenanceGraph, chain_ids) -> tuple[Evidence, ...]:
    """The envelope of each chain's attribution, sorted and without repeats."""
    found = set()
    for chain_id in chain_ids:
        chain = graph.chains.get(chain_id)
        span = envelope(chain.evidence) if chain else None
        if span is not None:
            found.add(Evidence(chain.article_id, span))
    return tuple(sorted(found, key=_evidence_key))


def _quote_evidence(graph: ProvenanceGraph, chain: Chain, quote: str) -> Evidence:
    """Where ``quote`` sits in the chain's article: searched inside the attribution, else all of it."""
    where = envelope(chain.evidence) or Span(0, 0)
    article = graph.articles.get(chain.article_id)
    if article is not None:
        found = article.text.find(quote, where.start, max(where.end, where.start + len(quote)))
        if found < 0:
            found = article.text.find(quote)
        if found >= 0:
            return Evidence(chain.article_id, Span(found, found + len(quote)))
    return Evidence(chain.article_id, where)


def _rotated(cycle: list[str], name_of: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """A cycle started at its first source by name, so each cycle has one spelling."""
    start = cycle.index(min(cycle, key=name_of.__getitem__))
    return tuple(cycle[start:] + cycle[:start])


def _evidence_key(evidence: Evidence) -> tuple[str, Span]:
    return (evidence.article_id, evidence.span)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 3] + "..."}"'


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _quoted_list(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)
