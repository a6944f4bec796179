"""What a source phrase's own words say, read once and remembered across articles.

Typing a phrase (:class:`~provenance.extract.mentions.MentionResolver`) has
two parts: reading its words, which needs nothing but the phrase, the source
table and the word lists, and resolving it in its article (back-references,
people named before). :class:`PhraseReader` does the first part: it strips
parentheses and outer punctuation, splits the words, looks the whole phrase
up among known sources and pronouns, and takes apart its appositive, the
document it may name and the unnamed source it may be ("Pentagon spokesman
John Kirby", "the Pentagon's statement", "a senior official"). The result,
a :class:`PhraseSurface`, depends on the phrase's text alone, so it is
remembered: the same phrases ("he", "the spokesman", "Reuters") recur in
every article, and reading them again cost a third of mention typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..sources import KnownSource, SourceTable
from .mention_lexicon import MentionLexicon, fast_key, mention_lexicon, source_keys
from .mention_names import classify_name, parse_role_phrase, phrase_words, strip_possessive
from .mention_refs import leading_source

__all__ = ["PhraseReader", "PhraseSurface", "is_possessive", "phrase_reader"]

RE_APPOSITION = re.compile(r"\s[-\u2013\u2014]+\s")
RE_PARENTHESES = re.compile(r"\s*\([^()]*\)")
#: Quotes, brackets and punctuation around a phrase ("‘Fox News Sunday’", "Kirby,").
RE_OUTER = re.compile(
    r"^[\s\"'\u2018\u2019\u201c\u201d\u00ab\u00bb(\[]+|[\s\"'\u2018\u2019\u201c\u201d\u00ab\u00bb)\],;:.!?\u2014-]+$"
)
#: Phrases remembered per reader; the memory is cleared when it holds this many.
_MEMORY = 50_000


@dataclass(frozen=True, slots=True)
class PhraseSurface:
    """What a phrase's own words say, before its article is consulted.

    A pronoun or a known source is typed by that alone: the fields after
    ``record`` are then left empty.
    """

    core: str  # without parentheses and outer quotes or punctuation
    words: tuple[str, ...]
    pronoun: str | None  # the key of a one-word pronoun ("he")
    record: KnownSource | None  # the known source the whole phrase names
    is_acronym: bool  # one all-capital word ("CNS")
    head: tuple[str, ...]  # the words before an appositive
    appositive: tuple[str, ...]  # the words after its comma or dash
    is_appositive_name: bool  # the appositive is a bare full name (", Tad Devine")
    #: (owner text or None, whether the owner modifies the noun, the owner's words) when the head names a document.
    document: tuple[str | None, bool, tuple[str, ...]] | None
    #: (affiliation words, head, role of a possessive head) when the phrase is an unnamed source.
    anonymous: tuple[tuple[str, ...], tuple[str, ...], str | None] | None
    leading: str | None  # the known source the phrase starts with: "the AP" in "the AP on Wednesday"


class PhraseReader:
    """Reads source phrases against one source table and the word lists; remembers what it read.

    Parameters
    ----------
    sources : SourceTable
        Known outlets, wires and bodies.
    lexicon : MentionLexicon, optional
        The word lists; the packaged ones by default.

    Examples
    --------
    >>> from provenance.sources import known_sources
    >>> reader = phrase_reader(known_sources())
    >>> surface = reader.read("“Pentagon spokesman John Kirby,”")
    >>> surface.words, surface.record
    (('Pentagon', 'spokesman', 'John', 'Kirby'), None)
    >>> reader.read("the AP on Wednesday").leading, reader.read("He").pronoun
    ('the AP', 'he')
    >>> reader.read("Sanders's campaign manager, Jeff Weaver").is_appositive_name
    True
    """

    def __init__(self, sources: SourceTable, *, lexicon: MentionLexicon | None = None) -> None:
        self.sources = sources
        self.lexicon = lexicon or mention_lexicon()
        self.keys = source_keys(sources)
        words = self.lexicon.words
        self._determiners, self._head_ends, self._document_links = (
            words("determiner"), words("head_end"), words("document_link")
        )
        self._memory: dict[str, PhraseSurface] = {}

    def read(self, text: str) -> PhraseSurface:
        """Return the :class:`PhraseSurface` of ``text`` (remembered)."""
        surface = self._memory.get(text)
        if surface is None:
            if len(self._memory) >= _MEMORY:
                self._memory.clear()
            surface = self._memory[text] = self._read(text)
        return surface

    def is_full_name(self, words: tuple[str, ...] | list[str]) -> bool:
        """True for a bare person's name of two to four capitalised words ("Tad Devine")."""
        return (
            1 < len(words) <= 4
            and all(word[:1].isupper() for word in words)
            and classify_name(words, self.lexicon) == "person"
            and self.keys.get(fast_key(" ".join(words))) is None
        )

    def _read(self, text: str) -> PhraseSurface:
        core = RE_OUTER.sub("", RE_PARENTHESES.sub("", text))
        words = tuple(phrase_words(core))
        pronoun = fast_key(words[0]) if len(words) == 1 else None
        record = None
        if pronoun not in self.lexicon.pronouns:
            pronoun = None
            record = self.keys.get(fast_key(core)) or self.keys.get(fast_key(strip_possessive(core)))
            if record is None and words and len(words) < 8 and (not core.isascii() or "." in core):
                record = self.sources.lookup(core)  # accents and web domains
        if not words or pronoun is not None or record is not None:  # typed without the rest
            return PhraseSurface(core, words, pronoun, record, False, (), (), False, None, None, None)
        head, _, appositive = RE_APPOSITION.sub(",", core).partition(",")
        head_words, appositive_words = tuple(phrase_words(head)), tuple(phrase_words(appositive))
        source = leading_source(words, keys=self.keys, lexicon=self.lexicon) if len(words) > 2 else None
        return PhraseSurface(
            core,
            words,
            pronoun,
            record,
            len(words) == 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) > 1,
            head_words,
            appositive_words,
            self.is_full_name(appositive_words),
            self._document(head_words),
            self._anonymous(" ".join(words), head_words),
            " ".join(source) if source is not None else None,
        )

    def _document(self, words: tuple[str, ...]) -> tuple[str | None, bool, tuple[str, ...]] | None:
        """The owner of the document a phrase names ("the Pentagon's statement"), or None for no document."""
        position = next((i for i, word in enumerate(words) if word.islower() and word in self.lexicon.documents), None)
        if position is None or any(word.casefold() in self._head_ends for word in words[:position]):
            return None
        owner = [word for word in words[:position] if word.casefold() not in self._determiners and word[:1].isupper()]
        tail = words[position + 1 :]
        while tail and tail[0].casefold() in self._document_links:
            tail = tail[1:]
        owner_words = owner or (tail if len(tail) < len(words[position + 1 :]) else [])
        if not owner_words:
            return None, False, ()
        owner_text = " ".join(owner_words).split("/")[0]  # "a USA TODAY/Rock the Vote survey"
        return owner_text, bool(owner) and not is_possessive(owner[-1]), tuple(phrase_words(owner_text))

    def _anonymous(self, core: str, words: tuple[str, ...]):
        """The affiliation words, head and possessive role of an unnamed source, or None for a named one."""
        cut = next((i for i, word in enumerate(words) if i and word.casefold() in self._head_ends), len(words))
        head = words[:cut]
        lexicon = self.lexicon
        is_anonymous = bool(head) and fast_key(head[-1]) in lexicon.anonymous_heads
        if not is_anonymous:
            is_anonymous = lexicon.anonymous_phrases.search(core.casefold()) is not None and not any(
                word.casefold() in lexicon.first_names and word[:1].isupper() for word in words
            )
        if not is_anonymous:
            return None
        named = [word for word in head[:-1] if word[:1].isupper() and word.casefold() not in self._determiners]
        link = [word for word in words[cut + 1 :] if word[:1].isupper() or word.casefold() == "the"]
        role = None
        if len(head) > 1 and head[0][:1].isupper() and is_possessive(head[0]):  # "Obama's former strategist"
            role = parse_role_phrase(head, lexicon).role
        return tuple(named or link), head, role


@lru_cache(maxsize=8)
def phrase_reader(sources: SourceTable) -> PhraseReader:
    """Return the reader of ``sources`` with the packaged word lists (one per table, kept across articles)."""
    return PhraseReader(sources)


def is_possessive(word: str) -> bool:
    """True for a word with a possessive ending ("Kirby’s", "Reuters'").

    Examples
    --------
    >>> is_possessive("Kirby’s"), is_possessive("Reuters'"), is_possessive("Kirby")
    (True, True, False)
    """
    return strip_possessive(word) != word
