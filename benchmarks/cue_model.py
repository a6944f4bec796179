"""Experiment: would a small learned cue detector beat the rules on PolNeAR?

Trains a token-level cue tagger (B/I/O tags, greedy left-to-right decoding,
averaged perceptron over hashed sparse features, numpy only) on the PolNeAR
train split and compares it with the rule engine on dev, scored by
:mod:`provenance.evaluate`:

- ``rules``: ``provenance.extract.extract_attributions`` as shipped;
- ``model`` (cue only): the tagger's cues as attributions with no source or
  content, so only the cue rows mean anything;
- ``hybrid``: the rule engine run with the tagger's extra cues injected into
  its tag rows, as if those words were in ``cues.tsv`` for that one place
  (kind ``verb``, ``gerund`` for -ing words); the rules then find the source
  and content exactly as they do for lexicon cues. Cues the rules already
  have are left alone;
- ``hybrid + fallback``: also, an extra cue the rules still cannot parse gets
  content and source by position (:func:`fallback_records`).

Features per token: the lowercased word and its suffixes, word shape, words
and rule-engine tags (``provenance.extract.tagger``) two to each side,
whether it sits inside a quotation, its distance to the nearest quotation
mark on each side, whether "that", a colon or a quotation follows, the word's
kind and weight in ``cues.tsv``, whether the rule engine predicted a cue on
it, its position in the sentence and the previous predicted tag.

Nothing is tuned on dev: the number of epochs and the decision margins of the
cue-only and hybrid modes are chosen by 3-fold cross-validation on train (by
cue exact F1 and attribution F1 respectively); dev is scored once at the end.

Usage::

    python benchmarks/cue_model.py [--train DIR] [--dev DIR] [--folds 3] [--save model.npz]

Prints a markdown table (rules vs model vs hybrid, dev, all metrics) and the
cost figures. Nothing under ``provenance/`` depends on this file.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import provenance.extract as extract_module  # noqa: E402
from provenance.brat import GoldArticle, read_split  # noqa: E402
from provenance.evaluate import METRICS, RE_TOKEN, evaluate  # noqa: E402
from provenance.extract import extract_attributions  # noqa: E402
from provenance.extract.sentences import paragraph_sentences, paragraph_spans, quote_spans  # noqa: E402
from provenance.extract.tagger import CUE_TAGS, Cue, Tagged  # noqa: E402
from provenance.lexicon import load_table  # noqa: E402
from provenance.model import Article  # noqa: E402
from provenance.predictions import prediction_record  # noqa: E402

POLNEAR = Path("/work/shared/polnear")
LABELS = ("O", "B", "I")
O, B, I = range(3)
BITS = 20
MASK = (1 << BITS) - 1
QUOTE_MARKS = frozenset("\"“”‘’'«»")
_CUE_TAG_SET = frozenset(CUE_TAGS.values())


# --------------------------------------------------------------------------- features


def _lexicon() -> dict[str, tuple[str, float]]:
    """First word of each ``cues.tsv`` entry -> (kind, weight) of its best entry."""
    found: dict[str, tuple[str, float]] = {}
    for form, kind, weight in load_table("cues.tsv", columns=3):
        words = form.casefold().split()
        key = words[0] if len(words) == 1 else "multi:" + words[0]
        if key not in found or float(weight) > found[key][1]:
            found[key] = (kind, float(weight))
    return found


class Doc:
    """One article as scorer tokens, with its features and gold labels."""

    def __init__(self, article_id: str, text: str, gold: GoldArticle | None, rule_cues: Sequence[tuple[int, int]]):
        self.id = article_id
        self.text = text
        tokens = [(m.start(), m.end()) for m in RE_TOKEN.finditer(text)]
        self.starts = [s for s, _ in tokens]
        self.ends = [e for _, e in tokens]
        self.tokens = tokens
        count = len(tokens)
        self.labels = np.zeros(count, dtype=np.int8)
        if gold is not None:
            for attribution in gold.attributions:
                for number, (start, end) in enumerate(attribution.cue):
                    first, last = self._range(start, end)
                    for index in range(first, last):
                        if self.labels[index] != B:
                            self.labels[index] = I if (index > first or number) else B
        self.rule = np.zeros(count, dtype=np.int8)
        for start, end in rule_cues:
            first, last = self._range(start, end)
            for index in range(first, last):
                self.rule[index] = B if index == first else I
        self.features = self._features()

    def _range(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)

    def _features(self) -> list[np.ndarray]:
        text, tokens = self.text, self.tokens
        count = len(tokens)
        words = [text[s:e].casefold().replace("’", "'") for s, e in tokens]
        raw = [text[s:e] for s, e in tokens]
        tags = ["w"] * count
        in_quote = [False] * count
        sent_pos = [0] * count
        sent_len = [1] * count
        for number, paragraph in enumerate(paragraph_spans(text)):
            for qs, qe, _ in quote_spans(text, paragraph.start, paragraph.end):
                first, last = self._range(qs, qe)
                for index in range(first + 1, max(first + 1, last - 1)):
                    in_quote[index] = True
            for sentence in paragraph_sentences(text, paragraph, number):
                if not sentence.tokens:
                    continue
                first, last = self._range(sentence.span.start, sentence.span.end)
                for index in range(first, last):
                    sent_pos[index] = index - first
                    sent_len[index] = last - first
                row = extract_module.tag_tokens(sentence.tokens)
                for tag, (us, ue) in zip(row.tags, row.units):
                    ufirst, ulast = self._range(us, ue)
                    if tag == "Q":
                        continue
                    for index in range(ufirst, ulast):
                        tags[index] = tag
        quote_positions = [i for i, w in enumerate(raw) if w in QUOTE_MARKS]
        self.in_quote, self.sentence_of = in_quote, [(i - p, i - p + n) for i, (p, n) in enumerate(zip(sent_pos, sent_len))]
        self.words = words
        lexicon = _LEXICON
        pad = ["<s>", "<s>"]
        padded_words = pad + words + ["</s>", "</s>"]
        padded_tags = ["^", "^"] + tags + ["$", "$"]
        feats = []
        for i in range(count):
            w, t = words[i], tags[i]
            k = i + 2
            qi = bisect.bisect_left(quote_positions, i)
            before = i - quote_positions[qi - 1] if qi > 0 else 99
            after_index = qi + 1 if qi < len(quote_positions) and quote_positions[qi] == i else qi
            after = quote_positions[after_index] - i if after_index < len(quote_positions) else 99
            nxt = padded_words[k + 1]
            lex = lexicon.get(w)
            multi = lexicon.get("multi:" + w)
            shape = "C" if raw[i][:1].isupper() else ("d" if raw[i][:1].isdigit() else ("a" if raw[i][:1].isalpha() else "p"))
            names = [
                "bias",
                "w=" + w,
                "s3=" + w[-3:],
                "s2=" + w[-2:],
                "p3=" + w[:3],
                "shape=" + shape,
                "t=" + t,
                "w-1=" + padded_words[k - 1],
                "w+1=" + nxt,
                "w-2=" + padded_words[k - 2],
                "w+2=" + padded_words[k + 2],
                "w-1w=" + padded_words[k - 1] + "|" + w,
                "ww+1=" + w + "|" + nxt,
                "t-1=" + padded_tags[k - 1],
                "t+1=" + padded_tags[k + 1],
                "t-2t-1=" + padded_tags[k - 2] + padded_tags[k - 1],
                "t+1t+2=" + padded_tags[k + 1] + padded_tags[k + 2],
                "t-1tt+1=" + padded_tags[k - 1] + t + padded_tags[k + 1],
                "tw+1=" + t + "|" + nxt,
                "inq=" + str(in_quote[i]),
                "inq|w=" + str(in_quote[i]) + w,
                "qb=" + str(min(before, 12)),
                "qa=" + str(min(after, 12)),
                "qb|t=" + str(min(before, 6)) + t,
                "qa|t=" + str(min(after, 6)) + t,
                "nextthat=" + str(nxt == "that"),
                "nextcolon=" + str(nxt == ":"),
                "nextquote=" + str(nxt in QUOTE_MARKS),
                "lex=" + (lex[0] if lex else "-"),
                "lexw=" + (f"{lex[0]}{round(lex[1] * 5)}" if lex else "-"),
                "multi=" + (multi[0] if multi else "-"),
                "rule=" + LABELS[self.rule[i]],
                "rule-1=" + (LABELS[self.rule[i - 1]] if i else "^"),
                "rule+1=" + (LABELS[self.rule[i + 1]] if i + 1 < count else "$"),
                "rule|w=" + LABELS[self.rule[i]] + w,
                "spos=" + str(min(sent_pos[i], 10)),
                "send=" + str(min(sent_len[i] - sent_pos[i], 10)),
                "capb=" + str(i > 0 and raw[i - 1][:1].isupper()),
                "capa=" + str(i + 1 < count and raw[i + 1][:1].isupper()),
            ]
            feats.append(np.fromiter((zlib.crc32(name.encode()) & MASK for name in names), dtype=np.int32, count=len(names)))
        return feats


_LEXICON = _lexicon()


def rule_cue_spans(article: Article) -> tuple[list[tuple[int, int]], list]:
    """The rule engine's cue character spans and its attributions."""
    found = extract_attributions(article)
    return [(span.start, span.end) for item in found for span in item.cue_spans], found


