"""Chains on real articles: does ``trace`` build the chain a careful reader would?

Reads the hand-checked expectations in ``chains_expected.tsv`` (beside this
script): one row per chosen sentence of a PolNeAR article, located by a short
anchor, with the chain a careful reader writes for it (origin full name first,
then the relay outlet, the credited wire and the publisher). Each article is
read with :func:`provenance.ingest.text.article_from_text`, its publisher (and
wire credit) given from PolNeAR's ``metadata.tsv`` since the texts carry no
masthead, and traced with :func:`provenance.pipeline.trace_article`.

The chains of a row are those whose evidence spans cover the anchor; when none
does, those whose evidence overlaps the anchor's sentence. A row is a hit when
one of them has exactly the expected path. Two looser counts: *origin right*
(one of them starts with the expected origin) and *relay right* (one of them
has the expected hops after the origin: relay, credited wire and publisher). Names
are compared after folding case, curly apostrophes, punctuation, middle
initials and a leading "the" ("Paul D. Ryan" matches "Paul Ryan").

Usage::

    python benchmarks/chains.py [--polnear DIR] [--expected FILE]

Prints markdown, ready to paste into ``benchmarks/README.md``: the counts and
a table of the misses (article, anchor, expected, got). Skips with a message
when PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.ingest.text import article_from_text  # noqa: E402
from provenance.model import Chain, Span  # noqa: E402
from provenance.pipeline import Traced, trace_article  # noqa: E402

POLNEAR = Path("/work/shared/polnear")
EXPECTED = Path(__file__).resolve().parent / "chains_expected.tsv"

#: PolNeAR publisher codes (metadata.tsv) and the names chains should end with:
#: our canonical names from provenance/data/sources.tsv; the Western Journal,
#: not in that table, under the name it published under in 2016.
PUBLISHERS = {
    "breitbart": "Breitbart News",
    "huff-post": "The Huffington Post",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}

#: PolNeAR's wire column: the wire whose copy the publisher ran.
WIRES = {
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "reuters": "Reuters",
    "upi": "United Press International",
}

RE_SENTENCE_END = re.compile(r"[.?!][\"”’']?\s+(?=[\"“‘A-Z0-9])")
RE_INITIAL = re.compile(r"\b[a-z]\b")
RE_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class Row:
    """One hand-checked expectation."""

    split: str
    article: str
    anchor: str
    expected: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Outcome:
    """What the tracer built for one row."""

    row: Row
    got: tuple[tuple[str, ...], ...]
    exact: bool
    origin: bool
    rest: bool  # the hops after the origin (relay, credits, publisher) are right
    problem: str = ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="PolNeAR folder (split folders and metadata.tsv)")
    parser.add_argument("--expected", type=Path, default=EXPECTED, help="hand-checked expectations (TSV)")
    args = parser.parse_args(argv)
    if not (args.polnear / "metadata.tsv").is_file():
        print(f"skipped: {args.polnear} not found (PolNeAR is not in the repository)", file=sys.stderr)
        return 0
    rows = read_expected(args.expected)
    metadata = read_metadata(args.polnear / "metadata.tsv")
    traced: dict[tuple[str, str], Traced] = {}
    outcomes = []
    for row in rows:
        key = (row.split, row.article)
        if key not in traced:
            traced[key] = trace(args.polnear, row.split, row.article, metadata.get(row.article, {}))
        outcomes.append(score(row, traced[key]))
    print(format_report(outcomes, articles=len(traced)))
    return 0


def read_expected(path: Path) -> list[Row]:
    """Return the rows of the expectations file, skipping ``#`` lines."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            split, article, anchor, expected, *rest = line.rstrip("\n").split("\t")
            path_names = tuple(name.strip() for name in expected.split("->"))
            rows.append(Row(split, article, anchor, path_names, rest[0] if rest else ""))
    return rows


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """Return PolNeAR's metadata rows by article file stem."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {record["filename"]: record for record in csv.DictReader(handle, delimiter="\t")}


def trace(polnear: Path, split: str, stem: str, record: dict[str, str]) -> Traced:
    """Read one PolNeAR article with its publisher and wire credit, and trace it."""
    text = (polnear / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    code = record.get("publisher") or stem.split("_", 1)[0]
    wire = WIRES.get((record.get("wire") or "").casefold())
    article = article_from_text(
        text,
        id=stem,
        publisher=PUBLISHERS.get(code, code),
        credits=(wire,) if wire else None,
    )
    return trace_article(article)


def score(row: Row, traced: Traced) -> Outcome:
    """Compare the chains at the row's anchor with the expected path."""
    text = traced.article.text
    anchor = find_anchor(text, row.anchor)
    if anchor is None:
        return Outcome(row, (), False, False, False, problem="anchor not found once in the article")
    chains = [chain for chain in traced.chains if _covers(chain, anchor)]
    if not chains:
        sentence = sentence_around(text, anchor)
        chains = [chain for chain in traced.chains if _covers(chain, sentence)]
    got = tuple(chain.path for chain in chains)
    expected = _normal_path(row.expected)
    normal = [_normal_path(path) for path in got]
    return Outcome(
        row,
        got,
        exact=any(path == expected for path in normal),
        origin=any(path[:1] == expected[:1] for path in normal),
        rest=any(path[1:] == expected[1:] for path in normal),
    )


