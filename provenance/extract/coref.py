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

Short forms and acronyms of bodies named before ("the Post" after "The New
York Post", "CNS" after "Christian News Service (CNS)") are looked up with
:meth:`ArticleIndex.named_body`; pronouns go to the speaker of the passage
(:meth:`ArticleIndex.speaker`, using :mod:`provenance.extract.mention_speakers`).

Limits: it is a heuristic of recency and fit, not a parser. A name is taken
for a person when a title or a known first name marks it, or, from its shape
alone, when two or three capitalised words are no known source, place or
common word ("Kerr Putney"); such a guess is no pronoun antecedent until a
role, a later mention or a speech verb backs it. Boilerplate regions are
never indexed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Span
from ..sources import SourceTable, known_sources
from .mention_lexicon import MentionLexicon, fast_key, mention_lexicon
from .mention_names import canonical_affiliation, parse_role_phrase, phrase_words, strip_possessive
from .mention_scan import PersonStep, SourceStep, WordStep, scan_tables
from .mention_speakers import SpeakerCues, at_sentence_start

__all__ = ["Antecedent", "ArticleIndex", "Person"]

#: What "the newspaper" or "the network" asks of an outlet; see ``outlet_media.tsv``.
_MEDIA = frozenset(("broadcaster", "magazine", "newspaper", "website"))

#: ", the Pentagon spokesman" after a name: the appositive that gives its role (up to a dash or comma).
RE_APPOSITIVE = re.compile(
    r",[^\S\n]+(?:the|a|an)[^\S\n]+((?:(?![^\S\n]--|[^\S\n]\u2014)[^,;:()\n\"\u201c\u201d]){1,80})"
)
#: An acronym in parentheses just after a name: "Christian News Service (CNS)".
RE_ACRONYM = re.compile(r" \(([A-Z][A-Z&]{1,7})\)")
#: The kinds a short form ("the Post") or an acronym ("CNS") may stand for.
_NAMED_BODIES = frozenset(("government", "organization", "outlet", "wire"))
#: How far before a pronoun its speaker may be, in characters, before the latest person wins instead.
_SPEAKER_REACH = 3000


@dataclass(slots=True)
class Person:
    """One person named in the article, with what its mentions say about them."""

    name: str
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    first: int = 0
    #: False for a name guessed from its shape alone ("Ground Zero"), until a role or a later mention backs it.
    is_confirmed: bool = True


@dataclass(slots=True)
class Antecedent:
    """One indexed mention: where it is, its kind, canonical name and the words it can be called by.

    Treated as immutable; not frozen only because a frozen dataclass takes
    three times as long to build, and an article indexes dozens of them.
    """

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
        self._short_forms: dict[str, list[Antecedent]] = {}  # "post": The New York Post, ...
        self._initials: dict[str, list[Antecedent]] = {}  # "CNS": Christian News Service, ...
        text = article.text
        self._cues = SpeakerCues(text, self.lexicon)
        self._subjects: dict[int, bool] = {}
        plans, surnames = self._tables.plans, self._surnames
        for start, end in _segments(len(text), article.boilerplate):
            for match in self._tables.pattern.finditer(text, start, end):
                sequence = match.group()
                steps = plans.get(sequence) or self._tables.plan(sequence)
                if len(steps) == 1 and type(steps[0]) is WordStep:  # most sequences: "The", "He", "Kirby"
                    if steps[0].key in surnames:
                        self._add_word(steps[0], match.start())
                    continue
                self._add(sequence, match.start(), start, steps)
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
                if person is not None and (not person.is_confirmed or (gender and person.gender not in (None, gender))):
                    continue
                if person is not None and affiliation and person.affiliation not in (None, affiliation):
                    continue
                return item
        return None

    def speaker(self, before: int, *, gender: str | None = None, is_strict: bool = False) -> Antecedent | None:
        """Return the person a pronoun at ``before`` most likely stands for.

        The latest person who opened a sentence or was said to speak (the
        subject of the story so far) wins over people merely mentioned after
        them, unless a paragraph that opens otherwise than with "he", "she"
        or a quotation names someone after them: then the latest person named
        wins. A person named inside a quotation is passed over when the
        pronoun stands outside it, and so is a person of the other gender.
        With no speaker within reach, the latest fitting person wins; with
        ``is_strict``, only a speaker (at any paragraph) or None.

        Examples
        --------
        >>> from provenance.model import Article
        >>> text = "Kerr Putney said he met Bill Clinton. Later, he said more."
        >>> ArticleIndex(Article(id="a", text=text)).speaker(text.rindex("he"), gender="m").name
        'Kerr Putney'
        """
        stop = bisect_left(self._starts, before)
        cues = self._cues
        quote = cues.quote_around(before)
        paragraph = cues.paragraph_start(before)
        latest = None
        for position in range(stop - 1, -1, -1):
            item = self.antecedents[position]
            person = item.person
            if person is None or (gender and person.gender not in (None, gender)):
                continue
            while item.start < paragraph:  # leaving a paragraph that may have brought in someone new
                if latest is not None and not is_strict and not cues.continues_story(paragraph):
                    return latest
                paragraph = cues.paragraph_start(paragraph - 1)
            is_near = before - item.start <= _SPEAKER_REACH
            if is_near and self._is_subject(item):
                return item
            if latest is None and person.is_confirmed and self._cues.quote_around(item.start) in (None, quote):
                latest = item
            if not is_near and (latest is not None or is_strict):
                break
        return None if is_strict else latest

    def named_body(self, word: str, *, before: int) -> Antecedent | None:
        """Return the body named earlier that a short form or an acronym stands for.

        "Post" stands for the latest outlet named before ``before`` whose name
        ends with it ("The New York Post"), "CNS" for the latest body whose
        initials it is or which it followed in parentheses
        ("Christian News Service (CNS)").

        Examples
        --------
        >>> from provenance.model import Article
        >>> text = "The Christian News Service (CNS) and The New York Post said so."
        >>> index = ArticleIndex(Article(id="a", text=text))
        >>> index.named_body("CNS", before=len(text)).name, index.named_body("Post", before=len(text)).name
        ('Christian News Service', 'New York Post')
        """
        found = self._initials.get(word) if word.isupper() else self._short_forms.get(fast_key(word))
        for item in reversed(found or ()):
            if item.start < before:
                return item
        return None

    def is_quoted(self, position: int) -> bool:
        """True when ``position`` is inside a quotation."""
        return self._cues.quote_around(position) is not None

    def earlier_person(self, word: str, *, before: int) -> Person | None:
        """Return the person named before ``before`` whose surname is ``word``, if any ("Jordan")."""
        people = self._surnames.get(fast_key(strip_possessive(word)))
        earlier = [person for person in people or () if person.first < before]
        return earlier[-1] if earlier else None

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

    def _add(self, sequence: str, start: int, segment_start: int, steps: tuple) -> None:
        """Index one capitalised sequence by its plan ``steps`` (see :mod:`provenance.extract.mention_scan`)."""
        for step in steps:
            if type(step) is SourceStep:
                if step.is_ambiguous and at_sentence_start(self.article.text, start + step.begin):
                    continue
                self._add_body(step, sequence, start)
            elif type(step) is PersonStep:
                if step.is_guessed and (
                    step.first_key in self._surnames
                    or (step.surname_key in self._surnames and step.first_key not in self.lexicon.first_names)
                    or self._cues.is_title_case(start)
                ):  # "Clinton Doctrine", "Neither Clinton", "Obama Sees Tolerance on the Ballot"
                    for fallback in step.fallback:
                        self._add_word(fallback, start)
                    continue
                self._add_person(step, start, start + len(sequence), segment_start)
            else:
                self._add_word(step, start)

    def _add_body(self, step: SourceStep, sequence: str, start: int) -> None:
        """Index a known source or organisation; a short form ("the Post") stands for one named before."""
        begin, end = start + step.begin, start + step.end
        kind, name, medium = step.kind, step.name, step.medium
        surface = sequence[step.begin : step.end]
        if surface.startswith("The "):
            surface = surface[4:]
        if " " not in surface and kind in ("outlet", "wire"):
            earlier = self.named_body(strip_possessive(surface), before=begin)
            if earlier is not None:
                kind, name, medium = earlier.kind, earlier.name, earlier.medium
        item = Antecedent(begin, end, kind, name, step.words, None, medium)
        self.antecedents.append(item)
        if " " in name and kind in _NAMED_BODIES:
            last_key, initials = _short_keys(name)
            if kind in ("outlet", "wire"):
                self._short_forms.setdefault(last_key, []).append(item)
            if len(initials) > 1:
                self._initials.setdefault(initials, []).append(item)
        acronym = RE_ACRONYM.match(self.article.text, end) if self.article.text.startswith(" (", end) else None
        if acronym is not None:
            self._initials.setdefault(acronym.group(1), []).append(item)

    def _add_word(self, step, start: int) -> None:
        """Index a single word when it is the surname of someone named before ("Kirby")."""
        people = self._surnames.get(step.key)
        if people:
            begin = start + step.begin
            end = begin + len(step.word)
            people[-1].is_confirmed = True
            self.antecedents.append(Antecedent(begin, end, "person", people[-1].name, person=people[-1]))

    def _add_person(self, step: PersonStep, start: int, end: int, segment_start: int) -> None:
        """Index a person's name with what the phrase and its surroundings say about them."""
        name, role, affiliation, gender = step.name, step.role, step.affiliation, step.gender
        if self._author is not None and step.key == self._author:
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
            person = self._people.get(step.key)
        if person is None:
            person = Person(" ".join(name), gender, first=start, is_confirmed=not step.is_guessed or role is not None)
            if len(name) > 1:
                self._people[step.key] = person
                self._given_names.setdefault(step.first_key, []).append(person)
            self._surnames.setdefault(step.surname_key, []).append(person)
        else:
            person.is_confirmed = True
        person.gender = person.gender or gender
        person.role = person.role or role
        person.affiliation = person.affiliation or affiliation
        self.antecedents.append(Antecedent(start, end, "person", person.name, person=person))

    def _is_subject(self, item: Antecedent) -> bool:
        """True when a person opens a sentence or is said to speak ("Fowler said"), outside quotes."""
        found = self._subjects.get(item.start)
        if found is None:
            strict = item.person is not None and not item.person.is_confirmed
            found = self._cues.quote_around(item.start) is None and self._cues.is_speaker(
                item.start, item.end, strict=strict
            )
            self._subjects[item.start] = found
        return found

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
        text = self.article.text
        match = RE_APPOSITIVE.match(text, end) if text.startswith(",", end) else None
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


@lru_cache(maxsize=4096)
def _short_keys(name: str) -> tuple[str, str]:
    """The key of a body's last word ("post") and its initials ("CNS"), for short forms and acronyms."""
    words = name.split()
    return fast_key(words[-1]), "".join(word[0] for word in words if word[0].isupper())
