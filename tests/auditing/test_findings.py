"""The claim findings, each shown on small invented articles and refused on near misses."""

from __future__ import annotations

import pytest

from provenance.auditing import audit
from provenance.auditing.findings import word_changes
from provenance.graph import build_graph
from provenance.model import Article, Chain, Hop, Span
from provenance.pipeline import Traced
from provenance.settings import Settings

from .conftest import graph_of

CLOSED = "the port will stay closed until Friday."
QUOTE = "The port will stay closed until every crane is inspected,"


def finding_types(*items) -> list[str]:
    return sorted(finding.type for finding in audit(graph_of(*items)).findings)


def only_claim(*items):
    (claim,) = audit(graph_of(*items)).claims
    return claim


# --- single_origin -----------------------------------------------------------


def test_spokeswoman_and_her_body_are_one_origin_on_two_paths():
    claim = only_claim(
        ("a", "Harbor Gazette", f"Port Authority spokeswoman Maria Novak said {CLOSED}"),
        ("b", "Coastline Daily", f"The Port Authority said {CLOSED}"),
    )
    assert claim.independent_origins == 1
    assert [(origin.name, origin.members) for origin in claim.origins] == [
        ("Port Authority", ("Maria Novak", "Port Authority"))
    ]
    (finding,) = claim.findings
    assert finding.type == "single_origin"
    assert "one independent origin: Port Authority" in finding.detail
    assert {item.article_id for item in finding.evidence} == {"a", "b"}


def test_an_outlet_that_relays_the_origin_is_not_a_second_origin():
    claim = only_claim(
        ("a", "Harbor Gazette", f'The Tidewater News reported that "{QUOTE.rstrip(",")}."'),
        ("b", "Coastline Daily", f'Maria Novak told the Tidewater News that "{QUOTE.rstrip(",")}."'),
    )
    assert claim.independent_origins == 1
    assert claim.origins[0].name == "Maria Novak"
    assert [finding.type for finding in claim.findings] == ["single_origin"]


@pytest.mark.parametrize(
    "items",
    [
        pytest.param(
            [("a", "Harbor Gazette", f"Maria Novak said {CLOSED}"),
             ("b", "Coastline Daily", f"Tomás Ferreira said {CLOSED}")],
            id="two-unaffiliated-people",
        ),
        pytest.param([("a", "Harbor Gazette", f"Maria Novak told the Tidewater News that {CLOSED}")],
                     id="one-chain-with-relays"),
    ],
)
def test_no_single_origin(items):
    assert "single_origin" not in finding_types(*items)


# --- anonymous_only ----------------------------------------------------------


def test_claim_resting_on_unnamed_officials_only():
    claim = only_claim(
        ("a", "Harbor Gazette", f"A senior port official said {CLOSED}"),
        ("b", "Coastline Daily", f"Two port officials said {CLOSED}"),
    )
    assert claim.independent_origins == 2  # nobody can tell whether they are one
    assert all(origin.anonymous for origin in claim.origins)
    assert [finding.type for finding in claim.findings] == ["anonymous_only"]
    assert "A senior port official" in claim.findings[0].detail


def test_one_named_source_is_enough_for_no_anonymous_only():
    assert "anonymous_only" not in finding_types(
        ("a", "Harbor Gazette", f"A senior port official said {CLOSED}"),
        ("b", "Coastline Daily", f"Maria Novak said {CLOSED}"),
    )


# --- quote_drift -------------------------------------------------------------


def test_one_speaker_worded_two_ways():
    texts = {
        "a": '"We will not reopen the port before Friday," Maria Novak said.',
        "b": '"We will not open the port before Friday," Maria Novak said.',
    }
    claim = only_claim(("a", "Harbor Gazette", texts["a"]), ("b", "Coastline Daily", texts["b"]))
    (drift,) = [finding for finding in claim.findings if finding.type == "quote_drift"]
    assert "'reopen' -> 'open'" in drift.detail
    assert '"We will not reopen the port before Friday" (a)' in drift.detail
    assert '"We will not open the port before Friday" (b)' in drift.detail
    shown = {item.article_id: texts[item.article_id][item.span.start : item.span.end] for item in drift.evidence}
    assert shown == {"a": "We will not reopen the port before Friday", "b": "We will not open the port before Friday"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param('"We will not reopen the port before Friday," Maria Novak said.',
                     '"We will not reopen the port before Friday," Maria Novak said.', id="same-words"),
        pytest.param('"We will not reopen the port before Friday, and the cranes come first," Maria Novak said.',
                     'Maria Novak said the authority would "not reopen the port before Friday."', id="excerpt"),
    ],
)
def test_no_quote_drift(first, second):
    types = finding_types(("a", "Harbor Gazette", first), ("b", "Coastline Daily", second))
    assert "quote_drift" not in types


def test_different_speakers_are_not_drift():
    types = finding_types(
        ("a", "Harbor Gazette", '"We will not reopen the port before Friday," Maria Novak said.'),
        ("b", "Coastline Daily", '"We will not open the port before Friday," Tomás Ferreira said.'),
    )
    assert "quote_drift" not in types


