"""Audit time at 1k-10k articles, on the synthetic corpus of ``benchmarks/graph.py``.

Builds the graph of the generated corpus (its articles carry no text beyond
filler, so ``unattributed`` and ``dropped_attribution`` have nothing to read;
the per-claim detectors and ``uncredited_copy`` do the work), then times
:func:`provenance.auditing.audit` over every claim, and the Markdown report, in
CPU seconds of this process (``time.process_time``: the machine is shared).

It also scores the ``unattributed`` rule on PolNeAR (when ``--polnear`` is
there): a sentence it reports is a false alarm when it overlaps an annotated
attribution (its source, cue or content), i.e. the sentence *is* attributed
and the extractor missed it. Recall is not measured: PolNeAR does not mark
claims made in the article's own voice.

Usage::

    python benchmarks/audit.py [--sizes 1000 3000 10000] [--seed 1] [--polnear /work/shared/polnear/dev]

Prints markdown, ready to paste into ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from graph import corpus  # noqa: E402  (the generator of benchmarks/graph.py)

from provenance.auditing import audit  # noqa: E402
from provenance.auditing.render import render_markdown  # noqa: E402
from provenance.graph import build_graph  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000], help="articles per corpus")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated corpus")
    parser.add_argument("--polnear", type=Path, default=Path("/work/shared/polnear/dev"),
                        help="a PolNeAR split to score the unattributed rule on (skipped when absent)")
    args = parser.parse_args(argv)
    print(f"Synthetic corpora (seed {args.seed}); CPU seconds of this process (one core), one run.\n")
    columns = ["articles", "chains", "claims", "copies", "build s", "audit s", "markdown s", "findings"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("--:" for _ in columns) + "|")
    for size in args.sizes:
        row = measure(size, args.seed)
        print("| " + " | ".join(str(row[column]) for column in columns) + " |")
    if args.polnear.is_dir():
        print()
        print(score_unattributed(args.polnear))
    return 0


def score_unattributed(split: Path) -> str:
    """How many reported sentences overlap an annotated attribution (false alarms)."""
    from provenance.auditing.unattributed import unattributed
    from provenance.brat import read_split
    from provenance.model import Article
    from provenance.pipeline import trace_articles

    gold = read_split(split)
    articles = [Article(item.id, item.text) for item in gold.articles]
    graph = build_graph(trace_articles(articles))
    findings = unattributed(graph)
    annotated = {item.id: item.attributions for item in gold.articles}
    touching = covering = 0
    for finding in findings:
        for evidence in finding.evidence:
            sentence = evidence.span
            overlaps = [
                attribution for attribution in annotated[evidence.article_id]
                if any(start < sentence.end and sentence.start < end
                       for start, end in (*attribution.source, *attribution.cue, *attribution.content))
            ]
            touching += bool(overlaps)
            covering += any(
                sum(max(0, min(end, sentence.end) - max(start, sentence.start)) for start, end in a.content)
                >= len(sentence) / 2
                for a in overlaps
            )
    eligible = len({finding.evidence[0].article_id for finding in findings})
    return (
        f"`unattributed` on PolNeAR {split.name} ({len(articles)} articles, {eligible} with a finding): "
        f"{len(findings)} sentences reported; {touching} ({touching / max(1, len(findings)):.0%}) touch an "
        f"annotated attribution (PolNeAR's are broad: \"expected\", \"determination\", \"allegedly\"), "
        f"{covering} ({covering / max(1, len(findings)):.0%}) are at least half the content of one."
    )


def measure(size: int, seed: int) -> dict:
    traced, copies, _people, _claims = corpus(size, seed)
    started = time.process_time()
    graph = build_graph(traced, copies=copies)
    build_seconds = time.process_time() - started
    started = time.process_time()
    report = audit(graph)
    audit_seconds = time.process_time() - started
    started = time.process_time()
    render_markdown(report, graph)
    markdown_seconds = time.process_time() - started
    kinds = Counter(finding.type for finding in report.findings)
    return {
        "articles": size, "chains": len(graph.chains), "claims": len(graph.claims), "copies": len(graph.copies),
        "build s": f"{build_seconds:.2f}", "audit s": f"{audit_seconds:.2f}", "markdown s": f"{markdown_seconds:.2f}",
        "findings": ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())),
    }


if __name__ == "__main__":
    raise SystemExit(main())
