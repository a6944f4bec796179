"""Bad input never loses good input: one stderr line per bad input, the rest read, exit 1."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from provenance.cli import cli
from provenance.ingest import read_articles

from .conftest import build_warc

GOOD = "LONDON (Reuters) - The ministry said on Monday that the talks had collapsed.\n"


def _binary(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_bytes(b"  \r\n\r\n")


def _too_large(path: Path) -> None:
    with open(path, "wb") as handle:  # sparse: no 20 MB written
        handle.truncate(20_000_001)


def _cut_warc(path: Path) -> None:
    data = build_warc()
    path.write_bytes(data[: len(data) // 2])


def _cut_gzip(path: Path) -> None:
    path.write_bytes(gzip.compress(GOOD.encode() * 50)[:40])


def _bad_jsonl_line(path: Path) -> None:
    path.write_text('{"text": "AP said the calls went unanswered."}\n{"text": "half a line\n')


def _loop(path: Path) -> None:
    path.symlink_to(path)


#: (file name, how to make it, a pattern of the stderr line after the path)
BAD_INPUTS = [
    ("report.txt", _binary, r": binary file \(PDF document\), not text$"),
    ("empty.txt", _empty, r": empty file$"),
    ("blank.txt", _blank, r": empty file$"),
    ("huge.txt", _too_large,
     r": too large: 20,000,001 bytes \(the limit, Settings.max_article_bytes, is 20,000,000\)$"),
    ("cut.warc.gz", _cut_warc, r": (record '[^']+': truncated|truncated or corrupt)"),
    ("cut.txt.gz", _cut_gzip, r": truncated gzip data$"),
    ("dump.jsonl", _bad_jsonl_line, r":2: malformed JSON: unterminated string starting at \(column 10\)$"),
    ("loop.txt", _loop, r": symlink loop$"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_each_bad_input_is_one_line_and_the_good_one_is_traced(runner, tmp_path, name, make, message):
    good, bad = tmp_path / "good.txt", tmp_path / name
    good.write_text(GOOD)
    make(bad)
    result = runner.invoke(cli, ["trace", str(bad), str(good), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and re.match(re.escape(str(bad)) + message, lines[0]), result.stderr
    assert str(good) in result.stdout and "Reuters" in result.stdout


def test_malformed_html_still_gives_its_text(runner, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><div><p>Reuters said <b>the talks <i>collapsed.</p></div></table><p>More")
    result = runner.invoke(cli, ["trace", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert "Reuters" in result.stdout


def test_a_folder_of_good_and_bad_inputs(runner, tmp_path, ingest_data):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD)
    shutil.copy(ingest_data / "sputnik-relay.html", folder / "b-relay.html")
    for name, make, _ in BAD_INPUTS:
        make(folder / name)
    result = runner.invoke(cli, ["trace", str(folder), "file:///etc/passwd", "--format", "jsonl"])
    assert result.exit_code == 1
    failed = sorted(line.split(": ")[0].split(":")[0] for line in result.stderr.splitlines())
    expected = sorted([str(folder / name) for name, _, _ in BAD_INPUTS] + ["file"])
    assert failed == expected
    assert "file:///etc/passwd: unsupported URL scheme 'file'; expected one of: http, https" in result.stderr
    traced = [line for line in result.stdout.splitlines() if line.strip()]
    assert str(folder / "a-good.txt") in traced[0] and str(folder / "b-relay.html") in traced[1]
    assert "Sputnik" in result.stdout and "AP said the calls went unanswered" not in result.stderr


def test_an_empty_file_gives_no_chains_and_no_crash(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    articles, failures = read_articles([tmp_path / "empty.txt"])
    assert articles == [] and [failure.reason for failure in failures] == ["empty file"]


def test_a_missing_path_is_a_usage_error_naming_it(runner, tmp_path):
    result = runner.invoke(cli, ["trace", str(tmp_path / "no-such.txt")])
    assert result.exit_code == 2
    assert f"no such file or folder: {str(tmp_path / 'no-such.txt')!r}" in result.stderr
