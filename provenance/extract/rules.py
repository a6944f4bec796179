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
from collections.abc import Iterator
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
    except re.error as err:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {name!r} does not compile: {err}") from err
    if not any(group.startswith("cue_") for group in compiled.groupindex):
        raise LexiconError(PATTERNS_FILE, 0, f"rule {name!r} has no cue group")
    numbers: dict[str, list[int]] = {}
    for group, number in compiled.groupindex.items():
        numbers.setdefault(RE_NUMBERED.match(group).group(1), []).append(number)  # type: ignore[union-attr]
    groups = tuple(sorted(((role, tuple(found)) for role, found in numbers.items()), key=lambda item: item[0] != "cue"))
    return Rule(name, weight, compiled, frozenset(triggers), inherits, groups)


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
    rule and cue position only the leftmost match is kept.
    """
    present = frozenset(tags)
    for rule in rules:
        if rule.triggers.isdisjoint(present):
            continue
        cue_groups = rule.groups[0][1]
        first_cue = cue_groups[0] if len(cue_groups) == 1 else 0  # most rules have one cue group: no min() then
        seen: set[int] = set()
        for match in rule.pattern.finditer(tags):
            spans = match.regs  # (start, end) of every group by number, (-1, -1) when unmatched
            if first_cue:
                cue_start = spans[first_cue][0]
            else:
                cue_start = min((spans[number][0] for number in cue_groups if spans[number][0] >= 0), default=-1)
            if cue_start < 0 or cue_start in seen:
                continue
            seen.add(cue_start)
            roles = {}
            for role, numbers in rule.groups:
                if len(numbers) == 1:
                    span = spans[numbers[0]]
                    if span[1] > span[0] >= 0:
                        roles[role] = (span,)
                    continue
                found = sorted(spans[number] for number in numbers if spans[number][0] >= 0 and spans[number][1] > spans[number][0])
                if found:
                    roles[role] = tuple(found)
            if "cue" in roles:
                yield RuleMatch(rule, roles)


def _macro(name: str, macros: dict[str, str], rule: str) -> str:
    if name not in macros:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {rule!r} uses unknown macro {name!r}; known: {', '.join(sorted(macros))}")
    return f"(?:{''.join(macros[name].split())})"


def _role(name: str, rule: str) -> str:
    if name not in ROLES:
        raise LexiconError(PATTERNS_FILE, 0, f"rule {rule!r} has unknown role {name!r}; expected one of: {', '.join(ROLES)}")
    return name
