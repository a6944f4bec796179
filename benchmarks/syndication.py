"""Benchmark ``find_copies``: planted copies of real articles, at 1k, 10k and 100k texts.

Originals are the PolNeAR article texts (``/work/shared/polnear/train/text``,
840 political news stories of 2015-2016, many on the same topics) when that
folder exists, else synthetic texts. Every original stays in the corpus
untouched (the same-topic distractors); copies are planted until the corpus
has the wanted size, each of one kind, round robin:

- ``full``: the text as is;
- ``wrapped``: a site menu, an intro paragraph of the copier's own and a
  "Related stories" footer around the text (the footer is shared by all the
  copier's pages and marked as boilerplate on half of them);
- ``truncated``: the first 40-80% of the paragraphs;
- ``edited``: a new headline and one word in twenty replaced;
- ``reordered``: the paragraphs after the headline shuffled;
- ``partial``: a run of paragraphs (30-60% of the original's words) inside
  an article of the copier's own words.

Copies are published 1 hour to 5 days after their original (15% undated),
and half of them credit the original's publisher. Copier text is drawn word
by word from the corpus vocabulary, so it shares no phrase with anything.

Scored: pairs (unordered) against the planted (original, copy) pairs, the
direction and credit of every planted pair found, wall time and peak memory
(``ru_maxrss`` of the main process and of the largest worker). At 2k texts
the same run times the all-pairs baseline: rapidfuzz ``token_set_ratio`` over
every pair (``process.cdist`` on both cores, texts pre-tokenised), scored at
its best threshold.

Usage::

    python benchmarks/syndication.py --sizes 1000 10000 100000 --baseline 2000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.model import Article, Span  # noqa: E402
from provenance.syndication import find_copies  # noqa: E402

POLNEAR = Path("/work/shared/polnear/train/text")
KINDS = ("full", "wrapped", "truncated", "edited", "reordered", "partial")
RE_WORD = re.compile(r"[A-Za-z]+")


def load_originals(rng: random.Random) -> list[Article]:
    """The real articles (or synthetic ones), dated, with their publisher."""
    if POLNEAR.is_dir():
        paths = sorted(POLNEAR.glob("*.txt"))
        articles = []
        for path in paths:
            outlet, day = path.stem.split("_")[:2]
            published = datetime.fromisoformat(day).replace(hour=rng.randrange(24), tzinfo=timezone.utc)
            articles.append(Article(id=f"orig/{path.stem}", text=path.read_text(encoding="utf-8"),
                                    publisher=outlet, published=published))
        return _distinct(articles)
    vocabulary = [f"word{n}" for n in range(5000)]
    return [
        Article(id=f"orig/{n:04d}", text=_salad(rng, vocabulary, paragraphs=rng.randrange(8, 20)),
                publisher=f"outlet{n % 7}", published=datetime(2016, 1, 1, tzinfo=timezone.utc) + timedelta(hours=n))
        for n in range(840)
    ]


def _distinct(articles: list[Article]) -> list[Article]:
    """Drop originals sharing text with an earlier one (updated stories, "The Latest" pages).

    Checked exhaustively and independently of ``find_copies``: two texts
    sharing 10% of the 8-word shingles of the smaller are one story, and
    only its earliest text is kept, so the planted pairs are the only true ones.
    """
    shingles = []
    for article in articles:
        words = RE_WORD.findall(article.text.lower())
        shingles.append({" ".join(words[i : i + 8]) for i in range(max(len(words) - 7, 1))})
    holders: dict[str, list[int]] = {}
    for number, items in enumerate(shingles):
        for item in items:
            holders.setdefault(item, []).append(number)
    overlap: dict[tuple[int, int], int] = {}
    for numbers in holders.values():
        for i, first in enumerate(numbers):
            for second in numbers[i + 1 :]:
                overlap[first, second] = overlap.get((first, second), 0) + 1
    order = sorted(range(len(articles)), key=lambda n: (articles[n].published, articles[n].id))
    rank = {n: position for position, n in enumerate(order)}
    dropped = set()
    for (first, second), count in overlap.items():
        if count >= 0.1 * min(len(shingles[first]), len(shingles[second])):
            dropped.add(max(first, second, key=rank.__getitem__))
    return [article for number, article in enumerate(articles) if number not in dropped]


def _salad(rng: random.Random, vocabulary: list[str], *, paragraphs: int) -> str:
    """Paragraphs of random corpus words: text that shares no phrase with anything."""
    lines = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randrange(2, 5)):
            words = rng.choices(vocabulary, k=rng.randrange(8, 20))
            sentences.append(" ".join(words).capitalize() + ".")
        lines.append(" ".join(sentences))
    return "\n\n".join(lines)


def plant(size: int, seed: int = 7) -> tuple[list[Article], dict[tuple[str, str], bool]]:
    """The corpus of ``size`` articles and the planted pairs -> credited."""
    rng = random.Random(seed)
    originals = load_originals(rng)
    vocabulary = sorted({word.lower() for article in originals for word in RE_WORD.findall(article.text)})
    copiers = [f"copier{n:02d}" for n in range(50)]
    footers = {name: f"Related stories from {name}: " + _salad(rng, vocabulary, paragraphs=1) for name in copiers}
    articles = list(originals)
    truth: dict[tuple[str, str], bool] = {}
    # a copy needs words to be told a copy: only originals of 150 words or more are copied
    sources = [article for article in originals if len(article.text.split()) >= 150]
    for number in range(size - len(originals)):
        original = sources[rng.randrange(len(sources))]
        kind = KINDS[number % len(KINDS)]
        copier = copiers[rng.randrange(len(copiers))]
        credited = rng.random() < 0.5
        text, boilerplate = _copy_text(kind, original.text, rng, vocabulary, footers[copier])
        if credited:
            text = f"({original.publisher}) " + text
            boilerplate = tuple(Span(s.start + len(original.publisher) + 3, s.end + len(original.publisher) + 3) for s in boilerplate)
        published = None if rng.random() < 0.15 else original.published + timedelta(hours=rng.randrange(1, 120))
        copy = Article(id=f"copy/{number:06d}-{kind}", text=text, publisher=copier, published=published,
                       credits=(original.publisher,) if credited else (), boilerplate=boilerplate)
        articles.append(copy)
        truth[(original.id, copy.id)] = credited
    return articles, truth


def _copy_text(kind, text, rng, vocabulary, footer) -> tuple[str, tuple[Span, ...]]:
    paragraphs = [line for line in text.split("\n") if line.strip()]
    words = [len(line.split()) for line in paragraphs]
    if kind == "full":
        return text, ()
    if kind == "wrapped":
        head = "Home | Politics | World | Opinion\n\n" + _salad(rng, vocabulary, paragraphs=1) + "\n\n"
        body = head + text + "\n\n"
        boilerplate = (Span(len(body), len(body) + len(footer)),) if rng.random() < 0.5 else ()
        return body + footer, boilerplate
    if kind == "truncated":
        keep = max(2, round(len(paragraphs) * rng.uniform(0.4, 0.8)))
        while sum(words[:keep]) < 0.4 * sum(words) and keep < len(paragraphs):
            keep += 1
        return "\n\n".join(paragraphs[:keep]) + "\n\nRead the full story on the original site.", ()
    if kind == "edited":
        edited = [_salad(rng, vocabulary, paragraphs=1).split(".")[0] + "."]
        for line in paragraphs[1:]:
            tokens = line.split(" ")
            for position in range(rng.randrange(20), len(tokens), 20):
                tokens[position] = rng.choice(vocabulary)
            edited.append(" ".join(tokens))
        return "\n\n".join(edited), ()
    if kind == "reordered":
        body = paragraphs[1:]
        rng.shuffle(body)
        return "\n\n".join([paragraphs[0], *body]), ()
    # partial: a run of paragraphs holding 30-60% of the words, inside other text
    total = sum(words)
    target = rng.uniform(0.3, 0.6) * total
    start = rng.randrange(len(paragraphs))
    end = start
    while end < len(paragraphs) and sum(words[start:end]) < target:
        end += 1
    while sum(words[start:end]) < target:
        start -= 1
    own = _salad(rng, vocabulary, paragraphs=rng.randrange(4, 12)).split("\n\n")
    cut = len(own) // 2
    return "\n\n".join([*own[:cut], *paragraphs[start:end], *own[cut:]]), ()


def score(pairs, truth: dict[tuple[str, str], bool]) -> dict:
    """Pair precision/recall/F1, direction and credit accuracy over found planted pairs."""
    planted = {frozenset(key): key for key in truth}
    found = {frozenset((pair.original, pair.copy)): pair for pair in pairs}
    hits = [key for key in found if key in planted]
    precision = len(hits) / len(found) if found else 1.0
    recall = len(hits) / len(planted) if planted else 1.0
    direction = sum(found[key].original == planted[key][0] for key in hits)
    decided = [key for key in hits if not any(hedge in found[key].reason for hedge in ("direction unknown", "weak sign"))]
    decided_right = sum(found[key].original == planted[key][0] for key in decided)
    credit = sum(found[key].credited == truth[planted[key]] for key in hits)
    siblings = sum(1 for key in found if key not in planted and all(name.startswith("copy/") for name in key))
    return {
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "direction": direction / len(hits) if hits else 1.0,
        "decided": decided_right / len(decided) if decided else 1.0, "unknown": len(hits) - len(decided), "credit": credit / len(hits) if hits else 1.0,
        "found": len(found), "planted": len(planted), "siblings": siblings,
    }


def run_one(size: int) -> dict:
    """Plant, find copies, score; one process per size so peak memory is its own."""
    articles, truth = plant(size)
    started, before = time.perf_counter(), os.times()
    result = find_copies(articles)
    seconds, after = time.perf_counter() - started, os.times()
    cpu = sum(getattr(after, name) - getattr(before, name) for name in ("user", "system", "children_user", "children_system"))
    row = score(result.pairs, truth)
    row.update(size=len(articles), seconds=seconds, cpu=cpu, clusters=len(result.clusters),
               main_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               worker_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return row


def run_baseline(size: int) -> dict:
    """All pairs with rapidfuzz token_set_ratio, best threshold; and find_copies on the same corpus."""
    import numpy as np
    from rapidfuzz import fuzz, process

    row = run_one(size)
    articles, truth = plant(size)
    index = {article.id: n for n, article in enumerate(articles)}
    texts = [" ".join(sorted(set(RE_WORD.findall(article.text.lower())))) for article in articles]
    started = time.perf_counter()
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=2)
    seconds = time.perf_counter() - started
    upper = np.triu(matrix, k=1)
    planted = np.zeros_like(upper, dtype=bool)
    for original, copy in truth:
        first, second = sorted((index[original], index[copy]))
        planted[first, second] = True
    best = None
    for cutoff in range(50, 101):
        predicted = upper >= cutoff
        true_positives = int((predicted & planted).sum())
        precision = true_positives / max(int(predicted.sum()), 1)
        recall = true_positives / max(int(planted.sum()), 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if best is None or f1 > best["f1"]:
            best = {"cutoff": cutoff, "precision": precision, "recall": recall, "f1": f1}
    return {"ours": row, "baseline": dict(best, seconds=seconds, size=size)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--baseline", type=int, default=0, help="also time all pairs at this size (0: skip)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-baseline", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    if args.one_baseline:
        print(json.dumps(run_baseline(args.one_baseline)))
        return
    rows = []
    load = os.getloadavg()[0]
    if args.baseline:
        out = subprocess.run([sys.executable, __file__, "--one-baseline", str(args.baseline)], check=True, capture_output=True, text=True)
        both = json.loads(out.stdout)
        rows.append(("find_copies", both["ours"]))
        base = both["baseline"]
        rows.append(("all pairs (token_set_ratio)", {"size": base["size"], "precision": base["precision"], "recall": base["recall"],
                                                     "f1": base["f1"], "seconds": base["seconds"]}))
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True)
        rows.append(("find_copies", json.loads(out.stdout)))
    print(f"source: {'PolNeAR train texts' if POLNEAR.is_dir() else 'synthetic'}; cores: {os.cpu_count()}; "
          f"load (1 min) before: {load:.2f}, after: {os.getloadavg()[0]:.2f}\n")
    print("| method | articles | precision | recall | F1 | direction (all / decided) | credit | pairs found / planted | sibling pairs | time (s) | CPU (s) | peak RSS main / worker (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for method, row in rows:
        if "direction" in row:
            print(f"| {method} | {row['size']:,} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['direction']:.3f} / {row['decided']:.3f} | "
                  f"{row['credit']:.3f} | {row['found']:,} / {row['planted']:,} | {row['siblings']:,} | {row['seconds']:.1f} | "
                  f"{row['cpu']:.1f} | {row['main_mb']:.0f} / {row['worker_mb']:.0f} |")
        else:
            print(f"| {method} | {row['size']:,} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | - | - | - | - | {row['seconds']:.1f} | - | - |")


if __name__ == "__main__":
    main()
