"""Where a cue starts and ends, as PolNeAR's annotators mark it.

The rules find a cue's word; its annotated span is often longer:

- a particle of ``cue_particles.txt`` after it ("talked about", "railed
  against"; a pair such as "boasted of" joins only after that word), and an
  adverb in -ly no role holds ("said repeatedly");
- the words a cue of ``cue_extensions.tsv`` runs on over ("continued to
  question", "issued a statement Tuesday saying", "expressed doubt that");
- "has since" before it ("has since said"), and a pronoun's contracted
  auxiliary ("he’s said": cue "’s said", source "he";
  ``contracted_pronouns.txt``).

The words taken into the cue leave the content. Ranges are ``[start, end)``
unit ranges of the sentence's tag row (:class:`~provenance.extract.tagger.Tagged`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter

from ..lexicon import load_table, load_words
from .sentences import Sentence
from .tagger import Tagged

__all__ = ["contraction_before", "cue_boundaries", "text_at"]

Ranges = tuple[tuple[int, int], ...]  # [start, end) unit ranges of one role
_PERFECT = frozenset({"has", "have", "had"})  # the auxiliary of "has since said"
#: A pronoun with its auxiliary in one token ("he’s said"): PolNeAR counts the auxiliary in the cue.
RE_CONTRACTION = re.compile(r"(\w+)(['’](?:s|ve|re|ll|d))", re.IGNORECASE)


def cue_boundaries(roles: dict[str, Ranges], row: Tagged, sentence: Sentence) -> tuple[Ranges, Ranges]:
    """The (cue, content) unit ranges of a rule's ``roles``, the cue grown as annotated.

    Examples
    --------
    >>> from provenance.extract.sentences import Sentence, tokenize
    >>> from provenance.extract.tagger import tag_tokens
    >>> sentence = Sentence(tuple(tokenize("Trump railed against the tax.")), 0)
    >>> row = tag_tokens(sentence.tokens)
    >>> cue_boundaries({"cue": ((1, 2),), "content": ((2, 5),)}, row, sentence)
    (((1, 3),), ((3, 5),))

    PolNeAR's cue is "talked about", "railed against": the particle joins the
    cue when no role holds it (the rule read "against the tax" as an adjunct,
    so the content then starts right after it) or when the content starts
    with it. A particle of ``cue_particles.txt`` written after a word ("boasted
    of") joins only that word. An adverb in -ly that no role holds joins it
    too ("said repeatedly"), as one before the cue does ("gingerly said"). A
    cue of ``cue_extensions.tsv`` first runs on over the words its annotated
    cue takes ("continued to question"), and an auxiliary with "since" before
    the cue joins it ("has since said").
    """
    cue_ranges = roles["cue"]
    content_ranges = roles.get("content", ())
    after = cue_ranges[-1][1]
    if len(content_ranges) > 1 and content_ranges[0][1] <= cue_ranges[0][0] and content_ranges[1][0] == after:
        # the subject came first ("X is known for ..."): the particle is read off the content after the cue
        cue_ranges, rest = cue_boundaries({**roles, "content": content_ranges[1:]}, row, sentence)
        return cue_ranges, (content_ranges[0], *rest)
    cue_ranges, content_ranges = _extended(roles, row, sentence)
    cue_ranges = _with_since(cue_ranges, roles, row, sentence)
    for adverb in (True, False):  # then a particle after what joined ("lashed out at", "spoke briefly about")
        roles = {**roles, "cue": cue_ranges, "content": content_ranges}
        joined = _joined_particle(roles, row, sentence, adverb=adverb)
        if joined == (cue_ranges, content_ranges):
            break
        cue_ranges, content_ranges = joined
    return cue_ranges, content_ranges


def _joined_particle(roles: dict[str, Ranges], row: Tagged, sentence: Sentence, *, adverb: bool) -> tuple[Ranges, Ranges]:
    """The (cue, content) unit ranges with the particle (or, if ``adverb``, the -ly adverb)
    right after the cue joined to it, if any."""
    cue_ranges = roles["cue"]
    content_ranges = roles.get("content", ())
    after = cue_ranges[-1][1]
    if after >= len(row.units):
        return cue_ranges, content_ranges
    word = text_at(sentence, row.units[after][0]).casefold()
    particles = _cue_particles()
    is_particle = word in particles or (
        word in _paired_particles() and f"{text_at(sentence, row.units[after - 1][0]).casefold()} {word}" in particles
    )
    is_adverb = adverb and row.tags[after] == "a" and len(word) > 4 and word.endswith("ly")
    if not (is_particle or is_adverb):
        return cue_ranges, content_ranges
    is_taken = any(start <= after < end for ranges in roles.values() for start, end in ranges)
    starts_content = bool(content_ranges) and content_ranges[0][0] == after and content_ranges[0][1] > after + 1
    if is_taken and not (is_particle and starts_content):
        return cue_ranges, content_ranges
    cue_ranges = (*cue_ranges[:-1], (cue_ranges[-1][0], after + 1))
    if is_particle and content_ranges and content_ranges[0][0] >= after:
        content_ranges = ((after + 1, content_ranges[0][1]), *content_ranges[1:])
    return cue_ranges, content_ranges


def _extended(roles: dict[str, Ranges], row: Tagged, sentence: Sentence) -> tuple[Ranges, Ranges]:
    """The (cue, content) unit ranges with the cue run on as ``cue_extensions.tsv`` says.

    The words taken into the cue must be free or start the content, which
    then starts after them.
    """
    cue_ranges = roles["cue"]
    content_ranges = roles.get("content", ())
    after = cue_ranges[-1][1]
    cue = row.cues[after - 1]
    extent = _cue_extensions().get(" ".join(cue.words)) if cue is not None else None
    end = _extension_end(extent, row.tags, after) if extent else None
    if end is None:
        return cue_ranges, content_ranges
    others = [ranges for role, ranges in roles.items() if role not in ("cue", "content")]
    if any(start < end and after < stop for ranges in others for start, stop in ranges):
        return cue_ranges, content_ranges
    cue_ranges = (*cue_ranges[:-1], (cue_ranges[-1][0], end))
    kept = []
    for start, stop in content_ranges:
        if start >= after:  # content after the cue starts after its extension, and after a comma there
            start = max(start, end)
            if start + 1 < stop and row.tags[start] in ",:":
                start += 1
        if stop > start:
            kept.append((start, stop))
    return cue_ranges, tuple(kept)


def _with_since(cue_ranges: Ranges, roles: dict[str, Ranges], row: Tagged, sentence: Sentence) -> Ranges:
    """The cue ranges with "has since" before the cue joined to it ("has since said")."""
    start = cue_ranges[0][0]
    if start < 2 or row.tags[start - 2 : start] != "ax" or text_at(sentence, row.units[start - 1][0]).casefold() != "since":
        return cue_ranges
    if text_at(sentence, row.units[start - 2][0]).casefold() not in _PERFECT:
        return cue_ranges
    if any(start - 2 < stop and begin < start for role, ranges in roles.items() if role != "cue" for begin, stop in ranges):
        return cue_ranges
    return ((start - 2, cue_ranges[0][1]), *cue_ranges[1:])


def contraction_before(row: Tagged, start: int, sentence: Sentence) -> int | None:
    """Where the auxiliary of "he’s", "they’ve", "that’s" starts when that word comes just
    before the cue unit ``start``, else None."""
    if start == 0 or row.tags[start - 1] not in "pyjtN":
        return None
    begin, end = row.units[start - 1]
    if end - begin > 7:  # longer than "they’ve": no pronoun
        return None
    found = RE_CONTRACTION.fullmatch(text_at(sentence, begin))
    if found is None or found.group(1).casefold() not in _contracted_pronouns() or begin + len(found.group(0)) != end:
        return None
    return begin + found.start(2)


def _extension_end(extent: str, tags: str, after: int) -> int | None:
    """The unit where an extended cue ends, or None when the words after it do not fit ``extent``."""
    if extent == "verb":
        return after + 1 if after < len(tags) and tags[after] in "wVR" else None
    if extent == "noun":
        end = after
        while end < len(tags) and end < after + 2 and tags[end] == "w":
            end += 1
        return end if end > after and end < len(tags) and tags[end] == "t" else None
    position = after  # gerund: through time words and a comma
    while position < len(tags) and tags[position] in "dm" and position < after + 3:
        position += 1
    if position < len(tags) and tags[position] == ",":
        position += 1
    return position + 1 if position < len(tags) and tags[position] == "G" else None


@lru_cache(maxsize=1)
def _cue_extensions() -> dict[str, str]:
    """The extent of each cue form whose annotated cue runs on past it ("continued to" + a verb)."""
    return {form.casefold(): extent for form, extent in load_table("cue_extensions.tsv", columns=2)}


@lru_cache(maxsize=1)
def _cue_particles() -> frozenset[str]:
    """The words PolNeAR counts in the cue before them ("talked about")."""
    return load_words("cue_particles.txt")


@lru_cache(maxsize=1)
def _contracted_pronouns() -> frozenset[str]:
    """The words whose contracted auxiliary joins the cue after them ("he’s said")."""
    return load_words("contracted_pronouns.txt")


@lru_cache(maxsize=1)
def _paired_particles() -> frozenset[str]:
    """The particles ``cue_particles.txt`` joins to one word only ("of" of "boasted of")."""
    return frozenset(entry.split()[-1] for entry in _cue_particles() if " " in entry)


def text_at(sentence: Sentence, position: int) -> str:
    """The text of the token starting at ``position`` in the sentence, or ''.

    Examples
    --------
    >>> from provenance.extract.sentences import Sentence, tokenize
    >>> sentence = Sentence(tuple(tokenize("He said so.")), 0)
    >>> text_at(sentence, 3), text_at(sentence, 4)
    ('said', '')
    """
    tokens = sentence.tokens
    found = bisect_left(tokens, position, key=_START)  # tokens are in text order, none empty
    return tokens[found].text if found < len(tokens) and tokens[found].start == position else ""


_START = itemgetter(1)  # of a Token
