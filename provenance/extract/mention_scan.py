"""What a capitalised word sequence names, out of its article.

:func:`capitalised_pattern` finds the runs of capitalised words in a text
("The Washington Post", "US Secretary of Defense Lloyd Austin", "Pentagon
Confirms Austin"); :func:`plan_sequence` says what each run holds, without
looking at the article around it: a known source, a person's name with the
role and affiliation the run itself gives (or, for two or three capitalised
words shaped like a name and none of them a known or common word, a guessed
person: "Kerr Putney"), organisations named by their organisation words, and
single words left to be looked up in context (a surname seen earlier).
Plans are pure, so :class:`ScanTables` remembers them across articles;
:mod:`provenance.extract.coref` applies them in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..sources import SourceTable
from .mention_lexicon import MentionLexicon, fast_key, source_keys
from .mention_names import canonical_affiliation, org_word_kind, parse_role_phrase, strip_possessive

__all__ = [
    "PersonStep",
    "ScanTables",
    "SourceStep",
    "WordStep",
    "capitalised_pattern",
    "plan_sequence",
    "scan_tables",
    "surname",
]

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_TOKEN_REST = rf"(?:\.(?:[{_UPPER}]\.)+|[a-z]{{0,3}}\.(?= [{_UPPER}])|[\w'\u2019&-]*)"
#: Plans and single words remembered per table; cleared when this large.
_MEMORY = 50_000
_ARTICLES = ("The", "A", "An")
#: One word of a name guessed from its shape: "Putney", "DuVernay", "O'Reilly", "Crouse-Mays", "D.".
RE_NAME_WORD = re.compile(r"[A-Z](?:\.|(?:['\u2019][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?)$")


@dataclass(frozen=True, slots=True)
class SourceStep:
    """A known source or an organisation at ``[begin, end)`` of the sequence."""

    begin: int
    end: int
    kind: str
    name: str
    words: frozenset[str]
    medium: str | None = None
    is_ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class PersonStep:
    """The whole sequence names a person; role, affiliation and gender as the sequence gives them."""

    name: tuple[str, ...]
    role: str | None
    affiliation: str | None
    gender: str | None
    #: The steps to index instead when the name is only guessed from its shape and the article says otherwise.
    fallback: tuple = ()
    is_guessed: bool = False
    #: Lookup keys (:func:`~provenance.extract.mention_lexicon.fast_key`) of the name, its first word and surname.
    key: str = ""
    first_key: str = ""
    surname_key: str = ""


@dataclass(frozen=True, slots=True)
class WordStep:
    """A single word at ``begin`` whose meaning depends on the article (a surname)."""

    begin: int
    word: str
    key: str


@dataclass(frozen=True, eq=False)
class ScanTables:
    """Word sets of one source table and lexicon, and the plans learnt so far."""

    keys: dict
    lexicon: MentionLexicon
    alias_first_words: frozenset[str]
    alias_words: int
    title_first_words: frozenset[str]
    title_last_words: frozenset[str]
    pattern: re.Pattern[str]
    #: Words that open a sequence without being part of a name ("By", "But", "The").
    openers: frozenset[str] = frozenset()
    #: Words that are never part of a name guessed from its shape.
    not_name: frozenset[str] = frozenset()
    plans: dict[str, tuple] = field(default_factory=dict)

    def plan(self, sequence: str) -> tuple:
        """The remembered :func:`plan_sequence` of ``sequence``."""
        steps = self.plans.get(sequence)
        if steps is None:
            if len(self.plans) >= _MEMORY:
                self.plans.clear()
            steps = self.plans[sequence] = plan_sequence(sequence, self)
        return steps


@lru_cache(maxsize=8)
def scan_tables(table: SourceTable, lexicon: MentionLexicon) -> ScanTables:
    """The scan tables of a source table and lexicon (built once)."""
    keys = source_keys(table)
    return ScanTables(
        keys=keys,
        lexicon=lexicon,
        alias_first_words=frozenset(key.split(" ")[0] for key in keys),
        alias_words=max(len(key.split(" ")) for key in keys) + 1,
        title_first_words=frozenset(title[0] for title in lexicon.titles),
        title_last_words=frozenset(title[-1] for title in lexicon.titles),
        pattern=capitalised_pattern(tuple(sorted(lexicon.words("joiner")))),
        openers=lexicon.words("opener") | lexicon.words("determiner"),
        not_name=lexicon.words("not_name") | lexicon.words("speech"),
    )


@lru_cache(maxsize=8)
def capitalised_pattern(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """The regex of runs of capitalised words, single spaces between them, with ``joiners`` inside.

    The word-start check comes after the first capital so that the regex
    engine can skip ahead to capitals (twice as fast as a leading ``\\b``).

    Examples
    --------
    >>> pattern = capitalised_pattern(("of",))
    >>> pattern.findall("On Wednesday, The Washington Post, citing Gen. Mark Milley of the Joint Staff")
    ['On Wednesday', 'The Washington Post', 'Gen. Mark Milley of the Joint Staff']
    """
    joiner = "|".join(re.escape(word) for word in joiners if word != "of")
    joiner = f"(?:of(?: the)?|{joiner})" if joiner else "(?:of(?: the)?)"
    return re.compile(rf"[{_UPPER}](?<!\w[{_UPPER}]){_TOKEN_REST}(?: (?:{joiner} )?[{_UPPER}]{_TOKEN_REST})*")


def plan_sequence(sequence: str, tables: ScanTables) -> tuple:
    """Return the steps that index ``sequence``: source, person and word steps.

    Examples
    --------
    >>> from provenance.sources import known_sources
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> tables = scan_tables(known_sources(), mention_lexicon())
    >>> for step in plan_sequence("Pentagon Confirms Austin", tables):
    ...     print(type(step).__name__, step.begin, getattr(step, "name", None) or step.word)
    SourceStep 0 Pentagon
    WordStep 9 Confirms
    WordStep 18 Austin
    >>> plan_sequence("Treasury Secretary Steve Mnuchin", tables)[0].role
    'treasury secretary'
    """
    folded = _fold(sequence)
    if " " not in sequence:
        return (_word_step(sequence, folded, 0, tables),)
    record = tables.keys.get(folded[4:] if folded.startswith("the ") else folded)
    if record is not None:
        return (_source_step(0, len(sequence), record, sequence, tables),)
    folded_words = folded.split(" ")
    lexicon = tables.lexicon
    if any(word in tables.title_first_words or word in lexicon.first_names for word in folded_words):
        person = _person_step(sequence.split(" "), tables)
        if person is not None:
            return (person,)
    steps = _parts(sequence.split(" "), folded_words, tables)
    if all(type(step) is WordStep for step in steps):
        return _guessed_person(sequence.split(" "), folded_words, steps, tables) or steps
    return steps


def _person_step(words: list[str], tables: ScanTables) -> PersonStep | None:
    """The person a sequence names, when a title or a first name says it is one."""
    lexicon = tables.lexicon
    words[-1] = strip_possessive(words[-1])
    parsed = parse_role_phrase(words, lexicon)
    name = list(parsed.name)
    openers = tables.openers
    while name and name[0].casefold() in openers:  # "By John Smith", "The"
        name = name[1:]
    tail: list[str] = []
    if "of" in name[1:]:
        cut = name.index("of")
        name, tail = name[:cut], name[cut + 1 :]
    if not name or len(name) > 4 or (parsed.role is None and name[0].casefold() not in lexicon.first_names):
        return None
    if org_word_kind(name, lexicon) is not None:
        return None
    affiliation = canonical_affiliation(parsed.affiliation or tuple(tail), tables.keys)
    return _person(tuple(name), parsed.role or None, affiliation, parsed.gender)


def _guessed_person(words: list[str], folded: list[str], steps: tuple, tables: ScanTables) -> tuple | None:
    """A name shaped like a person's ("Kerr Putney", "Ava DuVernay"), though no title or first name says so."""
    lexicon = tables.lexicon
    openers = tables.openers
    while folded and folded[0] in openers:  # "But Kerr Putney", "An Ambitious"
        words, folded = words[1:], folded[1:]
    given = next((i for i, low in enumerate(folded) if i and low in lexicon.first_names), None)
    if given is not None and len(words) - given > 1:  # "Crooked Hillary Clinton"
        words, folded = words[given:], folded[given:]
    if not 1 < len(words) <= 3 or words[0].endswith("."):
        return None
    not_name = tables.not_name
    for position, (word, low) in enumerate(zip(words, folded)):
        bare = strip_possessive(word) if position == len(words) - 1 else word
        if not RE_NAME_WORD.match(bare) or low in not_name or low in lexicon.places or low in tables.keys:
            return None
    name = (*words[:-1], strip_possessive(words[-1]))
    return (_person(name, None, None, None, steps),)


