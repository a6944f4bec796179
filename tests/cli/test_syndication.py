"""``provenance syndication``: output shapes, options and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from provenance.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "syndication"
WIRE_TEXT = (FIXTURES / "wire-dam-inspection.txt").read_text(encoding="utf-8")
LOCAL_TEXT = (FIXTURES / "local-dam-meeting.txt").read_text(encoding="utf-8")


def write_records(tmp_path: Path) -> Path:
    """A JSONL dump: a wire story, a credited reprint of it a day later, an unrelated story."""
    records = [
        {"id": "reuters-1", "text": WIRE_TEXT, "publisher": "Reuters", "published": "2024-10-14T09:30:00+00:00"},
        {"id": "courier-7", "text": "Home | News\n\n" + WIRE_TEXT, "publisher": "Valley Courier",
         "published": "2024-10-15T10:00:00+00:00", "credits": ["Reuters"]},
        {"id": "gazette-3", "text": LOCAL_TEXT, "publisher": "Lindmoor Gazette", "published": "2024-10-15T18:00:00+00:00"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_jsonl_gives_typed_pair_and_cluster_objects(runner, tmp_path):
    result = runner.invoke(cli, ["syndication", str(write_records(tmp_path)), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    pair, cluster = [json.loads(line) for line in result.stdout.splitlines()]
    assert pair["type"] == "pair"
    assert (pair["original"], pair["copy"], pair["credited"]) == ("reuters-1", "courier-7", True)
    assert pair["shared_original"] == 1.0 and 0.9 < pair["shared_copy"] <= 1.0
    assert pair["reason"].startswith("published a day later; credits Reuters")
    assert 0.0 < pair["confidence"] <= 1.0
    assert set(pair) == {"type", "original", "copy", "credited", "shared_original", "shared_copy", "passages", "reason", "confidence"}
    passage = pair["passages"][0]
    assert set(passage) == {"original", "copy"} and set(passage["copy"]) == {"start", "end"}
    assert WIRE_TEXT[passage["original"]["start"] : passage["original"]["end"]].startswith("Engineers order")
    assert cluster == {"type": "cluster", "cluster": ["reuters-1", "courier-7"], "root": "reuters-1"}


def test_json_holds_the_same_objects_without_type(runner, tmp_path):
    path = str(write_records(tmp_path))
    jsonl = [json.loads(line) for line in runner.invoke(cli, ["syndication", path, "--format", "jsonl", "-q"]).stdout.splitlines()]
    data = json.loads(runner.invoke(cli, ["syndication", path, "--format", "json", "-q"]).stdout)
    untyped = [{key: value for key, value in item.items() if key != "type"} for item in jsonl]
    assert data["pairs"] + data["clusters"] == untyped


def test_text_names_files_by_their_path(runner, tmp_path):
    wire, copy = tmp_path / "wire.txt", tmp_path / "copy.txt"
    wire.write_text(WIRE_TEXT, encoding="utf-8")
    local = "Our own closing paragraphs add local detail: the sports hall in Lindmoor stays open all week.\n"
    copy.write_text(WIRE_TEXT + "\n" + local + "\n" + local.replace("sports hall", "school gym"), encoding="utf-8")
    result = runner.invoke(cli, ["syndication", str(wire), str(copy), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{wire} -> {copy}" in result.stdout
    assert "stories" in result.stdout


def test_min_shared_option_filters_pairs(runner, tmp_path):
    path = str(write_records(tmp_path))
    assert runner.invoke(cli, ["syndication", path, "-q"]).stdout != "no copies found\n"
    strict = runner.invoke(cli, ["syndication", path, "--min-shared", "1.0", "-q", "--format", "json"])
    assert json.loads(strict.stdout)["pairs"] and "courier-7" in strict.stdout  # the wrapped copy holds all of it
    none = runner.invoke(cli, ["syndication", str(tmp_path / "dump.jsonl"), "--min-shared", "2"])
    assert none.exit_code == 2


def test_same_input_gives_byte_identical_output(runner, tmp_path):
    path = str(write_records(tmp_path))
    first = runner.invoke(cli, ["syndication", path, "--format", "json", "-q"])
    second = runner.invoke(cli, ["syndication", path, "--format", "json", "-q"])
    assert first.exit_code == 0 and first.stdout == second.stdout


def test_unreadable_input_is_reported_and_the_rest_processed(runner, tmp_path):
    path = write_records(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(cli, ["syndication", str(path), str(bad), "--format", "jsonl", "-q"])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr
    assert '"courier-7"' in result.stdout


def test_help_documents_the_jsonl_shape(runner):
    result = runner.invoke(cli, ["syndication", "--help"])
    assert result.exit_code == 0
    assert '{"type": "cluster", "cluster"' in result.stdout
