"""Credit lines: the sources whose text an article republishes.

The forms a credit takes on a line of its own ("Source: Xinhua", "via The
Hill", "h/t: Breitbart", "— Agence France-Presse", "This article originally
appeared in The Guardian", "(Reporting by ...; Editing by ...)", "The
Associated Press contributed to this report") are rules in
``provenance/data/credit_forms.tsv``: a regex matched against a whole line,
where the line may stand (the top or the bottom of the article), and how
sure a captured name must look to count. A credit in a sentence of the body
("a source told the Associated Press") is never read: every form is
anchored to a line of its own. Dateline credits ("WASHINGTON (AP) —") are
read by :mod:`provenance.ingest.metadata`, through :func:`credit_names`.

Names are made canonical with :func:`provenance.sources.known_sources`
("AP" gives "Associated Press"); unknown names keep their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table, load_words
from ..sources import KnownSource, SourceTable, known_sources, normalize_name
from .lines import Line

__all__ = [
    "ACCEPTS",
    "CreditForm",
    "canonical_source",
    "credit_forms",
    "credit_names",
    "find_credit_lines",
    "is_same_source",
    "known_source",
]

#: How sure a captured name must look to count as a credit, loosest last.
ACCEPTS = ("wire", "known", "agency", "name")
SCOPES = ("head", "tail", "last", "any")
TAKES = ("all", "first")

#: Separators between the names of a list ("UrduPoint News / Sputnik").
RE_NAME_SEPARATOR = re.compile(r"\s*(?:/|,|;|\+|&(?=\s)|\band\b|\bwith\b)\s*")
#: A date or a time inside a credit ("Sputnik - 24th March, 2022"), cut off with what follows.
RE_TRAILING_DATE = re.compile(
    r"\s*[-–—,:]\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
RE_ACRONYM = re.compile(r"[A-Z][A-Z&.-]{1,7}")
RE_URL = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)
#: Longest line read as a credit line, in words.
MAX_CREDIT_LINE_WORDS = 40
#: Longest name read as a credit, in words.
MAX_NAME_WORDS = 7


@dataclass(frozen=True, slots=True)
class CreditForm:
    """One credit-line rule from ``credit_forms.tsv``."""

    name: str
    scope: str
    accepts: str
    take: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def credit_forms() -> tuple[CreditForm, ...]:
    """Return the credit-line rules, compiled once.

    Examples
    --------
    >>> any(form.name == "via" for form in credit_forms())
    True
    """
    forms = []
    for name, scope, accepts, take, pattern in load_table("credit_forms.tsv", columns=5):
        for value, allowed in ((scope, SCOPES), (accepts, ACCEPTS), (take, TAKES)):
            if value not in allowed:
                expected = ", ".join(allowed)
                raise ValueError(f"credit_forms.tsv: {name}: unknown {value!r}; expected one of: {expected}")
        forms.append(CreditForm(name, scope, accepts, take, re.compile(pattern, re.IGNORECASE)))
    return tuple(forms)


@lru_cache(maxsize=1)
def _any_form() -> re.Pattern[str]:
    """One pattern matching a line when any credit form may (a quick first test)."""
    plain = (re.sub(r"\(\?P<\w+>", "(?:", form.pattern.pattern) for form in credit_forms())
    return re.compile("|".join(f"(?:{pattern})" for pattern in plain), re.IGNORECASE)


def find_credit_lines(
    lines: Iterable[Line], *, where: str, sources: SourceTable | None = None
) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, name)`` for every credit on a credit line of ``lines``.

    Parameters
    ----------
    lines : iterable of Line
        The lines to read, from the top (``where="head"``) or the bottom
        (``where="tail"``) of the article.
    where : {"head", "tail"}
        Which end the lines come from; a form only applies where it may
        stand (a "last" form only on the last of the tail lines).
    sources : SourceTable, optional
        Known sources for canonical names; the packaged table by default.

    Examples
    --------
    >>> from provenance.ingest.lines import iter_lines
    >>> lines = iter_lines("The talks went on.\\n\\n— Agence France-Presse\\n")
    >>> [name for _, name in find_credit_lines(lines, where="tail")]
    ['Agence France-Presse']
    """
    table = sources or known_sources()
    lines = list(lines)
    last = lines[-1] if lines else None
    for line in lines:
        if line.cut or line.words > MAX_CREDIT_LINE_WORDS or not _any_form().fullmatch(line.text):
            continue
        for form in credit_forms():
            is_last = form.scope == "last" and where == "tail" and line is last
            if not (form.scope in (where, "any") or is_last):
                continue
            match = form.pattern.fullmatch(line.text)
            if match is None:
                continue
            offset = line.start + match.start("names")
            words = match.group("names")
            for piece, name in _credits(words, accepts=form.accepts, take=form.take, table=table):
                yield offset + max(0, words.find(piece)), name


def credit_names(
    words: str, *, accepts: str = "name", take: str = "all", sources: SourceTable | None = None
) -> list[str]:
    """Return the canonical names of the sources credited in ``words``.

    Parameters
    ----------
    words : str
        What a credit form captured ("UrduPoint News / Sputnik - 24th March, 2022").
    accepts : {"wire", "known", "agency", "name"}
        How sure a name must look: a known wire; any known source; a known
        outlet or wire, or an unknown agency-like name (an acronym, a name
        ending in an outlet word); or any known source or capitalised name.
    take : {"all", "first"}
        ``all`` reads ``words`` as a list of names, each whole; ``first``
        reads the name ``words`` start with and ignores the rest.

    Examples
    --------
    >>> credit_names("UrduPoint News / Sputnik - 24th March, 2022")
    ['UrduPoint', 'Sputnik']
    >>> credit_names("The Guardian and is republished here", take="first")
    ['The Guardian']
    >>> credit_names("a source told the AP")
    []
    """
    return [name for _, name in _credits(words, accepts=accepts, take=take, table=sources or known_sources())]


