"""``provenance audit``: formats, --claim, -o, and bad input."""

from __future__ import annotations

import json

from provenance.cli import cli
from tests.conftest import SAMPLES, SEED, TEST_DATA

STRIKE = SAMPLES / "harbor-strike"
COPIES = TEST_DATA / "audit"


def test_text_report_on_the_seed(runner):
    result = runner.invoke(cli, ["audit", str(SEED), "-q"])
    assert result.exit_code == 0, result.output
    assert "single_origin" in result.stdout
    assert "path: John Kirby -> The Washington Post -> Sputnik -> UrduPoint" in result.stdout
    assert "path: Pentagon -> Sputnik -> UrduPoint" in result.stdout


def test_json_for_one_claim(runner):
    claim = "critically important at this time"
    result = runner.invoke(cli, ["audit", str(SEED), "--format", "json", "--claim", claim])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (claim,) = data["claims"]
    assert claim["independent_origins"] == 1
    assert claim["origins"][0]["name"] == "Pentagon"
    assert ["Pentagon", "Sputnik", "UrduPoint"] in claim["paths"]
    assert [finding["type"] for finding in claim["findings"]] == ["single_origin"]
    assert {"type", "claim", "detail", "evidence"} == set(data["findings"][0])


def test_json_is_deterministic(runner):
    first = runner.invoke(cli, ["audit", str(STRIKE), str(COPIES), "--format", "json", "-q"])
    second = runner.invoke(cli, ["audit", str(STRIKE), str(COPIES), "--format", "json", "-q"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    types = {finding["type"] for finding in json.loads(first.stdout)["findings"]}
    assert {"single_origin", "uncredited_copy", "dropped_attribution", "anonymous_only"} <= types


def test_markdown_is_deterministic(runner):
    first = runner.invoke(cli, ["audit", str(SAMPLES), str(COPIES), "--format", "markdown", "-q"])
    second = runner.invoke(cli, ["audit", str(SAMPLES), str(COPIES), "--format", "markdown", "-q"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert first.stdout.count("```mermaid") == first.stdout.count("\n## ") - ("## Article findings" in first.stdout)


def test_output_file_takes_its_format_from_the_extension(runner, tmp_path):
    target = tmp_path / "audit.md"
    result = runner.invoke(cli, ["audit", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("# Sourcing audit\n")
    assert "```mermaid\nflowchart LR\n" in markdown
    target = tmp_path / "audit.json"
    assert runner.invoke(cli, ["audit", str(SEED), "-q", "-o", str(target)]).exit_code == 0
    assert "claims" in json.loads(target.read_text(encoding="utf-8"))


def test_format_option_wins_over_the_extension(runner, tmp_path):
    target = tmp_path / "audit.md"
    result = runner.invoke(cli, ["audit", str(SEED), "-q", "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    json.loads(target.read_text(encoding="utf-8"))


def test_output_never_overwrites_an_input(runner, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(cli, ["audit", str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert source.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_unknown_claim_is_a_usage_error(runner):
    result = runner.invoke(cli, ["audit", str(SEED), "-q", "--claim", "the moon is made of cheese"])
    assert result.exit_code == 2
    assert "no claim matches" in result.stderr


def test_unreadable_input_is_reported_and_the_rest_audited(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 10)
    result = runner.invoke(cli, ["audit", str(SEED), str(bad), "--format", "json", "-q"])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr
    assert json.loads(result.stdout)["claims"]


def test_help_reads_like_documentation(runner):
    result = runner.invoke(cli, ["audit", "--help"])
    assert result.exit_code == 0
    assert "Check how well the claims in PATHS are sourced." in result.stdout
    for option in ("--format", "--claim", "--output", "--aliases", "--text-field"):
        assert option in result.stdout


def test_aliases_file_makes_two_names_one_origin(runner, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Harbor Gazette\n\nThe Port Watch said the port will stay closed until Friday.\n", encoding="utf-8")
    second.write_text("Coastline Daily\n\nPW said the port will stay closed until Friday.\n", encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# name\tkind\taliases\tdomains\nPort Watch\torganization\tPW\t\n", encoding="utf-8")
    plain = json.loads(runner.invoke(cli, ["audit", str(first), str(second), "--format", "json", "-q"]).stdout)
    merged = runner.invoke(cli, ["audit", str(first), str(second), "--format", "json", "-q",
                                 "--aliases", str(aliases)])
    assert merged.exit_code == 0, merged.output
    assert [claim["independent_origins"] for claim in plain["claims"]] == [2]
    (claim,) = json.loads(merged.stdout)["claims"]
    assert claim["independent_origins"] == 1
    assert [finding["type"] for finding in claim["findings"]] == ["single_origin"]
