"""Reduce a sentence to a row of one-character tags for the rule engine.

Words are looked up, lowercased, in two data files: ``cues.tsv`` (attribution
cues with their kind and weight; several words such as "according to" make
one cue) and ``attribution_words.tsv`` (closed-class words and heads of
source phrases). Anything else is ``N`` when capitalised, ``a`` when it ends
in "-ly" (an adverb, which PolNeAR counts in the cue: "gingerly said") and
``w`` otherwise.

=====  ============================  =====  ==============================
tag    what                          tag    what
=====  ============================  =====  ==============================
``V``  cue verb ("said")             ``d``  determiner, number
``R``  cue taking a recipient        ``p``  subject or object pronoun
``G``  cue gerund ("adding")         ``a``  auxiliary or adverb of a cue
``H``  gerund with recipient         ``o``  preposition
``A``  "according to"               ``e``  "to"
``b``  "by" (a passive's agent)     ``B``  "was", "is": a passive cue
``C``  "citing"                      ``x``  conjunction
``K``  "quoted"                      ``y``  relative pronoun, "how"
``Z``  "asked"                       ``t``  "that"
``P``  "is expected", "seemed"       ``s``  "as"
``O``  noun cue ("criticism of")     ``g``  possessive ("his", "their")
``W``  intention ("plans to")
``J``  stance ("confident")
``L``  naming ("call it ...")
``E``  hearsay ("reportedly")
``T``  "To" of "To Sharp, ..."
``Q``  a whole quotation             ``m``  time word ("Tuesday")
``N``  capitalised word              ``I``  "in" (a cue in "in a poll")
``n``  source noun ("officials")     ``u``  "on" (a show: "on CNN")
``D``  document ("poll", "report")   ``j``  "it" ("it was reported")
``i``  medium ("interview")          ``w``  any other word
=====  ============================  =====  ==============================

A capitalised cue word inside a name is ``N`` ("spokeswoman Hope Hicks",
"Read said"), and a hearsay adverb before a cue verb is its adverb ``a``
("reportedly said").

Punctuation keeps its own character (``,`` ``:`` ``;`` ``(`` ``)`` ``'``; a colon
is also the cue of "Poll: ...");
``.``, ``?`` and ``!`` are ``.``; dashes are ``-``; anything else is ``*``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from ..errors import LexiconError
from ..lexicon import load_table
from .sentences import Token

__all__ = ["CUE_TAGS", "Cue", "Tagged", "may_hold_cue", "tag_tokens"]

#: Tag of each cue kind of ``cues.tsv``.
CUE_TAGS = {
    "verb": "V",
    "tell": "R",
    "gerund": "G",
    "telling": "H",
    "according": "A",
    "citing": "C",
    "quoted": "K",
    "ask": "Z",
    "passive": "P",
    "noun": "O",
    "intend": "W",
    "stance": "J",
    "naming": "L",
    "hearsay": "E",
}
_WORD_TAGS = {
    "as": "s",
    "auxiliary": "a",
    "be": "B",
    "by": "b",
    "conjunction": "x",
    "determiner": "d",
    "document": "D",
    "in": "I",
    "on": "u",
    "it": "j",
    "media_noun": "i",
    "preposition": "o",
    "possessive": "g",
    "pronoun": "p",
    "relative": "y",
    "source_noun": "n",
    "that": "t",
    "time": "m",
    "to": "e",
    "word": "w",
}
_CUE_TAG_CHARS = frozenset(CUE_TAGS.values())
_PUNCTUATION = {",": ",", ":": ":", ";": ";", "(": "(", ")": ")", "'": "'", "‘": "'", "’": "'",
                ".": ".", "?": ".", "!": ".", "—": "-", "–": "-", "-": "-"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue entry: its words, kind and weight."""

    words: tuple[str, ...]
    kind: str
    weight: float


@dataclass(frozen=True, slots=True)
class Tagged:
    """A sentence's tokens grouped into tagged units (a multi-word cue is one unit)."""

    tags: str
    units: tuple[tuple[int, int], ...]  # character span of each unit
    cues: tuple[Cue | None, ...]


