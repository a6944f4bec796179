"""The rule engine: macros, numbered groups, leftmost matches per cue, and the packaged rules."""

from __future__ import annotations

import pytest

from provenance.errors import LexiconError
from provenance.extract.rules import compile_rule, load_rules, macro_pattern, match_rules

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
