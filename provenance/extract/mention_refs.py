"""References a source phrase makes beyond its own words.

Helpers of :class:`~provenance.extract.mentions.MentionResolver` for phrases
whose meaning lies partly outside them:

- a description that stands for a person named before it ("the Vermont
  senator", "Obama's former campaign strategist"): the latest person whose
  role fits, else the person the story is about (:func:`described_person`);
- one word of a known source's name that stands for someone named before
  ("the Post" after "The New York Post", "Jordan" after "Rep. Jim Jordan"):
  them (:func:`earlier_namesake`);
- a phrase cut inside a name ("told USA" before "Today", "Robby" before
  "Mook"): the name it was cut from (:func:`completed_phrase`);
- a known source followed by words that are not part of it ("the AP on
  Wednesday"): that source (:func:`leading_source`);
- a host named with their outlet ("CNN's Wolf Blitzer", "Bill O'Reilly of Fox
  News"): the outlet, for a recipient (:func:`host_outlet`).

They only read the article text, the source table and the coreference index;
what a phrase's own words say is :mod:`provenance.extract.mention_names`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..sources import KnownSource
from .coref import Antecedent, ArticleIndex, Person
from .mention_lexicon import MentionLexicon, fast_key
from .mention_names import classify_name, strip_possessive

__all__ = ["completed_phrase", "described_person", "earlier_namesake", "host_outlet", "leading_source"]

#: Up to two capitalised words right after a phrase: where a cut name may go on (" Today", " Mook").
RE_CONTINUATION = re.compile(r"(?: [A-Z][\w'\u2019&-]*){1,2}")
#: The capitalised words at the end of a phrase (the part of a name it holds).
RE_LAST_NAME_PART = re.compile(r"(?:[A-Z][\w'\u2019&.-]*[^\S\n])*[A-Z][\w&.-]*$")
#: "CNN's Wolf Blitzer", "Fox News host Sean Hannity": the outlet before a host's name.
RE_OWNER = re.compile(r"^\W*((?:[Tt]he )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})(?:['\u2019]s? | [a-z])")
#: "Bill O'Reilly of Fox News": an outlet after a host's name, inside or just after the phrase.
RE_OF_OUTLET = re.compile(r" of ((?:the )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})")
_RELAYS = ("outlet", "wire")


def described_person(
    index: ArticleIndex,
    lexicon: MentionLexicon,
    *,
    words: list[str],
    role: str,
    affiliation: str | None,
    gender: str | None,
    before: int,
    keys: dict[str, KnownSource],
) -> Person | None:
    """Return the person a definite description without a name stands for.

    The latest person before ``before`` whose role shares the description's
    head noun ("the former Florida governor": a governor) wins. When none has
    a fitting role, and the description places the role in a place ("the
    Vermont senator") or, saying "former" or "longtime", with a person
    ("Obama's former campaign strategist"), the person the story is about
    (the latest speaker, see :meth:`~provenance.extract.coref.ArticleIndex.speaker`)
    is taken, unless their role is known and different, or they are the
    affiliation. "Clinton's spokesman" alone may be someone new: None.

    Examples
    --------
    >>> from provenance.model import Article
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> text = "Bernie Sanders spoke on Friday. The Vermont senator said"
    >>> index = ArticleIndex(Article(id="a", text=text))
    >>> described_person(index, mention_lexicon(), words=["The", "Vermont", "senator"], role="senator",
    ...                  affiliation="Vermont", gender=None, before=len(text), keys={}).name
    'Bernie Sanders'
    """
    head = role.split()[-1]
    position = before
    while (found := index.latest(position, ("person",), words=frozenset((head,)), gender=gender)) is not None:
        person = found.person
        if not affiliation or (person.affiliation and fast_key(affiliation) in fast_key(person.affiliation)):
            return person  # "the Democratic nominee" is not a nominee of no known party
        position = found.start
    if not affiliation:
        return None
    owner = index.earlier_person(affiliation.split()[-1], before=before)
    key = fast_key(affiliation)
    if key not in lexicon.places:
        is_personal = owner is not None or (key not in keys and classify_name(affiliation.split(), lexicon) == "person")
        described = lexicon.words("described")
        if not is_personal or not any(word.casefold() in described for word in words):
            return None
    speaker = index.speaker(before, gender=gender, is_strict=True)
    person = speaker.person if speaker is not None else None
    if person is None or person is owner or (person.role and head not in person.role.split()):
        return None
    return person


def earlier_namesake(
    record: KnownSource, words: list[str], *, index: ArticleIndex, before: int
) -> Antecedent | Person | None:
    """Return who a one-word mention of a known source stands for when the article named them before.

    A one-word outlet or wire ("the Post", "Times") stands for the latest
    outlet named before whose name ends with it; a country or body ("Jordan")
    for the latest person named before with that surname. None otherwise.

    Examples
    --------
    >>> from provenance.model import Article
    >>> from provenance.sources import known_sources
    >>> text = "The New York Post reported it. Rep. Jim Jordan spoke. The Post said"
    >>> index = ArticleIndex(Article(id="a", text=text))
    >>> earlier_namesake(known_sources().lookup("the Post"), ["Post"], index=index, before=len(text)).name
    'New York Post'
    """
    if len(words) != 1:
        return None
    if record.kind in _RELAYS:
        return index.named_body(strip_possessive(words[0]), before=before)
    if record.kind == "government":
        return index.earlier_person(words[0], before=before)
    return None


def completed_phrase(text: str, end: int, phrase: str, *, keys: dict[str, KnownSource], index: ArticleIndex) -> str:
    """Return ``phrase`` (ending at ``end`` in ``text``) with the rest of a name it was cut inside.

    The capitalised words after the phrase are added when, with the
    capitalised words the phrase ends with, they make a known source or a
    person named in full in the article.

    Examples
    --------
    >>> from provenance.model import Article
    >>> from provenance.sources import known_sources
    >>> from provenance.extract.mention_lexicon import source_keys
    >>> text = "Figueroa told USA Today."
    >>> index = ArticleIndex(Article(id="a", text=text))
    >>> completed_phrase(text, 17, "USA", keys=source_keys(known_sources()), index=index)
    'USA Today'
    """
    if not phrase or not phrase[-1].isalpha() or not text.startswith(" ", end):
        return phrase
    continuation = RE_CONTINUATION.match(text, end)
    last = RE_LAST_NAME_PART.search(phrase)
    if continuation is None or last is None:
        return phrase
    extra = continuation.group()
    is_given_name = " " not in last.group()  # "Robby", not "Hillary Clinton" before a headline's "Speaks"
    for cut in (len(extra), extra.rfind(" ")):
        if cut <= 0:
            continue
        name = (last.group() + extra[:cut]).rstrip(".,")
        words = [strip_possessive(word) for word in name.split()]
        if fast_key(name) in keys or fast_key(strip_possessive(name)) in keys:
            return phrase + extra[:cut].rstrip(".,")
        if is_given_name and index.person(words, before=end):
            return phrase + extra[:cut].rstrip(".,")
    return phrase


def leading_source(words: list[str], *, keys: dict[str, KnownSource], lexicon: MentionLexicon) -> list[str] | None:
    """Return the words of the known source a phrase starts with when prepositions follow ("the AP on Wednesday").

    Examples
    --------
    >>> from provenance.sources import known_sources
    >>> from provenance.extract.mention_lexicon import mention_lexicon, source_keys
    >>> leading_source("the AP on Wednesday".split(), keys=source_keys(known_sources()),
    ...                lexicon=mention_lexicon())
    ['the', 'AP']
    """
    openers = _source_openers(lexicon)
    for cut in range(1, len(words)):
        if words[cut].islower() and words[cut] not in lexicon.words("determiner"):
            if words[cut] not in openers:
                return None
            return words[:cut] if fast_key(" ".join(words[:cut])) in keys else None
    return None


@lru_cache(maxsize=8)
def _source_openers(lexicon: MentionLexicon) -> frozenset[str]:
    """The words that may follow a source in its phrase: openers but "and" ("RT and its defenders")."""
    return lexicon.words("opener") - lexicon.words("clause_end")


def host_outlet(text: str, end: int, phrase: str, *, keys: dict[str, KnownSource]) -> KnownSource | None:
    """Return the outlet a recipient host is named with ("CNN's Wolf Blitzer", "Bill O'Reilly of Fox News").

    Examples
    --------
    >>> from provenance.sources import known_sources
    >>> from provenance.extract.mention_lexicon import source_keys
    >>> keys = source_keys(known_sources())
    >>> host_outlet("", 0, "CNN’s Wolf Blitzer", keys=keys).name
    'CNN'
    >>> host_outlet("", 0, "Fox News host Sean Hannity", keys=keys).name
    'Fox News'
    >>> text = "Trump told Bill O'Reilly of Fox News this week."
    >>> host_outlet(text, 24, "Bill O'Reilly", keys=keys).name
    'Fox News'
    """
    owner = RE_OWNER.match(phrase)
    found = RE_OF_OUTLET.search(phrase) or RE_OF_OUTLET.match(text, end)
    for match in (owner, found):
        if match is None:
            continue
        words = match.group(1).split()
        for stop in range(len(words), 0, -1):  # "Fox News this week": the longest known start
            record = keys.get(fast_key(" ".join(words[:stop])))
            if record is not None:
                return record if record.kind in _RELAYS else None
    return None
