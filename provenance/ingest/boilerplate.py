"""Page furniture inside an article's text: related stories, link lists, footers.

Text extracted from a news page keeps some of the page around the article:
"Related Topics" and "Recent Stories" lists, "More Stories From World", tag
lists, share bars, "Advertisement", "Sign up for ...", site-link lists,
copyright lines. :func:`find_boilerplate` marks them as :class:`Span` regions
of the text (the text itself is never changed), so extraction can skip them.

The phrases are data (``provenance/data/boilerplate.tsv``), of three kinds:

- a *block* heading ("Related Topics", "More Stories From ...") starts a
  region that runs over every following line until article prose resumes
  (two prose lines in a row, see ``Settings.prose_words``) or the text ends.
  A heading only opens a block once the article's prose has begun; above
  it, it marks its own line only, so a title is never swallowed;
- a *line* phrase ("Advertisement", "Sign up for ...") marks its own line;
- *share* words mark a line made only of them ("Facebook Twitter Email").

Lines of four or more short items between separators ("About Us | Contact
Us | ...", "Education - Urdu News - Car Prices - ...") and copyright lines
("© 1997-2022, UrduPoint Network", "All rights ... reserved") are found by
pattern. Offsets cover the words of the lines, without surrounding blank space;
regions separated only by blank space are merged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_table
from ..model import Span
from ..settings import DEFAULT_SETTINGS, Settings
from .lines import Line, iter_lines

__all__ = ["RE_COPYRIGHT", "RE_RESERVED_BY", "find_boilerplate", "line_kind"]

#: A copyright line; the group "holder" is who holds it ("UrduPoint Network").
RE_COPYRIGHT = re.compile(
    r"(?:©\s*(?:copyright\b\s*)?|\(c\)\s*(?=\d)|copyright\b\s*(?:©|\(c\))?\s*(?=[\d©]))"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\s*[,.]?\s*)?"
    r"(?P<holder>[^.|]*?)\s*(?:[.|]|\ball rights\b|$)",
    re.IGNORECASE,
)
#: "All rights ... reserved by <holder>" in a footer.
RE_RESERVED_BY = re.compile(
    r"\ball\s+rights\b.{0,60}?\breserved\b(?:\s+(?:by|to)\s+"
    r"(?P<holder>(?:the\s+)?[\w&'-]+(?:\.[\w&'-]+)*(?:\s+(?-i:[A-Z])[\w&'-]*(?:\.[\w&'-]+)*)*))?",
    re.IGNORECASE,
)
#: Separators of a link list.
RE_LIST_SEPARATOR = re.compile(r"\s+[|•·–-]\s+|\s*[|•·]\s*")
RE_LIST_MARK = re.compile(r"[|•·]| [-–] ")
#: Fewest items a line needs to be read as a link list.
MIN_LIST_ITEMS = 4
#: Most words of one link-list item.
MAX_LIST_ITEM_WORDS = 6
#: Phrases are matched in a line's first this-many characters.
MAX_PHRASE_CHARS = 120
#: Marks around share-bar words ("FACEBOOK.", "Twitter |").
SHARE_BAR_MARKS = ".,:;|·•"
#: Longest line read as a share bar ("Facebook Twitter LinkedIn Email WhatsApp Print").
MAX_SHARE_BAR_CHARS = MAX_PHRASE_CHARS
MAX_SHARE_BAR_WORDS = 12
RE_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
CLOSING_MARKS = "\"'”’)"

BLOCK, LINE = "block", "line"


def find_boilerplate(text: str, *, settings: Settings = DEFAULT_SETTINGS) -> tuple[Span, ...]:
    """Return the boilerplate regions of ``text``, sorted and merged.

    Parameters
    ----------
    text : str
        The article text, as read.
    settings : Settings
        ``prose_words``, ``max_heading_words`` and ``max_line_chars`` are used.

    Returns
    -------
    tuple of Span
        Half-open ranges into ``text``; empty for empty text.

    Examples
    --------
    >>> text = ("Talks collapse\\n\\nThe talks collapsed on Monday after six hours, "
    ...         "the ministry said in a statement.\\n\\nRelated Topics\\n\\nUkraine Moscow\\n")
    >>> [text[span.start:span.end] for span in find_boilerplate(text)]
    ['Related Topics\\n\\nUkraine Moscow']
    """
    regions: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = 0
    prose_started = False
    pending_prose: Line | None = None  # a prose line inside a block: the block ends if another follows
    for line in iter_lines(text, limit=settings.max_line_chars):
        kind = None if line.cut else line_kind(line.text, settings=settings)
        is_prose = kind is None and _is_prose(line, settings)
        if block_start is not None:
            if not is_prose:
                block_end, pending_prose = line.end, None
                continue
            if pending_prose is None:
                pending_prose = line
                continue
            regions.append((block_start, block_end))
            block_start, pending_prose = None, None
        if is_prose:
            prose_started = True
        elif kind == BLOCK and prose_started:
            block_start, block_end = line.start, line.end
        elif kind is not None:
            regions.append((line.start, line.end))
    if block_start is not None:
        regions.append((block_start, pending_prose.end if pending_prose else block_end))
    return tuple(Span(start, end) for start, end in _merged(text, regions))


def line_kind(line: str, *, settings: Settings = DEFAULT_SETTINGS) -> str | None:
    """Return "block", "line" or None for one stripped line of text.

    Examples
    --------
    >>> line_kind("Related Topics"), line_kind("Tags: Ukraine, Russia")
    ('block', 'line')
    >>> line_kind("Facebook Twitter Email"), line_kind("© 1997-2022, UrduPoint Network")
    ('line', 'line')
    >>> line_kind("The Pentagon confirmed to Sputnik on Thursday that ...") is None
    True
    """
    if not line:
        return None
    key = " ".join(line[:MAX_PHRASE_CHARS].casefold().replace("’", "'").split())
    rules = _rules()
    if len(line) <= MAX_PHRASE_CHARS:
        bare = key.rstrip(" :.")
        if bare in rules.whole:
            return rules.whole[bare]
    label, colon, rest = key.partition(":")
    if colon and rest.strip() and label.strip() in rules.whole:
        return LINE
    spaces = line.count(" ")
    if spaces < settings.max_heading_words:
        kind = rules.start_kind(key)
        if kind is not None:
            return kind
        if key.startswith(("©", "(c)", "copyright")) and RE_COPYRIGHT.match(line):
            return LINE
        if "reserved" in key and RE_RESERVED_BY.search(line):
            return LINE
    first_word = key.split(" ", 1)[0].strip(SHARE_BAR_MARKS)
    if spaces < MAX_SHARE_BAR_WORDS and len(line) <= MAX_SHARE_BAR_CHARS and first_word in rules.share:
        words = {word.strip(SHARE_BAR_MARKS) for word in key.split()} - {""}
        if words and words <= rules.share:
            return LINE
    if ("|" in line or " - " in line or " – " in line or "•" in line or "·" in line) and _is_link_list(line):
        return LINE
    return None


class _Rules:
    """The phrases of ``boilerplate.tsv``, compiled."""

    def __init__(self, rows: tuple[tuple[str, ...], ...]) -> None:
        self.whole: dict[str, str] = {}
        self.start_kinds: dict[str, str] = {}
        self.share: set[str] = set()
        for phrase, kind, how in rows:
            key = " ".join(phrase.casefold().replace("’", "'").split())
            if how == "whole":
                self.whole[key] = kind
            elif how == "start":
                self.start_kinds[key] = kind
                self.whole.setdefault(key, kind)
            elif how == "word":
                self.share.add(key)
                self.whole.setdefault(key, LINE)
            else:
                raise ValueError(
                    f"boilerplate.tsv: {phrase}: unknown match {how!r}; expected one of: start, whole, word"
                )
        # Start phrases by their first word, longest first, so one dict look-up finds the candidates.
        self.starts: dict[str, list[str]] = {}
        for key in sorted(self.start_kinds, key=lambda key: (-len(key), key)):
            self.starts.setdefault(key.split(" ", 1)[0], []).append(key)

    def start_kind(self, key: str) -> str | None:
        """The kind of the start phrase ``key`` (a normalised line) opens with, if any."""
        for phrase in self.starts.get(key.split(" ", 1)[0], ()):
            if key.startswith(phrase):
                after = key[len(phrase) : len(phrase) + 1]
                # A phrase ends at a word boundary unless it ends in a mark ("Follow @").
                if not after or not (phrase[-1].isalnum() and (after.isalnum() or after == "_")):
                    return self.start_kinds[phrase]
        return None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """The boilerplate phrases, compiled once."""
    return _Rules(load_table("boilerplate.tsv", columns=3))


def _is_prose(line: Line, settings: Settings) -> bool:
    """True for a line of article prose: enough words and a closing stop."""
    return line.cut or (_ends_sentence(line.text) and line.words >= settings.prose_words)


def _is_link_list(line: str) -> bool:
    """True for a line of several short items between separators."""
    if len(RE_LIST_MARK.findall(line, 0, MAX_PHRASE_CHARS)) < MIN_LIST_ITEMS - 1:
        return False  # a link list shows its marks early
    items = [item for item in RE_LIST_SEPARATOR.split(line) if item.strip()]
    if len(items) < MIN_LIST_ITEMS:
        return False
    return all(len(item.split()) <= MAX_LIST_ITEM_WORDS and not _ends_sentence(item) for item in items)


def _ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a stop, maybe inside closing quotes or a bracket."""
    return text.rstrip().rstrip(CLOSING_MARKS).endswith((".", "!", "?"))


def _merged(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Regions sorted, with those separated only by blank space joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
