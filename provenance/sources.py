"""Known sources: outlets, wire services and public bodies, with their aliases.

The table lives in ``provenance/data/sources.tsv`` (name, kind, aliases,
web domains). :func:`known_sources` compiles it once into a lookup that maps
any alias or domain, case-insensitively and with a leading "the" ignored, to
the canonical record. A user's alias file in the same format extends it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import load_table, read_table
from .model import KINDS

__all__ = ["KnownSource", "SourceTable", "known_sources", "load_aliases", "normalize_name"]

RE_SPACE = re.compile(r"\s+")
RE_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class KnownSource:
    """One canonical source from the table."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@lru_cache(maxsize=65_536)
def normalize_name(name: str) -> str:
    """Return the lookup key of a name: no accents, casefolded, no leading "the".

    Examples
    --------
    >>> normalize_name("The  Washington Post")
    'washington post'
    >>> normalize_name("José Gómez")
    'jose gomez'

    Keys are remembered (names recur across articles).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("\u2019", "'").strip(" \t\n.,;:'\"")
    plain = RE_SPACE.sub(" ", plain)
    return RE_LEADING_THE.sub("", plain).casefold()


class SourceTable:
    """A lookup from names and domains to :class:`KnownSource` records."""

    def __init__(self, records: Iterable[KnownSource]) -> None:
        self.records: tuple[KnownSource, ...] = tuple(sorted(records, key=lambda r: r.name))
        self._by_key: dict[str, KnownSource] = {}
        self._by_domain: dict[str, KnownSource] = {}
        for record in self.records:
            for alias in (record.name, *record.aliases):
                self._by_key.setdefault(normalize_name(alias), record)
            for domain in record.domains:
                self._by_domain.setdefault(domain.casefold(), record)

    def lookup(self, name: str) -> KnownSource | None:
        """Return the record ``name`` (an alias or a domain) stands for, if any.

        Examples
        --------
        >>> known_sources().lookup("the AP").name
        'Associated Press'
        >>> known_sources().lookup("www.washingtonpost.com").name
        'The Washington Post'
        >>> known_sources().lookup("Acme Gazette") is None
        True
        """
        record = self._by_key.get(normalize_name(name))
        if record is None and "." in name and " " not in name.strip():
            record = self.lookup_domain(name)
        return record

    def lookup_domain(self, host: str) -> KnownSource | None:
        """Return the record of a web host ("www.reuters.com", "uk.reuters.com")."""
        host = host.casefold().strip().rstrip(".")
        host = re.sub(r"^[a-z]+://", "", host).split("/")[0]
        parts = host.split(".")
        for start in range(len(parts) - 1):
            record = self._by_domain.get(".".join(parts[start:]))
            if record is not None:
                return record
        return None

    def extended(self, records: Iterable[KnownSource]) -> SourceTable:
        """Return a table with ``records`` added; theirs win on a shared alias."""
        records = tuple(records)
        return SourceTable((*records, *self.records)) if records else self


def _records_from_rows(rows: Iterable[tuple[str, ...]], *, name: str) -> list[KnownSource]:
    records = []
    for row in rows:
        canonical, kind = row[0], (row[1] if len(row) > 1 and row[1] else "organization")
        if kind not in KINDS:
            raise ValueError(f"{name}: unknown kind {kind!r} for {canonical!r}; expected one of: {', '.join(sorted(KINDS))}")
        aliases = tuple(a.strip() for a in row[2].split("|") if a.strip()) if len(row) > 2 else ()
        domains = tuple(d.strip() for d in row[3].split("|") if d.strip()) if len(row) > 3 else ()
        records.append(KnownSource(canonical, kind, aliases, domains))
    return records


@lru_cache(maxsize=None)
def known_sources() -> SourceTable:
    """Return the packaged table of known sources (built once)."""
    return SourceTable(_records_from_rows(load_table("sources.tsv"), name="sources.tsv"))


def load_aliases(path: str | Path) -> SourceTable:
    """Return the packaged table extended by a user's alias file at ``path``."""
    return known_sources().extended(_records_from_rows(read_table(path), name=str(path)))
