"""The ``provenance`` command line: a thin layer over the library.

Each verb lives in its own module of this package and only parses options,
calls one library function and writes its result. Library errors become
``Error: ...`` messages here, in one place.
"""

from __future__ import annotations

import logging

import click

from ..errors import ProvenanceError

__all__ = ["cli", "main"]


class _Cli(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ProvenanceError as err:  # the one place library errors become CLI errors
            raise click.ClickException(str(err)) from err


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="provenance")
def cli() -> None:
    """Trace who said what, and who copied whom, across news articles.

    Give files, folders or other inputs; results go to stdout, messages to
    stderr. Exit status: 0 on success, 1 when some input could not be read
    (all others are still processed), 2 on a usage error.
    """
    _log_warnings_to_stderr()


class _StderrHandler(logging.Handler):
    """Shows the library's warnings (engine switches, skipped input) as ``warning: ...`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


def _log_warnings_to_stderr() -> None:
    logger = logging.getLogger("provenance")
    if not any(isinstance(handler, _StderrHandler) for handler in logger.handlers):
        handler = _StderrHandler(level=logging.WARNING)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


def main() -> None:
    """Entry point of the ``provenance`` console script."""
    cli(prog_name="provenance")


# Each verb registers itself on ``cli`` when its module is imported.
from . import trace as _trace  # noqa: E402,F401
from . import extract as _extract  # noqa: E402,F401
from . import graph as _graph  # noqa: E402,F401
from . import syndication as _syndication  # noqa: E402,F401
from . import audit as _audit  # noqa: E402,F401
