"""Fixtures for the readers: the ingest test files and a WARC built on the fly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

INGEST_DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{site}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>Copyright 2022. All rights reserved.</footer></body></html>
"""

#: (target URI, HTTP status, content type, payload) of each response in the crawl.
CRAWL = [
    ("https://www.reuters.com/world/talks-collapse-1", "200 OK", "text/html; charset=utf-8",
     PAGE.format(title="Talks collapse", site="Reuters",
                 body="The ministry said on Monday that the talks had collapsed after two days.").encode()),
    ("https://www.reuters.com/static/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("https://apnews.com/article/pentagon-calls-2", "200 OK", "text/html",
     PAGE.format(title="Pentagon calls unanswered", site="AP News",
                 body="The Pentagon said on Thursday that calls to Moscow had gone unanswered for a month.").encode()),
    ("https://apnews.com/missing", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>"),
    ("https://www.example.org/notes.txt", "200 OK", "text/plain; charset=windows-1252",
     "The council\u2019s spokesman said the caf\u00e9 would reopen.\r\n".encode("cp1252")),
    ("https://www.urdupoint.com/en/world/pentagon-1473211.html", "200 OK", "text/html; charset=utf-8",
     PAGE.format(title="Pentagon Confirms Austin, Milley Unable To Reach Russian Counterparts", site="UrduPoint",
                 body="The Pentagon confirmed to Sputnik on Thursday that Austin and Milley have been unable "
                      "to reach their Russian counterparts.").encode()),
]

#: The ids the crawl's articles get, in archive order (HTML and text responses with a 2xx status).
CRAWL_IDS = [
    "https://www.reuters.com/world/talks-collapse-1",
    "https://apnews.com/article/pentagon-calls-2",
    "https://www.example.org/notes.txt",
    "https://www.urdupoint.com/en/world/pentagon-1473211.html",
]


def build_warc(records=CRAWL, *, gzip: bool = True) -> bytes:
    """The bytes of a WARC holding a request and a response per record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, status, content_type, payload in records:
        request = writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n")
        )
        writer.write_record(request)
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buffer.getvalue()


@pytest.fixture
def crawl_warc(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc())
    return path


@pytest.fixture
def ingest_data() -> Path:
    return INGEST_DATA
