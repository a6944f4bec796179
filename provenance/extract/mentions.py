"""Source mentions: their kind, canonical name, role and affiliation.

First version: types a phrase through the known-sources table only.
"""

from __future__ import annotations

from ..model import Article, Mention, Span
from ..sources import SourceTable, known_sources

__all__ = ["MentionResolver"]


class MentionResolver:
    """Types the source and recipient phrases of one article and resolves back-references."""

    def __init__(self, article: Article, *, sources: SourceTable | None = None) -> None:
        self.article = article
        self.sources = sources or known_sources()

    def mention(self, span: Span) -> Mention:
        """Return the Mention for the phrase at ``span``."""
        text = self.article.text[span.start : span.end]
        record = self.sources.lookup(text)
        if record is not None:
            return Mention(text, span, record.kind, record.name)
        return Mention(text, span, "person" if text[:1].isupper() else "anonymous", text)
