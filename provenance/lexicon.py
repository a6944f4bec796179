"""Load the word lists and alias tables kept in ``provenance/data``.

Every data file is UTF-8 text: lines starting with ``#`` are comments (the
first names the columns and the source), blank lines are skipped, and each
other line is one entry whose columns are separated by tabs. Files are read
once through :mod:`importlib.resources` and cached.

A user's own file (an alias list given with ``--aliases``) is read with
:func:`read_table` and extends ours; it never replaces it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import LexiconError

__all__ = ["data_files", "load_table", "load_words", "parse_table", "read_table"]


def parse_table(text: str, *, name: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Parse the text of a data file into rows of stripped columns.

    Parameters
    ----------
    text : str
        The file's content.
    name : str
        The file's name, used in error messages.
    columns : int, optional
        When given, every row must have exactly this many columns; rows may
        otherwise have any number of columns, but never an empty first one.

    Raises
    ------
    LexiconError
        When a row has the wrong number of columns or an empty first column.

    Examples
    --------
    >>> parse_table("# word\\tkind\\nsaid\\tspeech\\n\\nsays\\tspeech\\n", name="cues.tsv")
    (('said', 'speech'), ('says', 'speech'))
    """
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = tuple(cell.strip() for cell in line.split("\t"))
        if not row[0]:
            raise LexiconError(name, number, "empty first column")
        if columns is not None and len(row) != columns:
            raise LexiconError(name, number, f"expected {columns} tab-separated columns, found {len(row)}")
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def load_table(name: str, *, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Return the rows of the packaged data file ``name`` (cached).

    Examples
    --------
    >>> all(isinstance(row, tuple) for row in load_table(data_files()[0]))
    True
    """
    try:
        text = resources.files("provenance.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise LexiconError(name, 0, "no such packaged data file") from err
    return parse_table(text, name=name, columns=columns)


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """Return the first column of the packaged data file ``name`` as a set."""
    return frozenset(row[0] for row in load_table(name))


def read_table(path: str | Path, *, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Read a user's data file (same format as ours) from ``path``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(str(path), 0, f"cannot read: {err}") from err
    return parse_table(text, name=str(path), columns=columns)


def data_files() -> list[str]:
    """Return the names of the packaged data files, sorted."""
    root = resources.files("provenance.data")
    return sorted(
        item.name for item in root.iterdir() if item.name.endswith((".tsv", ".txt"))
    )
