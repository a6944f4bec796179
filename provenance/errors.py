"""Exceptions raised by provenance.

One base class, :class:`ProvenanceError`, and narrow subclasses named for the
situation. Caller bugs (a wrong type, an impossible value) raise the built-in
``TypeError`` or ``ValueError`` instead.
"""

from __future__ import annotations

__all__ = ["ExportError", "InputError", "LexiconError", "ProvenanceError"]


class ProvenanceError(Exception):
    """Base class of every error provenance raises on purpose."""


class InputError(ProvenanceError):
    """An input (file, URL, record) could not be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class LexiconError(ProvenanceError):
    """A lexicon or alias data file is malformed."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        self.file = str(file)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.file}:{line}: {reason}")


class ExportError(ProvenanceError):
    """A graph or report could not be written in the requested format."""