def _person(name: tuple[str, ...], role, affiliation, gender, fallback: tuple | None = None) -> PersonStep:
    """A person step with its lookup keys; with ``fallback``, a name guessed from its shape."""
    keys = (fast_key(" ".join(name)), fast_key(name[0]), fast_key(surname(name)))
    return PersonStep(name, role, affiliation, gender, fallback or (), fallback is not None, *keys)


def surname(name: tuple[str, ...]) -> str:
    """Return the word a person is later called by: the last one, before "Jr." or "III".

    Examples
    --------
    >>> surname(("Martin", "Luther", "King", "Jr."))
    'King'
    """
    words = [word for word in name if word.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return strip_possessive((words or name)[-1])


def _parts(words: list[str], folded: list[str], tables: ScanTables) -> tuple:
    """The known sources and organisations inside a longer sequence ("Pentagon Confirms Austin")."""
    offsets, position = [], 0
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    steps: list = []
    index, rest = 0, []
    while index < len(words):
        record = None
        if folded[index] in tables.alias_first_words:
            for stop in range(min(len(words), index + tables.alias_words), index, -1):
                key = " ".join(folded[index:stop])
                record = tables.keys.get(key[:-2] if key.endswith("'s") else key)
                if record is not None:
                    break
        if record is None:
            rest.append(index)
            index += 1
            continue
        steps.extend(_leftovers(words, folded, offsets, rest, tables))
        rest = []
        end = offsets[stop - 1] + len(words[stop - 1])
        steps.append(_source_step(offsets[index], end, record, " ".join(words[index:stop]), tables))
        index = stop
    steps.extend(_leftovers(words, folded, offsets, rest, tables))
    return tuple(steps)


def _leftovers(words: list[str], folded: list[str], offsets: list[int], positions: list[int], tables: ScanTables):
    """Steps for the words of a sequence outside its known sources: an organisation, or single words."""
    if len(positions) == 1:
        return [_word_step(words[positions[0]], folded[positions[0]], offsets[positions[0]], tables)]
    if not positions:
        return []
    name = [strip_possessive(words[position]) for position in positions]
    kind = org_word_kind(name, tables.lexicon)
    if kind is None:
        return [_word_step(words[position], folded[position], offsets[position], tables) for position in positions]
    if name[0] in _ARTICLES:
        name = name[1:]
    text = " ".join(name)
    end = offsets[positions[-1]] + len(words[positions[-1]])
    return [SourceStep(offsets[positions[0]], end, kind, text, _words(text, text))]


def _word_step(word: str, folded: str, begin: int, tables: ScanTables):
    """A single word: a known source or a country, or a word to look up in context."""
    key, bare = folded, word
    if key.endswith("'s"):
        key, bare = key[:-2], word[:-2]
    record = tables.keys.get(key)
    if record is not None:
        step = _source_step(begin, begin + len(word), record, bare, tables)
        if bare in tables.lexicon.ambiguous_aliases:
            return SourceStep(step.begin, step.end, step.kind, step.name, step.words, step.medium, True)
        return step
    if tables.lexicon.places.get(key) == "country":
        return SourceStep(begin, begin + len(word), "government", bare, frozenset((key,)))
    return WordStep(begin, word, key)


def _source_step(begin: int, end: int, record, surface: str, tables: ScanTables) -> SourceStep:
    medium = tables.lexicon.outlet_media.get(record.name)
    return SourceStep(begin, end, record.kind, record.name, _words(record.name, surface), medium)


def _fold(text: str) -> str:
    """Casefold with straight apostrophes: the key of a capitalised sequence."""
    folded = text.casefold()
    return folded.replace("\u2019", "'") if "\u2019" in folded else folded


def _words(*names: str) -> frozenset[str]:
    """The casefolded words of some names, for matching "the agency" against "Sputnik news agency"."""
    return frozenset(word for name in names for word in fast_key(name).split())