@pytest.mark.parametrize(
    ("first", "second", "changes"),
    [
        ("is critically important at this time", "critically vital at this time", ["'important' -> 'vital'"]),
        ("We will not reopen the port", "We will reopen the port", ["dropped 'not'"]),
        ("We will reopen the port on Friday", "We will never reopen the port on Friday", ["added 'never'"]),
        ("“Critically important,” at this time", "critically important at this time", []),  # punctuation only
        ("We continue to believe it is critically important", "critically important", []),  # excerpt
        ("the talks made no progress at all today", "no progress at all today and tomorrow", []),  # overlap
        ("The port will remain closed", "Fuel prices rose sharply again", []),  # another quote
        ("repeated attempts", "repeated efforts", []),  # too short to tell
    ],
)
def test_word_changes(first, second, changes):
    assert word_changes(first, second) == changes


# --- attribution_conflict ----------------------------------------------------


def test_same_words_given_to_two_people():
    claim = only_claim(
        ("a", "Harbor Gazette", f'"{QUOTE}" Maria Novak said.'),
        ("b", "Coastline Daily", f'"{QUOTE}" Tomás Ferreira said.'),
    )
    (conflict,) = [finding for finding in claim.findings if finding.type == "attribution_conflict"]
    assert "Maria Novak in a" in conflict.detail and "Tomás Ferreira in b" in conflict.detail
    assert [item.article_id for item in conflict.evidence] == ["a", "b"]


@pytest.mark.parametrize(
    "items",
    [
        pytest.param([("a", "Harbor Gazette", f'"{QUOTE}" Port Authority spokeswoman Maria Novak said.'),
                      ("b", "Coastline Daily", f'"{QUOTE}" the Port Authority said.')], id="affiliated"),
        pytest.param([("a", "Harbor Gazette", f'"{QUOTE}" Maria Novak said.'),
                      ("b", "Coastline Daily", f'"{QUOTE}" a senior port official said.')], id="anonymous-side"),
        pytest.param([("a", "Harbor Gazette", f"Maria Novak said {CLOSED}"),
                      ("b", "Coastline Daily", f"Tomás Ferreira said {CLOSED}")], id="paraphrase-is-corroboration"),
        pytest.param([("a", "Harbor Gazette", f'The Tidewater News reported that "{QUOTE.rstrip(",")}."'),
                      ("b", "Coastline Daily", f'Maria Novak told the Tidewater News that "{QUOTE.rstrip(",")}."')],
                     id="chain-cut-short"),
    ],
)
def test_no_attribution_conflict(items):
    assert "attribution_conflict" not in finding_types(*items)


# --- circular_reporting ------------------------------------------------------


def test_two_outlets_citing_each_other():
    claim = only_claim(
        ("a", "Harbor Gazette", f"The Coastline Daily reported that {CLOSED}"),
        ("b", "Coastline Daily", f"The Harbor Gazette reported that {CLOSED}"),
    )
    (cycle,) = [finding for finding in claim.findings if finding.type == "circular_reporting"]
    assert "Coastline Daily -> Harbor Gazette -> Coastline Daily" in cycle.detail
    assert {item.article_id for item in cycle.evidence} == {"a", "b"}


def ring_graph(size: int):
    """Outlet n cites outlet n+1 (mod size), each in its own article."""
    names = [f"Outlet {chr(65 + number)}" for number in range(size)]

    def traced(number):
        publisher, cited = names[number], names[(number + 1) % size]
        hops = (Hop(cited, "outlet", "origin"), Hop(publisher, "outlet", "publisher"))
        chain = Chain(f"a{number}", hops, "the port will stay closed", "reported", False, (Span(0, 10),))
        return Traced(Article(f"a{number}", "x" * 20, publisher=publisher), (), (chain,))

    return build_graph(traced(number) for number in range(size))


def test_three_outlets_in_a_ring_are_one_cycle():
    cycles = [finding for finding in audit(ring_graph(3)).findings if finding.type == "circular_reporting"]
    assert len(cycles) == 1
    assert cycles[0].detail == (
        "3 sources cite each other for the claim: Outlet A -> Outlet C -> Outlet B -> Outlet A"
    )
    assert len(cycles[0].evidence) == 3


@pytest.mark.parametrize(("size", "bound", "expected"), [(5, 4, 0), (5, 5, 1), (4, 4, 1)])
def test_longer_rings_than_the_bound_are_not_reported(size, bound, expected):
    report = audit(ring_graph(size), settings=Settings(max_cycle_length=bound))
    assert len([finding for finding in report.findings if finding.type == "circular_reporting"]) == expected


def test_outlets_citing_a_third_are_not_circular():
    assert "circular_reporting" not in finding_types(
        ("a", "Harbor Gazette", f"The Tidewater News reported that {CLOSED}"),
        ("b", "Coastline Daily", f"The Tidewater News reported that {CLOSED}"),
    )
