"""``provenance trace``: the source chain behind each claim."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..claims import cluster_claims, find_claim
from ..pipeline import Traced, trace_articles
from ..ingest import RecordFields
from . import cli
from .common import dump_json, exit_for, format_option, paths_argument, quiet_option, read_inputs, record_field_options


@cli.command(epilog="Example: provenance trace samples/ --format jsonl")
@paths_argument
@format_option(["text", "json", "jsonl"])
@quiet_option
@record_field_options
@click.option("--claim", "claim_text", metavar="TEXT", default=None,
              help="Show only the chains of the claim that best matches TEXT (fuzzy), across all PATHS.")
def trace(paths: tuple[Path, ...], fmt: str, quiet: bool, fields: RecordFields, claim_text: str | None) -> None:
    """Show the source chain behind each claim in PATHS."""
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields)
    traced = trace_articles(articles, workers=None)
    if claim_text is not None:
        traced = only_claim(traced, claim_text)
    if fmt == "text":
        click.echo(render_text(traced), nl=False)
    elif fmt == "jsonl":
        for item in traced:
            click.echo(json.dumps(traced_to_dict(item), sort_keys=True, ensure_ascii=False))
    else:
        click.echo(dump_json([traced_to_dict(item) for item in traced]), nl=False)
    exit_for(failures)


def only_claim(traced: list[Traced], text: str) -> list[Traced]:
    """The articles carrying the claim that best matches ``text``, with only its chains."""
    claim = find_claim(cluster_claims(chain for item in traced for chain in item.chains), text)
    if claim is None:
        click.echo(f"no claim matches {text!r}", err=True)
        return []
    keep = set(claim.chains)
    return [
        Traced(item.article, item.attributions, tuple(chain for chain in item.chains if chain.id in keep))
        for item in traced
        if any(chain.id in keep for chain in item.chains)
    ]


def traced_to_dict(traced: Traced) -> dict:
    """The JSON shape of one traced article: its metadata and its chains."""
    article = traced.article
    return {
        "article": {
            "id": article.id,
            "path": article.path,
            "url": article.url,
            "publisher": article.publisher,
            "title": article.title,
            "author": article.author,
            "published": article.published.isoformat() if article.published else None,
            "dateline": article.dateline,
            "credits": list(article.credits),
        },
        "chains": [
            {
                "id": chain.id,
                "path": list(chain.path),
                "kinds": [hop.kind for hop in chain.hops],
                "claim": chain.claim,
                "cue": chain.cue,
                "quote": chain.quote,
                "evidence": [span.to_dict() for span in chain.evidence],
            }
            for chain in traced.chains
        ],
    }


def render_text(traced: list[Traced]) -> str:
    """One block per article, one line per chain: ``A -> B -> C: claim``."""
    lines = []
    for item in traced:
        article = item.article
        header = article.id
        if article.publisher:
            header += f"  [{article.publisher}]"
        lines.append(header)
        if not item.chains:
            lines.append("  (no attributed claims found)")
        for chain in item.chains:
            claim = " ".join(chain.claim.split())
            if len(claim) > 100:
                claim = claim[:97] + "..."
            mark = '"' if chain.quote and claim[:1] not in "\"\u201c'\u2018" else ""
            lines.append(f"  {' -> '.join(chain.path)} ({chain.cue}): {mark}{claim}{mark}")
        lines.append("")
    return "\n".join(lines)