def tag_tokens(tokens: tuple[Token, ...] | list[Token]) -> Tagged:
    """Return the tag row of ``tokens`` with the character span of every unit.

    Examples
    --------
    >>> from provenance.extract.sentences import tokenize
    >>> tag_tokens(tokenize("According to the report, he told CNN “no.”")).tags
    'AdD,pRNQ'
    """
    multi = _lexicons()[1]
    # Every token is first read on its own, with C-level maps over the row
    # (a Python loop over every word was most of the tagging time); only the
    # words that may open a multi-word cue ("according", "said") are then
    # looked at one by one.
    texts = list(map(_TEXT, tokens))
    entries = list(map(_KNOWN.get, texts))
    if any(map(_IS_QUOTE, tokens)):
        entries = [_QUOTE if token.is_quote else entry for token, entry in zip(tokens, entries)]
    if None in entries:
        entries = [entry or _learn(text) for entry, text in zip(entries, texts)]
    tags = list(map(_TAG, entries))
    units = list(map(_SPAN, tokens))
    found: list[Cue | None] = list(map(_CUE, entries))
    # a capitalised adverb opening a sentence ("Still, ...") is common and never a name: only
    # a later capitalised cue word, or a cue verb opening the sentence, is looked at
    maybe_names = (tags and tags[0] == "V" and texts[0] in _CAPITALISED_CUES) or not _CAPITALISED_CUES.isdisjoint(texts[1:])
    names = _cue_words_in_names(texts, tags) if maybe_names else ()
    for index in names:
        tags[index], found[index] = "N", None
    if "'" in tags:
        _possessive_apostrophes(texts, tags, tokens)
    if texts and texts[0] in _OPENING_TO:
        tags[0] = "T"
    if any(map(_OPENS_MULTI, entries)):
        merged = []  # (index, cue) of each multi-word cue, left to right; a cue's words open no other
        after = 0
        words = list(map(_WORD, entries))  # lowered already: a quotation's '' is no cue word
        for index in compress(count(), map(_OPENS_MULTI, entries)):
            if index >= after and index not in names:
                cue = _multiword_cue(words, index, multi[words[index]])
                if cue is not None:
                    merged.append((index, cue))
                    after = index + len(cue.words)
        for index, cue in reversed(merged):  # from the right, so the indexes still hold
            last = index + len(cue.words)
            tags[index:last] = [CUE_TAGS[cue.kind]]
            units[index:last] = [(tokens[index].start, tokens[last - 1].end)]
            found[index:last] = [cue]
    if "E" in tags:
        _hearsay_before_cue(tags, found)
    # only the final run of sentence marks ends the sentence; a period inside it ("D-Fla.") is noise
    final = len(tags)
    while final and tags[final - 1] == ".":
        final -= 1
    if "." in tags[:final]:
        tags = [("*" if tag == "." else tag) for tag in tags[:final]] + tags[final:]
    return Tagged("".join(tags), tuple(units), tuple(found))


#: What each token text reads as: (lowered word, tag, cue, may start a multi-word cue).
#: A word's reading depends on its text alone, and news repeats its words: a
#: remembered reading saves the lowering, the lookups and the open-class test.
_KNOWN: dict[str, tuple[str, str, Cue | None, bool]] = {}
_KNOWN_LIMIT = 100_000  # words; a full memory is emptied, not grown
_CAPITALISED_CUES: set[str] = set()  # remembered texts of capitalised cue words and auxiliaries
_QUOTE: tuple[str, str, Cue | None, bool] = ("", "Q", None, False)  # a whole quotation: one unit
_TEXT, _IS_QUOTE, _SPAN = itemgetter(0), itemgetter(3), itemgetter(slice(1, 3))  # of a Token
_WORD, _TAG, _CUE, _OPENS_MULTI = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)  # of a reading


def _learn(text: str) -> tuple[str, str, Cue | None, bool]:
    """Read one token text (see ``_KNOWN``) and remember it."""
    single, multi = _lexicons()
    word = _lowered(text)
    hit = single.get(word)
    tag, cue = hit if hit is not None else (_open_class_tag(text, word), None)
    entry = (word, tag, cue, word in multi)
    if len(_KNOWN) >= _KNOWN_LIMIT:
        _KNOWN.clear()
        _CAPITALISED_CUES.clear()
    _KNOWN[text] = entry
    if tag in _CUE_OR_AUXILIARY and text[:1].isupper() and not text.isupper():
        _CAPITALISED_CUES.add(text)  # may be a name ("Hope Hicks"): see _cue_words_in_names
    return entry


_OPENING_TO = frozenset({"To", "TO"})  # "To Sharp, Trump is ...": a viewpoint, tagged T
_CUE_OR_AUXILIARY = _CUE_TAG_CHARS | {"a"}


def _cue_words_in_names(texts: list[str], tags: list[str]) -> list[int]:
    """Indexes of capitalised cue words or auxiliaries that are part of a name.

    Mid-sentence, after a lowercase word and before a capitalised one
    ("spokeswoman Hope Hicks said", "Abortion rights Advocates"); a cue word
    opening a sentence right before another cue ("Read said").
    """
    found = []
    last = len(tags) - 1
    for index in compress(count(), map(_CAPITALISED_CUES.__contains__, texts)):  # few: skip the rest in C
        tag = tags[index]
        if tag not in _CUE_OR_AUXILIARY:
            continue
        following = tags[index + 1] if index < last else ""
        if index == 0:
            if tag == "V" and following in _CUE_TAG_CHARS:
                found.append(index)
        elif following == "N" and texts[index - 1][:1].islower():
            found.append(index)
    return found


