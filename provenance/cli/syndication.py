"""``provenance syndication``: which articles copy one another, and who copied whom."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from ..settings import DEFAULT_SETTINGS
from ..syndication import SyndicationResult, find_copies
from . import cli
from .common import (
    dump_json,
    exit_for,
    format_option,
    paths_argument,
    quiet_option,
    read_inputs,
    record_field_options,
)


@cli.command(epilog="Example: provenance syndication samples/ --format jsonl --min-shared 0.5")
@paths_argument
@format_option(["text", "json", "jsonl"])
@click.option(
    "--min-shared",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_SETTINGS.min_shared,
    show_default=True,
    help="Smallest share of the shorter article two articles must share to be reported.",
)
@quiet_option
@record_field_options
def syndication(paths: tuple[Path, ...], fmt: str, min_shared: float, quiet: bool, fields) -> None:
    """Find copied articles in PATHS: who copied whom, with credit.

    Each pair names the likely original and the copy (article ids; a file's
    id is its path as given), whether the copy credits its source, the share
    of each text found in the other, the aligned passages ("start"/"end"
    character offsets into each text), a one-line reason and a confidence.
    Stories group the articles joined by pairs, likely root first.

    \b
    jsonl: one object per line; first the pairs, sorted by original then copy:
      {"type": "pair", "original", "copy", "credited", "shared_original",
       "shared_copy", "passages": [{"original": {"start", "end"},
       "copy": {"start", "end"}}, ...], "reason", "confidence"}
    then the stories, sorted by root:
      {"type": "cluster", "cluster": [ids, root first], "root": id}
    json: {"pairs": [pair objects without "type"],
           "clusters": [cluster objects without "type"]}
    """
    settings = dataclasses.replace(DEFAULT_SETTINGS, min_shared=min_shared)
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields, settings=settings)
    result = find_copies(articles, settings=settings)
    if fmt == "text":
        click.echo(render_text(result), nl=False)
    elif fmt == "jsonl":
        for record in jsonl_records(result):
            click.echo(json.dumps(record, sort_keys=True, ensure_ascii=False))
    else:
        click.echo(dump_json(result.to_dict()), nl=False)
    exit_for(failures)


def jsonl_records(result: SyndicationResult) -> list[dict]:
    """The jsonl objects: pairs, then clusters, each with a ``type``."""
    data = result.to_dict()
    return [{"type": "pair", **pair} for pair in data["pairs"]] + [
        {"type": "cluster", **cluster} for cluster in data["clusters"]
    ]


def render_text(result: SyndicationResult) -> str:
    """One block per pair (original -> copy, reason, shares), then the stories."""
    if not result.pairs:
        return "no copies found\n"
    lines = []
    for pair in result.pairs:
        credit = "credited" if pair.credited else "not credited"
        lines.append(f"{pair.original} -> {pair.copy}  [{credit}, confidence {pair.confidence:.2f}]")
        lines.append(f"  {pair.reason}")
        count = len(pair.passages)
        lines.append(
            f"  shares {pair.shared_original:.0%} of the original, {pair.shared_copy:.0%} of the copy"
            f" in {count} passage{'s' if count != 1 else ''}"
        )
        lines.append("")
    lines.append("stories")
    for cluster in result.clusters:
        root, *others = cluster
        lines.append(f"  {root} (root): {', '.join(others)}")
    return "\n".join(lines) + "\n"
