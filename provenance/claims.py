"""Claim clustering: the same claim carried by several articles is one Claim.

Two chains carry the same claim when their normalised texts (casefolded, no
accents, no punctuation) score at least ``Settings.claim_match_cutoff`` with
rapidfuzz's ``ratio``, or when one quotes at least
``Settings.shared_quote_words`` words that the other quotes too (the whole of
one quoted fragment inside the other, unless that fragment is a stock phrase
found inside more than ``Settings.max_quote_hosts`` quotes). Texts shorter than
``Settings.min_claim_words`` words ("Trump", "for comment") are never merged.

All pairs are never compared: texts are first put in blocks by their rarest
words (two near-identical texts share their rarest words) and by the word
runs of their quoted fragments. Within a block each text is scored
(``rapidfuzz.process.extract``) only against the block's *leaders*, the texts
that matched no earlier one, so a claim reworded a thousand times costs a
thousand comparisons, not half a million. The result is approximate the way
any threshold is: a paraphrase that shares neither wording nor a quote stays
a claim apart, and two wordings close to each other but to no leader may stay
apart when nothing else ties them.

Claim ids are derived from the representative text (the most frequent
wording), so the same corpus gives the same ids in every run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from .model import Chain, Claim, stable_id
from .settings import DEFAULT_SETTINGS, Settings

__all__ = ["cluster_claims", "find_claim", "normalize_claim", "quoted_fragments"]

#: Rarest words of a text used as its blocking keys. Near-identical texts share
#: their rarest words, so three keys find them while keeping blocks small.
BLOCK_WORDS = 3
#: Words this short ("the", "of") never serve as blocking keys.
MIN_BLOCK_WORD_LENGTH = 3
RE_QUOTED = re.compile(r"[\"\u201c\u201d\u201e]([^\"\u201c\u201d\u201e]+)[\"\u201c\u201d\u201e]")
#: Punctuation and space trimmed off a quoted fragment ("until Friday," is "until Friday").
QUOTE_EDGE = " \t\n,.;:"
RE_NON_WORD = re.compile(r"[\W_]+")


def normalize_claim(text: str) -> str:
    """Return ``text`` casefolded, without accents or punctuation, spaces collapsed.

    Examples
    --------
    >>> normalize_claim("The port will remain “closed,” she said.")
    'the port will remain closed she said'
    """
    plain = text
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return RE_NON_WORD.sub(" ", plain.replace("\u2019", "").replace("'", "")).casefold().strip()


def quoted_fragments(text: str, *, quote: bool = False) -> tuple[str, ...]:
    """Return the quoted fragments of ``text``; all of it when ``quote`` is true.

    Examples
    --------
    >>> quoted_fragments('talks had made "no progress at all" so far')
    ('no progress at all',)
    >>> quoted_fragments("We will stay out", quote=True)
    ('We will stay out',)
    """
    fragments = [match.group(1).strip(QUOTE_EDGE) for match in RE_QUOTED.finditer(text)]
    if quote and not fragments:
        fragments = [text.strip(QUOTE_EDGE)]
    return tuple(fragment for fragment in fragments if fragment)


def cluster_claims(chains: Iterable[Chain], *, settings: Settings = DEFAULT_SETTINGS) -> tuple[Claim, ...]:
    """Group the chains of many articles by the claim they carry.

    Parameters
    ----------
    chains : iterable of Chain
        Chains of any number of articles.
    settings : Settings, optional
        ``claim_match_cutoff`` and ``shared_quote_words`` decide what is one claim.

    Returns
    -------
    tuple of Claim
        Sorted by id; every chain is in exactly one claim. A chain whose claim
        text is shorter than ``min_claim_words`` is a claim of its own.

    Examples
    --------
    >>> from provenance.model import Chain, Hop, Span
    >>> def chain(article_id, claim):
    ...     return Chain(article_id, (Hop("Reuters", "wire", "origin"),), claim, "said", False, (Span(0, 1),))
    >>> claims = cluster_claims([chain("a", "The port will stay closed until Monday."),
    ...                          chain("b", "the port will stay closed until monday"),
    ...                          chain("c", "Fuel prices rose again.")])
    >>> sorted(claim.articles for claim in claims)
    [('a', 'b'), ('c',)]
    """
    chains = sorted(chains, key=lambda chain: chain.id)
    normalized = {chain.id: _mergeable(normalize_claim(chain.claim), settings) for chain in chains}
    texts = sorted(set(normalized.values()) - {""})
    index = {text: position for position, text in enumerate(texts)}
    parent = list(range(len(texts)))
    for left, right in _candidate_pairs(texts, chains, normalized, settings):
        _union(parent, index[left], index[right])
    members: dict[object, list[Chain]] = defaultdict(list)
    for chain in chains:
        text = normalized[chain.id]
        members[_find(parent, index[text]) if text else chain.id].append(chain)
    claims = (_claim(group, merged=bool(normalized[group[0].id])) for group in members.values())
    return tuple(sorted(claims, key=lambda claim: claim.id))


def find_claim(
    graph_or_claims: object, text: str, *, settings: Settings = DEFAULT_SETTINGS
) -> Claim | None:
    """Return the claim that best matches ``text`` (fuzzy), or None.

    Parameters
    ----------
    graph_or_claims : ProvenanceGraph, mapping or iterable of Claim
        Where to look: a graph's ``claims``, a mapping of id to Claim, or Claims.
    text : str
        Words of the claim; a part of it is enough (rapidfuzz ``token_set_ratio``
        against each claim's text and quotes).
    settings : Settings, optional
        ``claim_match_cutoff`` is the lowest score accepted.

    Examples
    --------
    >>> claims = [Claim("c1", "the port will stay closed"), Claim("c2", "fuel prices rose")]
    >>> find_claim(claims, "port closed").id
    'c1'
    >>> find_claim(claims, "an unrelated sentence") is None
    True
    """
    claims = getattr(graph_or_claims, "claims", graph_or_claims)
    if isinstance(claims, Mapping):
        claims = claims.values()
    query = normalize_claim(text)
    if not query:
        return None
    choices: list[str] = []
    owners: list[Claim] = []
    for claim in sorted(claims, key=lambda claim: claim.id):
        for wording in (claim.text, *claim.quotes):
            choices.append(normalize_claim(wording))
            owners.append(claim)
    best = process.extractOne(
        query, choices, scorer=fuzz.token_set_ratio, score_cutoff=settings.claim_match_cutoff
    )
    return owners[best[2]] if best else None


def _candidate_pairs(
    texts: list[str], chains: list[Chain], normalized: dict[str, str], settings: Settings
) -> list[tuple[str, str]]:
    """Pairs of texts to merge: a shared quoted run of words, or a near-identical text in a block."""
    pairs = _quote_pairs(chains, normalized, settings)
    frequency = Counter(word for text in texts for word in set(text.split()))
    blocks: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        words = sorted(
            (word for word in set(text.split()) if len(word) >= MIN_BLOCK_WORD_LENGTH),
            key=lambda word: (frequency[word], word),
        )
        for word in words[:BLOCK_WORDS]:
            blocks[word].append(text)
    for word in sorted(blocks):
        leaders: list[str] = []  # a text joins every leader it matches, or leads a group itself
        for text in blocks[word]:
            matches = process.extract(
                text, leaders, scorer=fuzz.ratio, score_cutoff=settings.claim_match_cutoff, limit=None
            )
            pairs.extend((text, leader) for leader, _, _ in matches)
            if not matches:
                leaders.append(text)
    return pairs


def _quote_pairs(chains: list[Chain], normalized: dict[str, str], settings: Settings) -> list[tuple[str, str]]:
    """Texts that quote the same words: one's whole quoted fragment inside the other's.

    Quoting the same statement, in full or in part, ties two claims; two
    different quotes that merely share a common run of words ("one of the
    most") do not, since neither fragment lies whole inside the other; nor
    does a stock phrase quoted inside more than ``max_quote_hosts`` others.
    """
    size = settings.shared_quote_words
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)  # fragment words -> texts quoting it
    for chain in chains:
        text = normalized[chain.id]
        for fragment in quoted_fragments(chain.claim, quote=chain.quote):
            words = tuple(normalize_claim(fragment).split())
            if text and len(words) >= size:
                holders[words].add(text)
    anchors = {words: min(texts) for words, texts in holders.items()}
    starting: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(holders):
        starting[words[:size]].append(words)
    pairs = []
    hosts: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)  # fragment -> longer quotes holding it
    for words, texts in sorted(holders.items()):
        pairs.extend((text, anchors[words]) for text in sorted(texts))
        for start in range(len(words) - size + 1):
            for inner in starting.get(words[start : start + size], ()):
                if inner != words and words[start : start + len(inner)] == inner:
                    hosts[inner].add(words)
    for inner, outer in sorted(hosts.items()):
        if len(outer) <= settings.max_quote_hosts:
            pairs.extend((anchors[words], anchors[inner]) for words in sorted(outer))
    return pairs


def _mergeable(text: str, settings: Settings) -> str:
    """The text, or "" when it is too short to be merged with anything."""
    return text if len(text.split()) >= settings.min_claim_words else ""


def _claim(chains: list[Chain], *, merged: bool) -> Claim:
    """The claim of chains found to carry it; ``merged`` is False for a too-short text alone."""
    wordings = Counter(" ".join(chain.claim.split()) for chain in chains)
    text = min(wordings, key=lambda wording: (-wordings[wording], len(wording), wording))
    normalized = normalize_claim(text) if merged else ""
    quotes = {
        " ".join(fragment.split())
        for chain in chains
        for fragment in quoted_fragments(chain.claim, quote=chain.quote)
    }
    return Claim(
        id=stable_id("claim", normalized) if normalized else stable_id("claim", chains[0].id),
        text=text,
        quotes=tuple(sorted(quotes)),
        articles=tuple(sorted({chain.article_id for chain in chains})),
        chains=tuple(sorted(chain.id for chain in chains)),
    )


def _find(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: list[int], left: int, right: int) -> None:
    left, right = _find(parent, left), _find(parent, right)
    if left != right:
        parent[max(left, right)] = min(left, right)
