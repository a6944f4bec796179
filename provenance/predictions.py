"""The predictions format: extracted attributions as offsets, one record per article.

One JSON object per article, one per line in a ``.jsonl`` file::

    {"article": "<text file stem>",
     "attributions": [{"source": [[start, end], ...], "cue": [...], "content": [...],
                       "recipient": [...], "kind": "<source kind or null>", "quote": false,
                       "reported_in": [...]}]}

Offsets are half-open character ranges into the article's text as stored in
its file; an attribution with no stated source has an empty ``source`` list.
A statement reported inside another attribution ("Sputnik reported that the
Pentagon said ...") is left out of the predictions (:func:`own_voice`):
PolNeAR's annotators mark only the outer one, never one attribution inside
another. ``provenance extract --nested`` lists it too, ``reported_in``
holding the outer attribution's cue.
This is what ``provenance extract --format jsonl`` writes and what
:func:`provenance.evaluate.evaluate` scores (it reads only ``source``, ``cue``
and ``content``), so any system's output in this shape can be compared.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .brat import GoldArticle
from .errors import InputError
from .model import Article, Attribution

__all__ = ["own_voice", "parse_predictions", "predict", "prediction_record", "read_predictions"]

Record = Mapping[str, Any]


def predict(
    articles: Iterable[GoldArticle],
    *,
    extractor: Callable[[Article], Sequence[Attribution]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Run the extractor on each gold article's text; return records by article id.

    ``extractor`` defaults to :func:`provenance.extract.extract_attributions`.
    Each text is read as ``provenance extract`` reads a file (its headline,
    dateline and boilerplate found by :func:`provenance.ingest.article_from_text`),
    so the two give the same predictions.
    """
    from .ingest.text import article_from_text

    if extractor is None:
        from .extract import extract_attributions as extractor
    predicted = {}
    for gold in articles:
        article = article_from_text(gold.text, id=gold.id)
        predicted[gold.id] = prediction_record(article, own_voice(extractor(article)))["attributions"]
    return predicted


def own_voice(attributions: Iterable[Attribution]) -> tuple[Attribution, ...]:
    """The attributions not reported inside another one: the level PolNeAR annotates.

    Examples
    --------
    >>> from provenance.model import Span
    >>> outer = Attribution("a", None, "reported", (Span(0, 8),), (Span(9, 30),), "x")
    >>> inner = Attribution("a", None, "said", (Span(20, 24),), (Span(25, 30),), "y", reported_in=(Span(0, 8),))
    >>> [found.cue for found in own_voice([outer, inner])]
    ['reported']
    """
    return tuple(attribution for attribution in attributions if not attribution.reported_in)


def prediction_record(article: Article, attributions: Iterable[Attribution]) -> dict[str, Any]:
    """The predictions-format object of one article.

    ``article`` is the stem of the article's file name (or of its id), as a
    gold split names its texts. Offsets index ``article.text``.

    Examples
    --------
    >>> from provenance.model import Span
    >>> article = Article(id="dev/text/a.txt", text="It rained, they said.")
    >>> found = Attribution(article.id, None, "said", (Span(16, 20),), (Span(0, 9),), "It rained")
    >>> prediction_record(article, [found])["article"]
    'a'
    >>> prediction_record(article, [found])["attributions"][0]["source"]
    []
    """
    return {
        "article": Path(article.path or article.id).stem,
        "attributions": [
            {
                "source": _pairs(attribution.source_spans),
                "cue": _pairs(attribution.cue_spans),
                "content": _pairs(attribution.content_spans),
                "recipient": _pairs(attribution.recipient_spans),
                "kind": attribution.kind,
                "quote": attribution.quote,
                "reported_in": _pairs(attribution.reported_in),
            }
            for attribution in attributions
        ],
    }


def parse_predictions(lines: Iterable[str], *, path: str = "<predictions>") -> dict[str, list[Record]]:
    """Read predictions JSON Lines: ``{"article": id, "attributions": [...]}`` per line.

    An article given on several lines gets all their attributions; blank
    lines are skipped.

    Raises
    ------
    InputError
        When a line is not a JSON object with an ``article`` key.

    Examples
    --------
    >>> parse_predictions(['{"article": "a", "attributions": [{"cue": [[0, 4]]}]}', ""])
    {'a': [{'cue': [[0, 4]]}]}
    """
    predictions: dict[str, list[Record]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            article = record["article"]
            attributions = list(record.get("attributions") or ())
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as err:
            raise InputError(path, f"not a predictions record ({err})", number) from err
        predictions.setdefault(str(article), []).extend(attributions)
    return predictions


def read_predictions(path: str | Path) -> dict[str, list[Record]]:
    """Read a predictions JSON Lines file (see :func:`parse_predictions`)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_predictions(handle, path=str(path))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), str(err)) from err


def _pairs(spans) -> list[list[int]]:
    """Spans as ``[[start, end], ...]``."""
    return [[span.start, span.end] for span in spans]
