"""Who a passage is about: quotations and the people who speak, by the words around a name.

:class:`SpeakerCues` answers two questions about one article's text for
pronoun resolution in :mod:`provenance.extract.coref`: is a position inside a
quotation (``“...”``, ``"..."`` or ``''...''`` within one paragraph), and does
the name at a span read as the speaker or subject of its sentence (it opens
the sentence, "Fowler said", "said Don Fowler", "according to Fowler"). The
speech verbs live in ``mention_words.tsv`` (classes ``speech`` and
``speech_before``). It is a reading of nearby words, not a parse: "Vettel
later told CNN" is a speaker, "Vettel, who had earlier told CNN" only when
the sentence opens with him.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .mention_lexicon import MentionLexicon

__all__ = ["SpeakerCues", "at_sentence_start"]

#: Quoted passages within a paragraph: curly, straight and doubled-apostrophe quotes.
RE_QUOTED = re.compile(r"\u201c[^\u201d\n]*\u201d|\"[^\"\n]*\"|''[^\n]*?''")
#: The two words after a name, and the two before it.
RE_WORDS_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*([a-z]+)(?:[^\S\n]+([a-z]+))?")
RE_WORDS_BEFORE = re.compile(r"(?:([a-z]+)[^\S\n]+)?([a-z]+)[^\S\n]*,?[^\S\n]*$")
#: A capitalised abbreviation just before a name ("Mr. King", "Sen. Warren"): its period ends no sentence.
RE_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}\.[^\S\n]+$")
#: The first word of a paragraph, or None when it opens with a quotation (then the group is empty).
RE_PARAGRAPH_OPENING = re.compile(r"[^\S\n]*(?:[\"\u201c\u2018']|(\w+))")
#: A lowercase word of four letters or more: a line with none is a headline.
RE_LONG_LOWERCASE_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]{4,}")
_SENTENCE_END = frozenset(".!?\"\u201c\u201d:\n")


class SpeakerCues:
    """Quotations and speaker positions of one text (quotations found on first need).

    Examples
    --------
    >>> from provenance.extract.mention_lexicon import mention_lexicon
    >>> text = "“Ask Mr. King,” said Don Fowler. He met Ann Lowe."
    >>> cues = SpeakerCues(text, mention_lexicon())
    >>> cues.quote_around(text.index("King")), cues.quote_around(text.index("Don"))
    (0, None)
    >>> [cues.is_speaker(text.index(name), text.index(name) + len(name)) for name in ("Don Fowler", "Ann Lowe")]
    [True, False]
    """

    def __init__(self, text: str, lexicon: MentionLexicon) -> None:
        self.text = text
        self._speech = lexicon.words("speech")
        self._speech_before = lexicon.words("speech_before")
        self._pronouns, self._personal = _pronoun_sets(lexicon)
        self._quotes: list[tuple[int, int]] | None = None
        self._quote_starts: list[int] = []
        self._title_case: dict[int, bool] = {}

    def quote_around(self, position: int) -> int | None:
        """Return the start of the quotation holding ``position``, or None."""
        if self._quotes is None:
            self._quotes = [(match.start(), match.end()) for match in RE_QUOTED.finditer(self.text)]
            self._quote_starts = [start for start, _ in self._quotes]
        index = bisect_left(self._quote_starts, position) - 1
        if index >= 0 and position < self._quotes[index][1]:
            return self._quotes[index][0]
        return None

    def is_speaker(self, start: int, end: int, *, strict: bool = False) -> bool:
        """True when the name at ``[start, end)`` opens a sentence or sits by a speech verb.

        A possessive ("Johnson's doctor") is no speaker; with ``strict``, a
        name opening a sentence is one only when a comma follows it
        ("Armstrong Williams, Carson's friend, said"), not in "Gender Equality.".
        """
        text = self.text
        if text[end - 2 : end] in ("'s", "\u2019s") or text.startswith(("'s", "\u2019s"), end):
            return False
        if at_sentence_start(text, start) and not RE_ABBREVIATION_BEFORE.search(text, max(0, start - 6), start):
            if not strict or text.startswith(",", end):
                return True
        after = RE_WORDS_AFTER.match(text, end, min(len(text), end + 40))
        if after is not None and (
            after.group(1) in self._speech or (after.group(1) not in self._pronouns and after.group(2) in self._speech)
        ):
            return True
        before = RE_WORDS_BEFORE.search(text, max(0, start - 30), start)
        return before is not None and (before.group(2) in self._speech_before or before.group(1) == "according")


    def is_title_case(self, position: int) -> bool:
        r"""True when the line holding ``position`` is a headline: no word of four letters or more in lowercase.

        Examples
        --------
        >>> from provenance.extract.mention_lexicon import mention_lexicon
        >>> cues = SpeakerCues("Obama Sees Tolerance on the Ballot\nObama sees it.", mention_lexicon())
        >>> cues.is_title_case(0), cues.is_title_case(40)
        (True, False)
        """
        start = self.paragraph_start(position)
        found = self._title_case.get(start)
        if found is None:
            end = self.text.find("\n", position)
            line = self.text[start : end if end >= 0 else len(self.text)]
            found = self._title_case[start] = RE_LONG_LOWERCASE_WORD.search(line) is None and line.count(" ") > 1
        return found

    def paragraph_start(self, position: int) -> int:
        """Return where the paragraph holding ``position`` starts."""
        return self.text.rfind("\n", 0, position) + 1

    def continues_story(self, paragraph: int) -> bool:
        """True when the paragraph at ``paragraph`` goes on about the same person.

        It opens with "He" or "She", with a quotation, or holds nothing (a
        blank line); a paragraph opening otherwise may bring in someone new.
        """
        match = RE_PARAGRAPH_OPENING.match(self.text, paragraph)
        if match is None:
            return True
        return match.group(1) is None or match.group(1).casefold() in self._personal


@lru_cache(maxsize=8)
def _pronoun_sets(lexicon: MentionLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Every pronoun, and the personal ones ("he", "she"), of a lexicon."""
    personal = frozenset(word for word, (target, _) in lexicon.pronouns.items() if target in ("m", "f"))
    return frozenset(lexicon.pronouns), personal


def at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces separate ``start`` from a sentence end or the start of the text.

    Examples
    --------
    >>> at_sentence_start("He left. Kirby said", 9), at_sentence_start("He told Kirby", 8)
    (True, False)
    """
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END
