"""In-article coreference: who and what an article names, by position.

:class:`ArticleIndex` scans an article once with one compiled regular
expression over capitalised word sequences ("Pentagon", "The Washington
Post", "US Secretary of Defense Lloyd Austin") and records, in text order,
the known sources and the people it names, each person with the role,
affiliation and gender its phrases give ("Pentagon spokesman John Kirby", a
later "Kirby", "John Kirby, the Pentagon spokesman"). What each sequence
names out of context is planned by :mod:`provenance.extract.mention_scan`
(and remembered across articles); this module adds the context: surnames
seen earlier, a lowercase title just before a name, an appositive after it.
Back-references ("the newspaper", "he", "Kirby") are then resolved by
:meth:`ArticleIndex.latest` and :meth:`ArticleIndex.person` to the latest
fitting antecedent before them.

Limits: it is a heuristic of recency and fit, not a parser. A person is
indexed only when a title or a known first name marks the name as one; a
pronoun goes to the latest person of compatible gender, even when the
sentence says otherwise; boilerplate regions are never indexed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Span
from ..sources import SourceTable, known_sources
from .mention_lexicon import MentionLexicon, fast_key, mention_lexicon
from .mention_names import canonical_affiliation, parse_role_phrase, phrase_words, strip_possessive
from .mention_scan import PersonStep, SourceStep, scan_tables

__all__ = ["Antecedent", "ArticleIndex", "Person"]

#: What "the newspaper" or "the network" asks of an outlet; see ``outlet_media.tsv``.
_MEDIA = frozenset(("broadcaster", "magazine", "newspaper", "website"))

#: ", the Pentagon spokesman" after a name: the appositive that gives its role.
RE_APPOSITIVE = re.compile(r",[^\S\n]+(?:the|a|an)[^\S\n]+([^,;:()\n\"\u201c\u201d]{1,80})")
_SENTENCE_END = frozenset(".!?\"\u201c\u201d:\n")


@dataclass(slots=True)
class Person:
    """One person named in the article, with what its mentions say about them."""

    name: str
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    first: int = 0


@dataclass(frozen=True, slots=True)
class Antecedent:
    """One indexed mention: where it is, its kind, canonical name and the words it can be called by."""

    start: int
    end: int
    kind: str
    name: str
    words: frozenset[str] = frozenset()
    person: Person | None = None
    medium: str | None = None

    def fits(self, words: frozenset[str], subordinate: frozenset[str] = frozenset()) -> bool:
        """True when ``words`` is empty or meets the person's role, the outlet's medium or the name.

        A role fits when it is one of ``words`` or contains one, unless it starts
        with a ``subordinate`` word ("the president" is not the vice president).
        """
        if not words:
            return True
        if self.person is not None:
            role = self.person.role
            if not role or role in words:
                return bool(role)
            role_words = role.split()
            return not words.isdisjoint(role_words) and role_words[0] not in subordinate
        if self.kind == "outlet" and not words.isdisjoint(_MEDIA):
            return self.medium is None or self.medium in words
        return not words.isdisjoint(self.words)


class ArticleIndex:
    """The people and known sources an article names, in text order, outside boilerplate.

    Examples
    --------
    >>> from provenance.model import Article
    >>> text = "The Washington Post, citing Pentagon spokesman John Kirby, said so."
    >>> index = ArticleIndex(Article(id="a", text=text))
    >>> [(item.kind, item.name) for item in index.antecedents]
    [('outlet', 'The Washington Post'), ('government', 'Pentagon'), ('person', 'John Kirby')]
    >>> person = index.person(["Kirby"], before=len(text))
    >>> (person.name, person.role, person.affiliation)
    ('John Kirby', 'spokesman', 'Pentagon')
    """

    def __init__(
        self,
        article: Article,
        *,
        sources: SourceTable | None = None,
        lexicon: MentionLexicon | None = None,
    ) -> None:
        self.article = article
        self.lexicon = lexicon or mention_lexicon()
        self._tables = scan_tables(sources or known_sources(), self.lexicon)
        self._keys = self._tables.keys
        self._subordinate = self.lexicon.words("subordinate")
        self._author = fast_key(article.author) if article.author else None
        self.antecedents: list[Antecedent] = []
        self._people: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._given_names: dict[str, list[Person]] = {}
        text = article.text
        for start, end in _segments(len(text), article.boilerplate):
            for match in self._tables.pattern.finditer(text, start, end):
                self._add(match.group(), match.start(), start)
        self._starts = [item.start for item in self.antecedents]

    def latest(
        self,
        before: int,
        kinds: Iterable[str],
        *,
        words: frozenset[str] = frozenset(),
        gender: str | None = None,
        affiliation: str | None = None,
        ordered: bool = True,
    ) -> Antecedent | None:
        """Return the latest antecedent before ``before`` of one of ``kinds``.

        Parameters
        ----------
        before : int
            Character offset; only antecedents starting before it count.
        kinds : iterable of str
            The kinds that fit. With ``ordered`` they are tried one after the
            other ("the agency": a wire, else a government body); otherwise the
            latest of any of them wins.
        words : frozenset of str, optional
            Casefolded words the name, the person's role or the outlet's medium
            must meet ("newspaper", "spokesman").
        gender, affiliation : str, optional
            A person of the other gender, or of another known affiliation, is
            passed over.

        Returns
        -------
        Antecedent or None
        """
        kinds = tuple(kinds)
        stop = bisect_left(self._starts, before)
        for group in ((kind,) for kind in kinds) if ordered else (kinds,):
            for position in range(stop - 1, -1, -1):
                item = self.antecedents[position]
                if item.kind not in group or not item.fits(words, self._subordinate):
                    continue
                person = item.person
                if person is not None and gender and person.gender not in (None, gender):
                    continue
                if person is not None and affiliation and person.affiliation not in (None, affiliation):
                    continue
                return item
        return None

    def person(self, name: list[str] | tuple[str, ...], *, before: int) -> Person | None:
        """Return the person a full name, a bare surname or a bare given name stands for.

        A person named before ``before`` is preferred; a surname wins over a given name.
        """
        if len(name) > 1:
            return self._people.get(fast_key(" ".join(name)))
        if not name:
            return None
        key = fast_key(strip_possessive(name[0]))
        people = self._surnames.get(key) or self._given_names.get(key)  # "Kirby", else "Donald"
        if not people:
            return None
        earlier = [person for person in people if person.first < before]
        return earlier[-1] if earlier else people[0]

    # --- scanning

    def _add(self, sequence: str, start: int, segment_start: int) -> None:
        """Index one capitalised sequence by its plan (see :mod:`provenance.extract.mention_scan`)."""
        for step in self._tables.plan(sequence):
            if type(step) is SourceStep:
                if step.is_ambiguous and _at_sentence_start(self.article.text, start + step.begin):
                    continue
                begin, end = start + step.begin, start + step.end
                self.antecedents.append(Antecedent(begin, end, step.kind, step.name, step.words, None, step.medium))
            elif type(step) is PersonStep:
                self._add_person(step, start, start + len(sequence), segment_start)
            else:
                people = self._surnames.get(step.key)
                if people:
                    begin = start + step.begin
                    self.antecedents.append(
                        Antecedent(begin, begin + len(step.word), "person", people[-1].name, person=people[-1])
                    )

    def _add_person(self, step: PersonStep, start: int, end: int, segment_start: int) -> None:
        """Index a person's name with what the phrase and its surroundings say about them."""
        name, role, affiliation, gender = step.name, step.role, step.affiliation, step.gender
        if self._author is not None and fast_key(" ".join(name)) == self._author:
            return  # the byline's author is not someone the article quotes
        if role is None:
            role, affiliation, gender = self._role_before(start, segment_start, gender)
        if affiliation is None:
            later_role, later_affiliation = self._role_after(end)
            if later_role and (role is None or later_affiliation):
                role, affiliation = later_role, later_affiliation
        if len(name) == 1:
            person = self.person(name, before=start)
        else:
            person = self._people.get(fast_key(" ".join(name)))
        if person is None:
            person = Person(" ".join(name), gender, first=start)
            if len(name) > 1:
                self._people[fast_key(person.name)] = person
                self._given_names.setdefault(fast_key(name[0]), []).append(person)
            self._surnames.setdefault(fast_key(_surname(name)), []).append(person)
        person.gender = person.gender or gender
        person.role = person.role or role
        person.affiliation = person.affiliation or affiliation
        self.antecedents.append(Antecedent(start, end, "person", person.name, person=person))

    def _role_before(self, start: int, segment_start: int, gender: str | None):
        """The lowercase title just before a name ("Pentagon spokesman John Kirby"), with its affiliation."""
        text = self.article.text
        if start < 2 or not text[start - 2].islower():
            return None, None, gender
        window = text[max(segment_start, start - 48) : start]
        words = window.split()[-self.lexicon.title_words :]
        if not words or words[-1] not in self._tables.title_last_words:
            return None, None, gender
        for length in range(len(words), 0, -1):
            title = self.lexicon.titles.get(tuple(word.casefold() for word in words[-length:]))
            if title is None or not words[-length].islower():
                continue
            title_start = start - len(" ".join(words[-length:])) - 1
            previous = self.antecedents[-1] if self.antecedents else None
            affiliation = None
            is_adjacent = previous is not None and title_start - 2 <= previous.end <= title_start
            if is_adjacent and previous.kind != "person":
                affiliation = previous.name
            return title.role, affiliation, gender or title.gender
        return None, None, gender

    def _role_after(self, end: int) -> tuple[str | None, str | None]:
        """The role and affiliation an appositive gives ("John Kirby, the Pentagon spokesman")."""
        match = RE_APPOSITIVE.match(self.article.text, end)
        if match is None:
            return None, None
        words = []
        for word in phrase_words(match.group(1)):
            if word.casefold() in self.lexicon.words("clause_end"):
                break
            words.append(word)
        parsed = parse_role_phrase(words, self.lexicon)
        if not parsed.role or parsed.name:
            return None, None
        return parsed.role, canonical_affiliation(parsed.affiliation, self._keys)


def _segments(length: int, boilerplate: tuple[Span, ...]) -> list[tuple[int, int]]:
    """The parts of ``[0, length)`` outside the boilerplate spans."""
    segments, position = [], 0
    for span in sorted(boilerplate):
        if span.start > position:
            segments.append((position, span.start))
        position = max(position, span.end)
    if position < length:
        segments.append((position, length))
    return segments


def _at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces separate ``start`` from a sentence end or the start of the text."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _surname(name: tuple[str, ...]) -> str:
    """The word a person is later called by: the last one, before "Jr." or "III"."""
    words = [word for word in name if word.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return strip_possessive((words or name)[-1])
