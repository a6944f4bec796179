"""Who copied whom: the direction, credit, reason and confidence of a shared-text pair.

Four signals, strongest first:

1. **credit** - one article's credit line names the other's publisher
   ("(Reuters)" in an article next to a Reuters one): the crediting one copied;
2. **time** - both are dated and one was published earlier: it is the original;
3. **containment** - one holds all of the other (within
   ``Settings.containment_margin``): the larger *wraps* the smaller in text
   of its own, so it is the copy; except for a *truncation*, where the shared
   text opens the larger one and the smaller ends in a line of its own after
   it ("Read the full story at ..."): the smaller is then the copy. When
   neither holds (nearly) all of the other, as in partial reuse, containment
   says nothing;
4. **dated** - only one of the two carries a date: it is taken as the
   original, weakly (reprints scraped by aggregators often lose the date).

The strongest signal present decides; a weaker one that disagrees lowers the
confidence. With no signal the pair is kept in id order and said to be of
unknown direction. Containment misreads an undated, uncredited truncation
that ends without a line of its own (it then looks like an original the
other extended), and text added only at the end of a copy followed by a
trailing line of the original's own; such pairs need a date or a credit.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from ..model import Article, CopyPair, Passage
from ..settings import DEFAULT_SETTINGS, Settings
from ..sources import known_sources, normalize_name
from .align import Alignment

__all__ = ["as_utc", "credit_names", "is_credited", "orient"]

#: Confidence in the direction given by each signal when nothing disagrees.
_SIGNAL_CONFIDENCE = {"credit": 0.95, "time": 0.9, "containment": 0.7, "dated": 0.55, None: 0.5}
#: Factor applied for each weaker signal pointing the other way.
_DISAGREEMENT_FACTOR = 0.7


def credit_names(names) -> frozenset[str]:
    """Return the canonical keys of source names (known aliases resolved).

    Examples
    --------
    >>> sorted(credit_names(["the AP", "Acme Gazette"]))
    ['acme gazette', 'associated press']
    """
    return _credit_names(tuple(names))


@lru_cache(maxsize=65536)
def _credit_names(names: tuple[str | None, ...]) -> frozenset[str]:
    """Cached body of :func:`credit_names` (a few publishers recur in every pair)."""
    table = known_sources()
    keys = set()
    for name in names:
        if not name:
            continue
        record = table.lookup(name)
        keys.add(normalize_name(record.name if record else name))
    return frozenset(keys)


def is_credited(original: Article, copy: Article) -> bool:
    """Return True when ``copy`` credits ``original``'s publisher or a source both credit.

    Examples
    --------
    >>> wire = Article(id="w", text="", publisher="Reuters")
    >>> print_copy = Article(id="c", text="", publisher="Daily Planet", credits=("Reuters",))
    >>> is_credited(wire, print_copy), is_credited(print_copy, wire)
    (True, False)
    """
    sources = credit_names([original.publisher, *original.credits])
    return bool(sources & credit_names(copy.credits))


def orient(
    first: Article, second: Article, alignment: Alignment, *, settings: Settings = DEFAULT_SETTINGS
) -> CopyPair:
    """Return the pair as a :class:`CopyPair`, likely original first, with its reason.

    Parameters
    ----------
    first, second : Article
        The two articles, in the order ``alignment`` was computed.
    alignment : Alignment
        What they share (``align.align_blocks(first, second)``).
    settings : Settings
        ``containment_margin``.

    Returns
    -------
    CopyPair
        ``reason`` is one line a person can check; ``confidence`` combines how
        sure the direction is (see the module notes) with how much is shared.

    Examples
    --------
    >>> from datetime import datetime
    >>> early = Article(id="a", text="", publisher="Reuters", published=datetime(2022, 3, 24, 8))
    >>> late = Article(id="b", text="", publisher="UrduPoint", published=datetime(2022, 3, 25, 9),
    ...                credits=("Reuters",))
    >>> pair = orient(late, early, Alignment(0.9, 0.96, ()))
    >>> pair.original, pair.copy, pair.credited
    ('a', 'b', True)
    >>> pair.reason
    "published a day later; credits Reuters; holds 96% of the other's text"
    """
    votes = {}  # signal -> True when ``second`` is the copy
    first_credits_second = bool(credit_names(first.credits) & credit_names([second.publisher]))
    second_credits_first = bool(credit_names(second.credits) & credit_names([first.publisher]))
    if first_credits_second != second_credits_first:
        votes["credit"] = second_credits_first
    first_time, second_time = as_utc(first.published), as_utc(second.published)
    if first_time and second_time and first_time != second_time:
        votes["time"] = second_time > first_time
    truncation = _is_truncation(alignment, settings)
    difference = alignment.shared_first - alignment.shared_second
    if abs(difference) >= settings.containment_margin:
        first_is_held = difference > 0
        if truncation:  # the smaller is the copy
            votes["containment"] = not first_is_held
        elif max(alignment.shared_first, alignment.shared_second) >= 1.0 - settings.containment_margin:
            votes["containment"] = first_is_held  # the larger wraps the smaller: it is the copy
    if (first_time is None) != (second_time is None):
        votes["dated"] = second_time is None
    decider = next((signal for signal in ("credit", "time", "containment", "dated") if signal in votes), None)
    second_is_copy = votes[decider] if decider else first.id < second.id
    confidence = _SIGNAL_CONFIDENCE[decider]
    for signal, vote in votes.items():
        if vote != second_is_copy:
            confidence *= _DISAGREEMENT_FACTOR
    if second_is_copy:
        original, copy = first, second
        shared_original, shared_copy = alignment.shared_first, alignment.shared_second
        passages = alignment.passages
    else:
        original, copy = second, first
        shared_original, shared_copy = alignment.shared_second, alignment.shared_first
        passages = tuple(Passage(p.copy, p.original) for p in alignment.passages)
    shared = max(shared_original, shared_copy)
    return CopyPair(
        original=original.id,
        copy=copy.id,
        credited=is_credited(original, copy),
        shared_original=shared_original,
        shared_copy=shared_copy,
        passages=tuple(sorted(passages, key=lambda p: (p.original, p.copy))),
        reason=_reason(original, copy, shared_original, shared_copy, decider, truncation),
        confidence=round(confidence * (0.5 + 0.5 * shared), 4),
    )


def _is_truncation(alignment: Alignment, settings: Settings) -> bool:
    """True when the smaller text is the opening of the larger plus a trailing line of its own."""
    found = alignment
    if found.shared_first >= found.shared_second:
        shared, tail, words, container_lead = found.shared_first, found.tail_first, found.words_first, found.lead_second
    else:
        shared, tail, words, container_lead = found.shared_second, found.tail_second, found.words_second, found.lead_first
    if not tail or not words or container_lead:
        return False
    return shared + tail / words >= 1.0 - settings.containment_margin


def as_utc(moment: datetime | None) -> datetime | None:
    """Return ``moment`` as an aware UTC datetime (a naive one is taken as UTC).

    Examples
    --------
    >>> as_utc(datetime(2022, 3, 24, 8)).isoformat()
    '2022-03-24T08:00:00+00:00'
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _reason(
    original: Article,
    copy: Article,
    shared_original: float,
    shared_copy: float,
    decider: str | None,
    truncation: bool,
) -> str:
    """One line: the time gap, the credit line, how much of the original it holds."""
    parts = []
    original_time, copy_time = as_utc(original.published), as_utc(copy.published)
    if original_time and copy_time:
        parts.append(_time_phrase(copy_time - original_time))
    credited = sorted(credit_names(copy.credits) & credit_names([original.publisher, *original.credits]))
    if credited:
        names = [name for name in copy.credits if credit_names([name]) & set(credited)]
        parts.append("credits " + ", ".join(names))
    elif copy.credits:
        parts.append("credits " + ", ".join(copy.credits) + " only")
    else:
        parts.append("credits no one")
    if decider == "containment" and truncation:
        parts.append(f"is the opening {round(shared_original * 100)}% of the other's text (a truncation)")
    elif decider == "containment":
        parts.append("holds all of the other's text and more of its own")
    else:
        parts.append(f"holds {round(shared_original * 100)}% of the other's text")
    if decider == "dated":
        parts.append("only the copy is undated (a weak sign)")
    elif decider is None:
        parts.append("direction unknown")
    return "; ".join(parts)


def _time_phrase(gap) -> str:
    """"published 3 hours later", "published a day later", "published at the same time"."""
    seconds = gap.total_seconds()
    if seconds <= 0:
        return "published at the same time" if seconds == 0 else "published earlier"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        count = int(seconds // size)
        if count == 1:
            return f"published {'an' if unit == 'hour' else 'a'} {unit} later"
        if count > 1:
            return f"published {count} {unit}s later"
    return "published seconds later"