def find_anchor(text: str, anchor: str) -> Span | None:
    """Return the anchor's span when it occurs exactly once (any run of whitespace matches a space)."""
    pattern = re.compile(r"\s+".join(map(re.escape, anchor.split())))
    found = list(pattern.finditer(text))
    if len(found) != 1:
        return None
    return Span(found[0].start(), found[0].end())


def sentence_around(text: str, span: Span) -> Span:
    """Return the sentence holding ``span``: its paragraph cut at sentence ends."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    for match in RE_SENTENCE_END.finditer(text, start, end):
        if match.end() <= span.start:
            start = match.end()
        elif match.start() >= span.end:
            end = match.start() + 1
            break
    return Span(start, end)


def format_report(outcomes: list[Outcome], *, articles: int) -> str:
    """Return the markdown counts and the table of misses."""
    splits = sorted({outcome.row.split for outcome in outcomes})
    groups = [outcomes] + [[o for o in outcomes if o.row.split == split] for split in splits]

    def cells(count: Callable[[Outcome], bool]) -> str:
        shares = []
        for group in groups:
            hits = sum(count(outcome) for outcome in group)
            shares.append(f"{hits}/{len(group)} ({100 * hits / len(group):.0f}%)" if group else "0")
        return " | ".join(shares)

    lines = [
        f"{len(outcomes)} hand-checked chains in {articles} articles:",
        "",
        "| measure | all | " + " | ".join(splits) + " |",
        "|---|" + "--:|" * len(groups),
        f"| exact chain right | {cells(lambda o: o.exact)} |",
        f"| origin right | {cells(lambda o: o.origin)} |",
        f"| relay right (every hop after the origin) | {cells(lambda o: o.rest)} |",
        f"| no chain at the anchor | {cells(lambda o: not o.got)} |",
    ]
    misses = [outcome for outcome in outcomes if not outcome.exact]
    if misses:
        lines += [
            "",
            f"Misses ({len(misses)}):",
            "",
            "| article | anchor | expected | got | wrong |",
            "|---|---|---|---|---|",
        ]
        for outcome in misses:
            row = outcome.row
            got = outcome.problem or "; ".join(" -> ".join(path) for path in outcome.got) or "(no chain)"
            cells = (f"{row.split}/{row.article}", row.anchor, " -> ".join(row.expected), got, _what_is_wrong(outcome))
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


def _what_is_wrong(outcome: Outcome) -> str:
    if outcome.problem:
        return "anchor"
    if not outcome.got:
        return "no chain"
    if outcome.origin:
        return "relay"
    return "origin" if outcome.rest else "origin and relay"


def _covers(chain: Chain, span: Span) -> bool:
    return any(evidence.overlaps(span) for evidence in chain.evidence)


def _normal_path(path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_normal_name(name) for name in path)


def _normal_name(name: str) -> str:
    folded = name.casefold().replace("’", "'").replace("‘", "'")
    folded = RE_PUNCTUATION.sub(" ", folded.replace("'", ""))
    folded = RE_INITIAL.sub(" ", folded)
    words = folded.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


if __name__ == "__main__":
    sys.exit(main())
