"""The rule engine: macros, numbered groups, leftmost matches per cue, and the packaged rules."""

from __future__ import annotations

import re

import pytest

from provenance.errors import LexiconError
from provenance.extract.rules import compile_rule, load_rules, macro_pattern, match_rules, required_tags

MACROS = {"NP": "d?[Nn]+", "SRC": "{NP}"}


def test_macros_expand_and_roles_gather():
    rule = compile_rule("split", 1.0, "^(?P<content>Q),(?P<source>{SRC})(?P<cue>V),(?P<content>Q)", MACROS, "V")
    (match,) = match_rules("Q,NV,Q", [rule])
    assert match.roles == {"content": ((0, 1), (5, 6)), "source": ((2, 3),), "cue": ((3, 4),)}


def test_each_cue_keeps_its_leftmost_match():
    rule = compile_rule("svc", 1.0, "(?P<source>{SRC})(?P<cue>V)(?P<content>w+)", MACROS, "V")
    matches = list(match_rules("dNNVwNVw", [rule]))
    assert [m.roles["source"] for m in matches] == [((0, 3),), ((5, 6),)]


def test_rule_without_its_trigger_tag_is_skipped():
    rule = compile_rule("according", 1.0, "(?P<cue>A)(?P<source>N)", MACROS, "A")
    assert list(match_rules("NVw", [rule])) == []


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(?P<source>N)", "has no cue group"),
        ("(?P<speaker>N)(?P<cue>V)", "unknown role 'speaker'"),
        ("{NOPE}(?P<cue>V)", "unknown macro 'NOPE'"),
        ("(?P<cue>V", "does not compile"),
    ],
)
def test_bad_rules_are_reported(pattern, message):
    with pytest.raises(LexiconError, match=message):
        compile_rule("bad", 1.0, pattern, MACROS, "V")


def test_packaged_rules_compile_and_have_cues():
    rules = load_rules()
    assert len(rules) > 10
    assert all(any(group.startswith("cue_") for group in rule.pattern.groupindex) for rule in rules)


@pytest.mark.parametrize(("tags", "matches"), [("p", True), ("dwn", True), ("NN", True), ("w", False)])
def test_noun_phrase_macro(tags, matches):
    assert (macro_pattern("NP").fullmatch(tags) is not None) == matches


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        ("(?=(?:(?P<source>N)(?P<cue>V)e(?P<content>t[^.]+)))", "NVet"),
        ("(?=(?:N?[VZ]+a*(?:e|t)(?P<cue>[V])))", "V"),  # optional, classes and alternatives require nothing
        ("(?=(?:x(?=Q)|y))", ""),  # an alternative requires nothing, even if one branch does
        ("(?=(?:x(?=,Q)w{2,}))", "x,Qw"),  # a lookahead and a repeat of at least one do
        ("(?=(?:x(?!Q)(?<=b)))", "x"),  # a negative lookahead or a lookbehind does not
        ("(?i:v)V", "V"),  # a letter ignoring case stands for two
    ],
)
def test_required_tags(pattern, required):
    assert "".join(sorted(required_tags(re.compile(pattern)))) == "".join(sorted(required))


def test_skipping_rules_that_cannot_match_changes_no_match():
    # every packaged rule over rows of the tags it requires, with and without each one
    rules = load_rules()
    rows = ["NV,tpV.", "Q,dnV.", "dnRNtjw.", "AdD,jw.", "pVetjw.", "jBVtNw.", "NBKsGQ.", "Nd,NOtw.",
            "QpZ.", "NVxVtw.", "dN,CN,Vj.", "pV:Q.", "ND:Nw.", "IdD,jw.", "Q,pV,Q", "yVtjw."]
    for row in rows:
        for rule in rules:
            expected = [] if rule.triggers.isdisjoint(row) else _brute_force(row, rule)
            assert [m.roles for m in match_rules(row, (rule,))] == expected, (row, rule.name)
            if not rule.requires <= set(row):
                assert expected == []
    assert any(rule.requires for rule in rules)


def test_a_rule_list_and_tuple_match_alike():
    rules = load_rules()
    for row in ("NV,tpV.", "Q,dnV.", "pVetjw.", "AdD,jw."):
        assert [(m.rule.name, m.roles) for m in match_rules(row, list(rules))] == [
            (m.rule.name, m.roles) for m in match_rules(row, rules)
        ]


def _brute_force(row, rule):
    """The roles of every leftmost match per cue, read straight off the regex."""
    found, seen = [], set()
    for match in rule.pattern.finditer(row):
        roles = {}
        for role, numbers in rule.groups:
            spans = sorted(match.span(n) for n in numbers if match.span(n)[1] > match.span(n)[0] >= 0)
            if spans:
                roles[role] = tuple(spans)
        starts = [match.start(n) for n in rule.groups[0][1] if match.start(n) >= 0]
        if "cue" in roles and min(starts) not in seen:
            seen.add(min(starts))
            found.append(roles)
    return found
