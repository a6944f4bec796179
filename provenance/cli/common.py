"""Pieces the CLI verbs share: reading inputs, reporting failures, writing data."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from ..ingest import read_articles
from ..model import Article, Failure

__all__ = [
    "dump_json",
    "exit_for",
    "format_option",
    "paths_argument",
    "quiet_option",
    "read_inputs",
    "report_failures",
]


def paths_argument(function):
    """The PATHS... argument every verb takes."""
    return click.argument(
        "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
    )(function)


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
        "--quiet", "-q", is_flag=True, default=False, help="Print no progress messages."
    )(function)


def read_inputs(paths: Iterable[Path], *, quiet: bool = False) -> tuple[list[Article], list[Failure]]:
    """Read every input, report the failures on stderr, return both."""
    articles, failures = read_articles(paths)
    report_failures(failures)
    return articles, failures


def report_failures(failures: Iterable[Failure]) -> None:
    """Print one ``path[:line]: reason`` line per failure on stderr."""
    for failure in failures:
        click.echo(str(failure), err=True)


def exit_for(failures: list[Failure]) -> None:
    """Exit 1 when some input failed, after everything else was written."""
    if failures:
        sys.exit(1)


def dump_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, UTF-8 kept, final newline."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
