"""Speed of source-mention typing and in-article coreference, on PolNeAR articles.

Measures CPU time (``time.process_time``, so that other work on a shared
machine inflates the figures less), on one core, with cold per-article state:

- building the coreference index of each article (``ArticleIndex``), on the
  first pass (nothing remembered yet) and on later ones (the plans of
  capitalised sequences are remembered across articles, as in a long run);
- typing every gold source span of PolNeAR with ``MentionResolver.mention``
  (index included), per article and per mention, on the first pass (phrases
  not yet read) and on later ones (what a phrase's own words say is
  remembered across articles, see ``provenance.extract.mention_surface``);
- the kinds the mentions get, as a sanity check.

Usage::

    python benchmarks/mentions.py [--split /work/shared/polnear/train] [--runs 3]
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.extract.coref import ArticleIndex  # noqa: E402
from provenance.extract.mentions import MentionResolver  # noqa: E402
from provenance.model import Article, Span  # noqa: E402

DEFAULT_SPLIT = Path("/work/shared/polnear/train")


def load(split: Path) -> list[tuple[Article, list[Span]]]:
    """The articles of a PolNeAR split with the spans of their gold sources."""
    spans_by_stem: dict[str, list[Span]] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        spans = spans_by_stem.setdefault(ann.name.rsplit("_", 1)[0], [])
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1].startswith("Source "):
                pieces = parts[1].split(" ", 1)[1].split(";")
                spans.append(Span(int(pieces[0].split()[0]), int(pieces[-1].split()[1])))
    articles = []
    for path in sorted((split / "text").glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        articles.append((article, sorted(set(spans_by_stem.get(path.stem, [])))))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--runs", type=int, default=3, help="best of this many passes")
    options = parser.parse_args()
    if not (options.split / "text").is_dir():
        print(f"no PolNeAR split at {options.split}; nothing to measure", file=sys.stderr)
        return 0
    items = load(options.split)
    words = sum(len(article.text.split()) for article, _ in items) / len(items)
    mentions = sum(len(spans) for _, spans in items)  # one annotator's copy of each span
    ArticleIndex(items[0][0])  # load the word lists outside the timing
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    index_times, typing_times, kinds = [], [], collections.Counter()
    for _ in range(options.runs):
        start = time.process_time()
        for article, _ in items:
            ArticleIndex(article)
        index_times.append(time.process_time() - start)
        start = time.process_time()
        for article, spans in items:
            resolver = MentionResolver(article)
            for span in spans:
                kinds[resolver.mention(span).kind] += 1
        typing_times.append(time.process_time() - start)

    cold = index_times[0] / len(items)
    index, typing = min(index_times) / len(items), min(typing_times) / len(items)
    cold_typing = typing_times[0] / len(items)
    print(f"{len(items)} articles from {options.split}, {words:.0f} words each on average,", end=" ")
    print(f"{mentions} gold sources")
    print()
    print("| measure | figure |")
    print("|---|--:|")
    print(f"| index build, first pass (nothing remembered), per article | {cold * 1e6:.0f} us |")
    print(f"| index build, first pass, per 600 words | {cold * 1e6 * 600 / words:.0f} us |")
    print(f"| index build, later passes (sequences remembered), per article | {index * 1e6:.0f} us |")
    print(f"| typing all gold sources, first pass (phrases not yet read), per article | {cold_typing * 1e6:.0f} us |")
    print(f"| typing all gold sources, later passes, per article (index included) | {typing * 1e6:.0f} us |")
    print(f"| typing, per mention (index included) | {typing * len(items) / mentions * 1e6:.1f} us |")
    print()
    runs = options.runs
    print("| kind | mentions |")
    print("|---|--:|")
    for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        print(f"| {kind} | {count // runs} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
