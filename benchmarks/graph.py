"""Provenance graph: build and export time at 1k-10k articles, and resolution quality.

Generates a synthetic corpus whose truth is known: N articles, each with 3-6
chains from invented people (written "Port Authority spokeswoman Ana Velo",
"Ana Velo", "Ana K. Velo", "Ána Velo", "Ana Veloo", then "Velo"; some people share a
surname), anonymous officials, bodies and outlets (with and without "The"),
through an optional relay outlet and a credited wire to the publisher. Claims
recur across articles word for word, re-punctuated or with one word changed;
3% of the articles are copies of an earlier one. Claim words follow Zipf's
law over a 20,000-word vocabulary.

It times :func:`provenance.graph.build_graph` (and, apart, entity resolution
and claim clustering inside it) and the export of the result to .graphml,
.json and .dot through :func:`provenance.export.write_graph` when the
exporters are installed, in CPU seconds of this process (``time.process_time``:
the machine is shared, and wall time would measure the neighbours), then
fits how the cost grows (the exponent of
time ~ N^k, and the ratio per doubling). Quality is B-cubed precision/recall
of people (hop mentions against the true person) and of claims (chains
against the true claim).

Usage::

    python benchmarks/graph.py [--sizes 1000 3000 10000] [--seed 1]

Prints markdown, ready to paste into ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from provenance.claims import cluster_claims  # noqa: E402
from provenance.graph import build_graph  # noqa: E402
from provenance.model import Article, Chain, CopyPair, Hop, Mention, Passage, Span  # noqa: E402
from provenance.pipeline import Traced  # noqa: E402
from provenance.resolve import resolve_entities  # noqa: E402

SYLLABLES = "ka ro mi len dra vos tel an bri sen or lu ta gor vik el na sto per ul fa zin de mar".split()
ROLES = ["spokeswoman", "spokesman", "minister", "director", "analyst", "shopkeeper", "economist", "mayor"]
BODY_WORDS = ["Port Authority", "Ministry of Trade", "Workers Union", "Chamber of Commerce", "Harbor Police"]
OUTLET_WORDS = ["Gazette", "Times", "Daily", "Herald", "Courier", "Tribune"]
WIRES = ["Reuters", "Associated Press", "Agence France-Presse"]
ACCENTS = str.maketrans({"a": "á", "e": "é", "o": "ó"})
EXPORTS = (".graphml", ".json", ".dot")
#: Distinct words claims are written with (drawn by Zipf's law).
VOCABULARY = 20000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000], help="articles per corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    args = parser.parse_args(argv)
    try:
        from provenance.export import write_graph
    except ImportError:
        write_graph = None
    rows = [measure(size, args.seed, write_graph) for size in args.sizes]
    print(f"Synthetic corpora (seed {args.seed}); CPU seconds of this process (one core), one run.\n")
    columns = ["articles", "chains", "nodes", "edges", "claims", "resolve s", "claims s", "build s",
               *(f"{suffix} s" for suffix in EXPORTS), "people P/R", "claims P/R"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("--:" for _ in columns) + "|")
    for row in rows:
        print("| " + " | ".join(str(row[column]) for column in columns) + " |")
    print()
    print(growth(rows, [c for c in columns if c.endswith(" s")]))
    return 0


def measure(size: int, seed: int, write_graph) -> dict:
    traced, copies, people, claims = corpus(size, seed)
    chains = [chain for item in traced for chain in item.chains]
    started = time.process_time()
    resolution = resolve_entities(traced)
    resolve_seconds = time.process_time() - started
    started = time.process_time()
    clustered = cluster_claims(chains)
    claim_seconds = time.process_time() - started
    started = time.process_time()
    graph = build_graph(traced, copies=copies)
    build_seconds = time.process_time() - started
    row = {
        "articles": size, "chains": len(chains), "nodes": graph.graph.number_of_nodes(),
        "edges": graph.graph.number_of_edges(), "claims": len(graph.claims),
        "resolve s": f"{resolve_seconds:.2f}", "claims s": f"{claim_seconds:.2f}", "build s": f"{build_seconds:.2f}",
        "people P/R": "%.3f/%.3f" % bcubed({ref: resolution.hops[ref] for ref in people}, people),
        "claims P/R": "%.3f/%.3f" % bcubed({c: claim.id for claim in clustered for c in claim.chains}, claims),
    }
    with tempfile.TemporaryDirectory() as folder:
        for suffix in EXPORTS:
            if write_graph is None:
                row[f"{suffix} s"] = "n/a"
                continue
            started = time.process_time()
            write_graph(graph, Path(folder) / f"graph{suffix}")
            row[f"{suffix} s"] = f"{time.process_time() - started:.2f}"
    return row


def corpus(size: int, seed: int):
    """Traced articles, copies, and the truth: hop -> person, chain -> claim."""
    pick = random.Random(seed)
    bodies = [f"{_word(pick)} {word}" for word in BODY_WORDS for _ in range(max(2, size // 500))]
    outlets = [f"{_word(pick)} {pick.choice(OUTLET_WORDS)}" for _ in range(20 + size // 50)]
    surnames = [_word(pick, 3) for _ in range(max(40, size // 5))]
    people = []
    for number in range(max(50, size // 4)):
        surname = surnames[number % len(surnames)]  # every fifth surname is shared by two people
        people.append((_word(pick), surname, pick.choice(ROLES), pick.choice(bodies)))
    vocabulary = [_word(pick, 3).lower() for _ in range(VOCABULARY)]
    frequency = [1 / (rank + 1) for rank in range(VOCABULARY)]  # Zipf, as words in news are
    claim_texts = [" ".join(pick.choices(vocabulary, frequency, k=pick.randint(10, 16))) for _ in range(size // 2)]
    weights = [1 / (rank + 1) for rank in range(len(claim_texts))]
    traced, copies = [], []
    truth_people: dict[tuple[str, int], int] = {}
    truth_claims: dict[str, int] = {}
    start = datetime(2024, 1, 1)
    for index in range(size):
        article_id = f"a{index:05d}"
        publisher = pick.choice(outlets)
        credit = [pick.choice(WIRES)] if pick.random() < 0.3 else []
        article = Article(article_id, "x" * 4000, publisher=publisher, credits=tuple(credit),
                          published=start + timedelta(hours=index))
        named: set[int] = set()
        chains = []
        for position in range(pick.randint(3, 6)):
            offset = 100 + position * 600
            claim = pick.choices(range(len(claim_texts)), weights)[0]
            origin, person = _origin(pick, people, bodies, named, offset)
            hops = [origin]
            if pick.random() < 0.3:
                relay = pick.choice(outlets)
                text = f"the {relay}" if pick.random() < 0.5 else relay
                hops.append(Hop(relay, "outlet", "relay", Mention(text, Span(offset + 80, offset + 80 + len(text)), "outlet", relay)))
            hops += [Hop(name, "wire", "credit") for name in credit]
            hops.append(Hop(publisher, "outlet", "publisher"))
            chain = Chain(article_id, tuple(hops), _variant(pick, claim_texts[claim], vocabulary), "said",
                          False, (Span(offset, offset + 200),))
            chains.append(chain)
            truth_claims[chain.id] = claim
            if person is not None:
                truth_people[(chain.id, 0)] = person
        traced.append(Traced(article, (), tuple(chains)))
        if index and pick.random() < 0.03:
            original = f"a{pick.randrange(index):05d}"
            copies.append(CopyPair(original, article_id, pick.random() < 0.5, 0.8, 0.9,
                                   (Passage(Span(0, 500), Span(0, 500)),), "synthetic", 0.9))
    return traced, copies, truth_people, truth_claims


def _origin(pick, people, bodies, named, offset):
    roll = pick.random()
    if roll < 0.15:
        text = pick.choice(["a senior official", "a person familiar with the matter", "officials"])
        return Hop(text, "anonymous", "origin", Mention(text, Span(offset, offset + len(text)), "anonymous", text)), None
    if roll < 0.3:
        body = pick.choice(bodies)
        return Hop(body, "organization", "origin", Mention(body, Span(offset, offset + len(body)), "organization", body)), None
    person = pick.randrange(len(people))
    first, last, role, body = people[person]
    role_given = affiliation = None
    if person in named and pick.random() < 0.6:
        text = name = last
    else:
        form = pick.random()
        name = f"{first} {last}"
        if form < 0.3:
            text, role_given, affiliation = f"{body} {role} {first} {last}", role, body
        elif form < 0.45:
            text = name = f"{first} {pick.choice('ABCDEK')}. {last}"
        elif form < 0.55:
            text = name = f"{first.translate(ACCENTS)} {last}"
        elif form < 0.6:  # a near spelling: the surname's last letter doubled ("Zelenskyy")
            text = name = f"{first} {last}{last[-1]}"
        else:
            text = name
        named.add(person)
    mention = Mention(text, Span(offset, offset + len(text)), "person", name, role_given, affiliation)
    return Hop(name, "person", "origin", mention), person


def _variant(pick, text: str, vocabulary: list[str]) -> str:
    roll = pick.random()
    if roll < 0.6:
        return text
    if roll < 0.8:
        return text.capitalize() + "."
    words = text.split()
    words[pick.randrange(len(words))] = pick.choice(vocabulary)
    return " ".join(words)


def _word(pick: random.Random, syllables: int = 2) -> str:
    return "".join(pick.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def bcubed(predicted: dict, truth: dict) -> tuple[float, float]:
    """B-cubed precision and recall of a predicted clustering against the true one."""
    by_predicted, by_truth = defaultdict(set), defaultdict(set)
    for item, cluster in predicted.items():
        by_predicted[cluster].add(item)
    for item, cluster in truth.items():
        by_truth[cluster].add(item)
    precision = recall = 0.0
    for item in truth:
        same = len(by_predicted[predicted[item]] & by_truth[truth[item]])
        precision += same / len(by_predicted[predicted[item]])
        recall += same / len(by_truth[truth[item]])
    return precision / len(truth), recall / len(truth)


def growth(rows: list[dict], columns: list[str]) -> str:
    """The fitted exponent k of seconds ~ articles^k and the ratio per doubling, per column."""
    lines = ["| stage | exponent k | x per doubling |", "|---|--:|--:|"]
    sizes = np.log([row["articles"] for row in rows])
    for column in columns:
        values = [row[column] for row in rows]
        if len(rows) < 2 or "n/a" in values or min(float(v) for v in values) <= 0:
            continue
        exponent = float(np.polyfit(sizes, np.log([float(v) for v in values]), 1)[0])
        lines.append(f"| {column[:-2]} | {exponent:.2f} | {math.pow(2, exponent):.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
