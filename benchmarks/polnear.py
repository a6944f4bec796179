"""PolNeAR attribution extraction: accuracy on dev, speed on train.

Scores ``provenance.extract.extract_attributions`` on a PolNeAR split with
the metrics of :mod:`provenance.evaluate` (the same figures as the reference
scorer ``attrib_eval.py``), then times extraction over the whole train split
on one core: articles and words (whitespace-separated) per second, best of
``--runs`` passes, with the time to read the split reported apart.

Usage::

    python benchmarks/polnear.py [--split DIR] [--train DIR] [--runs 3]

Prints markdown, ready to paste into ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.brat import read_split  # noqa: E402
from provenance.evaluate import evaluate, format_table  # noqa: E402
from provenance.extract import extract_attributions  # noqa: E402
from provenance.model import Article  # noqa: E402
from provenance.predictions import predict  # noqa: E402

POLNEAR = Path("/work/shared/polnear")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", type=Path, default=POLNEAR / "dev", help="split scored for accuracy")
    parser.add_argument("--train", type=Path, default=POLNEAR / "train", help="split timed for speed")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over --train; the best is kept")
    args = parser.parse_args(argv)
    for folder in (args.split, args.train):
        if not folder.is_dir():
            print(f"error: {folder} not found (PolNeAR is not in the repository)", file=sys.stderr)
            return 2
    core = _pin_to_one_core()

    started = time.perf_counter()
    split = read_split(args.split)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    predictions = predict(split.articles)
    extract_seconds = time.perf_counter() - started
    evaluation = evaluate(split.articles, predictions)
    print(
        f"Accuracy on `{args.split.name}` ({evaluation.articles} articles, "
        f"{evaluation.gold_attributions} gold attributions, "
        f"{evaluation.predicted_attributions} predicted; token-level, exact and overlap match; "
        f"read in {load_seconds:.2f} s, extracted in {extract_seconds:.2f} s):\n"
    )
    print(format_table(evaluation, markdown=True))

    started = time.perf_counter()
    train = read_split(args.train)
    articles = [Article(id=gold.id, text=gold.text) for gold in train.articles]
    train_load = time.perf_counter() - started
    words = sum(len(article.text.split()) for article in articles)
    best = min(_time_extraction(articles) for _ in range(args.runs))
    where = f"core {core}" if core is not None else "one process"
    print(f"Speed on `{args.train.name}` (one core, {where}; best of {args.runs} runs):\n")
    print("| split | articles | words | load s | extract s | articles/s | words/s |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    print(
        f"| {args.train.name} | {len(articles)} | {words} | {train_load:.2f} | {best:.2f} "
        f"| {len(articles) / best:,.0f} | {words / best:,.0f} |"
    )
    return 0


def _time_extraction(articles: list[Article]) -> float:
    """Seconds to extract the attributions of every article once."""
    started = time.perf_counter()
    for article in articles:
        extract_attributions(article)
    return time.perf_counter() - started


def _pin_to_one_core() -> int | None:
    """Run on one CPU where the OS allows it; return its number."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


if __name__ == "__main__":
    sys.exit(main())
