"""Nothing a user feeds in makes reading or extraction raise."""

from __future__ import annotations

import gzip
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.errors import InputError
from provenance.extract import extract_attributions
from provenance.ingest import iter_articles
from provenance.ingest.decode import decode_bytes
from provenance.ingest.text import article_from_text
from provenance.model import Article, Failure

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters that stress quote pairing, markup and line handling.
NEWS_ALPHABET = st.sampled_from(
    list("abcXYZ .,;:!?-\n\r\t\"'()[]{}<>&/#@0123456789")
    + ["\u201c", "\u201d", "\u2018", "\u2019", "\u00a0", "\u2014", "\u00e9", "\ufeff", "\u0000", "\ud7ff", "\U0001f600"]
    + [" said ", " told ", " according to ", "Reuters", "The Pentagon", " the ", "WASHINGTON (AP) - ", "\n\n"]
)
NEWS_TEXT = st.lists(NEWS_ALPHABET, max_size=300).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=500), NEWS_TEXT)
ANY_BYTES = st.one_of(
    st.binary(max_size=2000),
    ANY_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
    ANY_TEXT.map(lambda text: ("<html><body><p>" + text + "</p></body></html>").encode("utf-8", "surrogatepass")),
    ANY_TEXT.map(lambda text: ('{"text": "' + text + '"}\n{"text": 1}\n').encode("utf-8", "surrogatepass")),
    st.binary(max_size=500).map(lambda data: b"WARC/1.0\r\n" + data),
    st.binary(max_size=500).map(gzip.compress),
)
SUFFIXES = st.sampled_from(["", ".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".txt.gz", ".md"])


def _no_reader_bug(items: list) -> None:
    for item in items:
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert not item.reason.startswith("unexpected error"), item.reason


@QUICK
@given(ANY_TEXT)
def test_extraction_never_raises(text):
    article = article_from_text(text, id="x")
    for attribution in extract_attributions(article):
        assert attribution is not None


@QUICK
@given(ANY_BYTES)
def test_reading_any_bytes_from_stdin_never_raises(data):
    _no_reader_bug(list(iter_articles(["-"], stdin=io.BytesIO(data))))


@QUICK
@given(ANY_BYTES, SUFFIXES)
def test_reading_any_file_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _no_reader_bug(list(iter_articles([path])))


@QUICK
@given(st.binary(max_size=2000))
def test_decoding_either_gives_text_or_says_why(data):
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert err.reason
    else:
        assert isinstance(text, str) and text.strip()
