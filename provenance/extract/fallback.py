"""A positional fallback for a strong cue that no attribution rule matched.

The rules of ``attribution_patterns.tsv`` read the source as a noun phrase of
a few known shapes; a subject they do not cover ("hacking specialists say
...", "47% say ...", "Wilcox, whose education ... was paid for by the
military, said ...") leaves its cue unmatched and the sentence yields
nothing. For such a cue this module reads the roles off the cue's position
in the tag row instead:

=================================  ======================================
shape                              roles
=================================  ======================================
``source_cue_content``             X **said** C: the source runs back from
                                   the cue to the previous clause boundary
                                   (a parenthesis, a pair of dashes, "X and
                                   Y" kept), the content is the rest of the
                                   sentence (as the rules end a content)
``clause_source_cue``              C, X **said**.: the content is the
                                   clause or quotation before the source
``clause_cue_source``              C, **said** X: the source is the noun
                                   phrase after the cue
``appositive_source_cue_content``  X, an appositive, **said** C: a sentence
                                   opening with a short subject
=================================  ======================================

The first three are read for a cue verb of ``Settings.min_fallback_cue_weight``
or more only (on PolNeAR's train split they were under 60% right below 0.8);
the last, whose frame is evidence enough, for any cue the rules use. A cue
after "to" or a form of "be" (an infinitive, a passive), after an article or
a preposition (a noun: "the added security"), and a cue inside a role of a
rule's match (a nested cue is the rules' business) are left alone, as is any
cue no shape fits: nothing here raises on odd input, and only sentences with
an unmatched cue are looked at. A closing quotation mark whose opening one
lies in an earlier sentence (the tagger leaves it ``*``) ends a quotation as a
``Q`` does: "... the station,” wrote Time magazine.
"""

from __future__ import annotations

import re

from ..settings import DEFAULT_SETTINGS, Settings
from .rules import Rule, RuleMatch, macro_pattern
from .tagger import Tagged

__all__ = ["FALLBACK_RULES", "fallback_matches"]

#: Shapes read for any cue of at least ``Settings.min_cue_weight``: their frame is evidence enough.
_ANY_WEIGHT = frozenset({"fallback_appositive_source_cue_content"})
Ranges = tuple[tuple[int, int], ...]  # [start, end) unit ranges of one role

#: Tags of the cues the fallback reads: a cue verb ("said") and a cue taking a recipient ("told").
_RE_STRONG_CUE = re.compile(r"[VR]")
#: Tags that end the source when scanning back from the cue: punctuation, a quotation,
#: "that", a conjunction, a relative pronoun and any other cue.
_SOURCE_STOPS = frozenset(",;:()-*Qtxys.VRGHACKZPOWJL")
#: Tags one of which a source needs: a name, a noun, a pronoun, a determiner.
_NOMINAL = frozenset("NnpdDjwi")
#: Tags that may open the source of an inversion ("..., said the spokesman").
_INVERTED_OPENERS = frozenset("NndDgpw")
#: Tags that may open a subject before its appositive.
_SUBJECT_OPENERS = frozenset("NndgpD")
#: Tags skipped between the cue and its content.
_CONTENT_OPENERS = frozenset(",:")
#: Tags that open no content: "by" ("responded by pointing"), "as" ("said as he left").
_NOT_OPENING_CONTENT = frozenset("bs")
#: Tags right before the cue (its auxiliaries aside) that make it no attribution verb
#: of a subject: "is" of a passive, "to" of an infinitive.
_NOT_BEFORE_CUE = frozenset("Be")
#: Tags a subject does not hold ("is easier said than done", "he went on to say").
_VERBAL = frozenset("BsQVRGHACKZPOWJL")
#: The end of a "subject" that makes the cue a noun ("the added security", "their chants",
#: "articles from noted scholars"); a quantifier alone or after a pronoun is a subject ("both vowed", "they all say").
_RE_NOUN_CUE = re.compile(r"(?:[og]|[^p]d)$")
#: Articles: a cue word right after one is a noun.
_ARTICLES = frozenset({"a", "an", "the"})
#: Tags that open no subject: "to", "on", "in" (an adjunct before the cue).
_NOT_OPENING_SUBJECT = frozenset("euIm")
#: An auxiliary or adverb before a word: most often a verb ("would do better to say").
_RE_VERB_AFTER_ADVERB = re.compile(r"a[wB]")
#: A parenthesis or a part between dashes in a subject, and the longest one.
_RE_ASIDE = re.compile(r"\([^()]*\)|-[^-]*-")
_MAX_ASIDE = 25
#: Tags on both sides of a conjunction joining two subjects ("He and Goodlatte said").
_JOINED = frozenset("NnpD")
_JOINED_AFTER = frozenset("NnpDdw")
#: A recipient of "told" no noun phrase macro reads, before "that" ("told others that").
_RE_RECIPIENT_BEFORE_THAT = re.compile(r"[wNndgp]{1,4}(?=t)")
#: The source of an inversion: a noun phrase to the end of the sentence or a comma.
_RE_INVERTED_SOURCE = re.compile(macro_pattern("NPX").pattern)
#: A recipient of "told", as the rules read it.
_RE_RECIPIENT = re.compile(macro_pattern("RCP").pattern)
#: The content: the rules' body up to their end of a content.
_RE_CONTENT = re.compile(macro_pattern("BODY").pattern + macro_pattern("END").pattern)
#: A closing quotation mark whose opening one lies in an earlier sentence: the tagger leaves it
#: ``*``, yet it ends a quotation as a ``Q`` does ("... the station,” wrote Time magazine.").
_CLOSING_QUOTES = frozenset({"”", '"', "»"})
#: Longest source read by position, in units: a longer run is a clause, not a subject.
_MAX_SOURCE = 14
#: Longest subject with its appositive ("X, a Y of Z, said ..."), and longest segment of it.
_MAX_APPOSITIVE = 30
_MAX_SEGMENT = 6

