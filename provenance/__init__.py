"""provenance: trace where news claims came from.

Reads news articles, extracts each attributed claim as a chain from its origin
to the publishing outlet, merges chains into one graph, finds syndicated
copies and audits how well claims are sourced.

The public API is flat and imported lazily (reading HTML pulls in trafilatura,
which a user of ``extract_attributions`` alone should not pay for):

>>> import provenance
>>> article = provenance.article_from_text("Reuters said the talks collapsed.", id="a")
>>> [chain.path for chain in provenance.trace_article(article).chains]
[('Reuters',)]
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    # model
    "Article": "provenance.model",
    "Attribution": "provenance.model",
    "Chain": "provenance.model",
    "Claim": "provenance.model",
    "CopyPair": "provenance.model",
    "Entity": "provenance.model",
    "Evidence": "provenance.model",
    "Failure": "provenance.model",
    "Finding": "provenance.model",
    "Hop": "provenance.model",
    "Mention": "provenance.model",
    "Passage": "provenance.model",
    "Span": "provenance.model",
    # errors and settings
    "ExportError": "provenance.errors",
    "InputError": "provenance.errors",
    "LexiconError": "provenance.errors",
    "ProvenanceError": "provenance.errors",
    "Settings": "provenance.settings",
    # stages
    "read_articles": "provenance.ingest",
    "iter_articles": "provenance.ingest",
    "article_from_text": "provenance.ingest.text",
    "extract_attributions": "provenance.extract",
    "build_chains": "provenance.chains",
    "trace_article": "provenance.pipeline",
    "trace_articles": "provenance.pipeline",
    # many articles: entities, claims, the graph and its queries
    "Resolution": "provenance.resolve",
    "resolve_entities": "provenance.resolve",
    "cluster_claims": "provenance.claims",
    "find_claim": "provenance.claims",
    "ProvenanceGraph": "provenance.graph",
    "build_graph": "provenance.graph",
    "Route": "provenance.queries",
    "chains_to": "provenance.queries",
    "focus": "provenance.queries",
    "origins": "provenance.queries",
    "statements_by": "provenance.queries",
    "graph_summary": "provenance.queries",
    # syndicated copies: who copied whom
    "SyndicationResult": "provenance.syndication",
    "find_copies": "provenance.syndication",
    "find_candidates": "provenance.syndication",
    "verify_pair": "provenance.syndication",
    # auditing the sourcing of claims
    "AuditReport": "provenance.auditing",
    "ClaimAudit": "provenance.auditing",
    "audit": "provenance.auditing",
    "audit_articles": "provenance.auditing",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
