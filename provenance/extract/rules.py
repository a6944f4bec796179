"""The rule engine: attribution patterns as data, matched over a row of tags.

Each token of a sentence is reduced to one tag character (see
:mod:`provenance.extract.tagger`), so a sentence reads like ``pV:Q.`` ("he
said: “...”.") or ``Q,dnV.`` ("“...,” the spokesman said."). A rule is a
record of ``provenance/data/attribution_patterns.tsv``: a name, a kind
(``rule:`` or, for a rule whose source is the sentence's, ``inherit:``,
followed by the tags that trigger it), a weight and a regular expression over
those tags whose named groups mark the roles (``source``, ``cue``,
``content``, ``recipient``). ``{NAME}`` inserts a macro
of the same file (a noun phrase, an adjunct), so the rules read close to the
English they match:

========================  ==================================================
rule                      matches
========================  ==================================================
``source_cue_content``    The Pentagon **said** on Thursday that ...
``content_source_cue``    "...," the spokesman **said**.
``source_tell_content``   Pentagon **told** Sputnik in a statement that ...
``according_to_source``   **According to** the report, ...
========================  ==================================================

A role may be named twice in one rule (a quote split around "he said" gives
two ``content`` groups); the engine numbers the groups and gathers them back.
Every rule is tried at every position of a sentence (the pattern is wrapped
in a lookahead), so nested attributions are found too; :func:`match_rules`
keeps, per rule and cue, the leftmost (longest) match. The extractor then
keeps, per cue, the match of the rule with the highest weight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from ..lexicon import load_table

__all__ = ["ROLES", "Rule", "RuleMatch", "load_rules", "macro_pattern", "match_rules"]

#: The roles a rule's named groups may take.
ROLES = ("source", "cue", "content", "recipient")
PATTERNS_FILE = "attribution_patterns.tsv"

RE_MACRO = re.compile(r"\{([A-Z_]+)\}")
RE_GROUP = re.compile(r"\(\?P<([a-z]+)>")
RE_NUMBERED = re.compile(r"^([a-z]+)_\d+$")


@dataclass(frozen=True, slots=True)
class Rule:
    """One attribution pattern: its name, weight, compiled regex and trigger tags."""

    name: str
    weight: float
    pattern: re.Pattern[str]
    triggers: frozenset[str]
    inherits: bool = False  # a rule without a source group that takes the sentence's source
    #: The group numbers of each role, the cue first.
    groups: tuple[tuple[str, tuple[int, ...]], ...] = ()
    #: Tags every match needs (read off the pattern): a row lacking one is not searched.
    requires: frozenset[str] = frozenset()
    #: ``pattern`` without its lookahead, for :func:`match_rules` (None: search ``pattern`` itself).
    bare: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """Token ranges ``[start, end)`` of each role found by one rule in one sentence."""

    rule: Rule
    roles: dict[str, tuple[tuple[int, int], ...]]

    @property
    def cue_start(self) -> int:
        return self.roles["cue"][0][0]


def compile_rule(
    name: str, weight: float, pattern: str, macros: dict[str, str], triggers: str, *, inherits: bool = False
) -> Rule:
    """Expand the macros of ``pattern``, number its groups and compile it.

    Examples
    --------
    >>> rule = compile_rule("demo", 1.0, "(?P<source>{NP})(?P<cue>V)", {"NP": "[Nn]+"}, "V")
    >>> [sorted(m.roles.items()) for m in match_rules("wNNV.", [rule])]
    [[('cue', ((3, 4),)), ('source', ((1, 3),))]]
    """
    text = "".join(pattern.split())
    for _ in range(10):  # macros may use macros; ten levels is far more than needed
        expanded = RE_MACRO.sub(lambda m: _macro(m.group(1), macros, name), text)
        if expanded == text:
            break
        text = expanded
    counter = iter(range(1, 1000))
    text = RE_GROUP.sub(lambda m: f"(?P<{_role(m.group(1), name)}_{next(counter)}>", text)
    try:
        compiled = re.compile(f"(?=(?:{text}))")
        bare = re.compile(text)
    except re.error as err:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {name!r} does not compile: {err}") from err
    if not any(group.startswith("cue_") for group in compiled.groupindex):
        raise LexiconError(PATTERNS_FILE, 0, f"rule {name!r} has no cue group")
    numbers: dict[str, list[int]] = {}
    for group, number in compiled.groupindex.items():
        numbers.setdefault(RE_NUMBERED.match(group).group(1), []).append(number)  # type: ignore[union-attr]
    groups = tuple(sorted(((role, tuple(found)) for role, found in numbers.items()), key=lambda item: item[0] != "cue"))
    return Rule(name, weight, compiled, frozenset(triggers), inherits, groups, required_tags(compiled), bare)


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Return the packaged rules, compiled once.

    Examples
    --------
    >>> "source_cue_content" in {rule.name for rule in load_rules()}
    True
    """
    rows = load_table(PATTERNS_FILE, columns=4)
    macros = {name: pattern for name, kind, _, pattern in rows if kind == "macro"}
    rules = []
    for name, kind, weight, pattern in rows:
        if kind == "macro":
            continue
        mode, _, triggers = kind.partition(":")
        if mode not in ("rule", "inherit") or not triggers:
            raise LexiconError(PATTERNS_FILE, 0, f"unknown kind {kind!r} of {name!r}; expected: inherit:<tags>, macro, rule:<tags>")
        rules.append(compile_rule(name, float(weight), pattern, macros, triggers, inherits=mode == "inherit"))
    return tuple(rules)


