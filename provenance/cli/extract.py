"""``provenance extract`` and ``provenance eval``: attributions, and their accuracy."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from ..brat import GoldSplit, read_split
from ..evaluate import Evaluation, evaluate, format_table
from ..extract import extract_attributions
from ..model import Article, Attribution, Span
from ..predictions import own_voice, predict, prediction_record, read_predictions
from ..ingest import RecordFields
from . import cli
from .common import dump_json, exit_for, format_option, paths_argument, quiet_option, read_inputs, record_field_options

#: Longest content shown in the text format before it is cut with "...".
CONTENT_WIDTH = 120


@cli.command(epilog="Example: provenance extract samples/ --format jsonl")
@paths_argument
@format_option(["text", "json", "jsonl"])
@click.option(
    "--nested",
    is_flag=True,
    help="Also list statements reported inside another attribution (\"Sputnik reported that the "
    "Pentagon said ...\"); like PolNeAR, the default lists only the outer one.",
)
@quiet_option
@record_field_options
def extract(paths: tuple[Path, ...], fmt: str, nested: bool, quiet: bool, fields: RecordFields) -> None:
    """Show who said what in PATHS: source, cue and content.

    The json and jsonl formats give one object per article,
    {"article": <file stem>, "attributions": [...]}, each attribution holding
    [start, end] character offsets into the file's text for its source, cue,
    content and recipient, plus the source's kind, whether it is a quote and,
    with --nested, the cue of the attribution it is reported in. This is the
    predictions format `provenance eval --pred` scores.
    """
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields)
    found = []
    for article in articles:
        attributions = extract_attributions(article)
        found.append((article, attributions if nested else own_voice(attributions)))
    if fmt == "text":
        click.echo(render_text(found), nl=False)
    elif fmt == "jsonl":
        for article, attributions in found:
            record = prediction_record(article, attributions)
            click.echo(json.dumps(record, sort_keys=True, ensure_ascii=False))
    else:
        records = [prediction_record(article, attributions) for article, attributions in found]
        click.echo(dump_json(records), nl=False)
    exit_for(failures)


@cli.command(
    "eval",
    epilog="Example: provenance eval polnear/dev --json scores.json",
)
@click.argument("gold_split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--pred",
    "pred_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    show_default=True,
    help="Score this predictions JSON Lines file (the `extract --format jsonl` shape) "
    "instead of running the extractor.",
)
@click.option(
    "--json",
    "json_file",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    show_default=True,
    help="Also write a JSON summary to this file ('-' for stdout; the table then goes to stderr).",
)
def eval_command(gold_split_dir: Path, pred_file: Path | None, json_file: Path | None) -> None:
    """Score attributions against a gold split (PolNeAR format).

    GOLD_SPLIT_DIR holds text/<article>.txt and
    attributions/<article>_<annotator>.ann (BRAT); with several annotator
    files the alphabetically first is used. Prints precision, recall and F1
    of cue, source and content under exact and overlap (token) match, all
    three together, and at the attribution level (see provenance.evaluate).
    """
    started = time.perf_counter()
    split = read_split(gold_split_dir)
    load_seconds = time.perf_counter() - started
    extract_seconds = None
    if pred_file is not None:
        predictions = read_predictions(pred_file)
    else:
        started = time.perf_counter()
        predictions = predict(split.articles)
        extract_seconds = time.perf_counter() - started
    evaluation = evaluate(split.articles, predictions)
    if evaluation.unknown_articles:
        unknown = evaluation.unknown_articles
        click.echo(f"warning: {len(unknown)} predicted articles are not in the gold "
                   f"and were ignored, e.g. {unknown[0]}", err=True)
    report = render_evaluation(split, evaluation, load_seconds=load_seconds, extract_seconds=extract_seconds)
    click.echo(report, nl=False, err=json_file == Path("-"))
    if json_file is not None:
        summary = evaluation.to_dict() | {
            "gold_dir": str(gold_split_dir),
            "predictions": str(pred_file) if pred_file else None,
            "seconds": {"load": load_seconds, "extract": extract_seconds},
            **_split_summary(split),
        }
        with click.open_file(str(json_file), "w", encoding="utf-8") as handle:
            handle.write(dump_json(summary))


def render_evaluation(
    split: GoldSplit,
    evaluation: Evaluation,
    *,
    load_seconds: float,
    extract_seconds: float | None = None,
) -> str:
    """The eval report: what was scored, the table, and the extraction speed."""
    several = len(split.several_annotators)
    lines = [
        f"gold: {evaluation.articles} articles, {evaluation.gold_attributions} attributions"
        + (f" ({several} articles have several annotator files; the alphabetically first was used)"
           if several else ""),
        f"predicted: {evaluation.predicted_attributions} attributions"
        + (f" ({evaluation.duplicates} duplicates collapsed)" if evaluation.duplicates else ""),
        "",
        format_table(evaluation).rstrip("\n"),
        "",
        f"loading the split: {load_seconds:.2f} s",
    ]
    if extract_seconds is not None:
        rate = evaluation.articles / extract_seconds if extract_seconds > 0 else float("inf")
        lines.append(
            f"extraction: {evaluation.articles} articles in {extract_seconds:.2f} s ({rate:.1f} articles/s)"
        )
    return "\n".join(lines) + "\n"


def render_text(found: list[tuple[Article, tuple[Attribution, ...]]]) -> str:
    """One block per article, three lines per attribution: source, cue, content."""
    lines = []
    for article, attributions in found:
        count = len(attributions)
        lines.append(f"{article.id}: {count} attribution{'s' if count != 1 else ''}")
        for number, attribution in enumerate(attributions, 1):
            source = _pieces(article.text, attribution.source_spans) or "(no stated source)"
            kind = f"  [{attribution.kind}]" if attribution.kind else ""
            content = _pieces(article.text, attribution.content_spans)
            if len(content) > CONTENT_WIDTH:
                content = content[: CONTENT_WIDTH - 3] + "..."
            lines.append(f"  {number}. source:  {source}{kind}")
            lines.append(f"     cue:     {_pieces(article.text, attribution.cue_spans)}")
            lines.append(f"     content: {content}{'  (quote)' if attribution.quote else ''}")
            if attribution.recipient_spans:
                lines.append(f"     to:      {_pieces(article.text, attribution.recipient_spans)}")
            if attribution.reported_in:
                lines.append(f"     within:  {_pieces(article.text, attribution.reported_in)}")
        lines.append("")
    return "\n".join(lines)


def _split_summary(split: GoldSplit) -> dict:
    """Which annotation file was scored for each article."""
    return {
        "annotation_files": {article.id: article.annotation_file for article in split.articles},
        "articles_with_several_annotators": len(split.several_annotators),
    }


def _pieces(text: str, spans: tuple[Span, ...]) -> str:
    """The text of ``spans`` on one line, discontinuous pieces joined by ' ... '."""
    return " ... ".join(" ".join(text[span.start : span.end].split()) for span in spans)
