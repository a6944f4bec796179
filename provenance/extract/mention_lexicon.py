"""The word lists behind source mentions, compiled once.

Titles, first names, anonymous-source phrases, document nouns,
back-reference nouns, pronouns, organisation words, places, the media of
known outlets, the ambiguous aliases of known sources and the function words
of source phrases all live in ``provenance/data``; this module reads
them into one cached :class:`MentionLexicon`, and gives the fast lookup keys
(:func:`fast_key`, :func:`source_keys`) the mention code uses on every
capitalised word sequence of an article. It holds no rules of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table
from ..sources import KnownSource, SourceTable, normalize_name

__all__ = ["Backref", "MentionLexicon", "Title", "fast_key", "mention_lexicon", "source_keys"]

#: Keys remembered by :func:`fast_key` (names recur within and across articles); cleared when this large.
_MEMORY = 50_000
_FAST_KEYS: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Title:
    """What a title word gives a name: a role (None for "Mr.") and a gender (None for either)."""

    role: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class Backref:
    """A back-reference noun: the kinds it may refer to, preferred first, and the words it needs."""

    kinds: tuple[str, ...]
    words: frozenset[str]


@dataclass(frozen=True, slots=True, eq=False)
class MentionLexicon:
    """Every word list of :mod:`provenance.extract.mentions`, keyed by casefolded text."""

    titles: dict[tuple[str, ...], Title]
    title_words: int
    first_names: dict[str, str | None]
    anonymous_heads: frozenset[str]
    anonymous_phrases: re.Pattern[str]
    documents: frozenset[str]
    backrefs: dict[str, Backref]
    pronouns: dict[str, tuple[str | None, str]]
    org_words: dict[str, str]
    places: dict[str, str]
    ambiguous_aliases: frozenset[str]
    outlet_media: dict[str, str]
    word_classes: dict[str, frozenset[str]]

    def words(self, word_class: str) -> frozenset[str]:
        """The function words of one class of ``mention_words.tsv`` ("determiner", "link", ...)."""
        return self.word_classes.get(word_class, frozenset())


def fast_key(text: str) -> str:
    """Return the cheap lookup key of a name: casefolded, straight apostrophes, no leading "the".

    Examples
    --------
    >>> fast_key("The  Washington Post")
    'washington post'
    >>> fast_key("O’Malley")
    "o'malley"
    """
    key = _FAST_KEYS.get(text)
    if key is None:
        if len(_FAST_KEYS) >= _MEMORY:
            _FAST_KEYS.clear()
        key = " ".join(text.replace("\u2019", "'").split()).casefold()
        key = _FAST_KEYS[text] = key[4:] if key.startswith("the ") else key
    return key


@lru_cache(maxsize=8)
def source_keys(table: SourceTable) -> dict[str, KnownSource]:
    """Return every alias of ``table`` under its :func:`fast_key` and its normalised form."""
    keys: dict[str, KnownSource] = {}
    for record in table.records:
        for alias in (record.name, *record.aliases):
            keys.setdefault(fast_key(alias), record)
            keys.setdefault(normalize_name(alias), record)
    return keys


@lru_cache(maxsize=1)
def mention_lexicon() -> MentionLexicon:
    """Return the packaged word lists of mention typing (read and compiled once).

    Examples
    --------
    >>> lexicon = mention_lexicon()
    >>> lexicon.titles[("spokesman",)].role
    'spokesman'
    >>> lexicon.first_names["mike"]
    'm'
    """
    titles = {
        tuple(row[0].casefold().split()): Title(_optional(row[1]), _optional(row[2]))
        for row in load_table("titles.tsv", columns=3)
    }
    anonymous = load_table("anonymous.tsv", columns=2)
    phrases = sorted((row[0].casefold() for row in anonymous if row[1] == "phrase"), key=len, reverse=True)
    backrefs = {
        row[0].casefold(): Backref(
            tuple(row[1].split("|")),
            frozenset() if row[2] == "-" else frozenset(row[2].casefold().split("|")),
        )
        for row in load_table("backrefs.tsv", columns=3)
    }
    return MentionLexicon(
        titles=titles,
        title_words=max(len(key) for key in titles),
        first_names={row[0].casefold(): _optional(row[1]) for row in load_table("first_names.tsv", columns=2)},
        anonymous_heads=frozenset(row[0].casefold() for row in anonymous if row[1] == "head"),
        anonymous_phrases=re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b"),
        documents=frozenset(row[0].casefold() for row in load_table("documents.tsv", columns=1)),
        backrefs=backrefs,
        pronouns={
            row[0].casefold(): (_optional(row[1]), row[2]) for row in load_table("pronouns.tsv", columns=3)
        },
        org_words={row[0].casefold(): row[1] for row in load_table("org_words.tsv", columns=2)},
        places={row[0].casefold(): row[1] for row in load_table("places.tsv", columns=2)},
        ambiguous_aliases=frozenset(row[0] for row in load_table("ambiguous_aliases.tsv", columns=2)),
        outlet_media={row[0]: row[1] for row in load_table("outlet_media.tsv", columns=2)},
        word_classes=_word_classes(load_table("mention_words.tsv", columns=2)),
    )


def _word_classes(rows: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    """Words by class, from rows of (word, classes separated by "|")."""
    classes: dict[str, set[str]] = {}
    for word, names in rows:
        for name in names.split("|"):
            classes.setdefault(name, set()).add(word.casefold())
    return {name: frozenset(words) for name, words in classes.items()}


def _optional(cell: str) -> str | None:
    """A table cell, with "-" meaning none."""
    return None if cell == "-" else cell