@lru_cache(maxsize=None)
def macro_pattern(name: str) -> re.Pattern[str]:
    """Return the macro ``name`` of the patterns file, expanded and compiled.

    Examples
    --------
    >>> macro_pattern("NP").fullmatch("dwn") is not None
    True
    """
    macros = {row[0]: row[3] for row in load_table(PATTERNS_FILE, columns=4) if row[1] == "macro"}
    text = _macro(name, macros, name)
    for _ in range(10):
        expanded = RE_MACRO.sub(lambda m: _macro(m.group(1), macros, name), text)
        if expanded == text:
            break
        text = expanded
    return re.compile(text)


def match_rules(tags: str, rules: tuple[Rule, ...] | list[Rule]) -> Iterator[RuleMatch]:
    """Yield the matches of ``rules`` over the tag row of one sentence.

    A rule is skipped when none of its trigger tags is in the row. For each
    rule and cue position only the leftmost match is kept. Rules are tried
    in their given order (the extractor keeps the first of equal weight).

    The matches of ``rule.pattern`` at every position are those of the bare
    pattern searched again from one past each match's start: the same
    matches, but a search of the bare pattern lets the regex engine skip to
    where a match can begin (its first tag, its minimum length), which a
    lookahead, matching nothing, denies it: a quarter less matching time.
    """
    for rule in _triggered(tags, rules):
        search = (rule.bare or rule.pattern).search
        match = search(tags)
        if match is None:  # so do most rules tried: spare them the set-up below
            continue
        groups = rule.groups
        cue_groups = groups[0][1]
        first_cue = cue_groups[0] if len(cue_groups) == 1 else 0  # most rules have one cue group: no min() then
        seen: set[int] = set()
        while match is not None:
            spans = match.regs  # (start, end) of every group by number, (-1, -1) when unmatched
            match = search(tags, match.start() + 1)  # the next one, found now: this one is read from spans
            if first_cue:
                cue_start = spans[first_cue][0]
            else:
                cue_start = min((spans[number][0] for number in cue_groups if spans[number][0] >= 0), default=-1)
            if cue_start < 0 or cue_start in seen:
                continue
            seen.add(cue_start)
            roles = {}
            for role, numbers in groups:
                if len(numbers) == 1:
                    span = spans[numbers[0]]
                    if span[1] > span[0] >= 0:
                        roles[role] = (span,)
                    continue
                found = [spans[number] for number in numbers if spans[number][1] > spans[number][0] >= 0]
                if found:
                    roles[role] = tuple(found) if len(found) == 1 else tuple(sorted(found))
            if "cue" in roles:
                yield RuleMatch(rule, roles)


