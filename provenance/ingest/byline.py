"""Bylines: who wrote an article, and the outlet a byline credits.

A byline is one line near the top of an article: "By Jane Doe", "By JOSH
BOAK and ZEKE MILLER Associated Press", "Sumaira FH Published March 24, 2022
| 08:12 PM", "Author: Jane Doe", "By Jane Doe, Staff Writer | Updated ...".
:func:`parse_byline` returns the names as written (spaces tidied) without
dates, labels and job words, and the known outlets or wires the byline names
("By Jane Doe, Associated Press" credits the Associated Press). A line that
only looks like a byline ("By the numbers: ...", "Bystanders said ...")
gives nothing. Job words come from ``provenance/data/titles.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_table
from ..sources import SourceTable, known_sources
from .credits import credit_names, known_source
from .dates import find_dates

__all__ = ["parse_byline"]

#: Byline openers: "By Jane Doe", "Author: Jane Doe".
RE_BY = re.compile(
    r"(?:by|written\s+by|words\s+by|story\s+by|author|authors|posted\s+by)\b\s*:?\s*", re.IGNORECASE
)
#: "Jane Doe Published March 24, ..." (the date must follow).
RE_NAME_BEFORE_LABEL = re.compile(
    r"(?P<name>.+?)\s*[|,•·-]?\s*\b(?:first\s+published|published|posted|updated|last\s+updated)\b",
    re.IGNORECASE,
)
#: Where the name ends in a byline: a separator, a date label, "for", "on <date>".
RE_BYLINE_CUT = re.compile(
    r"\s*(?:\||•|·|\s[-–—]\s|\b(?:first\s+published|published|posted|updated|last\s+updated|for)\b"
    r"|\bon\s+(?=\w+\s+\d)|\bat\s+(?=\d)|\s(?:on|at)\s*$).*$",
    re.IGNORECASE,
)
RE_AND = re.compile(r"\s+(?:and|&)\s+")
#: Words after an outlet name in a byline that leave the outlet ("Reuters Staff").
RE_STAFF = re.compile(r"\s+(?:staff|reporters?|wires?|report)$", re.IGNORECASE)
#: Most words of one author's name.
MAX_NAME_WORDS = 5


def parse_byline(line: str, *, sources: SourceTable | None = None) -> tuple[str | None, tuple[str, ...]]:
    """Return the author of a byline line and the outlets it credits.

    Examples
    --------
    >>> parse_byline("Sumaira FH Published March 24, 2022 | 08:12 PM")
    ('Sumaira FH', ())
    >>> parse_byline("By JOSH BOAK and ZEKE MILLER Associated Press")
    ('JOSH BOAK and ZEKE MILLER', ('Associated Press',))
    >>> parse_byline("By Jane Doe, Staff Writer | Updated 2016-03-11 10:00")
    ('Jane Doe', ())
    >>> parse_byline("By the numbers: a week of talks")
    (None, ())
    """
    table = sources or known_sources()
    line = " ".join(line.split())
    opener = RE_BY.match(line)
    if opener is not None:
        words = line[opener.end() :]
    else:
        labelled = RE_NAME_BEFORE_LABEL.match(line)
        if labelled is None or not any(True for _ in find_dates(line[labelled.end() :])):
            return None, ()
        if len(labelled.group("name").split()) < 2:
            return None, ()  # "Report Published ..." is a heading; a byline names a full name
        words = labelled.group("name")
    for found in find_dates(words):
        words = words[: found.start]
        break
    words = RE_BYLINE_CUT.sub("", words).strip(" ,;:-–—|")
    names: list[str] = []
    credits: list[str] = []
    for position, segment in enumerate(part.strip() for part in words.split(",")):
        outlet = _outlet(segment, table)
        if outlet is not None:
            credits.append(outlet)
            continue
        segment, trailing = _trailing_outlet(segment, table)
        if trailing:
            credits.append(trailing)
        if _is_person_list(segment, table):
            names.append(segment)
        elif position == 0 or not _is_role(segment):
            break
    return (", ".join(names) or None), tuple(credits)

def _outlet(segment: str, table: SourceTable) -> str | None:
    """The known outlet or wire a byline segment names ("Associated Press", "Reuters Staff")."""
    record = known_source(RE_STAFF.sub("", segment), sources=table) if segment else None
    return record.name if record and record.kind in ("outlet", "wire") else None


def _trailing_outlet(segment: str, table: SourceTable) -> tuple[str, str | None]:
    """A byline segment split from a known outlet it ends with ("JANE DOE Associated Press")."""
    words = segment.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        outlet = _outlet(" ".join(words[-size:]), table)
        if outlet is not None:
            return " ".join(words[:-size]), outlet
    return segment, None


def _is_person_list(segment: str, table: SourceTable) -> bool:
    """True for "Jane Doe" or "Jane Doe and John Roe": capitalised names, no roles."""
    if not segment or any(char.isdigit() for char in segment):
        return False
    return all(_looks_like_person(name, table) for name in RE_AND.split(segment))


def _looks_like_person(name: str, table: SourceTable) -> bool:
    """True for one capitalised personal name of one to five words without role words."""
    if not 1 <= len(name.split()) <= MAX_NAME_WORDS or _is_role(name):
        return False
    if known_source(name, sources=table) is not None:
        return False
    return credit_names(name, accepts="name", sources=table) == [name]


def _is_role(segment: str) -> bool:
    """True when a segment holds a job word ("Staff Writer", "Senior Correspondent")."""
    return any(word.casefold().strip(".") in _role_words() for word in segment.split())


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Job words from ``titles.tsv`` (not courtesy titles) and "staff"."""
    rows = load_table("titles.tsv")
    return frozenset(row[0].casefold() for row in rows if len(row) > 1 and row[1] != "-") | {"staff"}
