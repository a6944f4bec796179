"""Bytes to text: byte-order marks, UTF-8, legacy code pages, binary refused."""

from __future__ import annotations

import pytest

from provenance.errors import InputError
from provenance.ingest.decode import binary_kind, declared_charset, decode_bytes

ARTICLE = "LONDON (Reuters) \u2013 The minister\u2019s office said the na\u00efve plan was \u201cshelved\u201d.\r\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "cp1252"]
)
def test_each_encoding_gives_the_same_text(encoding):
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        data = "\ufeff".encode(codec) + ARTICLE.encode(codec)
    else:
        data = ARTICLE.encode(encoding)
    assert decode_bytes(data) == ARTICLE


def test_newlines_spaces_and_quotes_are_kept_as_they_are():
    text = "Line one\r\nLine\u00a0two \u201cquoted\u201d\rold mac\n"
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("The minister\u2019s office said the na\u00efve plan was d\u00e9j\u00e0 vu.", "cp1252"),
        ("El ministro dijo que las conversaciones fracasaron en Espa\u00f1a el mi\u00e9rcoles.", "cp1252"),
        ("M\u00fcnchen: Der Minister sagte, die Gespr\u00e4che seien gescheitert. \u00a9 dpa", "latin-1"),
        ("\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430, \u0447\u0442\u043e "
         "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0441\u043e\u0440\u0432\u0430\u043d\u044b.",
         "cp1251"),
        ("Minister powiedzia\u0142, \u017ce rozmowy zosta\u0142y zerwane w czwartek.", "cp1250"),
    ],
)
def test_legacy_code_pages_are_detected(text, codec):
    assert decode_bytes(text.encode(codec)) == text


def test_declared_charset_is_used_when_bytes_are_not_utf8():
    text = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0441\u043a\u0430\u0437\u0430\u043b."
    assert decode_bytes(text.encode("koi8-r"), declared="koi8-r") == text


def test_valid_utf8_wins_over_a_wrong_declaration():
    assert decode_bytes("caf\u00e9".encode("utf-8"), declared="iso-8859-1") == "caf\u00e9"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive or office document"),
        (b"some text\x00\x00with NUL bytes", "binary data"),
    ],
)
def test_binary_input_is_refused_with_its_kind(data, kind):
    assert binary_kind(data) == kind
    with pytest.raises(InputError, match=rf"^doc: binary file \({kind}\), not text$"):
        decode_bytes(data, name="doc")


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n"])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="^a.txt: empty file$"):
        decode_bytes(data, name="a.txt")


def test_noise_without_a_readable_encoding_is_refused():
    with pytest.raises(InputError, match="binary|encoding"):
        decode_bytes(bytes(range(128, 256)) * 40 + bytes(range(1, 32)) * 40, name="noise")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="windows-1252">', "cp1252"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b'<?xml version="1.0" encoding="koi8-r"?><html>', "koi8-r"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>nothing declared</p>", None),
    ],
)
def test_declared_charset(head, expected):
    assert declared_charset(head) == expected