def build_docs(split) -> list[Doc]:
    docs = []
    for gold in split.articles:
        article = Article(id=gold.id, text=gold.text)
        cues, _ = rule_cue_spans(article)
        docs.append(Doc(gold.id, gold.text, gold, cues))
    return docs


# --------------------------------------------------------------------------- model


class Perceptron:
    """Averaged perceptron over hashed features, greedy decoding with the previous tag."""

    def __init__(self) -> None:
        self.weights = np.zeros((1 << BITS, 3), dtype=np.float32)
        self.transitions = np.zeros((4, 3), dtype=np.float32)  # previous tag (O, B, I, start) -> tag
        self._total = np.zeros_like(self.weights)
        self._total_t = np.zeros_like(self.transitions)
        self._step = 1

    def train(self, docs: Sequence[Doc], epochs: int, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        order = np.arange(len(docs))
        weights, total, trans, total_t = self.weights, self._total, self.transitions, self._total_t
        for _ in range(epochs):
            rng.shuffle(order)
            for d in order:
                doc = docs[d]
                prev = 3
                for feats, gold in zip(doc.features, doc.labels):
                    scores = weights[feats].sum(axis=0) + trans[prev]
                    guess = int(scores.argmax())
                    if guess != gold:
                        step = self._step
                        weights[feats, gold] += 1
                        weights[feats, guess] -= 1
                        total[feats, gold] += step
                        total[feats, guess] -= step
                        trans[prev, gold] += 1
                        trans[prev, guess] -= 1
                        total_t[prev, gold] += step
                        total_t[prev, guess] -= step
                    self._step += 1
                    prev = int(gold)

    def averaged(self) -> Perceptron:
        model = Perceptron.__new__(Perceptron)
        model.weights = self.weights - self._total / self._step
        model.transitions = self.transitions - self._total_t / self._step
        return model

    def token_scores(self, doc: Doc) -> np.ndarray:
        """Per-token (O, B, I) scores, without the transition part."""
        if not doc.features:
            return np.zeros((0, 3), dtype=np.float32)
        scores = self.weights[np.concatenate(doc.features)]
        lengths = [len(f) for f in doc.features]
        return np.add.reduceat(scores, np.cumsum([0, *lengths[:-1]]), axis=0)

    def decode(self, doc: Doc, margin: float = 0.0, per_token: np.ndarray | None = None) -> list[tuple[int, int]]:
        """Cue token ranges; ``margin`` is added to the O score (higher: fewer cues)."""
        if not doc.features:
            return []
        per_token = (self.token_scores(doc) if per_token is None else per_token).copy()
        per_token[:, O] += margin
        spans, prev, start = [], 3, -1
        trans = self.transitions
        for index, row in enumerate(per_token):
            tag = int((row + trans[prev]).argmax())
            if tag == B or (tag == I and start < 0):
                if start >= 0:
                    spans.append((start, index))
                start = index
            elif tag == O and start >= 0:
                spans.append((start, index))
                start = -1
            prev = tag
        if start >= 0:
            spans.append((start, len(per_token)))
        return spans


def char_spans(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(doc.starts[first], doc.ends[last - 1]) for first, last in spans]


# --------------------------------------------------------------------------- hybrid

_INJECTED: dict[int, tuple[int, str]] = {}  # cue start char -> (end char, kind), for the article being extracted
_ORIGINAL_TAG = extract_module.tag_tokens
_ORIGINAL_MAY = extract_module.may_hold_cue


def _tag_with_injected(tokens):
    row = _ORIGINAL_TAG(tokens)
    if not _INJECTED or not any(unit[0] in _INJECTED for unit in row.units):
        return row
    tags, units, cues = list(row.tags), list(row.units), list(row.cues)
    index = 0
    while index < len(units):
        found = _INJECTED.get(units[index][0])
        if found is not None and tags[index] not in _CUE_TAG_SET and tags[index] != "Q":
            end, kind = found
            last = index
            while last + 1 < len(units) and units[last + 1][1] <= end and tags[last + 1] != "Q":
                last += 1
            tags[index : last + 1] = [CUE_TAGS[kind]]
            units[index : last + 1] = [(units[index][0], units[last][1])]
            cues[index : last + 1] = [Cue(("<model>",), kind, 0.5)]
        index += 1
    return Tagged("".join(tags), tuple(units), tuple(cues))


def _may_with_injected(tokens):
    return _ORIGINAL_MAY(tokens) or any(token.start in _INJECTED for token in tokens)


def hybrid_extract(doc: Doc, model_cues: list[tuple[int, int]]):
    """The rule engine's attributions with the model's cues added to its lexicon at those places."""
    _INJECTED.clear()
    for start, end in char_spans(doc, model_cues):
        word = doc.text[start:end].casefold()
        _INJECTED[start] = (end, "gerund" if word.split()[-1].endswith("ing") else "verb")
    extract_module.tag_tokens, extract_module.may_hold_cue = _tag_with_injected, _may_with_injected
    try:
        return extract_attributions(Article(id=doc.id, text=doc.text))
    finally:
        extract_module.tag_tokens, extract_module.may_hold_cue = _ORIGINAL_TAG, _ORIGINAL_MAY
        _INJECTED.clear()


_AUXILIARIES = frozenset("has have had was were is are be been will would also has not never did does do 's".split())
_BOUNDARIES = frozenset(',;:()"“”‘’«»—–-')


def fallback_records(doc: Doc, spans: list[tuple[int, int]], taken: set[int]) -> list[dict]:
    """Attributions for model cues the rules could not parse, by position alone.

    Content: the quotation just before the cue ("“...,” she said") or the rest
    of the sentence after it ("that" and a colon skipped). Source: the words
    between the previous clause boundary and the cue (auxiliaries dropped), or
    after a quote the words after the cue ("..., said the spokesman").
    Cues inside a quotation, or starting where the rules already have a cue, are skipped.
    """
    found = []
    for first, last in spans:
        if doc.starts[first] in taken or doc.in_quote[first]:
            continue
        begin, end = doc.sentence_of[first]
        while end > last and doc.words[end - 1] in ".?!":
            end -= 1
        source: tuple[int, int] | None = None
        content: tuple[int, int] | None = None
        left = first
        while left > begin and doc.words[left - 1] in _AUXILIARIES:
            left -= 1
        close = left - 1
        if close > begin and doc.words[close] == ",":
            close -= 1
        if close > begin and doc.words[close] in QUOTE_MARKS:
            if doc.words[close - 1] == ",":
                close -= 1  # the comma inside the quotation, "“...,” she said"
            opening = max((i for i in range(begin, close) if doc.words[i] in QUOTE_MARKS), default=begin)
            content = (opening, close + 1)
            if last < end:
                source = (last, end)
        else:
            start = left
            while start > begin and doc.words[start - 1] not in _BOUNDARIES and doc.words[start - 1] != "that":
                start -= 1
            if start < left:
                source = (start, left)
            after = last
            while after < end and doc.words[after] in ("that", ":", ","):
                after += 1
            if after < end:
                content = (after, end)
        if content is None:
            continue
        record = {"cue": [[doc.starts[first], doc.ends[last - 1]]], "source": [], "content": []}
        for role, value in (("source", source), ("content", content)):
            if value is not None and value[1] > value[0]:
                record[role] = [[doc.starts[value[0]], doc.ends[value[1] - 1]]]
        found.append(record)
    return found


def hybrid_records(
    doc: Doc, spans: list[tuple[int, int]], *, fallback: bool = False,
    scores: np.ndarray | None = None, veto: float | None = None,
) -> list[dict]:
    """Hybrid predictions: rules with injected cues, optionally the positional fallback,
    and optionally a veto: a rule attribution is dropped when the model scores O above
    the best cue tag by more than ``veto`` on every token of its cue."""
    found = hybrid_extract(doc, spans)
    if veto is not None and scores is not None:
        kept = []
        for item in found:
            first, last = doc._range(item.cue_spans[0].start, item.cue_spans[-1].end)
            gap = scores[first:last, O] - scores[first:last, 1:].max(axis=1)
            if last <= first or gap.min() <= veto:
                kept.append(item)
        found = tuple(kept)
    out = records(doc, found)
    if fallback:
        taken = {span.start for item in found for span in item.cue_spans}
        rule_tokens = {i for i in range(len(doc.rule)) if doc.rule[i]}
        extra = [(f, l) for f, l in spans if not rule_tokens.intersection(range(f, l))]
        out += fallback_records(doc, extra, taken)
    return out


def records(doc: Doc, attributions) -> list[dict]:
    return prediction_record(Article(id=doc.id, text=doc.text), attributions)["attributions"]


def cue_records(doc: Doc, spans: list[tuple[int, int]]) -> list[dict]:
    return [{"cue": [[s, e]], "source": [], "content": []} for s, e in char_spans(doc, spans)]


# --------------------------------------------------------------------------- experiment

MARGINS = (-16.0, -8.0, -4.0, -2.0, 0.0, 2.0, 4.0, 8.0)
HYBRID_MARGINS = (-8.0, -4.0, 0.0, 4.0)
EPOCHS = (1, 2, 4)


def cross_validate(docs: list[Doc], golds: list[GoldArticle], folds: int) -> tuple[dict, list[str]]:
    """Pick epochs, the cue margin and the hybrid margin and variant on train folds."""
    cue_f1: dict[tuple[int, float], list[float]] = {}
    hyb_f1: dict[tuple[int, float, bool], list[float]] = {}
    log = []
    for fold in range(folds):
        held = [i for i in range(len(docs)) if i % folds == fold]
        kept = [docs[i] for i in range(len(docs)) if i % folds != fold]
        held_gold = [golds[i] for i in held]
        model = Perceptron()
        done = 0
        for epochs in EPOCHS:
            model.train(kept, epochs - done, seed=fold)
            done = epochs
            averaged = model.averaged()
            scores = {i: averaged.token_scores(docs[i]) for i in held}
            for margin in MARGINS:
                decoded = {i: averaged.decode(docs[i], margin, scores[i]) for i in held}
                cue_eval = evaluate(held_gold, {docs[i].id: cue_records(docs[i], decoded[i]) for i in held})
                cue_f1.setdefault((epochs, margin), []).append(cue_eval.scores["cue", "exact"].f1)
                if margin not in HYBRID_MARGINS:
                    continue
                for fallback in (False, True):
                    hyb = {docs[i].id: hybrid_records(docs[i], decoded[i], fallback=fallback) for i in held}
                    score = evaluate(held_gold, hyb).scores["attribution", "overlap"].f1
                    hyb_f1.setdefault((epochs, margin, fallback), []).append(score)
            log.append(
                f"fold {fold}, {epochs} epoch(s): cue exact F1 by margin "
                + " ".join(f"{m:g}:{cue_f1[epochs, m][-1]:.3f}" for m in MARGINS)
                + "; hybrid attribution F1 by margin (inject / +fallback) "
                + " ".join(f"{m:g}:{hyb_f1[epochs, m, False][-1]:.3f}/{hyb_f1[epochs, m, True][-1]:.3f}" for m in HYBRID_MARGINS)
            )
            print(log[-1], file=sys.stderr, flush=True)
    best_cue = max(cue_f1, key=lambda key: (np.mean(cue_f1[key]), -key[0]))
    epochs = best_cue[0]
    choices = {"epochs": epochs, "cue_margin": best_cue[1]}
    for fallback in (False, True):
        best = max((key for key in hyb_f1 if key[0] == epochs and key[2] == fallback), key=lambda key: np.mean(hyb_f1[key]))
        choices["fallback_margin" if fallback else "hybrid_margin"] = best[1]
        log.append(f"CV hybrid{' + fallback' if fallback else ''}: margin {best[1]:g}, attribution F1 {np.mean(hyb_f1[best]):.3f}")
    rules = [
        evaluate([golds[i] for i in range(len(docs)) if i % folds == fold],
                 {docs[i].id: records(docs[i], extract_attributions(Article(id=docs[i].id, text=docs[i].text)))
                  for i in range(len(docs)) if i % folds == fold}).scores["attribution", "overlap"].f1
        for fold in range(folds)
    ]
    log.append(f"CV rules alone: attribution F1 {np.mean(rules):.3f}")
    log.append(f"chosen: {epochs} epoch(s), cue margin {best_cue[1]:g} (CV cue exact F1 {np.mean(cue_f1[best_cue]):.3f})")
    return choices, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=POLNEAR / "train")
    parser.add_argument("--dev", type=Path, default=POLNEAR / "dev")
    parser.add_argument("--folds", type=int, default=3, help="cross-validation folds on train (0: skip, use the options below)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--cue-margin", type=float, default=-4.0)
    parser.add_argument("--hybrid-margin", type=float, default=-8.0)
    parser.add_argument("--fallback-margin", type=float, default=0.0)
    parser.add_argument("--save", type=Path, help="write the pruned model (npz, float16) here")
    args = parser.parse_args(argv)
    for folder in (args.train, args.dev):
        if not folder.is_dir():
            print(f"error: {folder} not found (PolNeAR is not in the repository)", file=sys.stderr)
            return 2

    train_split, dev_split = read_split(args.train), read_split(args.dev)
    started = time.perf_counter()
    train_docs = build_docs(train_split)
    featurize_train = time.perf_counter() - started
    choices = {"epochs": args.epochs, "cue_margin": args.cue_margin,
               "hybrid_margin": args.hybrid_margin, "fallback_margin": args.fallback_margin}
    log: list[str] = []
    if args.folds > 1:
        started = time.perf_counter()
        choices, log = cross_validate(train_docs, list(train_split.articles), args.folds)
        log.append(f"cross-validation took {time.perf_counter() - started:.0f} s")

    started = time.perf_counter()
    model = Perceptron()
    model.train(train_docs, choices["epochs"])
    model = model.averaged()
    train_seconds = time.perf_counter() - started
    used = np.flatnonzero(np.abs(model.weights).max(axis=1) > 1e-6).astype(np.int32)
    if args.save:
        np.savez_compressed(args.save, rows=used, weights=model.weights[used].astype(np.float16), transitions=model.transitions)

    # dev, once
    dev_articles = [Article(id=g.id, text=g.text) for g in dev_split.articles]
    started = time.perf_counter()
    rule_out = {a.id: rule_cue_spans(a) for a in dev_articles}
    rules_seconds = time.perf_counter() - started
    started = time.perf_counter()
    dev_docs = [Doc(g.id, g.text, None, rule_out[g.id][0]) for g in dev_split.articles]
    featurize_seconds = time.perf_counter() - started
    started = time.perf_counter()
    scores = {doc.id: model.token_scores(doc) for doc in dev_docs}
    cue_decoded = {doc.id: model.decode(doc, choices["cue_margin"], scores[doc.id]) for doc in dev_docs}
    decode_seconds = time.perf_counter() - started
    hyb_decoded = {doc.id: model.decode(doc, choices["hybrid_margin"], scores[doc.id]) for doc in dev_docs}
    fb_decoded = {doc.id: model.decode(doc, choices["fallback_margin"], scores[doc.id]) for doc in dev_docs}
    started = time.perf_counter()
    hybrid = {doc.id: hybrid_records(doc, hyb_decoded[doc.id]) for doc in dev_docs}
    hybrid_rules_seconds = time.perf_counter() - started
    with_fallback = {doc.id: hybrid_records(doc, fb_decoded[doc.id], fallback=True) for doc in dev_docs}

    rows = {
        "rules": evaluate(dev_split.articles, {doc.id: records(doc, rule_out[doc.id][1]) for doc in dev_docs}),
        "model (cues only)": evaluate(dev_split.articles, {doc.id: cue_records(doc, cue_decoded[doc.id]) for doc in dev_docs}),
        "hybrid": evaluate(dev_split.articles, hybrid),
        "hybrid + fallback": evaluate(dev_split.articles, with_fallback),
    }
    for line in log:
        print(f"- {line}")
    print()
    print(f"Dev ({len(dev_docs)} articles), P / R / F1. The model row has cues only (no source or content), "
          "so only its cue rows mean anything.\n")
    names = list(rows)
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "--:|" * len(names))
    for role, match in METRICS:
        label = "attribution (src+cont)" if role == "attribution" else f"{role} {match}"
        cells = []
        for name in names:
            score = rows[name].scores[role, match]
            if name.startswith("model") and role not in ("cue",):
                cells.append("-")
            else:
                cells.append(f"{score.precision:.3f} / {score.recall:.3f} / **{score.f1:.3f}**")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("| predicted attributions | " + " | ".join(str(rows[n].predicted_attributions) for n in names) + " |")
    n = len(dev_docs)
    model_seconds = featurize_seconds + decode_seconds
    tokens = sum(len(d.features) for d in train_docs)
    print()
    print("| cost | value |")
    print("|---|--:|")
    print(f"| featurise train ({len(train_docs)} articles, {tokens:,} tokens; incl. one rule run) | {featurize_train:.1f} s |")
    print(f"| final training ({choices['epochs']} epoch(s)) | {train_seconds:.1f} s |")
    print(f"| model size (non-zero hashed rows x 3 tags as float16, + int32 row ids) | {len(used):,} rows, {len(used) * 10 / 1e6:.1f} MB raw |")
    print(f"| rules alone, dev | {n / rules_seconds:,.0f} articles/s |")
    print(f"| model alone (features + decoding), dev | {n / model_seconds:,.0f} articles/s |")
    total = rules_seconds + model_seconds + hybrid_rules_seconds
    print(f"| hybrid end to end (rules, model, rules again with injected cues), dev | {n / total:,.0f} articles/s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
