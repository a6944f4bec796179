"""Read gold attributions from BRAT standoff files, as PolNeAR stores them.

A split folder holds ``text/<article>.txt`` and
``attributions/<article>_<annotator>.ann``. In an ``.ann`` file, ``T`` lines
are spans (``T3<TAB>Content 315 448;463 553<TAB>text``; ``;`` separates the
pieces of a discontinuous span) and ``E`` lines tie spans into one
attribution (``E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3``).
Numbered roles (``Content2``) are merged into their base role; the
``Attribution`` trigger and any other argument are not a scored role and are
left out.

Every other line (notes, attributes, the wrapped remainder of a span whose
text holds a line break) is ignored, and so is an argument that names an
unknown span: the reader never guesses. Texts are decoded as UTF-8 without any
newline translation or BOM stripping, so offsets index the file exactly.

This module reads files; scoring lives in :mod:`provenance.evaluate`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["ROLES", "GoldArticle", "GoldAttribution", "GoldSplit", "parse_ann", "read_split"]

logger = logging.getLogger(__name__)

#: The scored roles of an attribution, in table order.
ROLES = ("cue", "source", "content")

_ROLE_NAMES = {"Cue": "cue", "Source": "source", "Content": "content"}
RE_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
RE_EVENT_LINE = re.compile(r"^(E\d+)\t(\S+)((?: \S+)*)\s*$")
RE_ROLE_NUMBER = re.compile(r"\d+$")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: the character pieces of each role.

    ``type`` is the BRAT event type (``Attribution`` or
    ``Attribution-no-source``). A role with no annotated span is empty.
    """

    type: str
    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()

    def to_record(self) -> dict[str, list[list[int]]]:
        """The attribution in the predictions format: ``{role: [[start, end], ...]}``."""
        return {role: [list(piece) for piece in getattr(self, role)] for role in ROLES}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a split: its text and the chosen annotator's attributions."""

    id: str
    text: str
    annotation_file: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class GoldSplit:
    """A split as read: articles sorted by id, and what was left out.

    ``annotation_files`` maps each annotated article to all its ``.ann`` file
    names (sorted; the first one was used). ``missing_text`` lists articles
    that have annotations but no text file.
    """

    articles: tuple[GoldArticle, ...]
    annotation_files: dict[str, tuple[str, ...]]
    missing_text: tuple[str, ...] = ()

    @property
    def several_annotators(self) -> tuple[str, ...]:
        """Scored articles with more than one annotator file."""
        scored = {article.id for article in self.articles}
        return tuple(
            sorted(id for id, names in self.annotation_files.items() if len(names) > 1 and id in scored)
        )


def parse_ann(text: str) -> tuple[GoldAttribution, ...]:
    """Return the attributions of one ``.ann`` file, in the order of its ``E`` lines.

    Parameters
    ----------
    text : str
        The content of the file.

    Returns
    -------
    tuple of GoldAttribution

    Examples
    --------
    >>> ann = (
    ...     "T1\\tSource 0 7\\tReuters\\n"
    ...     "T2\\tCue 8 12\\tsaid\\n"
    ...     "T3\\tContent 13 20;25 30\\tthe talks ... ended\\n"
    ...     "E1\\tAttribution:T2 Source:T1 Cue:T2 Content:T3\\n"
    ... )
    >>> (gold,) = parse_ann(ann)
    >>> gold.source, gold.cue, gold.content
    (((0, 7),), ((8, 12),), ((13, 20), (25, 30)))
    """
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, list[str]]] = []
    # Universal newlines, as a text-mode reader of the file would split it.
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = RE_SPAN_LINE.match(line)
        if match:
            spans[match.group(1)] = tuple(
                (int(start), int(end))
                for start, end in (piece.split() for piece in match.group(3).split(";"))
            )
            continue
        match = RE_EVENT_LINE.match(line)
        if match:
            events.append((match.group(2).partition(":")[0], match.group(3).split()))
    return tuple(_attribution(kind, arguments, spans) for kind, arguments in events)


def read_split(directory: str | Path) -> GoldSplit:
    """Read a PolNeAR-style split folder (``text/`` and ``attributions/``).

    Parameters
    ----------
    directory : str or Path
        The split folder.

    Returns
    -------
    GoldSplit
        One article per annotated text file, sorted by id (the text file's
        stem). An article with several annotator files uses the
        alphabetically first file name. Text files without annotations are
        not part of the split; annotations without text are listed in
        ``missing_text`` and logged.

    Raises
    ------
    InputError
        When a subfolder is missing, or a text is not UTF-8.
    """
    directory = Path(directory)
    text_dir, ann_dir = directory / "text", directory / "attributions"
    for folder in (text_dir, ann_dir):
        if not folder.is_dir():
            raise InputError(str(folder), "no such folder; a split needs text/ and attributions/")
    names_by_article: dict[str, list[str]] = {}
    for path in sorted(ann_dir.iterdir()):
        if path.name.endswith(".ann"):
            article = path.name[: -len(".ann")].rsplit("_", 1)[0]
            names_by_article.setdefault(article, []).append(path.name)
    articles, missing = [], []
    for article, names in sorted(names_by_article.items()):
        text_path = text_dir / f"{article}.txt"
        if not text_path.exists():
            logger.warning("no text for %s; skipped", article)
            missing.append(article)
            continue
        chosen = sorted(names)[0]
        ann_text = _read_utf8(ann_dir / chosen)
        articles.append(GoldArticle(article, _read_utf8(text_path), chosen, parse_ann(ann_text)))
    annotation_files = {article: tuple(sorted(names)) for article, names in sorted(names_by_article.items())}
    return GoldSplit(tuple(articles), annotation_files, tuple(missing))


def _attribution(event_type: str, arguments: list[str], spans: dict[str, Fragments]) -> GoldAttribution:
    """Build one attribution from an event's ``Role:Tn`` arguments."""
    pieces: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for argument in arguments:
        role_name, _, span_id = argument.partition(":")
        role = _ROLE_NAMES.get(RE_ROLE_NUMBER.sub("", role_name))
        if role is not None and span_id in spans:
            pieces[role].extend(spans[span_id])
    return GoldAttribution(event_type, *(tuple(pieces[role]) for role in ("source", "cue", "content")))


def _read_utf8(path: Path) -> str:
    """The file's text, decoded as UTF-8 with no newline translation."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not UTF-8 text ({err.reason} at byte {err.start})") from err
