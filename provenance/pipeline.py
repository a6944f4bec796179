"""Run read articles through extraction and chain building, on all cores.

The stages are pure functions of one article, so a batch of articles can go
to a process pool unchanged; results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .chains import build_chains
from .extract import extract_attributions
from .model import Article, Attribution, Chain

__all__ = ["Traced", "trace_article", "trace_articles"]

#: Articles sent to a worker at once: large enough that process overhead is
#: small against the work, small enough to keep both cores busy to the end.
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class Traced:
    """An article with its attributions and the chains built from them."""

    article: Article
    attributions: tuple[Attribution, ...]
    chains: tuple[Chain, ...]


def trace_article(article: Article) -> Traced:
    """Extract the attributions of one article and build its chains.

    Examples
    --------
    >>> from provenance.model import Article
    >>> traced = trace_article(Article(id="a", text="Reuters said the talks collapsed."))
    >>> [chain.path for chain in traced.chains]
    [('Reuters',)]
    """
    attributions = extract_attributions(article)
    return Traced(article, attributions, build_chains(article, attributions))


def trace_articles(articles: Iterable[Article], *, workers: int | None = 1) -> list[Traced]:
    """Trace every article, in input order; ``workers`` > 1 uses a process pool.

    ``workers=None`` uses every core. Small inputs are always traced in this
    process, where starting workers would cost more than it saves.
    """
    articles = list(articles)
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    if workers == 1 or len(articles) < 2 * BATCH_SIZE:
        return [trace_article(article) for article in articles]
    batches = [articles[i : i + BATCH_SIZE] for i in range(0, len(articles), BATCH_SIZE)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [traced for batch in pool.map(_trace_batch, batches) for traced in batch]


def _trace_batch(batch: Sequence[Article]) -> list[Traced]:
    return [trace_article(article) for article in batch]
