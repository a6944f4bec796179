"""Publication dates as news prints them: ISO strings, bylines, datelines.

A date is only read where it is written out with its year ("March 24, 2022",
"24th March, 2022", "Nov. 3, 2016", "2016-03-11 10:00"), optionally with a time
("| 08:12 PM", "at 8:12 p.m.") and a time-zone abbreviation from
``provenance/data/timezones.tsv``. The matched words are parsed with
``dateutil.parser.parse(fuzzy=True)``; ISO strings with
:meth:`datetime.fromisoformat`. The result is timezone-naive unless a zone is
stated. A date that does not exist ("Feb 30, 2022") is no date.

This module does not decide which date of an article is its publication
date; :mod:`provenance.ingest.metadata` does, from where the dates stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from dateutil import parser as date_parser
from dateutil import tz

from ..lexicon import load_table

__all__ = ["FoundDate", "find_dates", "parse_date"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-\d{{1,2}}-\d{{1,2}}(?![\d:T])"
    rf"|{_YEAR}/\d{{1,2}}/\d{{1,2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/{_YEAR})"
)
_TIME = r"(?:\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?\s?m\b\.?)"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_ISO = r"(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"

_ZONE = r"(?-i:(?P<{name}>[A-Z]{{2,4}}))\b"

#: A written-out date with an optional time before or after it, and a zone
#: abbreviation (upper case, checked against the table) after the time.
RE_DATE = re.compile(
    rf"\b(?:(?P<iso>{_ISO})(?:\s*{_ZONE.format(name='iso_zone')})?"
    rf"|(?:(?P<time_before>{_TIME})(?:\s*{_ZONE.format(name='zone_before')})?"
    rf"\s*(?:,|\||on)?\s*(?:{_WEEKDAY},?\s+)?)?(?P<date>{_DATE})"
    rf"(?:\s*(?:,|\||@|\bat\b|-|–|—)?\s*(?P<time_after>{_TIME})"
    rf"(?:\s*{_ZONE.format(name='zone_after')})?)?)",
    re.IGNORECASE,
)
#: Every date read has a year: text without one is skipped at once.
RE_YEAR = re.compile(r"(?:1[89]|20)\d\d")
RE_MERIDIEM = re.compile(r"([ap])\.?\s?m\b\.?", re.IGNORECASE)
#: Words just before a date that say what kind of date it is.
RE_LABEL = re.compile(
    r"\b(?P<label>first\s+published|published|posted|date|last\s+updated|updated|modified|edited)"
    r"\b(?:\s+(?:on|at))?\W*$",
    re.IGNORECASE,
)
#: Rank of a labelled date: publication labels first, unlabelled next, updates last.
LABEL_RANKS = {"published": 0, "posted": 0, "date": 0, "first published": 0}
UNLABELLED_RANK = 1
UPDATE_RANK = 2
#: How far before a date a label may stand ("Published on Thursday, ").
LABEL_REACH = 30


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a piece of text: its value, where it is, and its rank.

    ``rank`` is 0 for a publication label ("Published", "Posted"), 1 for no
    label and 2 for an update label ("Updated", "Modified"); lower is better.
    """

    value: datetime
    start: int
    end: int
    rank: int


def find_dates(text: str) -> Iterator[FoundDate]:
    """Yield the dates written out in ``text``, in order of appearance.

    Examples
    --------
    >>> [(d.value, d.rank) for d in find_dates("Sumaira FH Published March 24, 2022 | 08:12 PM")]
    [(datetime.datetime(2022, 3, 24, 20, 12), 0)]
    >>> [str(d.value) for d in find_dates("Updated 2016-03-11 10:00")]
    ['2016-03-11 10:00:00']
    >>> list(find_dates("on Thursday at noon"))
    []
    """
    yield from _dates(text)


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[FoundDate, ...]:
    """The dates of ``text`` (cached: a byline is read by more than one reader)."""
    if not RE_YEAR.search(text):
        return ()
    found = []
    previous_end = 0
    for match in RE_DATE.finditer(text):
        value = _value(match)
        if value is None:
            continue
        label = RE_LABEL.search(text, max(previous_end, match.start() - LABEL_REACH), match.start())
        previous_end = match.end()
        if label is None:
            rank = UNLABELLED_RANK
        else:
            rank = LABEL_RANKS.get(" ".join(label.group("label").casefold().split()), UPDATE_RANK)
        found.append(FoundDate(value, match.start(), match.end(), rank))
    return tuple(found)


def parse_date(value: str | date | datetime | None) -> datetime | None:
    """Return ``value`` as a datetime, or None when it holds no date.

    Accepts a datetime (returned as is), a date (midnight), an ISO 8601
    string, or any text with a written-out date (the first one is taken).

    Examples
    --------
    >>> parse_date("2022-03-24T20:12:00")
    datetime.datetime(2022, 3, 24, 20, 12)
    >>> parse_date("Published March 24, 2022 | 08:12 PM")
    datetime.datetime(2022, 3, 24, 20, 12)
    >>> parse_date("Nov. 3, 2016")
    datetime.datetime(2016, 11, 3, 0, 0)
    >>> parse_date("no date here") is None
    True
    """
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(f"a date must be a str, date or datetime, not {type(value).__name__}")
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    return next((found.value for found in find_dates(text[:1000])), None)


def _value(match: re.Match[str]) -> datetime | None:
    """The datetime a date match stands for, or None when it is impossible."""
    if match.group("iso"):
        try:
            found = datetime.fromisoformat(match.group("iso"))
        except ValueError:
            return None
        return _with_zone(found, match.group("iso_zone"))
    time = match.group("time_after") or match.group("time_before")
    words = match.group("date")
    if time:
        words = words + " " + RE_MERIDIEM.sub(r"\1m", time)
        zone = match.group("zone_after") or match.group("zone_before")
        if zone and zone in _zones():
            words = f"{words} {zone}"
    return _parsed(words)


@lru_cache(maxsize=4096)
def _parsed(words: str) -> datetime | None:
    """``dateutil``'s reading of the words of one date (cached: bylines repeat)."""
    try:
        return date_parser.parse(words, fuzzy=True, tzinfos=_zones())
    except (ValueError, OverflowError):
        return None


def _with_zone(found: datetime, zone: str | None) -> datetime:
    """``found`` in the zone named after it, when it has none of its own."""
    if found.tzinfo is None and zone and zone in _zones():
        return found.replace(tzinfo=_zones()[zone])
    return found


@lru_cache(maxsize=1)
def _zones() -> dict[str, tzinfo]:
    """The zone abbreviations of ``timezones.tsv`` as tzinfo objects."""
    zones = {}
    for abbreviation, zone in load_table("timezones.tsv", columns=2):
        if zone[:1] in "+-":
            hours, _, minutes = zone[1:].partition(":")
            offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
            zones[abbreviation] = tz.tzoffset(abbreviation, -offset if zone[0] == "-" else offset)
        elif (found := tz.gettz(zone)) is not None:
            zones[abbreviation] = found
    return zones
