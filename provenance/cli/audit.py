"""``provenance audit``: does the sourcing of each claim hold up?"""

from __future__ import annotations

from pathlib import Path

import click

from ..auditing import audit as audit_graph
from ..auditing.render import render_json, render_markdown, render_text
from ..graph import build_graph
from ..pipeline import trace_articles
from ..sources import load_aliases
from ..syndication import find_copies
from . import cli
from .common import check_output_path, exit_for, paths_argument, quiet_option, read_inputs, record_field_options

#: Report formats, and the output extensions that choose them.
FORMATS = ("text", "json", "markdown")
EXTENSIONS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


@cli.command(epilog='Example: provenance audit samples/harbor-strike --claim "port will remain closed" -o audit.md')
@paths_argument
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format.  [default: from the -o extension (.md .json .txt), else text]")
@click.option("--claim", "claim_text", metavar="TEXT", default=None,
              help="Audit only the claim that best matches TEXT (fuzzy) or has this claim id.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of stdout (never one of the inputs).")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A file of extra source aliases, in the format of provenance/data/sources.tsv.")
@quiet_option
@record_field_options
def audit(paths: tuple[Path, ...], fmt: str | None, claim_text: str | None, output: Path | None,
          aliases: Path | None, quiet: bool, fields) -> None:
    """Check how well the claims in PATHS are sourced.

    For each claim: its origins (a spokesperson counts toward the body they
    speak for), how many are independent, the paths from origin to
    publisher, the relays and the longest path; and findings, each with a
    one-line explanation and evidence (article, character offsets):
    single_origin, anonymous_only, quote_drift, attribution_conflict,
    circular_reporting, uncredited_copy, dropped_attribution, unattributed.

    \b
    json: {"claims": [{"id", "text", "quotes", "origins", "independent_origins",
           "paths", "relays", "publishers", "max_depth", "articles", "chains",
           "findings"}], "findings": [{"type", "claim", "detail", "evidence"}]}
    markdown: a report to publish, each claim's diagram in a mermaid block.
    """
    fmt = fmt or (EXTENSIONS.get(output.suffix.lower(), "text") if output is not None else "text")
    check_output_path(output, paths)
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields)
    graph = build_graph(trace_articles(articles, workers=None), copies=find_copies(articles).pairs,
                        sources=load_aliases(aliases) if aliases else None)
    try:
        report = audit_graph(graph, claim=claim_text)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--claim") from err
    if fmt == "json":
        text = render_json(report)
    elif fmt == "markdown":
        text = render_markdown(report, graph)
    else:
        text = render_text(report, graph)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        if not quiet:
            click.echo(f"wrote {output}", err=True)
    exit_for(failures)
