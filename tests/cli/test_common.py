"""The shared CLI pieces: PATHS, JSON field options, progress, output checks."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from provenance.cli import cli
from provenance.cli.common import (
    PROGRESS_EVERY,
    check_output_path,
    exit_for,
    paths_argument,
    quiet_option,
    read_inputs,
    record_field_options,
)


@click.command()
@paths_argument
@record_field_options
@quiet_option
def show(paths, fields, quiet):
    """Print the id and title of every article in PATHS."""
    articles, failures = read_inputs(paths, quiet=quiet, fields=fields)
    for article in articles:
        click.echo(f"{article.id}\t{article.title}")
    exit_for(failures)


def test_files_folders_globs_and_stdin_are_accepted(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Reuters said so.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("AP said so.")
    pattern = str(tmp_path / "sub" / "*.txt")
    result = runner.invoke(show, [str(tmp_path / "a.txt"), pattern, "-"], input="AFP said so.")
    assert result.exit_code == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt"), "<stdin>",
    ]


def test_a_path_that_does_not_exist_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(show, [str(tmp_path / "gone.txt")])
    assert result.exit_code == 2
    assert f"no such file or folder: {str(tmp_path / 'gone.txt')!r}" in result.stderr


def test_a_glob_matching_nothing_is_a_failure_not_a_usage_error(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Reuters said so.")
    result = runner.invoke(show, [str(tmp_path / "*.html"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / '*.html'}: no file matches the pattern\n"
    assert str(tmp_path / "a.txt") in result.stdout


def test_json_field_options_rename_the_fields(runner, tmp_path):
    corpus = tmp_path / "dump.jsonl"
    corpus.write_text('{"uuid": "n1", "body": "Reuters said so.", "meta": {"headline": "Talks"}}\n')
    result = runner.invoke(
        show, [str(corpus), "--text-field", "body", "--id-field", "uuid", "--title-field", "meta.headline"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "n1\tTalks\n"


def test_json_field_options_are_documented(runner):
    result = runner.invoke(show, ["--help"])
    for option in ("--text-field", "--id-field", "--url-field", "--publisher-field", "--title-field",
                   "--published-field", "--author-field", "--credits-field"):
        assert option in result.stdout
    assert "dotted NAME" in result.stdout
    assert {param.name: param.default for param in show.params}["text_field"] == "text"


def test_progress_is_reported_on_long_runs_and_silenced_with_quiet(runner, tmp_path):
    count = PROGRESS_EVERY * 2 + 5
    corpus = tmp_path / "dump.jsonl"
    corpus.write_text("".join(f'{{"text": "Reuters said item {n}."}}\n' for n in range(count)))
    loud = runner.invoke(show, [str(corpus)])
    assert loud.stderr.splitlines() == [
        f"read {PROGRESS_EVERY} articles, 0 failed", f"read {2 * PROGRESS_EVERY} articles, 0 failed",
        f"read {count} articles, 0 failed",
    ]
    quiet = runner.invoke(show, [str(corpus), "--quiet"])
    assert quiet.stderr == "" and quiet.stdout == loud.stdout


def test_failures_are_printed_even_when_quiet(runner, tmp_path):
    corpus = tmp_path / "dump.jsonl"
    corpus.write_text('{"text": "Reuters said so."}\n{"text": 3}\n')
    result = runner.invoke(show, [str(corpus), "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"{corpus}:2: the 'text' field is a number, not a string\n"


@pytest.mark.parametrize("as_given", ["same", "relative", "link", "inside-folder"])
def test_an_output_that_is_an_input_is_refused(tmp_path, monkeypatch, as_given):
    article = tmp_path / "a.txt"
    article.write_text("Reuters said so.")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.txt").symlink_to(article)
    output, inputs = {
        "same": (article, [article]),
        "relative": (Path("a.txt"), [article]),
        "link": (tmp_path / "link.txt", [article]),
        "inside-folder": (article, [tmp_path]),
    }[as_given]
    with pytest.raises(click.UsageError, match="is also an input; choose another file"):
        check_output_path(output, inputs)


def test_an_output_beside_the_inputs_is_fine(tmp_path):
    (tmp_path / "a.txt").write_text("Reuters said so.")
    check_output_path(tmp_path / "graph.svg", [tmp_path])
    check_output_path(None, [tmp_path])
    check_output_path("-", [tmp_path])


def test_an_input_folder_as_output_is_refused(tmp_path):
    with pytest.raises(click.UsageError, match="is an input folder"):
        check_output_path(tmp_path, [tmp_path])


def test_trace_reads_urls_and_refuses_other_schemes(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Reuters said the talks collapsed.")
    result = runner.invoke(cli, ["trace", str(tmp_path / "a.txt"), "ftp://example.com/a.txt"])
    assert result.exit_code == 1
    assert result.stderr == "ftp://example.com/a.txt: unsupported URL scheme 'ftp'; expected one of: http, https\n"
