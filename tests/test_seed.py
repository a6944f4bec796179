"""The seed article, end to end: the chains and metadata the project was specified from."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from pathlib import Path

from provenance.cli import cli
from provenance.ingest import read_articles
from provenance.pipeline import trace_article

PENTAGON_SPUTNIK = ("Pentagon", "Sputnik", "UrduPoint")
KIRBY_POST = ("John Kirby", "The Washington Post", "Sputnik", "UrduPoint")


SEED = Path(__file__).resolve().parent.parent / "samples" / "urdupoint-pentagon-2022-03-24.txt"


@pytest.fixture(scope="module")
def seed():
    (article,), failures = read_articles([SEED])
    assert not failures
    return trace_article(article)


def chains_with(traced, fragment):
    return [chain for chain in traced.chains if fragment in chain.claim]


def test_metadata(seed):
    article = seed.article
    assert article.publisher == "UrduPoint"
    assert article.title == "Pentagon Confirms Austin, Milley Unable To Reach Russian Counterparts Over Past Month"
    assert article.author == "Sumaira FH"
    assert article.published == datetime(2022, 3, 24, 20, 12)
    assert article.dateline == "WASHINGTON"
    assert article.credits == ("Sputnik",)


@pytest.mark.parametrize(
    ("fragment", "path"),
    [
        ("unable to reach their Russian counterparts", PENTAGON_SPUTNIK),
        ("have so far declined to engage", PENTAGON_SPUTNIK),
        ("refused contacts with its US counterparts", KIRBY_POST),
        ("critically important at this time", KIRBY_POST),
    ],
)
def test_claim_reaches_publisher_through_expected_chain(seed, fragment, path):
    paths = {chain.path for chain in chains_with(seed, fragment)}
    assert path in paths, paths


def test_every_chain_is_one_of_the_two_expected(seed):
    assert {chain.path for chain in seed.chains} <= {PENTAGON_SPUTNIK, KIRBY_POST}
    assert seed.chains, "the seed has attributed claims"


def test_kirby_is_a_pentagon_spokesman_and_later_mentions_resolve_to_him(seed):
    kirby = [hop.mention for chain in seed.chains for hop in chain.hops if hop.name == "John Kirby"]
    assert kirby and all(m.kind == "person" for m in kirby)
    assert any(m.text == "Kirby" for m in kirby), "the bare 'Kirby' resolves to John Kirby"
    assert all((m.role, m.affiliation) == ("spokesman", "Pentagon") for m in kirby)


def test_newspaper_is_the_washington_post(seed):
    (chain,) = [c for c in chains_with(seed, "critically important") if c.path == KIRBY_POST]
    relay = chain.hops[1]
    assert relay.mention is not None and relay.mention.text.lower() == "the newspaper"


def test_evidence_spans_show_the_words(seed):
    text = seed.article.text
    for chain in seed.chains:
        assert chain.evidence
        for span in chain.evidence:
            assert text[span.start : span.end].strip()
        assert chain.claim.split()[0] in text


def test_nothing_from_boilerplate(seed):
    boilerplate_start = seed.article.text.index("Related Topics")
    for attribution in seed.attributions:
        assert all(span.end <= boilerplate_start for span in attribution.evidence)


def test_trace_jsonl_shape(runner, seed_path):
    result = runner.invoke(cli, ["trace", str(seed_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["article"] == {
        "id": str(seed_path),
        "path": str(seed_path),
        "url": None,
        "publisher": "UrduPoint",
        "title": "Pentagon Confirms Austin, Milley Unable To Reach Russian Counterparts Over Past Month",
        "author": "Sumaira FH",
        "published": "2022-03-24T20:12:00",
        "dateline": "WASHINGTON",
        "credits": ["Sputnik"],
    }
    paths = {tuple(chain["path"]) for chain in data["chains"]}
    assert paths == {PENTAGON_SPUTNIK, KIRBY_POST}
    quoted = [c for c in data["chains"] if "critically important" in c["claim"]]
    assert quoted and all(c["quote"] for c in quoted)
