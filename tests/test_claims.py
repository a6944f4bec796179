"""Claim clustering across articles, and finding a claim by its words."""

from __future__ import annotations

import random
import time

import pytest

from provenance.claims import cluster_claims, find_claim, normalize_claim, quoted_fragments
from provenance.model import Chain, Hop, Span
from provenance.settings import Settings


def chain(article_id, claim, *, quote=False, start=0):
    hops = (Hop("Maria Novak", "person", "origin"), Hop("Harbor Gazette", "outlet", "publisher"))
    return Chain(article_id, hops, claim, "said", quote, (Span(start, start + 5),))


def groups(claims):
    return sorted(claim.articles for claim in claims)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("the port will remain closed until the dispute is settled",
         "The port would remain closed until the dispute is settled.", True),
        ("the port will remain closed until the dispute is settled",
         "fuel prices at the harbor rose by a third in March", False),
        ("dockworkers had walked out over “unsafe night shifts” on Monday",
         'Novak blamed "unsafe night shifts" for the walkout', False),  # a three-word quote is not enough
        ('the union called the offer "an insult to every worker here" and left',
         'negotiators left after the union called the offer "an insult to every worker here"', True),
        ("José Gómez’s crew unloaded the ship", "Jose Gomez's crew unloaded the ship", True),
        ('she called it "one of the most difficult weeks" for the port',
         'he called the plan "one of the most ambitious in years"', False),  # a common run, two quotes
        ('the mayor said "the cranes are unsafe" and left', 'Novak repeated that "the cranes are unsafe"', True),
        ("Trump", "Trump", False),  # too short to be one statement
        ("for comment", "for comment", False),
    ],
)
def test_same_claim(left, right, same):
    claims = cluster_claims([chain("a", left), chain("b", right)])
    assert (groups(claims) == [("a", "b")]) is same


def test_a_quoted_chain_ties_by_its_whole_text():
    claims = cluster_claims([
        chain("a", "We will not unload a single ship until the cranes are fixed", quote=True),
        chain("b", 'She said they would not unload "a single ship until the cranes are fixed".'),
    ])
    assert groups(claims) == [("a", "b")]


def test_claim_records_text_quotes_articles_and_chains():
    chains = [
        chain("a", 'The strike "will go on until Friday," Novak said'),
        chain("b", 'The strike "will go on until Friday," Novak said'),
        chain("c", 'the strike "will go on until Friday", Novak said', start=40),
    ]
    (claim,) = cluster_claims(chains)
    assert claim.text == 'The strike "will go on until Friday," Novak said'
    assert claim.quotes == ("will go on until Friday",)
    assert claim.articles == ("a", "b", "c")
    assert claim.chains == tuple(sorted(c.id for c in chains))


def test_ids_are_stable_across_input_order():
    chains = [chain("a", "the port is closed"), chain("b", "fuel prices rose"), chain("c", "The port is closed.")]
    assert cluster_claims(chains) == cluster_claims(list(reversed(chains)))


def test_min_claim_words_comes_from_settings():
    chains = [chain("a", "the port closed"), chain("b", "The port closed.")]
    assert len(cluster_claims(chains)) == 2
    assert len(cluster_claims(chains, settings=Settings(min_claim_words=3))) == 1


def test_empty_claim_is_its_own_claim():
    claims = cluster_claims([chain("a", ""), chain("b", "...")])
    assert len(claims) == 2 and all(len(c.chains) == 1 for c in claims)


def test_cutoff_comes_from_settings():
    chains = [chain("a", "the port will remain closed all week"), chain("b", "the port will stay shut all week")]
    assert len(cluster_claims(chains, settings=Settings(claim_match_cutoff=95))) == 2
    assert len(cluster_claims(chains, settings=Settings(claim_match_cutoff=70))) == 1


def test_scales_without_comparing_all_pairs():
    pick = random.Random(7)
    words = [f"word{i}" for i in range(5000)]
    chains = [chain(f"a{i}", " ".join(pick.sample(words, 12))) for i in range(3000)]
    chains += [chain(f"b{i}", chains[i].claim + ".") for i in range(0, 3000, 10)]
    started = time.perf_counter()
    claims = cluster_claims(chains)
    assert time.perf_counter() - started < 10
    assert sum(len(c.articles) == 2 for c in claims) >= 300


def test_find_claim_by_some_of_its_words():
    claims = cluster_claims([chain("a", "the port will remain closed until Friday"), chain("b", "fuel prices rose")])
    assert find_claim(claims, "port closed until Friday").articles == ("a",)
    assert find_claim({c.id: c for c in claims}, "Fuel prices ROSE!").articles == ("b",)
    assert find_claim(claims, "the mayor resigned") is None
    assert find_claim(claims, "") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“No comment,” she said.", "no comment she said"),
        ("Gómez’s  crew", "gomezs crew"),
    ],
)
def test_normalize_claim(text, expected):
    assert normalize_claim(text) == expected


def test_quoted_fragments_curly_and_straight():
    assert quoted_fragments('He said “no deal” and "not today"') == ("no deal", "not today")


def test_part_of_a_quote_ties_to_the_whole_quote():
    statement = chain("a", "We believe engagement between defense leaders is critically important at this time",
                      quote=True)
    partial = chain("b", 'the Pentagon believes engagement is "critically important at this time"')
    assert groups(cluster_claims([statement, partial])) == [("a", "b")]


def test_a_stock_phrase_inside_many_quotes_ties_nothing():
    stock = [chain("s", 'the senator said "a lot of people" agreed with her')]
    hosts = [
        chain(f"h{i}", f'"{opening} a lot of people {ending}," she said')
        for i, (opening, ending) in enumerate([
            ("I think", "want a change"), ("Honestly,", "never vote"), ("We know", "lost their jobs"),
            ("There are", "out of work"), ("You see", "at the rallies"),
        ])
    ]
    assert len(cluster_claims(stock + hosts)) == 6
    assert len(cluster_claims(stock + hosts, settings=Settings(max_quote_hosts=10))) == 1
