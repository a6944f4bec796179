"""Build small graphs from one-sentence articles, as the audit tests need them."""

from __future__ import annotations

import pytest

from provenance.graph import build_graph
from provenance.model import Article
from provenance.pipeline import trace_articles


def graph_of(*items, copies=()):
    """A graph of ``(id, publisher, text)`` articles, traced for real, with the given copy pairs."""
    articles = [Article(article_id, text, publisher=publisher) for article_id, publisher, text in items]
    return build_graph(trace_articles(articles), copies=copies)


@pytest.fixture
def make_graph():
    return graph_of