class _TriggerIndex:
    """The rules of one rule set that a row may trigger, by the trigger tags it holds.

    Rows hold few distinct trigger tags, so the rules to try are worked out
    once per combination and remembered.
    """

    __slots__ = ("rules", "alphabet", "chosen")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.alphabet = frozenset().union(*(rule.triggers for rule in rules))
        self.chosen: dict[frozenset[str], tuple[Rule, ...]] = {}

    def select(self, tags: str) -> tuple[Rule, ...]:
        present = self.alphabet.intersection(tags)
        chosen = self.chosen.get(present)
        if chosen is None:
            chosen = self.chosen[present] = tuple(rule for rule in self.rules if not rule.triggers.isdisjoint(present))
        return chosen


_INDEXES: dict[int, _TriggerIndex] = {}  # by id() of a rule tuple; the index holds the tuple, so the id stays its own


def _triggered(tags: str, rules: tuple[Rule, ...] | list[Rule]) -> list[Rule]:
    """The rules whose trigger tags occur in ``tags`` and that can match it, in their given order.

    Searching a row costs about as much as a rule that cannot match it as
    for one that does, and most triggered rules cannot (a rule with ``e``
    in every match, a row without ``e``): their required tags rule them out
    first, which halves the searches and changes no result.
    """
    if isinstance(rules, tuple):
        index = _INDEXES.get(id(rules))
        if index is None or index.rules is not rules:
            if len(_INDEXES) > 64:  # rule sets are few (the packaged one, a test's own): never let this grow
                _INDEXES.clear()
            index = _INDEXES[id(rules)] = _TriggerIndex(rules)
        candidates: Iterable[Rule] = index.select(tags)
    else:  # a list may change between calls: filter it afresh
        candidates = (rule for rule in rules if not rule.triggers.isdisjoint(tags))
    present = frozenset(tags)
    return [rule for rule in candidates if rule.requires <= present]


def required_tags(pattern: re.Pattern[str]) -> frozenset[str]:
    """Return the characters that every match of ``pattern`` holds.

    Read off the parsed pattern: a literal outside any optional part, a
    one-character class, and so on through groups, repeats of at least one
    and positive lookaheads. What it cannot read (alternatives, classes of
    several characters) it leaves out, so the answer may be too small but
    is never too large; if Python's parser (a private module) ever changes,
    the answer is empty and every rule is simply searched.

    Examples
    --------
    >>> sorted(required_tags(re.compile(r"(?=(?:[pN]+a?V(?:e|t)+Q{1,2}))")))
    ['Q', 'V']
    """
    try:
        from re import _constants as constants, _parser as parser

        if pattern.flags & re.IGNORECASE:
            return frozenset()  # a literal then stands for two characters
        return frozenset(_required(parser.parse(pattern.pattern, pattern.flags), constants))
    except Exception:  # noqa: BLE001 - any surprise in the private parser only costs speed
        return frozenset()


def _required(items, constants) -> set[str]:  # type: ignore[no-untyped-def]
    """The characters required by a parsed (sub)pattern; see :func:`required_tags`."""
    found: set[str] = set()
    for op, value in items:
        if op is constants.LITERAL:
            found.add(chr(value))
        elif op is constants.IN and len(value) == 1 and value[0][0] is constants.LITERAL:
            found.add(chr(value[0][1]))
        elif op is constants.SUBPATTERN and not value[1] & re.IGNORECASE:
            found |= _required(value[3], constants)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            found |= _required(value[2], constants)
        elif op is constants.ASSERT and value[0] == 1:  # a lookahead must match too; a lookbehind is left out
            found |= _required(value[1], constants)
    return found


def _macro(name: str, macros: dict[str, str], rule: str) -> str:
    if name not in macros:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {rule!r} uses unknown macro {name!r}; known: {', '.join(sorted(macros))}")
    return f"(?:{''.join(macros[name].split())})"


def _role(name: str, rule: str) -> str:
    if name not in ROLES:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {rule!r} has unknown role {name!r}; expected one of: {', '.join(ROLES)}")
    return name
