"""Attribution extraction: who said what, in one article.

First, minimal version: ``X said C`` only. The rule engine replaces it.
"""

from __future__ import annotations

import re

from ..model import Article, Attribution, Mention, Span

__all__ = ["extract_attributions"]

RE_SAID = re.compile(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)*) (said) (?:that )?([^.]+)\.")


def extract_attributions(article: Article) -> tuple[Attribution, ...]:
    """Return the attributions of ``article`` in text order."""
    found = []
    for match in RE_SAID.finditer(article.text):
        source_span = Span(*match.span(1))
        if article.is_boilerplate(source_span):
            continue
        source = Mention(match.group(1), source_span, "organization", match.group(1))
        found.append(
            Attribution(
                article_id=article.id,
                source=source,
                cue=match.group(2),
                cue_spans=(Span(*match.span(2)),),
                content_spans=(Span(*match.span(3)),),
                content=match.group(3),
                source_spans=(source_span,),
            )
        )
    return tuple(found)
