"""Take a source phrase apart: titles, role, affiliation and the bare name.

"Pentagon spokesman John Kirby" is an affiliation (Pentagon), a role
(spokesman) and a name (John Kirby); "the chairman of the Joint Chiefs of
Staff" is a role and an affiliation with no name; "Acme Workers Union" is an
organisation's name. These helpers work on lists of words and use only the
word lists of :mod:`provenance.extract.mention_lexicon`; they know nothing of
the article around the phrase (that is :mod:`provenance.extract.coref`).
Being pure, :func:`parse_role_phrase` and :func:`classify_name` remember
their results: the same names recur within and across articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..sources import KnownSource
from .mention_lexicon import MentionLexicon, fast_key

__all__ = [
    "RolePhrase",
    "canonical_affiliation",
    "classify_name",
    "org_word_kind",
    "parse_role_phrase",
    "phrase_words",
    "strip_possessive",
]

#: Results of :func:`parse_role_phrase` and :func:`classify_name` remembered per lexicon, up to this many each.
_MEMORY = 50_000
RE_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LEADING = " \t\n\"'()[]{}\u2018\u2019\u201c\u201d\u00ab\u00bb,;:"
_TRAILING = " \t\n\"()[]{}\u2018\u201c\u201d\u00ab\u00bb,;:!?"


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """The parts of a phrase: affiliation words, role, implied gender and the name words."""

    affiliation: tuple[str, ...]
    role: str | None
    gender: str | None
    name: tuple[str, ...]


def phrase_words(text: str) -> list[str]:
    """Split a phrase into words without surrounding quotes or punctuation.

    Examples
    --------
    >>> phrase_words("“Pentagon spokesman John Kirby,”")
    ['Pentagon', 'spokesman', 'John', 'Kirby']
    """
    words = []
    for word in text.split():
        word = word.lstrip(_LEADING).rstrip(_TRAILING)
        if word:
            words.append(word)
    return words


def strip_possessive(word: str) -> str:
    """Return ``word`` without a possessive ending ("Kirby’s" -> "Kirby", "Reuters'" stays).

    Examples
    --------
    >>> strip_possessive("Kirby’s"), strip_possessive("Reuters'")
    ('Kirby', 'Reuters')
    """
    if len(word) > 2 and word[-1] in "s'\u2019" and ("'" in word[-2:] or "\u2019" in word[-2:]):
        return RE_POSSESSIVE.sub("", word)
    return word


def parse_role_phrase(words: list[str], lexicon: MentionLexicon) -> RolePhrase:
    """Split ``words`` into affiliation, role (from titles) and name.

    The role is the first run of titles that comes before any first name;
    capitalised words before it are the affiliation, the capitalised words
    after it the name. A role followed by "of/for/at X" takes X as the
    affiliation when no name follows ("spokesman for the Pentagon"), and as
    part of the role when one does ("Secretary of State Mike Pompeo").

    Examples
    --------
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> parse_role_phrase("Pentagon spokesman John Kirby".split(), mention_lexicon())
    RolePhrase(affiliation=('Pentagon',), role='spokesman', gender='m', name=('John', 'Kirby'))
    >>> parse_role_phrase("a spokesman for the Pentagon".split(), mention_lexicon())
    RolePhrase(affiliation=('the', 'Pentagon'), role='spokesman', gender='m', name=())
    """
    return _remembered(lexicon, _parse_role_phrase, tuple(words))


def _parse_role_phrase(words: tuple[str, ...], lexicon: MentionLexicon) -> RolePhrase:
    folded = [word.casefold() for word in words]
    start, end, roles, gender = _title_run(words, folded, lexicon)
    if start < 0:
        return RolePhrase((), None, _first_name_gender(words, lexicon), tuple(words))
    modifiers = lexicon.words("modifier")
    affiliation = tuple(
        word for word, low in zip(words[:start], folded[:start]) if low not in modifiers and word[:1].isupper()
    )
    rest, rest_folded = words[end:], folded[end:]
    if rest_folded and rest_folded[0] in lexicon.words("link"):
        name_at = _name_start(rest, rest_folded, lexicon)
        if name_at is None:
            tail = []
            for word in rest[1:]:
                if word.casefold() in lexicon.words("affiliation_end"):
                    break
                tail.append(strip_possessive(word))
            return RolePhrase(tuple(tail) or affiliation, " ".join(roles), gender, ())
        roles.extend(rest_folded[:name_at])
        rest = rest[name_at:]
    name = tuple(rest)
    if gender is None and name:
        gender = lexicon.first_names.get(name[0].casefold())
    return RolePhrase(tuple(strip_possessive(w) for w in affiliation), " ".join(roles), gender, name)


def classify_name(words: list[str] | tuple[str, ...], lexicon: MentionLexicon) -> str:
    """Return the kind an unknown capitalised name most likely has.

    Organisation words decide first ("Acme Workers Union" is an organization,
    "Interior Ministry" government), then places (countries stand for their
    governments), then acronyms (organization); anything else is a person.

    Examples
    --------
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> names = ("Acme Workers Union", "Haley Morris", "North Korea")
    >>> [classify_name(name.split(), mention_lexicon()) for name in names]
    ['organization', 'person', 'government']
    """
    return _remembered(lexicon, _classify_name, tuple(words))


def _classify_name(words: tuple[str, ...], lexicon: MentionLexicon) -> str:
    org_kind = org_word_kind(words, lexicon)
    if org_kind is not None:
        return org_kind
    if fast_key(" ".join(words)) in lexicon.places:
        return "government"
    if len(words) == 1 and len(words[0]) > 1 and words[0].replace(".", "").isupper():
        return "organization"
    return "person"


def org_word_kind(words: list[str] | tuple[str, ...], lexicon: MentionLexicon) -> str | None:
    """Return the kind the organisation words of a name give it, if any.

    A two-word organisation word ("News Agency") wins; then the last
    organisation word before "of" ("Ministry of Defence"), then any.

    Examples
    --------
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> org_word_kind(["Ministry", "of", "Defence"], mention_lexicon())
    'government'
    >>> org_word_kind(["Haley", "Morris"], mention_lexicon()) is None
    True
    """
    folded = [word.casefold() for word in words]
    for first, second in zip(folded, folded[1:]):
        kind = lexicon.org_words.get(f"{first} {second}")
        if kind is not None:
            return kind
    head = folded[: folded.index("of")] if "of" in folded[1:] else folded
    for word in reversed(head):
        kind = lexicon.org_words.get(word)
        if kind is not None:
            return kind
    for word in folded:
        kind = lexicon.org_words.get(word)
        if kind is not None:
            return kind
    return None


def canonical_affiliation(words: tuple[str, ...], keys: dict[str, KnownSource]) -> str | None:
    """Return the affiliation as a known source's canonical name, or its own words.

    Examples
    --------
    >>> from provenance.sources import known_sources
    >>> from provenance.extract.mention_lexicon import source_keys
    >>> canonical_affiliation(("the", "Pentagon’s"), source_keys(known_sources()))
    'Pentagon'
    """
    if not words:
        return None
    text = " ".join(strip_possessive(word) for word in words)
    record = keys.get(fast_key(text))
    if record is not None:
        return record.name
    return text[4:] if text[:4].casefold() == "the " else text


def _remembered(lexicon: MentionLexicon, function, words: tuple[str, ...]):
    """``function(words, lexicon)``, remembered: names recur within and across articles."""
    memory = _memory(lexicon, function.__name__)
    found = memory.get(words)
    if found is None:
        if len(memory) >= _MEMORY:
            memory.clear()
        found = memory[words] = function(words, lexicon)
    return found


@lru_cache(maxsize=16)
def _memory(lexicon: MentionLexicon, name: str) -> dict:
    """The remembered results of one function with one lexicon."""
    return {}


def _title_run(
    words: list[str], folded: list[str], lexicon: MentionLexicon
) -> tuple[int, int, list[str], str | None]:
    """Where the first run of titles starts and ends, its roles and implied gender."""
    limit = len(words)
    for index, word in enumerate(folded):
        if word in lexicon.first_names and words[index][:1].isupper() and not _title_follows(folded, index, lexicon):
            limit = index
            break
    start = end = -1
    roles: list[str] = []
    gender = None
    index = 0
    while index < limit:
        found = _title_at(folded, index, limit, lexicon)
        if found is None:
            if start >= 0:
                break
            index += 1
            continue
        length, title = found
        last = index + length
        if last == len(words) and words[index][:1].isupper() and start < 0 and index > 0:
            break  # "Martin Luther King": a capitalised last word is a name, not a title
        if start < 0:
            start = index
        end = last
        if title.role:
            roles.append(title.role)
        gender = gender or title.gender
        index = last
        if title.role is None and index < limit and words[index][:1].isupper():
            break  # "Mr. King": after a courtesy title comes the name, even when it is a title too
    return start, end, roles, gender


def _title_follows(folded: list[str], index: int, lexicon: MentionLexicon) -> bool:
    """True when a role title is one or two words after ``index`` ("Charlotte Mayor", "Virginia AFL-CIO President")."""
    for after in (index + 1, index + 2):
        found = _title_at(folded, after, len(folded), lexicon) if after < len(folded) - 1 else None
        if found is not None and found[1].role:
            return True
    return False


def _title_at(folded: list[str], index: int, limit: int, lexicon: MentionLexicon):
    """The longest title starting at ``index``, as (length, Title), or None."""
    for length in range(min(lexicon.title_words, limit - index), 0, -1):
        title = lexicon.titles.get(tuple(folded[index : index + length]))
        if title is not None:
            return length, title
    return None


def _name_start(words: list[str], folded: list[str], lexicon: MentionLexicon) -> int | None:
    """Where the name starts after "of X" in "Secretary of State Mike Pompeo", or None when none follows."""
    for index in range(1, len(words)):
        if folded[index] in lexicon.first_names and words[index][:1].isupper():
            return index
    return None


def _first_name_gender(words: list[str], lexicon: MentionLexicon) -> str | None:
    return lexicon.first_names.get(words[0].casefold()) if words else None