#: The pseudo-rules whose matches this module returns, by shape name.
FALLBACK_RULES = {
    name: Rule(f"fallback_{name}", 0.0, re.compile(""), frozenset("VR"))
    for name in (
        "source_cue_content", "clause_source_cue", "clause_cue_source", "appositive_source_cue_content"
    )
}


def fallback_matches(
    row: Tagged, matched: dict[int, RuleMatch], text: str, *, settings: Settings = DEFAULT_SETTINGS
) -> dict[int, RuleMatch]:
    """Return positional matches for the strong cues of ``row`` that no rule matched.

    Parameters
    ----------
    row : Tagged
        One sentence's tag row.
    matched : dict of int to RuleMatch
        The rules' best match by the unit of its cue word; a cue there, or one
        lying in a role of one of these matches, is left alone.
    text : str
        The article's text, which the row's unit spans index.
    settings : Settings, optional
        ``min_fallback_cue_weight``: the least weight (``cues.tsv``) of a cue
        read by position.

    Returns
    -------
    dict of int to RuleMatch
        New matches by the unit of their cue word, each with a rule of
        :data:`FALLBACK_RULES`; empty when no strong cue is left unmatched.

    Examples
    --------
    >>> from provenance.extract.sentences import tokenize
    >>> from provenance.extract.tagger import tag_tokens
    >>> text = "But hacking specialists say the leak is fake."
    >>> row = tag_tokens(tokenize(text))
    >>> row.tags
    'xwwVdwBw.'
    >>> found = fallback_matches(row, {}, text)
    >>> found[3].rule.name
    'fallback_source_cue_content'
    >>> {role: text[row.units[start][0] : row.units[end - 1][1]] for role, ((start, end),) in found[3].roles.items()}
    {'cue': 'say', 'source': 'hacking specialists', 'content': 'the leak is fake'}
    """
    tags = row.tags
    found: dict[int, RuleMatch] = {}
    taken: set[int] | None = None
    closing: frozenset[int] = frozenset()
    if "*" in tags:
        closing = frozenset(i for i, tag in enumerate(tags) if tag == "*" and text[slice(*row.units[i])] in _CLOSING_QUOTES)
    for hit in _RE_STRONG_CUE.finditer(tags):
        unit = hit.start()
        cue = row.cues[unit]
        if unit in matched or cue is None or cue.weight < settings.min_cue_weight:
            continue
        is_strong = cue.weight >= settings.min_fallback_cue_weight
        if not is_strong and not _may_follow_appositive(tags, unit):
            continue  # a weaker cue is read in the appositive shape only
        if taken is None:
            taken = {index for match in matched.values() for ranges in match.roles.values() for start, end in ranges for index in range(start, end)}
        if unit in taken:
            continue
        match = _positional(tags, unit, closing)
        if match is None or (not is_strong and match.rule.name not in _ANY_WEIGHT):
            continue
        first, last = match.roles["source"][0]
        if last - first == 1 and tags[first] == "d" and text[slice(*row.units[first])].casefold() in _ARTICLES:
            continue  # "the chants", "an added benefit": the cue word is a noun
        found[unit] = match
    return found


def _may_follow_appositive(tags: str, unit: int) -> bool:
    """True when the cue at ``unit`` follows a comma, a comma coming earlier too: a cheap test."""
    left = unit
    while left > 0 and tags[left - 1] == "a":
        left -= 1
    return left > 1 and tags[left - 1] == "," and 0 < tags.find(",") < left - 1


