"""Speed and accuracy of reading an article's metadata from its text.

Runs :func:`provenance.ingest.text.article_from_text` (boilerplate, publisher,
title, byline, date, dateline, credits) over

- the samples in ``samples/`` (speed only, plus the seed's metadata), and
- the PolNeAR articles (``/work/shared/polnear``, when present), whose
  ``metadata.tsv`` gives each article's title, author and wire, to score:

  - title: the detected title equals the gold one (case and a closing
    ``.``/``;`` ignored, also inside a closing quote, as the corpus adds one);
  - credits: recall over articles whose gold ``wire`` is set and whose
    text names the wire ("Beirut (AFP) –"): a wire the text never names
    (Reuters copy signed only "(Reporting by ...)") cannot be found and is
    counted apart; precision over articles where a credit was found, right
    when the gold wire or the gold ``credit`` ("h/t: The Hill") is among them.

Speed is CPU time (``time.process_time``) on one core, best of ``--runs``.

Usage::

    python benchmarks/metadata.py [--polnear /work/shared/polnear] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

from provenance.ingest.credits import credit_names
from provenance.ingest.text import article_from_text
from provenance.sources import known_sources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = Path("/work/shared/polnear")


def load_polnear(root: Path) -> list[tuple[str, dict[str, str]]]:
    """The text and metadata row of every PolNeAR article with a text file."""
    found = []
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            if path.exists():
                found.append((path.read_text(encoding="utf-8"), row))
    return found


def best_time(texts: list[str], runs: int) -> float:
    """Best CPU seconds per text over ``runs`` passes."""
    texts = texts * max(1, 200 // max(1, len(texts)))  # enough calls to time a small input
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for number, text in enumerate(texts):
            article_from_text(text, id=str(number))
        best = min(best, time.process_time() - start)
    return best / max(1, len(texts))


def same_title(found: str | None, gold: str) -> bool:
    """Titles equal up to case, spaces and a closing full stop or semicolon."""
    def tidy(title: str) -> str:
        title = " ".join(title.split()).rstrip(".;")
        return re.sub(r"\.(['’”\"])$", r"\1", title).casefold()
    return found is not None and tidy(found) == tidy(gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    samples = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").glob("*.txt"))]
    seed = article_from_text(samples[0], id="seed") if samples else None
    print("| input | articles | chars/article | us/article (CPU, best of %d) |" % options.runs)
    print("|---|--:|--:|--:|")
    if samples:
        print(f"| samples/ | {len(samples)} | {sum(map(len, samples)) // len(samples)} | "
              f"{best_time(samples, options.runs) * 1e6:.0f} |")
    polnear = load_polnear(options.polnear) if (options.polnear / "metadata.tsv").exists() else []
    if polnear:
        texts = [text for text, _ in polnear]
        print(f"| PolNeAR | {len(texts)} | {sum(map(len, texts)) // len(texts)} | "
              f"{best_time(texts, options.runs) * 1e6:.0f} |")
    if seed is not None:
        print(f"\nseed: publisher={seed.publisher!r} title={seed.title!r} author={seed.author!r} "
              f"published={seed.published} dateline={seed.dateline!r} credits={seed.credits}")
    if not polnear:
        print("\n(no PolNeAR at %s: accuracy skipped)" % options.polnear)
        return 0

    table = known_sources()
    titles = wires = wires_named = wires_found = credited = credited_right = 0
    for number, (text, row) in enumerate(polnear):
        article = article_from_text(text, id=str(number))
        titles += same_title(article.title, row["title"])
        wire = row["wire"] if row["wire"] not in ("", "None", "NA") else None
        record = table.lookup(wire) if wire else None
        gold = record.name if record else wire
        if gold:
            wires += 1
            named = any(alias in text[:600] for alias in ((record.name, *record.aliases) if record else (wire,)))
            wires_named += named
            wires_found += named and gold in article.credits
        if article.credits:
            credited += 1
            expected = {gold} | set(credit_names(row["credit"].split(":", 1)[-1])) if row["credit"] not in (
                "", "None") else {gold}
            credited_right += bool(expected & set(article.credits))
    print("\n| PolNeAR metadata | count | share |")
    print("|---|--:|--:|")
    print(f"| title equal to gold | {titles}/{len(polnear)} | {titles / len(polnear):.3f} |")
    print(f"| gold wire named in the text's head | {wires_named}/{wires} | {wires_named / max(1, wires):.3f} |")
    print(f"| ... and found as a credit (recall) | {wires_found}/{wires_named} | "
          f"{wires_found / max(1, wires_named):.3f} |")
    print(f"| articles with a credit, one of them the gold wire or credit (precision) | {credited_right}/{credited} | "
          f"{credited_right / max(1, credited):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