def _possessive_apostrophes(texts: list[str], tags: list[str], tokens: tuple[Token, ...] | list[Token]) -> None:
    """The apostrophe of a plural possessive ("Sanders' team") reads as part of the name, ``N``.

    Not before a cue word ("Sanders' attacks on"): a nominal cue keeps its own frame.
    """
    last = len(tags) - 1
    for index, tag in enumerate(tags):
        if (
            tag == "'"
            and 0 < index < last
            and texts[index - 1][-1:] in "sS"
            and not tokens[index - 1].is_quote
            and texts[index + 1][:1].isalpha()
            and tags[index + 1] not in _CUE_OR_AUXILIARY
        ):
            tags[index] = "N"


def _hearsay_before_cue(tags: list[str], found: list[Cue | None]) -> None:
    """A hearsay adverb before a cue verb is that cue's adverb ("reportedly said")."""
    for index, tag in enumerate(tags):
        if tag != "E":
            continue
        after = index + 1
        while after < len(tags) and tags[after] in "aB":
            after += 1
        if after < len(tags) and tags[after] in _CUE_TAG_CHARS and tags[after] != "E":
            tags[index], found[index] = "a", None


def _lowered(text: str) -> str:
    return text.casefold().replace("’", "'")


def may_hold_cue(tokens: tuple[Token, ...] | list[Token]) -> bool:
    """Return True when a token could start a cue (or is a colon): a cheap test before tagging.

    A sentence opening with "To" or a dash may hold one too ("To Sharp, ...",
    "- Hillary Clinton." crediting a quotation).

    Examples
    --------
    >>> from provenance.extract.sentences import tokenize
    >>> may_hold_cue(tokenize("Blue skies ahead.")), may_hold_cue(tokenize("Reuters said so."))
    (False, True)
    """
    if tokens and tokens[0].text in _OPENERS:
        return True
    starters = _cue_starters()
    texts = list(map(_TEXT, tokens))
    # most cue words are written in lowercase: a word found as written needs no casefold (the
    # words are casefolded already), and the hashes taken here serve the tagger's lookups next
    if not starters.isdisjoint(texts):
        return True
    return not starters.isdisjoint(map(str.casefold, texts))  # maps: no Python loop


#: Sentence openers that may start a cue: "To Sharp, ...", the dash of a credit line.
_OPENERS = _OPENING_TO | {"-", "—", "–"}


@lru_cache(maxsize=1)
def _cue_starters() -> frozenset[str]:
    """Words one of which every cue holds: a single-word cue, or the first open-class
    word of a longer one ("according" of "according to", "expected" of "is expected"),
    and the document nouns of "in a poll"."""
    single, multi = _lexicons()
    # a document noun may be the source of "in a CNN poll, ..."
    words = {word for word, (tag, _) in single.items() if tag in _CUE_TAG_CHARS or tag == "D"}
    for cues in multi.values():
        for cue in cues:
            open_words = [word for word in cue.words if single.get(word, ("", None))[0] in _CUE_TAG_CHARS | {""}]
            words.add(open_words[0] if open_words else cue.words[0])
    return frozenset(words | {":"} | {word.replace("'", "’") for word in words})


def _open_class_tag(text: str, word: str) -> str:
    first = text[0]
    if first.isdigit():
        return "d"
    if first.isupper():
        return "N"
    if first.isalpha() or first == "_":
        # an adverb ("gingerly said"): PolNeAR counts it in the cue
        return "a" if len(word) > 4 and word.endswith("ly") else "w"
    return _PUNCTUATION.get(text, "*")


def _multiword_cue(words: list[str], index: int, cues: tuple[Cue, ...]) -> Cue | None:
    """The first of ``cues`` whose words are the lowered ``words`` from ``index`` on."""
    for cue in cues:
        if tuple(words[index : index + len(cue.words)]) == cue.words:
            return cue
    return None


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, tuple[str, Cue | None]], dict[str, tuple[Cue, ...]]]:
    """Loaded once: (tag, cue) of each single word, and multi-word cues by first word, longest first."""
    by_first: dict[str, list[Cue]] = {}
    for form, kind, weight in load_table("cues.tsv", columns=3):
        if kind not in CUE_TAGS:
            raise LexiconError("cues.tsv", 0, f"unknown cue kind {kind!r} of {form!r}; expected one of: {', '.join(sorted(CUE_TAGS))}")
        words = tuple(form.casefold().split())
        by_first.setdefault(words[0], []).append(Cue(words, kind, float(weight)))
    single: dict[str, tuple[str, Cue | None]] = {}
    for word, word_class in load_table("attribution_words.tsv", columns=2):
        if word_class not in _WORD_TAGS:
            raise LexiconError("attribution_words.tsv", 0, f"unknown class {word_class!r} of {word!r}; expected one of: {', '.join(sorted(_WORD_TAGS))}")
        single[word.casefold()] = (_WORD_TAGS[word_class], None)
    single.update({text: (tag, None) for text, tag in _PUNCTUATION.items()})
    multi = {}
    for first, items in by_first.items():
        for cue in items:
            if len(cue.words) == 1:
                single[first] = (CUE_TAGS[cue.kind], cue)
        longer = tuple(sorted((cue for cue in items if len(cue.words) > 1), key=lambda c: -len(c.words)))
        if longer:
            multi[first] = longer
    return single, multi
