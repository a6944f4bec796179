"""Pieces the CLI verbs share: reading inputs, reporting failures, writing data.

A verb takes its inputs with :func:`paths_argument` (files, folders, glob
patterns, ``-`` and URLs), lets users rename JSON fields with
:func:`record_field_options`, reads with :func:`read_inputs` (failures on
stderr as ``path[:line]: reason``, progress on stderr unless ``--quiet``),
refuses an ``-o`` that would overwrite an input with
:func:`check_output_path`, and ends with :func:`exit_for`.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from ..ingest import DEFAULT_FIELDS, RecordFields, iter_articles
from ..ingest.files import STDIN, expand_inputs, is_glob, is_url
from ..model import Article, Failure
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "PROGRESS_EVERY",
    "InputPath",
    "check_output_path",
    "dump_json",
    "exit_for",
    "format_option",
    "paths_argument",
    "quiet_option",
    "read_inputs",
    "record_field_options",
    "report_failures",
]

#: Progress is reported on stderr after every this many inputs.
PROGRESS_EVERY = 100

#: JSON record parts users can rename, with the help of each option.
_FIELD_HELP = {
    "text": "JSON/JSONL field with the article text; a dotted NAME (meta.body) reaches into nested objects.",
    "id": "JSON field with the article id (without it: PATH:LINE).",
    "url": "JSON field with the article's URL.",
    "publisher": "JSON field with the publishing outlet.",
    "title": "JSON field with the headline.",
    "published": "JSON field with the publication time (ISO 8601, a date or epoch seconds).",
    "author": "JSON field with the byline.",
    "credits": "JSON field with the credited sources (a list, or one name).",
}


class InputPath(click.ParamType):
    """A file, folder, glob pattern, ``-`` (stdin) or URL; anything else is a usage error."""

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path | str:
        if isinstance(value, Path):
            return value
        value = str(value)
        if value == STDIN or is_url(value):
            return value
        if os.path.lexists(value):
            return Path(value)
        if is_glob(value):
            return value
        self.fail(f"no such file or folder: {value!r}", param, ctx)


def paths_argument(function):
    """The PATHS... argument every verb takes: files, folders, globs, ``-``, URLs."""
    return click.argument("paths", nargs=-1, required=True, type=InputPath())(function)


def format_option(choices: Iterable[str], default: str = "text"):
    """A ``--format`` option over ``choices``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="How to print the results on stdout.",
    )


def quiet_option(function):
    """A ``--quiet`` flag that silences progress messages."""
    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        default=False,
        help="Print no progress on stderr (failures are still reported).",
    )(function)


def record_field_options(function):
    """Options naming the fields of JSON/JSONL records; the verb receives ``fields``.

    Adds ``--text-field``, ``--id-field``, ``--url-field``, ``--publisher-field``,
    ``--title-field``, ``--published-field``, ``--author-field`` and
    ``--credits-field``, and calls the verb with one
    :class:`~provenance.ingest.RecordFields` as its ``fields`` argument.
    """

    @functools.wraps(function)
    def with_fields(*args: Any, **kwargs: Any) -> Any:
        names = {part: kwargs.pop(f"{part}_field") for part in _FIELD_HELP}
        kwargs["fields"] = RecordFields(**names)
        return function(*args, **kwargs)

    for part, help_text in reversed(_FIELD_HELP.items()):
        with_fields = click.option(
            f"--{part}-field",
            f"{part}_field",
            default=getattr(DEFAULT_FIELDS, part),
            show_default=True,
            metavar="NAME",
            help=help_text,
        )(with_fields)
    return with_fields


def read_inputs(
    paths: Iterable[Path | str],
    *,
    quiet: bool = False,
    fields: RecordFields = DEFAULT_FIELDS,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[list[Article], list[Failure]]:
    """Read every input; print each failure on stderr as it comes; return both lists.

    Unless ``quiet``, a progress line goes to stderr every
    :data:`PROGRESS_EVERY` inputs (rewritten in place on a terminal) and a
    summary at the end of a long run.
    """
    articles: list[Article] = []
    failures: list[Failure] = []
    progress = _Progress(enabled=not quiet)
    for item in iter_articles(paths, settings=settings, fields=fields):
        if isinstance(item, Article):
            articles.append(item)
        else:
            failures.append(item)
            progress.clear()
            report_failures([item])
        progress.update(len(articles), len(failures))
    progress.finish(len(articles), len(failures))
    return articles, failures


def report_failures(failures: Iterable[Failure]) -> None:
    """Print one ``path[:line]: reason`` line per failure on stderr."""
    for failure in failures:
        click.echo(str(failure), err=True)


def check_output_path(output: Path | str | None, inputs: Iterable[Path | str]) -> None:
    """Refuse an output file that is one of the inputs (or an input folder).

    Raises
    ------
    click.UsageError
        When writing ``output`` would overwrite something being read.
    """
    if output is None or str(output) == STDIN:
        return
    target = os.path.realpath(output)
    inputs = list(inputs)
    for item in inputs:
        if isinstance(item, Path | str) and not is_url(str(item)) and str(item) != STDIN:
            if os.path.realpath(item) == target and os.path.isdir(item):
                raise click.UsageError(f"output {str(output)!r} is an input folder; choose a file")
    for item in expand_inputs(inputs):
        if isinstance(item, Path) and os.path.realpath(item) == target:
            raise click.UsageError(f"output {str(output)!r} is also an input; choose another file")


def exit_for(failures: list[Failure]) -> None:
    """Exit 1 when some input failed, after everything else was written."""
    if failures:
        sys.exit(1)


def dump_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, UTF-8 kept, final newline."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


class _Progress:
    """Counts inputs and reports on stderr every PROGRESS_EVERY of them."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.on_terminal = enabled and _stderr_is_terminal()
        self.shown = False

    def update(self, articles: int, failures: int) -> None:
        done = articles + failures
        if self.enabled and done % PROGRESS_EVERY == 0:
            self._show(articles, failures)

    def finish(self, articles: int, failures: int) -> None:
        done = articles + failures
        if self.enabled and done >= PROGRESS_EVERY and done % PROGRESS_EVERY:
            self._show(articles, failures)
        if self.on_terminal and self.shown:
            click.echo("", err=True)

    def clear(self) -> None:
        if self.on_terminal and self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)

    def _show(self, articles: int, failures: int) -> None:
        message = f"read {articles} articles, {failures} failed"
        if self.on_terminal:
            click.echo(f"\r\x1b[K{message}", err=True, nl=False)
        else:
            click.echo(message, err=True)
        self.shown = True


def _stderr_is_terminal() -> bool:
    """True when stderr is an interactive terminal."""
    stream = sys.stderr  # swapped by click's test runner, so tests see a non-terminal
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
