"""URLs: fetched from a local server with a timeout, a size limit and a clear User-Agent."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from provenance import __version__
from provenance.errors import InputError
from provenance.ingest import read_articles
from provenance.ingest.fetch import USER_AGENT, fetch_url
from provenance.model import Failure
from provenance.settings import Settings

PAGE = (
    '<html><head><title>Talks collapse</title><meta property="og:site_name" content="Acme Gazette"></head>'
    "<body><article><p>The ministry said on Monday that the talks had collapsed.</p></article></body></html>"
).encode()

#: path -> (status, content type, body, seconds to wait first, extra headers)
ROUTES = {
    "/article.html": (200, "text/html; charset=utf-8", PAGE, 0, {}),
    "/notes": (200, "text/plain; charset=windows-1252", "The caf\u00e9\u2019s owner said so.\r\n".encode("cp1252"), 0, {}),
    "/corpus": (200, "application/x-ndjson", b'{"id": "n1", "text": "AP said so."}\n{oops\n', 0, {}),
    "/slow": (200, "text/html", PAGE, 2.0, {}),
    "/big": (200, "text/plain", b"Reuters said so. " * 200, 0, {}),
    "/to-file": (302, "text/plain", b"", 0, {"Location": "file:///etc/passwd"}),
    "/to-article": (301, "text/plain", b"", 0, {"Location": "/article.html"}),
}


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.agents.append(self.headers.get("User-Agent", ""))
        status, content_type, body, wait, extra = ROUTES.get(self.path, (404, "text/plain", b"not found", 0, {}))
        time.sleep(wait)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = Settings(fetch_timeout=0.3)


def test_page_is_fetched_and_read_as_html(server):
    (article,), failures = read_articles([f"{server}/article.html"], settings=FAST)
    assert failures == []
    assert article.id == f"{server}/article.html"
    assert article.text == "The ministry said on Monday that the talks had collapsed."
    assert (article.title, article.publisher) == ("Talks collapse", "Acme Gazette")


def test_requests_say_who_they_are(server):
    _Handler.agents.clear()
    fetch_url(f"{server}/article.html", settings=FAST)
    assert _Handler.agents == [f"provenance/{__version__}"] == [USER_AGENT]


def test_text_is_decoded_with_the_charset_of_the_header(server):
    (article,), _ = read_articles([f"{server}/notes"], settings=FAST)
    assert article.text == "The caf\u00e9\u2019s owner said so.\r\n"


def test_a_jsonl_url_is_a_corpus(server):
    articles, failures = read_articles([f"{server}/corpus"], settings=FAST)
    assert [article.id for article in articles] == ["n1"]
    assert failures == [Failure(f"{server}/corpus", "malformed JSON: expecting property name enclosed in double quotes (column 2)", 2)]


def test_redirects_to_http_are_followed(server):
    (article,), _ = read_articles([f"{server}/to-article"], settings=FAST)
    assert article.id == f"{server}/to-article" and article.title == "Talks collapse"


def test_a_slow_server_times_out_and_the_other_inputs_are_read(server):
    started = time.monotonic()
    articles, failures = read_articles([f"{server}/slow", f"{server}/article.html"], settings=FAST)
    assert time.monotonic() - started < 1.8
    assert [article.id for article in articles] == [f"{server}/article.html"]
    assert failures == [Failure(f"{server}/slow", "timed out after 0.3 s (Settings.fetch_timeout)")]


def test_http_errors_are_failures(server):
    assert read_articles([f"{server}/missing"], settings=FAST)[1] == [
        Failure(f"{server}/missing", "http error 404 (not found)")
    ]


def test_a_body_over_the_limit_is_refused(server):
    with pytest.raises(InputError, match=r"too large: 3,400 bytes \(the limit, Settings.max_article_bytes, is 1,000\)"):
        fetch_url(f"{server}/big", settings=Settings(fetch_timeout=1.0, max_article_bytes=1000))


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(InputError, match=r"redirect to a file:// URL refused"):
        fetch_url(f"{server}/to-file", settings=FAST)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://ftp.example.com/a.txt", "gopher://x/1"])
def test_other_schemes_are_refused(url):
    scheme = url.split(":")[0]
    assert read_articles([url]) == (
        [], [Failure(url, f"unsupported URL scheme {scheme!r}; expected one of: http, https")]
    )


def test_a_closed_port_is_a_failure():
    (failure,) = read_articles(["http://127.0.0.1:9/"], settings=FAST)[1]
    assert failure.path == "http://127.0.0.1:9/" and failure.reason.startswith("cannot fetch: ")
