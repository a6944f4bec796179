"""Attributions inside other attributions of the same sentence.

A cue is *nested* when it lies in the content or the source of another
attribution of its sentence: "Sputnik reported that the Pentagon said ...",
"he said voters want ...", "voters who backed Trump said ...". PolNeAR's
annotators never nest one attribution in another; they mark the outer one.
Measured on PolNeAR's train split, this module decides what becomes of a
nested attribution:

- *reported* in the other (:func:`reporting`): it opens the other cue's
  complement clause, or the other is "according to". With a strong cue it is
  kept and marked (:attr:`provenance.model.Attribution.reported_in`): the
  chain runs on through the reporter (``Pentagon -> Sputnik -> ...``), and
  the PolNeAR view (``provenance extract``) leaves it out. With a weak cue
  (``Settings.min_nested_cue_weight``) it is dropped: "he said voters want"
  is rarely a claim of its own;
- otherwise a weak nested cue is dropped (:func:`is_unmarked_nested`)
  unless it is a second statement of the same source in a clause of its own
  ("..., claiming that ...");
- a cue inside the longer cue of another attribution ("continued to
  portray") is no attribution of its own (:func:`is_swallowed`).

The functions read the extractor's attributions under construction
(``provenance.extract._Found``: character spans of each role, and the
``match`` whose ``roles`` are unit ranges of the sentence's tag row).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..settings import Settings
from .tagger import Cue, Tagged

if TYPE_CHECKING:
    from . import _Found

__all__ = ["is_swallowed", "is_unmarked_nested", "reporting"]

#: Tags that end a clause: conjunction, comma, semicolon, colon, "as", quotation, dash.
CLAUSE_BREAKS = frozenset("x,;:sQ-")


def reporting(item: _Found, others: list[_Found], row: Tagged, *, settings: Settings) -> _Found | None:
    """The attribution of the sentence that ``item`` is reported in, or None.

    ``item`` is reported in ``outer`` when its cue lies in ``outer``'s content
    or source and it opens ``outer``'s complement clause ("said voters
    want", "said on Monday that he expects") or ``outer`` is "according to".
    Not so "According to Yahoo News, Lee said ..." (``item`` has a recipient:
    it carries Lee's chain through Yahoo News) nor "Voters who backed Trump
    said ..." (each holds the other, and "said" is the outer one). Always
    None when ``settings.nest_reported_cues`` is off.
    """
    if not settings.nest_reported_cues:
        return None
    start = item.cue[0].start
    for outer in others:
        if outer is item or not _holds(outer, start):
            continue
        if any(span.start <= outer.cue[0].start < span.end for span in item.source):
            continue
        if (_is_according(outer, row) and not item.recipient) or _opens_complement(item, outer, row):
            return outer
    return None


def is_unmarked_nested(item: _Found, others: list[_Found], cue: Cue | None, *, settings: Settings) -> bool:
    """True when ``item`` is a weak nested attribution PolNeAR's annotators would not mark.

    Its cue is weaker than ``settings.min_nested_cue_weight`` and lies in the
    content or the source of another attribution of its sentence, and it is
    no second statement of that attribution's source in a clause of its own
    ("Trump insisted ..., claiming that ...", which needs only
    ``settings.min_sibling_cue_weight``).
    """
    if cue is None or cue.weight >= settings.min_nested_cue_weight:
        return False
    start = item.cue[0].start
    for other in others:
        if other is item or not _holds(other, start):
            continue
        is_sibling = bool(item.source) and item.source == other.source
        if not is_sibling or cue.weight < settings.min_sibling_cue_weight:
            return True
    return False


def is_swallowed(item: _Found, others: list[_Found]) -> bool:
    """True when ``item``'s cue lies inside the longer cue of another attribution of its
    sentence ("continued to portray", "issued a statement saying": one cue, not two)."""
    start, end = item.cue[0].start, item.cue[-1].end
    return any(
        other is not item
        and len(other.cue) == 1
        and other.cue[0].start <= start
        and end <= other.cue[-1].end
        and other.cue[0].end - other.cue[0].start > end - start
        for other in others
    )


def _holds(item: _Found, position: int) -> bool:
    """True when ``position`` lies in ``item``'s content or source."""
    return any(span.start <= position < span.end for span in (*item.content, *item.source))


def _is_according(item: _Found, row: Tagged) -> bool:
    """True when ``item``'s cue is "according to"."""
    return any("A" in row.tags[start:end] for start, end in item.match.roles["cue"])


def _opens_complement(item: _Found, outer: _Found, row: Tagged) -> bool:
    """True when ``item`` starts after ``outer``'s cue with no clause break between them.

    Only words may stand between ("said Tuesday that voters want"): no comma,
    conjunction, "as", quotation, colon, semicolon or dash.
    """
    end = outer.match.roles["cue"][-1][1]
    roles = item.match.roles
    start = min([roles["cue"][0][0], *(first for first, _ in roles.get("source", ()) if first >= end)])
    return start >= end and CLAUSE_BREAKS.isdisjoint(row.tags[end:start])
