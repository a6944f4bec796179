"""``provenance trace``: output formats, determinism and bad input."""

from __future__ import annotations

import json

from provenance.cli import cli

GOOD = (
    "The Daily Courier\n\nTalks collapse\n\n"
    "LONDON (Reuters) - The talks collapsed on Monday, the ministry said.\n"
)


def test_text_output_shows_one_line_per_chain(runner, tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, ["trace", str(path)])
    assert result.exit_code == 0, result.output
    assert " -> " in result.stdout
    assert "talks collapsed" in result.stdout


def test_json_is_the_jsonl_objects_as_one_array(runner, tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    jsonl = runner.invoke(cli, ["trace", str(path), "--format", "jsonl"]).stdout
    array = runner.invoke(cli, ["trace", str(path), "--format", "json"]).stdout
    assert json.loads(array) == [json.loads(line) for line in jsonl.splitlines()]


def test_same_input_gives_byte_identical_output(runner, seed_path):
    SAMPLES = seed_path.parent
    first = runner.invoke(cli, ["trace", str(SAMPLES), "--format", "jsonl", "--quiet"])
    second = runner.invoke(cli, ["trace", str(SAMPLES), "--format", "jsonl", "--quiet"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["trace", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2
    assert "nowhere.txt" in result.stderr


def test_binary_file_is_reported_and_good_files_still_traced(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(cli, ["trace", str(good), str(bad), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "bad.bin" in result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["article"]["id"] == str(good)


def test_empty_file_gives_no_chains_and_no_crash(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["trace", str(empty), "--format", "jsonl"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    assert '"chains": [{' not in result.stdout


def test_jsonl_corpus_with_renamed_text_field(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "j1", "publisher": "Reuters", "body": "The ministry said the talks collapsed on Monday."}\n'
        "{not json\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["trace", str(corpus), "--text-field", "body", "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"{corpus}:2" in result.stderr
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["article"]["id"] == "j1"
    assert [chain["claim"] for chain in data["chains"]] == ["the talks collapsed on Monday"]