def _credits(words: str, *, accepts: str, take: str, table: SourceTable) -> list[tuple[str, str]]:
    """The ``(words as written, canonical name)`` of each source credited in ``words``."""
    words = RE_TRAILING_DATE.sub("", words.strip())
    if take == "first":
        words = _leading_name(words)
    found: list[tuple[str, str]] = []
    for piece in RE_NAME_SEPARATOR.split(words):
        piece = piece.strip(" \t\"'“”‘’()[]-–—:.,")
        if piece[:4] == "the ":
            piece = piece[4:]  # "from the Acme Gazette": the name is "Acme Gazette"
        if not piece:
            continue
        name = _accepted(piece, accepts, table)
        if name is not None and all(name != known for _, known in found):
            found.append((piece, name))
    return found


def canonical_source(name: str, *, sources: SourceTable | None = None) -> str:
    """Return the canonical name of a source, or its own words when unknown.

    Examples
    --------
    >>> canonical_source("UrduPoint.com")
    'UrduPoint'
    >>> canonical_source("The  Daily\\u00a0Courier")
    'The Daily Courier'
    """
    record = _lookup(name, sources or known_sources())
    return record.name if record else " ".join(name.split())


def is_same_source(first: str, second: str, *, sources: SourceTable | None = None) -> bool:
    """Return True when two names stand for one source ("AP" and "The Associated Press").

    Examples
    --------
    >>> is_same_source("UrduPoint News", "urdupoint.com"), is_same_source("AP", "AFP")
    (True, False)
    """
    table = sources or known_sources()
    return _source_key(first, table) == _source_key(second, table)


@lru_cache(maxsize=8192)
def _source_key(name: str, table: SourceTable) -> str:
    """The lookup key of a name's canonical form (cached)."""
    return normalize_name(canonical_source(name, sources=table))


def known_source(name: str, *, sources: SourceTable | None = None) -> KnownSource | None:
    """Return the known source a name or a web address stands for, if any (cached).

    Examples
    --------
    >>> known_source("https://www.apnews.com/article/x").name
    'Associated Press'
    >>> known_source("Acme Gazette") is None
    True
    """
    return _lookup(name, sources or known_sources())


@lru_cache(maxsize=8192)
def _lookup(name: str, table: SourceTable) -> KnownSource | None:
    """The known source a name or a web address stands for, if any (cached)."""
    record = table.lookup(name)
    if record is None and RE_URL.fullmatch(name):
        record = table.lookup_domain(name)
    return record


def _accepted(piece: str, accepts: str, table: SourceTable) -> str | None:
    """The canonical name of ``piece`` when it looks sure enough, else None."""
    record = _lookup(piece, table)
    if record is not None:
        if accepts == "wire" and record.kind != "wire":
            return None
        if accepts == "agency" and record.kind not in ("outlet", "wire"):
            return None
        return record.name
    if accepts in ("wire", "known") or not _is_name(piece):
        return None
    if accepts == "agency" and not (RE_ACRONYM.fullmatch(piece) or _ends_with_outlet_word(piece)):
        return None
    return " ".join(piece.split())


def _is_name(piece: str) -> bool:
    """True when every word is capitalised or a small connector, and there are few."""
    words = piece.split()
    if not words or len(words) > MAX_NAME_WORDS or not _is_capitalised(words[0]):
        return False
    return all(_is_capitalised(word) or word.casefold() in _connectors() for word in words)


def _is_capitalised(word: str) -> bool:
    """True for a word starting with a capital letter or a digit, without odd marks."""
    return (word[0].isupper() or word[0].isdigit()) and all(ch.isalnum() or ch in ".'’&-" for ch in word)


def _leading_name(words: str) -> str:
    """The capitalised name ``words`` start with ("The Guardian" of "The Guardian and is ...")."""
    kept: list[str] = []
    for word in words.split():
        bare = word.rstrip(",;:!?)")
        if not bare or not (_is_capitalised(bare) or bare.casefold() in _connectors() or bare == "and"):
            break
        kept.append(bare)
        if bare != word or (bare.endswith(".") and "." not in bare[:-1] and len(bare) > 2):
            break
    while kept and (kept[-1].casefold() in _connectors() or kept[-1] == "and"):
        kept.pop()
    return " ".join(kept).rstrip(".")


def _connectors() -> frozenset[str]:
    """Small words that may stand inside a name ("Times of India", "Agencia de Noticias")."""
    return load_words("name_connectors.txt")


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """Last words that make a name an outlet's or a wire's ("Courier", "News Agency")."""
    rows = load_table("org_words.tsv")
    return frozenset(row[0].casefold() for row in rows if row[1:2] in (("outlet",), ("wire",)))


def _ends_with_outlet_word(piece: str) -> bool:
    """True when the name ends with an outlet word (one or two words long)."""
    words = piece.casefold().split()
    return words[-1] in _outlet_words() or " ".join(words[-2:]) in _outlet_words()
