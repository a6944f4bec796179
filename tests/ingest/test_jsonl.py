"""JSONL and JSON corpora: records, field names, dates, broken lines."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime, timezone

import pytest

from provenance.ingest import read_articles
from provenance.ingest.jsonl import RecordFields, article_from_record, iter_json, iter_jsonl, parse_published
from provenance.model import Article, Failure
from provenance.settings import Settings


def test_corpus_with_a_bad_line_keeps_the_others(ingest_data):
    path = ingest_data / "wire-corpus.jsonl"
    articles, failures = read_articles([path])
    assert [article.id for article in articles] == ["ap-001", f"{path}:3"]
    assert [str(failure) for failure in failures] == [
        f"{path}:2: malformed JSON: expecting ',' delimiter (column 94)",
        f"{path}:5: no 'text' field",
    ]


def test_record_metadata_is_kept(ingest_data):
    (ap, urdupoint), _ = read_articles([ingest_data / "wire-corpus.jsonl"])
    assert ap.publisher == "Associated Press"
    assert ap.author == "Lolita C. Baldor"
    assert ap.url == "https://apnews.com/article/pentagon-calls-1"
    assert ap.published == datetime(2022, 3, 24, 15, 12, tzinfo=timezone.utc)
    assert ap.text.startswith("WASHINGTON (AP) \u2014 The Pentagon said")
    assert urdupoint.credits == ("Sputnik",)
    assert urdupoint.published == datetime(2022, 3, 24, 20, 12)


def _lines(*records) -> io.BytesIO:
    return io.BytesIO(b"".join(json.dumps(record).encode() + b"\n" for record in records))


def test_field_names_are_configurable_and_may_be_dotted():
    fields = RecordFields(text="body", id="uuid", publisher="meta.source", title="headline")
    stream = _lines({"uuid": 7, "body": "Reuters said so.", "headline": "Talks", "meta": {"source": "Reuters"}})
    (article,) = iter_jsonl(stream, name="dump.jsonl", fields=fields)
    assert (article.id, article.text, article.title, article.publisher) == ("7", "Reuters said so.", "Talks", "Reuters")


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "no text"}, "no 'text' field"),
        ({"text": ["Reuters", "said"]}, "the 'text' field is a list, not a string"),
        ({"text": "  \n "}, "empty text"),
        (["not", "an", "object"], "expected a JSON object, not a list"),
    ],
)
def test_unusable_records_are_failures_with_their_line(record, reason):
    stream = _lines({"text": "Reuters said so."}, record)
    items = list(iter_jsonl(stream, name="dump.jsonl"))
    assert isinstance(items[0], Article)
    assert items[1] == Failure("dump.jsonl", reason, 2)


def test_blank_lines_are_skipped_and_crlf_lines_read():
    stream = io.BytesIO(b'{"text": "Reuters said so."}\r\n\r\n\n{"text": "AP said so."}\r\n')
    assert [item.id for item in iter_jsonl(stream, name="d.jsonl")] == ["d.jsonl:1", "d.jsonl:4"]


def test_a_line_over_the_size_limit_is_refused_and_the_next_one_read():
    stream = _lines({"text": "x" * 500}, {"text": "AP said so."})
    items = list(iter_jsonl(stream, name="d.jsonl", settings=Settings(max_article_bytes=100)))
    assert items[0] == Failure("d.jsonl", "too large: more than 100 bytes (the limit, Settings.max_article_bytes, is 100)", 1)
    assert items[1].text == "AP said so."


def test_json_list_and_single_object():
    listed = list(iter_json(b'[{"text": "Reuters said."}, 3, {"text": "AP said."}]', name="c.json"))
    assert [str(item) if isinstance(item, Failure) else item.id for item in listed] == [
        "c.json:1", "c.json:2: expected a JSON object, not a number", "c.json:3",
    ]
    (single,) = iter_json(b'{"id": "only", "text": "Reuters said."}', name="one.json")
    assert single.id == "only"


def test_jsonl_named_json_is_read_line_by_line(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text('{"text": "Reuters said."}\n{"text": "AP said."}\n')
    articles, failures = read_articles([path])
    assert [article.id for article in articles] == [f"{path}:1", f"{path}:2"] and failures == []


def test_malformed_json_document_is_one_failure():
    (failure,) = iter_json(b'[{"text": "Reuters said."},\n {"text": }]', name="c.json")
    assert failure == Failure("c.json", "malformed JSON: expecting value (column 11)", 2)


def test_truncated_gzip_corpus_keeps_the_lines_read(tmp_path):
    records = b"".join(json.dumps({"id": f"r{n}", "text": f"Reuters said item {n}."}).encode() + b"\n" for n in range(200))
    path = tmp_path / "dump.jsonl.gz"
    data = gzip.compress(records)
    path.write_bytes(data[: len(data) - 30])
    articles, failures = read_articles([path])
    assert 100 < len(articles) < 200
    assert [article.id for article in articles] == [f"r{n}" for n in range(len(articles))]
    assert len(failures) in (1, 2)
    assert failures[-1].path == str(path) and "truncated gzip data after line" in failures[-1].reason


def test_lone_surrogates_are_replaced_keeping_offsets():
    (article,) = iter_jsonl(io.BytesIO(b'{"text": "AP \\udcff said."}\n'), name="d.jsonl")
    assert article.text == "AP \ufffd said."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-24", datetime(2022, 3, 24)),
        ("2022-03-24T20:12:00+05:00", "2022-03-24T20:12:00+05:00"),
        ("March 24, 2022 08:12 PM", datetime(2022, 3, 24, 20, 12)),
        ("24 March 2022", datetime(2022, 3, 24)),
        (1648152720, "2022-03-24T20:12:00+00:00"),
        ("March 24", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        (["2022"], None),
        (10**30, None),
    ],
)
def test_parse_published(value, expected):
    found = parse_published(value)
    if isinstance(expected, str):
        assert found.isoformat() == expected
    else:
        assert found == expected


def test_a_bad_date_keeps_the_article():
    article = article_from_record({"text": "Reuters said so.", "published": "soonish"}, default_id="x")
    assert article.published is None and article.text == "Reuters said so."


def test_credits_as_a_single_name():
    article = article_from_record({"text": "Reuters said so.", "credits": "Sputnik"}, default_id="x")
    assert article.credits == ("Sputnik",)


def test_field_names_must_not_be_empty():
    with pytest.raises(ValueError, match="the text field name must be a non-empty string, not ''"):
        RecordFields(text="")
