"""How well do PolNeAR's own annotators agree? The ceiling of the extraction scores.

Some PolNeAR articles were annotated by several people. For each such article
the scorer's gold is the alphabetically first annotator's file (as
:func:`provenance.brat.read_split` and ``attrib_eval.py`` choose it); this
script scores every *other* annotator's file against that gold, exactly as a
system's predictions are scored (:mod:`provenance.evaluate`), and scores
``provenance``'s extractor on the same articles against the same gold.

A human second annotator scores below 1 because the guidelines leave room:
which words belong to a cue ("said" or "said in a statement"), whether a
nested belief is an attribution, where a content ends. When the extractor
comes close to a second annotator on a metric, what is left there is mostly
that room, not missed attributions.

Usage::

    python benchmarks/agreement.py [--polnear DIR] [SPLIT ...]

SPLIT defaults to ``train dev annotator-training``; a last row pools them.
Prints markdown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.brat import GoldArticle, parse_ann, read_split  # noqa: E402
from provenance.evaluate import evaluate  # noqa: E402
from provenance.predictions import predict  # noqa: E402

POLNEAR = Path("/work/shared/polnear")
#: The rows of the table: (role, match) of provenance.evaluate, and a label.
ROWS = (
    (("cue", "exact"), "cue exact"),
    (("source", "overlap"), "source overlap"),
    (("content", "overlap"), "content overlap"),
    (("attribution", "overlap"), "attribution"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="folder holding the splits")
    parser.add_argument("splits", nargs="*", default=["train", "dev", "annotator-training"])
    args = parser.parse_args(argv)
    results = []
    for name in args.splits:
        folder = args.polnear / name
        if not folder.is_dir():
            print(f"error: {folder} not found (PolNeAR is not in the repository)", file=sys.stderr)
            return 2
        results.append((name, *_pairs(folder)))
    if len(results) > 1:
        results.append(("all", sum(r[1] for r in results), [g for r in results for g in r[2]],
                        {k: v for r in results for k, v in r[3].items()},
                        {k: v for r in results for k, v in r[4].items()}))
    print("F1 (P / R) against the first annotator, on the articles that have more than one:\n")
    header = "| split | articles | second annotators | " + " | ".join(
        f"{label}: human | {label}: provenance" for _, label in ROWS
    )
    print(header + " |")
    print("|---|--:|--:|" + "--:|--:|" * len(ROWS))
    for name, articles, gold, human_records, system_records in results:
        human, system = evaluate(gold, human_records), evaluate(gold, system_records)
        cells = []
        for key, _ in ROWS:
            for evaluation in (human, system):
                score = evaluation.scores[key]
                cells.append(f"{score.f1:.3f} ({score.precision:.2f} / {score.recall:.2f})")
        print(f"| {name} | {articles} | {len(gold)} | " + " | ".join(cells) + " |")
    return 0


def _pairs(folder: Path) -> tuple[int, list[GoldArticle], dict[str, list], dict[str, list]]:
    """(articles, gold, human records, extractor records) of one split: one gold
    article per second annotator, keyed ``<split>/<article>#<annotator file>``."""
    split = read_split(folder)
    several = set(split.several_annotators)
    shared = [article for article in split.articles if article.id in several]
    gold, human = [], {}
    for article in shared:
        for other in split.annotation_files[article.id][1:]:
            key = f"{folder.name}/{article.id}#{other}"  # one scored "article" per second annotator
            gold.append(GoldArticle(key, article.text, article.annotation_file, article.attributions))
            text = (folder / "attributions" / other).read_bytes().decode("utf-8")
            human[key] = [attribution.to_record() for attribution in parse_ann(text)]
    extracted = predict(shared)
    system = {key: extracted[key.partition("/")[2].partition("#")[0]] for key in human}
    return len(shared), gold, human, system


if __name__ == "__main__":
    sys.exit(main())
