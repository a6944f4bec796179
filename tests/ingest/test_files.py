"""Expanding inputs: folders, globs, stdin, URLs, links, permissions, size."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest import files, iter_articles, read_articles
from provenance.ingest.files import expand_inputs, input_format, read_capped, sniff_format
from provenance.model import Article, Failure
from provenance.settings import Settings


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "b" / "2.txt").write_text("AP said the calls went unanswered.\n")
    (root / "b" / "1.html").write_text("<p>The ministry said the talks collapsed.</p>")
    (root / "a.txt").write_text("Reuters said the talks collapsed.\n")
    (root / "c").write_text("No suffix: Sputnik said so.\n")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.txt").write_text("never read")


def _names(items, root: Path) -> list[str]:
    return [str(item.relative_to(root)) if isinstance(item, Path) else str(item) for item in items]


def test_folder_is_walked_recursively_in_name_order(tmp_path):
    _tree(tmp_path)
    assert _names(expand_inputs([tmp_path]), tmp_path) == ["a.txt", "b/1.html", "b/2.txt", "c"]


def test_a_file_named_explicitly_is_read_whatever_its_suffix(tmp_path):
    _tree(tmp_path)
    assert _names(expand_inputs([tmp_path / "logo.png"]), tmp_path) == ["logo.png"]


def test_glob_patterns_expand_sorted(tmp_path):
    _tree(tmp_path)
    pattern = str(tmp_path / "**" / "*.txt")
    assert _names(expand_inputs([pattern]), tmp_path) == ["a.txt", "b/2.txt"]


def test_a_pattern_matching_nothing_is_a_failure(tmp_path):
    pattern = str(tmp_path / "*.html")
    assert list(expand_inputs([pattern])) == [Failure(pattern, "no file matches the pattern")]


def test_a_file_reached_twice_is_read_once(tmp_path):
    _tree(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    items = _names(expand_inputs([tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"]), tmp_path)
    assert items == ["a.txt", "b/1.html", "b/2.txt", "c"]


def test_stdin_and_urls_pass_through_in_order(tmp_path):
    _tree(tmp_path)
    items = list(expand_inputs(["https://example.com/a", tmp_path / "a.txt", "-"]))
    assert items == ["https://example.com/a", tmp_path / "a.txt", "-"]


def test_missing_path_is_a_failure():
    assert list(expand_inputs(["no/such.txt"])) == [Failure("no/such.txt", "no such file or folder")]


def test_symlink_loop_between_files_is_a_failure(tmp_path):
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    (tmp_path / "ok.txt").write_text("Reuters said so.")
    items = list(expand_inputs([tmp_path]))
    assert items == [
        tmp_path / "ok.txt",
        Failure(str(tmp_path / "one.txt"), "symlink loop"),
        Failure(str(tmp_path / "two.txt"), "symlink loop"),
    ]


def test_link_to_an_enclosing_folder_is_not_followed_forever(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Reuters said so.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    items = list(expand_inputs([tmp_path]))
    assert items == [
        tmp_path / "sub" / "a.txt",
        Failure(str(tmp_path / "sub" / "up"), "symlink loop (a link to a folder that contains it)"),
    ]


def test_broken_symlink_is_a_failure(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (failure,) = expand_inputs([tmp_path])
    assert failure == Failure(str(tmp_path / "gone.txt"), "broken symlink (its target does not exist)")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_a_failure(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Reuters said so.")
    path.chmod(0)
    try:
        assert read_articles([path]) == ([], [Failure(str(path), "permission denied")])
    finally:
        path.chmod(0o644)


def test_permission_error_is_a_failure_and_the_rest_is_read(tmp_path, monkeypatch):
    secret, public = tmp_path / "secret.txt", tmp_path / "public.txt"
    secret.write_text("Reuters said so.")
    public.write_text("AP said so.")

    def guarded_open(path, mode="r", *args, **kwargs):
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(files, "open", guarded_open, raising=False)
    articles, failures = read_articles([secret, public])
    assert [article.id for article in articles] == [str(public)]
    assert failures == [Failure(str(secret), "permission denied")]


def test_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("Reuters said so. " * 10)
    small.write_text("AP said so.")
    articles, failures = read_articles([big, small], settings=Settings(max_article_bytes=100))
    assert [article.id for article in articles] == [str(small)]
    assert failures == [
        Failure(str(big), "too large: 170 bytes (the limit, Settings.max_article_bytes, is 100)")
    ]


def test_read_capped_counts_streams_without_a_size():
    with pytest.raises(InputError, match="more than 10 bytes"):
        read_capped(io.BytesIO(b"x" * 50), name="-", limit=10)


def test_folder_that_cannot_be_listed_is_a_failure(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(files.os, "scandir", refuse)
    assert list(expand_inputs([tmp_path])) == [Failure(str(tmp_path), "permission denied")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("notes.md", "text"),
        ("page.HTML", "html"),
        ("page.htm", "html"),
        ("dump.jsonl", "jsonl"),
        ("dump.jsonl.gz", "jsonl"),
        ("dump.ndjson", "jsonl"),
        ("corpus.json", "json"),
        ("crawl.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("README", None),
        ("logo.png", None),
    ],
)
def test_input_format_from_the_name(name, expected):
    assert input_format(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b"\xef\xbb\xbf  {\"text\": \"Reuters said.\"}", "jsonl"),
        (b'[{"text": "Reuters said."}]', "json"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"{Editor's note: corrected}\nReuters said.", "text"),
        (b"Reuters said the talks collapsed.", "text"),
    ],
)
def test_sniff_format(head, expected):
    assert sniff_format(head) == expected


def test_stdin_is_read_and_named(tmp_path):
    articles, failures = read_articles(["-"], stdin=io.BytesIO(b"Reuters said the talks collapsed.\r\n"))
    assert failures == []
    assert [(article.id, article.text) for article in articles] == [("<stdin>", "Reuters said the talks collapsed.\r\n")]


def test_a_single_string_is_a_caller_bug():
    with pytest.raises(TypeError, match="not a single str"):
        read_articles("samples/")


def test_results_keep_input_order(tmp_path):
    _tree(tmp_path)
    inputs = [tmp_path / "c", "missing.txt", tmp_path / "a.txt"]
    items = [item.id if isinstance(item, Article) else item.path for item in iter_articles(inputs)]
    assert items == [str(tmp_path / "c"), "missing.txt", str(tmp_path / "a.txt")]


def test_folder_walk_leaves_out_the_folders_own_notes(tmp_path):
    (tmp_path / "README.md").write_text("These articles are invented.\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Reuters said the talks collapsed.\n", encoding="utf-8")
    assert [Path(p).name for p in expand_inputs([tmp_path])] == ["story.txt"]
    assert [Path(p).name for p in expand_inputs([tmp_path / "README.md"])] == ["README.md"]