def _positional(tags: str, unit: int, closing: frozenset[int] = frozenset()) -> RuleMatch | None:
    """The roles of the cue at ``unit`` read off its position, or None when no shape fits.

    ``closing`` holds the units of closing quotation marks the tagger left ``*``.
    """
    end = len(tags)
    while end > unit + 1 and tags[end - 1] == ".":
        end -= 1
    left = unit
    while left > 0 and tags[left - 1] == "a":
        left -= 1
    if left > 0 and tags[left - 1] in _NOT_BEFORE_CUE:
        return None  # a passive ("it is said"), an infinitive ("try to promote")
    cue = ((left, unit + 1),)
    recipient, after = _recipient(tags, unit, end)
    content = _content(tags, after, end)
    start = _source_start(tags, left)
    if start < left:
        if not _is_subject(tags[start:left]) or _RE_NOUN_CUE.search(tags, start, left):
            return None
        if content is not None:
            return _match("source_cue_content", cue, ((start, left),), content, recipient)
        boundary = _clause_end(tags, start, closing)
        if boundary is None or recipient:
            return None
        return _match("clause_source_cue", cue, ((start, left),), ((0, boundary),), recipient)
    boundary = _clause_end(tags, left, closing)
    if boundary is None:
        return None
    inverted = _RE_INVERTED_SOURCE.match(tags, unit + 1, end)
    if inverted is not None and not recipient and (tags[boundary - 1] == "Q" or boundary - 1 in closing or inverted.end() == end or tags[inverted.end()] == ","):
        return _match("clause_cue_source", cue, ((unit + 1, inverted.end()),), ((0, boundary),), recipient)
    if content is None or tags[left - 1] != ",":
        return None
    # "X, an appositive, said C": the sentence opens with the subject and its appositive
    first = tags.find(",")
    opening = 1 if tags[0] == "x" else 0
    if not 0 < first < left - 1 or not _is_subject(tags[opening:first], short=True) or tags[opening] not in _SUBJECT_OPENERS:
        return None
    if left - opening > _MAX_APPOSITIVE:
        return None
    return _match("appositive_source_cue_content", cue, ((opening, left),), content, recipient)


def _match(shape: str, cue: Ranges, source: Ranges, content: Ranges, recipient: Ranges) -> RuleMatch:
    """A match of the pseudo-rule ``shape`` with these roles."""
    roles = {"cue": cue, "source": source, "content": content}
    if recipient:
        roles["recipient"] = recipient
    return RuleMatch(FALLBACK_RULES[shape], roles)


def _source_start(tags: str, end: int) -> int:
    """Where a source ending at ``end`` starts: after the previous clause boundary.

    A parenthesis or a pair of dashes is part of it ("X (D-Va.) said", "X --
    a Y -- said"), and so are a conjunction between two nominals ("Sanders and
    others said") and the sign of a number ("47% say").
    """
    start = end
    while True:
        while start > 0 and tags[start - 1] not in _SOURCE_STOPS:
            start -= 1
        if start < 2:
            return start
        before = tags[start - 1]
        if before in ")-":
            opener = tags.rfind("(" if before == ")" else "-", 0, start - 1)
            if opener <= 0:
                return start
            start = opener
        elif before == "x" and tags[start - 2] in _JOINED and start < end and tags[start] in _JOINED_AFTER:
            start -= 1
        elif before == "*" and tags[start - 2] == "d":  # a percentage, an amount ("47% say")
            start -= 2
        else:
            return start


def _is_subject(tags: str, *, short: bool = False, longest: int | None = None) -> bool:
    """True when a run of tags may be a subject: a nominal in it, no verb, not too long
    (a parenthesis or a part between dashes aside)."""
    limit = _MAX_SEGMENT if short else longest or _MAX_SOURCE
    outside = _RE_ASIDE.sub("", tags)
    return (
        0 < len(outside) <= limit
        and outside[0] not in _NOT_OPENING_SUBJECT
        and not _NOMINAL.isdisjoint(outside)
        and _VERBAL.isdisjoint(outside)
        and _RE_VERB_AFTER_ADVERB.search(outside) is None
        and len(tags) - len(outside) <= _MAX_ASIDE
    )


def _recipient(tags: str, unit: int, end: int) -> tuple[Ranges, int]:
    """The recipient of a "told" cue (empty for another cue) and where the content may start."""
    after = unit + 1
    if tags[unit] != "R":
        return (), after
    found = _RE_RECIPIENT.match(tags, after, end) or _RE_RECIPIENT_BEFORE_THAT.match(tags, after, end)
    if found is None:
        return (), end  # no recipient: no content either
    return ((after, found.end()),), found.end()


def _content(tags: str, after: int, end: int) -> Ranges | None:
    """The content after the cue: up to the sentence end or a trailing attribution ("..., adding ...")."""
    while after < end and tags[after] in _CONTENT_OPENERS:
        after += 1
    found = _RE_CONTENT.match(tags, after, len(tags))
    if after >= end or found is None or tags[after] in _NOT_OPENING_CONTENT:
        return None
    return ((after, found.end()),)


def _clause_end(tags: str, start: int, closing: frozenset[int] = frozenset()) -> int | None:
    """End of the clause or quotation just before ``start`` ("C, X said", "“C,” X said"), or None.

    A unit of ``closing`` (a closing quotation mark left ``*``) ends a quotation too.
    """
    if start == 0:
        return None
    if tags[start - 1] == ",":
        boundary = start - 1
    elif tags[start - 1] == "Q" or start - 1 in closing:
        boundary = start
    else:
        return None
    return boundary if boundary > 0 else None
