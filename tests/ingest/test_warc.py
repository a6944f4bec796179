"""WARC crawls: each HTML page an article, broken archives keep what came before."""

from __future__ import annotations

import io

import pytest

from provenance.ingest import read_articles
from provenance.ingest.warc import iter_warc
from provenance.model import Article, Failure
from provenance.settings import Settings

from .conftest import CRAWL, CRAWL_IDS, build_warc


def test_every_html_and_text_response_is_an_article_in_archive_order(crawl_warc):
    articles, failures = read_articles([crawl_warc])
    assert failures == []
    assert [article.id for article in articles] == CRAWL_IDS


def test_pages_keep_their_metadata(crawl_warc):
    articles, _ = read_articles([crawl_warc])
    reuters = articles[0]
    assert reuters.url == "https://www.reuters.com/world/talks-collapse-1"
    assert reuters.path == str(crawl_warc)
    assert reuters.publisher == "Reuters"
    assert reuters.title == "Talks collapse"
    assert "the talks had collapsed after two days" in reuters.text


def test_text_record_is_decoded_with_its_declared_charset(crawl_warc):
    articles, _ = read_articles([crawl_warc])
    notes = articles[2]
    assert notes.text == "The council\u2019s spokesman said the caf\u00e9 would reopen.\r\n"


def test_uncompressed_warc_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(build_warc(gzip=False))
    assert [article.id for article in read_articles([path])[0]] == CRAWL_IDS


def test_warc_is_recognised_without_its_suffix(tmp_path):
    path = tmp_path / "crawl-2022-03-24"
    path.write_bytes(build_warc())
    assert [article.id for article in read_articles([path])[0]] == CRAWL_IDS


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_truncated_archive_keeps_the_records_before_the_break(tmp_path, compressed):
    data = build_warc(gzip=compressed)
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data[: len(data) * 2 // 3])
    articles, failures = read_articles([path])
    ids = [article.id for article in articles]
    assert ids and ids == CRAWL_IDS[: len(ids)] and len(ids) < len(CRAWL_IDS)
    assert len(failures) == 1
    assert failures[0].path == str(path)
    assert "truncated" in failures[0].reason or "corrupt" in failures[0].reason


def test_a_record_cut_short_names_its_uri():
    data = build_warc(CRAWL[:1], gzip=False)
    items = list(iter_warc(io.BytesIO(data[:-40]), name="cut.warc"))
    assert items == [
        Failure("cut.warc", "record 'https://www.reuters.com/world/talks-collapse-1': truncated (36 bytes missing)")
    ]


def test_a_file_that_is_not_a_warc_is_a_failure(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("Reuters said the talks collapsed.\n")
    assert read_articles([path]) == ([], [Failure(str(path), "not a WARC file (it does not start with a WARC/ header)")])


def test_a_record_over_the_size_limit_is_refused_and_the_rest_read(tmp_path):
    records = [(uri, status, kind, payload * (40 if n == 0 else 1)) for n, (uri, status, kind, payload) in enumerate(CRAWL)]
    items = list(iter_warc(io.BytesIO(build_warc(records)), name="big.warc.gz", settings=Settings(max_article_bytes=5000)))
    assert isinstance(items[0], Failure) and "too large" in items[0].reason and "max_article_bytes" in items[0].reason
    assert [item.id for item in items[1:] if isinstance(item, Article)] == CRAWL_IDS[1:]


def test_a_gzip_warc_named_only_gz_is_read_whole(tmp_path):
    path = tmp_path / "crawl.gz"
    path.write_bytes(build_warc())
    articles, failures = read_articles([path])
    assert [article.id for article in articles] == CRAWL_IDS and failures == []
