"""Audit the sourcing of claims: does what stands behind each claim hold up?

:func:`audit` reads a :class:`~provenance.graph.ProvenanceGraph` and reports,
for every claim (or the one matching ``claim``), its origins grouped into
independent sources (:mod:`provenance.auditing.origins`), its paths, relays
and depth, and the findings of the detectors:

- per claim (:mod:`provenance.auditing.findings`): ``single_origin``,
  ``anonymous_only``, ``quote_drift``, ``attribution_conflict``,
  ``circular_reporting``;
- per copied article (:mod:`provenance.auditing.copies`): ``uncredited_copy``,
  ``dropped_attribution``;
- per article (:mod:`provenance.auditing.unattributed`): ``unattributed``.

Each finding has a one-line explanation and its evidence (article id and
character offsets). The audit only reads the graph: it is as good as the
extraction, resolution and claim clustering behind it, and a source the
extractor missed is a source the audit cannot count. Renderers for people
(text tables, Markdown with Mermaid diagrams) are in
:mod:`provenance.auditing.render`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..claims import find_claim
from ..graph import ProvenanceGraph, build_graph
from ..model import Article, Finding
from ..settings import DEFAULT_SETTINGS, Settings
from ..sources import SourceTable
from .copies import dropped_attribution, uncredited_copy
from .findings import (
    anonymous_only,
    attribution_conflict,
    circular_reporting,
    claim_facts,
    quote_drift,
    single_origin,
)
from .origins import OriginGroup
from .unattributed import unattributed

__all__ = ["AuditReport", "ClaimAudit", "OriginGroup", "audit", "audit_articles"]


@dataclass(frozen=True, slots=True)
class ClaimAudit:
    """What stands behind one claim.

    ``origins`` are the independent sources (speakers grouped with the body
    they speak for), so ``independent_origins == len(origins)``. ``paths``
    are the chains as source names, origin first, publisher last (extended
    along copies); ``relays`` every source between an origin and a final
    publisher; ``max_depth`` the most steps of any path. ``findings`` are the
    findings about this claim.
    """

    id: str
    text: str
    quotes: tuple[str, ...]
    origins: tuple[OriginGroup, ...]
    independent_origins: int
    paths: tuple[tuple[str, ...], ...]
    relays: tuple[str, ...]
    publishers: tuple[str, ...]
    max_depth: int
    articles: tuple[str, ...]
    chains: tuple[str, ...]
    findings: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "quotes": list(self.quotes),
            "origins": [origin.to_dict() for origin in self.origins],
            "independent_origins": self.independent_origins,
            "paths": [list(path) for path in self.paths],
            "relays": list(self.relays),
            "publishers": list(self.publishers),
            "max_depth": self.max_depth,
            "articles": list(self.articles),
            "chains": list(self.chains),
            "findings": [finding.to_dict() for finding in self.findings],
        }


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The claims audited and every finding (claim findings and article findings), sorted."""

    claims: tuple[ClaimAudit, ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": [claim.to_dict() for claim in self.claims],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def audit(graph: ProvenanceGraph, *, claim: str | None = None, settings: Settings = DEFAULT_SETTINGS) -> AuditReport:
    """Audit the sourcing of every claim of ``graph`` (or of one).

    Parameters
    ----------
    graph : ProvenanceGraph
        Chains, entities, claims and copies (:func:`~provenance.graph.build_graph`).
    claim : str, optional
        Words of one claim (fuzzy, :func:`~provenance.claims.find_claim`) or a
        claim id: only that claim is audited, and only the article findings
        of the articles that carry it are kept.
    settings : Settings, optional
        The audit's cutoffs (``quote_drift_min_shared``, ``copy_match_cutoff``,
        ``unattributed_min_attributions``, ...).

    Returns
    -------
    AuditReport
        Claims most widely carried first (then by text and id); findings
        sorted by type, claim and evidence.

    Raises
    ------
    ValueError
        When ``claim`` matches no claim of the graph.

    Examples
    --------
    >>> from provenance.auditing.origins import _example_graph
    >>> report = audit(_example_graph())
    >>> [(c.independent_origins, c.max_depth, c.relays) for c in report.claims]
    [(1, 2, ('Sputnik', 'The Washington Post'))]
    >>> [finding.type for finding in report.findings]
    ['single_origin']
    """
    selected = sorted(graph.claims.values(), key=lambda item: item.id)
    if claim is not None:
        match = graph.claims.get(claim) or find_claim(graph, claim, settings=settings)
        if match is None:
            raise ValueError(f"no claim matches {claim!r}")
        selected = [match]
    article_findings = [
        *uncredited_copy(graph),
        *dropped_attribution(graph, settings=settings),
        *unattributed(graph, settings=settings),
    ]
    audits = [_audit_claim(graph, item, article_findings, settings) for item in selected]
    if claim is not None:
        carried = set(selected[0].articles)
        article_findings = [
            finding for finding in article_findings
            if finding.claim == selected[0].id
            or (finding.claim is None and carried & {item.article_id for item in finding.evidence})
        ]
    findings = {finding for item in audits for finding in item.findings} | set(article_findings)
    return AuditReport(
        claims=tuple(sorted(audits, key=lambda item: (-len(item.articles), -len(item.chains), item.text, item.id))),
        findings=tuple(sorted(findings, key=finding_key)),
    )


def audit_articles(
    articles: Iterable[Article],
    *,
    claim: str | None = None,
    sources: SourceTable | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    workers: int | None = 1,
) -> AuditReport:
    """Trace ``articles``, find their copies, build the graph and audit it.

    ``workers`` is passed to tracing and copy finding (None: every core).
    To render the report with evidence and diagrams, build the graph
    yourself and call :func:`audit`, as the ``audit`` command does.

    Examples
    --------
    >>> from provenance.model import Article
    >>> report = audit_articles([Article("a", "Reuters said the talks collapsed.", publisher="Gulf Times")])
    >>> [(claim.paths, claim.findings) for claim in report.claims]
    [((('Reuters', 'Gulf Times'),), ())]
    """
    from ..pipeline import trace_articles  # extraction is imported only when articles are traced
    from ..syndication import find_copies

    articles = list(articles)
    traced = trace_articles(articles, workers=workers)
    copies = find_copies(articles, settings=settings, workers=workers).pairs
    graph = build_graph(traced, copies=copies, sources=sources, settings=settings)
    return audit(graph, claim=claim, settings=settings)


def finding_key(finding: Finding) -> tuple:
    """The total order of findings: type, claim, evidence, explanation."""
    return (
        finding.type,
        finding.claim or "",
        tuple((item.article_id, item.span.start, item.span.end) for item in finding.evidence),
        finding.detail,
    )


def _audit_claim(graph: ProvenanceGraph, claim, article_findings: list[Finding], settings: Settings) -> ClaimAudit:
    facts = claim_facts(graph, claim)
    names = tuple(tuple(graph.entities[node].name for node in path) for path in facts.paths)
    findings = [
        *single_origin(graph, facts),
        *anonymous_only(graph, facts),
        *quote_drift(graph, facts, settings=settings),
        *attribution_conflict(graph, facts, settings=settings),
        *circular_reporting(graph, facts, settings=settings),
        *(finding for finding in article_findings if finding.claim == claim.id),
    ]
    return ClaimAudit(
        id=claim.id,
        text=claim.text,
        quotes=claim.quotes,
        origins=facts.groups,
        independent_origins=len(facts.groups),
        paths=tuple(sorted(set(names))),
        relays=tuple(sorted({name for path in names for name in path[1:-1]})),
        publishers=tuple(sorted({path[-1] for path in names if len(path) > 1})),
        max_depth=max((len(path) - 1 for path in names), default=0),
        articles=claim.articles,
        chains=claim.chains,
        findings=tuple(sorted(set(findings), key=finding_key)),
    )
