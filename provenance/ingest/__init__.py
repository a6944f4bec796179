"""Read inputs (files, folders) into :class:`~provenance.model.Article` records.

A broken input never stops the others: each one that cannot be read becomes a
:class:`~provenance.model.Failure` naming the path and the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Failure
from ..settings import DEFAULT_SETTINGS, Settings
from .text import article_from_text

__all__ = ["iter_articles", "read_articles"]

logger = logging.getLogger(__name__)


def iter_articles(
    inputs: Iterable[str | Path], *, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every input, in the order given.

    Folders are walked recursively in sorted order.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                yield _read_one(file, settings)
        else:
            yield _read_one(path, settings)


def read_articles(
    inputs: Iterable[str | Path], *, settings: Settings = DEFAULT_SETTINGS
) -> tuple[list[Article], list[Failure]]:
    """Read every input; return the articles and the failures apart."""
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in iter_articles(inputs, settings=settings):
        (articles if isinstance(item, Article) else failures).append(item)
    return articles, failures


def _read_one(path: Path, settings: Settings) -> Article | Failure:
    try:
        data = path.read_bytes()
        if b"\x00" in data[:4096]:
            raise InputError(str(path), "binary file, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(str(path), f"not UTF-8 text ({err.reason} at byte {err.start})") from err
        return article_from_text(text, id=str(path), path=str(path))
    except InputError as err:
        logger.warning("%s", err)
        return Failure(err.path, err.reason, err.line)
    except OSError as err:
        logger.warning("%s: %s", path, err.strerror or err)
        return Failure(str(path), err.strerror or str(err))
