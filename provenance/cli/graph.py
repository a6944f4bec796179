"""``provenance graph``: merge the chains of many articles into one graph."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExportError
from ..graph import ProvenanceGraph, build_graph
from ..pipeline import trace_articles
from ..queries import focus, graph_summary
from ..sources import load_aliases
from ..syndication import find_copies
from ..ingest import RecordFields
from . import cli
from .common import (
    check_output_path,
    dump_json,
    exit_for,
    format_option,
    paths_argument,
    quiet_option,
    read_inputs,
    record_field_options,
)

#: Longest claim text shown in the text summary.
CLAIM_WIDTH = 90
#: Shared claims listed in the text summary, most articles first.
CLAIMS_SHOWN = 20
#: Origins named per claim in the text summary.
ORIGINS_SHOWN = 5


@cli.command(epilog="Example: provenance graph samples/harbor-strike -o strike.html --focus 'Maria Novak'")
@paths_argument
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write the graph here; the extension picks the format (.dot .svg .png .pdf .graphml "
         ".gexf .json .provn .provjson .mmd .html). Without it, print a summary.",
)
@click.option("--focus", "focus_name", metavar="NAME", default=None,
              help="Keep only what passes through this source (a name, alias or entity id).")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A file of extra source aliases, in the format of provenance/data/sources.tsv.")
@click.option("--copies/--no-copies", default=True, show_default=True,
              help="Find copied articles and join their publishers with 'republished' edges.")
@format_option(["text", "json"])
@quiet_option
@record_field_options
def graph(paths: tuple[Path, ...], output: Path | None, focus_name: str | None, aliases: Path | None,
          copies: bool, fmt: str, quiet: bool, fields: RecordFields) -> None:
    """Merge the source chains of PATHS into one provenance graph."""
    check_output_path(output, paths)
    if output is not None:
        from ..export import format_of, write_graph  # exporters load only when a file is written

        try:
            format_of(output)  # refuse an unknown extension before the work, not after
        except ExportError as err:
            raise click.BadParameter(str(err), param_hint="'-o' / '--output'") from err
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields)
    sources = load_aliases(aliases) if aliases else None
    pairs = find_copies(articles).pairs if copies else ()
    result = build_graph(trace_articles(articles, workers=None), copies=pairs, sources=sources)
    if focus_name is not None:
        try:
            result = focus(result, focus_name)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--focus") from err
    if output is None:
        click.echo(dump_json(graph_summary(result)) if fmt == "json" else render_summary(result), nl=False)
    else:
        write_graph(result, output, dot_fallback=True)  # no renderer: still leave the .dot
        if not quiet:
            click.echo(f"wrote {output}", err=True)
    exit_for(failures)


def render_summary(graph: ProvenanceGraph) -> str:
    """Sources by kind, edges by relation, and the claims more than one article carries."""
    facts = graph_summary(graph)
    lines = [
        f"{facts['nodes']} sources: " + _counts(facts["nodes_by_kind"]),
        f"{facts['edges']} edges: " + _counts(facts["edges_by_relation"]),
        f"{facts['claims']} claims in {facts['articles']} articles, "
        f"{len(facts['shared_claims'])} carried by more than one",
    ]
    for claim in facts["shared_claims"][:CLAIMS_SHOWN]:
        text = " ".join(claim["text"].split())
        text = text if len(text) <= CLAIM_WIDTH else text[: CLAIM_WIDTH - 3] + "..."
        origins = sorted(set(claim["origins"]))
        named = ", ".join(origins[:ORIGINS_SHOWN])
        if len(origins) > ORIGINS_SHOWN:
            named += f" and {len(origins) - ORIGINS_SHOWN} more"
        lines.append(f"  {len(claim['articles'])} articles: {text}  <- {named or '?'}")
    if len(facts["shared_claims"]) > CLAIMS_SHOWN:
        lines.append(f"  ... and {len(facts['shared_claims']) - CLAIMS_SHOWN} more (--format json lists all)")
    return "\n".join(lines) + "\n"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items()) or "none"
