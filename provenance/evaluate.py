"""Score extracted attributions against gold annotations (PolNeAR).

Both sides are *records* in the predictions format, one list per article::

    {"source": [[start, end], ...], "cue": [...], "content": [...]}

with character offsets into the article text (a role may be discontinuous or
empty; other keys such as ``recipient`` are ignored).

Tokens. Scores are counted on tokens, not characters: the text is split with
``\\w+|[^\\w\\s]`` (words, and each punctuation mark alone), a fragment covers
every token it touches, and a role becomes its sorted token ranges with
touching or overlapping ranges merged. Whitespace differences in offsets do
not matter; an extra word or punctuation mark does.

Metrics, for each role R in cue, source and content:

- EXACT, counted per attribution over those whose R is non-empty. A
  prediction is a hit when a gold attribution has the same normalised R and,
  for source and content, a cue sharing a token with the predicted cue (or
  both cues empty). Precision is hits over predictions with R; recall is the
  gold attributions matched by some hit over gold attributions with R.
- OVERLAP, token mass: precision is the predicted tokens of R that lie in the
  union of the gold R over all predicted tokens of R; recall the same the
  other way round. Counting against the union keeps both in [0, 1] when one
  span belongs to several attributions.
- ALL: EXACT when cue, source and content are all equal to one gold
  attribution's (empty equals empty); OVERLAP pools the three roles' tokens.
- ATTRIBUTION level: a prediction is correct when one gold attribution's
  source and content each share a token with it (an empty role matches only
  an empty role); the cue is not checked.

F1 is ``2PR / (P + R)``; a ratio with an empty denominator is 0. Matching is
not one-to-one, so predictions of an article that are equal in all three
normalised roles are collapsed first (``Evaluation.duplicates`` counts them).
These are the definitions of the reference scorer used for PolNeAR
(``attrib_eval.py``, after BBC Citron's evaluation), and the figures agree.

Reading and writing predictions lives in :mod:`provenance.predictions`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .brat import ROLES, GoldArticle

__all__ = [
    "METRICS",
    "Evaluation",
    "Score",
    "TokenIndex",
    "evaluate",
    "format_table",
]

RE_TOKEN = re.compile(r"\w+|[^\w\s]")

#: The rows of the table: (role, match), in order.
METRICS = (
    *((role, match) for role in (*ROLES, "all") for match in ("exact", "overlap")),
    ("attribution", "overlap"),
)

Record = Mapping[str, Any]
TokenRanges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts behind one metric; precision, recall and F1 follow from them.

    Examples
    --------
    >>> score = Score(pred_hit=3, pred_total=4, gold_hit=3, gold_total=6)
    >>> score.precision, score.recall, round(score.f1, 4)
    (0.75, 0.5, 0.6)
    >>> Score().f1
    0.0
    """

    pred_hit: int = 0
    pred_total: int = 0
    gold_hit: int = 0
    gold_total: int = 0

    @property
    def precision(self) -> float:
        return self.pred_hit / self.pred_total if self.pred_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.pred_hit + other.pred_hit,
            self.pred_total + other.pred_total,
            self.gold_hit + other.gold_hit,
            self.gold_total + other.gold_total,
        )

    def to_dict(self) -> dict[str, float | int]:
        return {
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
            "pred_hit": self.pred_hit,
            "pred_total": self.pred_total,
            "gold_hit": self.gold_hit,
            "gold_total": self.gold_total,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of one predictions set over one gold split.

    ``scores`` maps every ``(role, match)`` of :data:`METRICS` to its
    :class:`Score`. ``predicted_attributions`` counts the predictions for
    gold articles before duplicates were collapsed; ``unknown_articles`` are
    predicted articles absent from the gold, which were ignored.
    """

    articles: int
    gold_attributions: int
    predicted_attributions: int
    duplicates: int
    scores: dict[tuple[str, str], Score]
    unknown_articles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary; ``scores`` nests as ``{role: {match: {...}}}``."""
        scores: dict[str, dict[str, Any]] = {}
        for (role, match), score in self.scores.items():
            scores.setdefault(role, {})[match] = score.to_dict()
        return {
            "articles": self.articles,
            "gold_attributions": self.gold_attributions,
            "predicted_attributions": self.predicted_attributions,
            "duplicate_predictions_collapsed": self.duplicates,
            "unknown_articles": list(self.unknown_articles),
            "scores": scores,
        }


class TokenIndex:
    """Token boundaries of one text, to map character spans to token ranges.

    Examples
    --------
    >>> index = TokenIndex("Reuters said: talks ended.")
    >>> index.token_range(0, 9)          # 'Reuters s' touches two tokens
    (0, 2)
    >>> index.normalise([[14, 19], [8, 13], [20, 26]])
    ((1, 6),)
    >>> index.normalise([[7, 8]]) # whitespace only
    ()
    """

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in RE_TOKEN.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Half-open range of the tokens ``[start, end)`` touches, or None."""
        if end <= start:
            return None
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return (first, last) if first < last else None

    def normalise(self, fragments: Iterable[Sequence[int]] | None) -> TokenRanges:
        """Sorted token ranges of character ``fragments``, touching ones merged."""
        ranges = []
        for fragment in fragments or ():
            if not isinstance(fragment, (list, tuple)) or len(fragment) != 2:
                raise ValueError(f"bad fragment {fragment!r}; expected [start, end]")
            found = self.token_range(int(fragment[0]), int(fragment[1]))
            if found is not None:
                ranges.append(found)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return tuple(merged)


def evaluate(gold: Iterable[GoldArticle], predictions: Mapping[str, Sequence[Record]]) -> Evaluation:
    """Score ``predictions`` against ``gold`` with the metrics of this module.

    Parameters
    ----------
    gold : iterable of GoldArticle
        The gold split, as :func:`provenance.brat.read_split` reads it.
    predictions : mapping of article id to list of records
        Predicted attributions per article; a gold article absent from it
        has no predictions.

    Returns
    -------
    Evaluation

    Examples
    --------
    >>> from provenance.brat import GoldArticle, GoldAttribution
    >>> text = "Reuters said the talks ended."
    >>> said = GoldAttribution("Attribution", source=((0, 7),), cue=((8, 12),), content=((13, 28),))
    >>> gold = GoldArticle("a", text, "a_x.ann", (said,))
    >>> predicted = {"a": [{"source": [[0, 7]], "cue": [[8, 12]], "content": [[17, 28]]}]}
    >>> result = evaluate([gold], predicted)
    >>> result.scores["content", "exact"].f1, round(result.scores["content", "overlap"].recall, 3)
    (0.0, 0.667)
    >>> result.scores["attribution", "overlap"].f1
    1.0
    """
    totals = {metric: Score() for metric in METRICS}
    articles = gold_count = predicted_count = duplicates = 0
    gold_ids = set()
    for article in sorted(gold, key=lambda item: item.id):
        gold_ids.add(article.id)
        index = TokenIndex(article.text)
        golds = [_normalised(index, item.to_record()) for item in article.attributions]
        records = predictions.get(article.id, ())
        preds = list(dict.fromkeys(_normalised(index, record) for record in records))
        articles += 1
        gold_count += len(golds)
        predicted_count += len(records)
        duplicates += len(records) - len(preds)
        for metric, score in _article_scores(preds, golds).items():
            totals[metric] += score
    unknown = tuple(sorted(set(predictions) - gold_ids))
    return Evaluation(articles, gold_count, predicted_count, duplicates, totals, unknown)


def format_table(evaluation: Evaluation, *, markdown: bool = False) -> str:
    """The scores as a table: one row per metric, P, R, F1 and the counts.

    Examples
    --------
    >>> empty = Evaluation(0, 0, 0, 0, {metric: Score() for metric in METRICS})
    >>> print(format_table(empty, markdown=True).splitlines()[2])
    | cue exact | 0.000 | 0.000 | 0.000 | 0/0 | 0/0 |
    """
    rows = []
    for role, match in METRICS:
        score = evaluation.scores[role, match]
        label = "attribution (src+cont)" if role == "attribution" else f"{role} {match}"
        rows.append(
            (
                label,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                f"{score.pred_hit}/{score.pred_total}",
                f"{score.gold_hit}/{score.gold_total}",
            )
        )
    header = ("metric", "P", "R", "F1", "pred hit/total", "gold hit/total")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|---|--:|--:|--:|--:|--:|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[column]) for row in (header, *rows)) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                  for column, (cell, width) in enumerate(zip(row, widths)))
        for row in (header, *rows)
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


@dataclass(frozen=True, slots=True)
class _Normalised:
    """One attribution as token ranges and token sets per role (cue, source, content)."""

    ranges: tuple[TokenRanges, TokenRanges, TokenRanges]
    tokens: tuple[frozenset[int], frozenset[int], frozenset[int]] = field(compare=False, hash=False)


def _normalised(index: TokenIndex, record: Record) -> _Normalised:
    """Normalise one record against an article's tokens."""
    if not isinstance(record, Mapping):
        raise ValueError(f"bad attribution {record!r}; expected an object of roles")
    ranges = tuple(index.normalise(record.get(role)) for role in ROLES)
    tokens = tuple(frozenset(i for start, end in found for i in range(start, end)) for found in ranges)
    return _Normalised(ranges, tokens)  # type: ignore[arg-type]


def _overlap(pred: _Normalised, gold: _Normalised, role: int) -> bool:
    """True when the role shares a token on both sides, or is empty on both."""
    if not pred.tokens[role] and not gold.tokens[role]:
        return True
    return not pred.tokens[role].isdisjoint(gold.tokens[role])


def _hits(preds: list[_Normalised], golds: list[_Normalised], is_match) -> Score:
    """Per-attribution counts: predictions with a match, gold items matched."""
    pred_hit = sum(1 for pred in preds if any(is_match(pred, gold) for gold in golds))
    gold_hit = sum(1 for gold in golds if any(is_match(pred, gold) for pred in preds))
    return Score(pred_hit, len(preds), gold_hit, len(golds))


def _mass(preds: list[_Normalised], golds: list[_Normalised], role: int) -> Score:
    """Token-mass counts of one role, each side against the other side's union."""
    gold_union = frozenset().union(*(gold.tokens[role] for gold in golds))
    pred_union = frozenset().union(*(pred.tokens[role] for pred in preds))
    return Score(
        sum(len(pred.tokens[role] & gold_union) for pred in preds),
        sum(len(pred.tokens[role]) for pred in preds),
        sum(len(gold.tokens[role] & pred_union) for gold in golds),
        sum(len(gold.tokens[role]) for gold in golds),
    )


def _article_scores(preds: list[_Normalised], golds: list[_Normalised]) -> dict[tuple[str, str], Score]:
    """Every metric's counts on one article."""
    cue = ROLES.index("cue")
    scores = {("all", "overlap"): Score()}
    for position, role in enumerate(ROLES):

        def is_exact(pred, gold, position=position):
            if pred.ranges[position] != gold.ranges[position]:
                return False
            return position == cue or _overlap(pred, gold, cue)

        with_role = [pred for pred in preds if pred.ranges[position]]
        gold_with_role = [gold for gold in golds if gold.ranges[position]]
        scores[role, "exact"] = _hits(with_role, gold_with_role, is_exact)
        scores[role, "overlap"] = _mass(preds, golds, position)
        scores["all", "overlap"] += scores[role, "overlap"]
    scores["all", "exact"] = _hits(preds, golds, lambda pred, gold: pred.ranges == gold.ranges)
    source, content = ROLES.index("source"), ROLES.index("content")
    scores["attribution", "overlap"] = _hits(
        preds, golds, lambda pred, gold: _overlap(pred, gold, source) and _overlap(pred, gold, content)
    )
    return scores
