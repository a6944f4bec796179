"""Turn the bytes of an input into text, or refuse them with a reason.

The text comes back exactly as the bytes say: newlines (``\\r\\n`` too),
non-breaking spaces and curly quotes are kept, because every offset the later
stages produce indexes this string. Only a byte-order mark is dropped.

The order of the attempts:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. a known binary signature (PDF, PNG, ZIP, ...) or a NUL byte refuses the input;
3. valid UTF-8 is UTF-8 (legacy text is almost never valid UTF-8 by chance);
4. a charset the container declared (``<meta charset>``, an HTTP header);
5. charset-normalizer's best guess, with Windows-1252 preferred when it reads
   the bytes about as cleanly (see :func:`decode_bytes`).

It does not guess the language, and it does not repair mojibake already in the
input (UTF-8 decoded as Latin-1 somewhere upstream stays as it is).
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from functools import lru_cache

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ..errors import InputError
from ..lexicon import load_table
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["binary_kind", "declared_charset", "decode_bytes"]

logger = logging.getLogger(__name__)

#: Bytes looked at to tell binary from text (a NUL byte or a signature).
SNIFF_BYTES = 8192

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

RE_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)
RE_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""")

#: Unicode categories a Windows-1252 reading of Western text is made of.
_WESTERN_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Zs", "Pd", "Pi", "Pf", "Po", "Ps", "Pe", "Sc", "So", "Sm"})


def binary_kind(data: bytes) -> str | None:
    """Return what a binary input is ("PDF document", ...), or None for text.

    Only the first :data:`SNIFF_BYTES` are looked at: a known signature names
    the format, a NUL byte outside a UTF-16/32 byte-order mark means some
    binary format.

    Examples
    --------
    >>> binary_kind(b"%PDF-1.7 ...")
    'PDF document'
    >>> binary_kind(b"\\x00\\x01\\x02")
    'binary data'
    >>> binary_kind("Reuters said.".encode("utf-16")) is None
    True
    """
    for signature, kind in _signatures():
        if data.startswith(signature):
            return kind
    if _bom_encoding(data) is None and b"\x00" in data[:SNIFF_BYTES]:
        return "binary data"
    return None


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML or XML document declares about itself, if any.

    Examples
    --------
    >>> declared_charset(b'<html><head><meta charset="windows-1252">')
    'cp1252'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    head = data[:SNIFF_BYTES]
    match = RE_XML_ENCODING.match(head) or RE_META_CHARSET.search(head)
    return _codec_name(match.group(1).decode("ascii")) if match else None


def decode_bytes(
    data: bytes,
    *,
    name: str = "<bytes>",
    declared: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> str:
    """Decode the bytes of one input into text, keeping every character.

    Parameters
    ----------
    data : bytes
        The raw input.
    name : str
        Where the bytes came from, for the error message.
    declared : str, optional
        A charset the container declared (an HTTP ``Content-Type``, a
        ``<meta charset>``); used when the bytes are not valid UTF-8.
    settings : Settings
        ``legacy_mess_tolerance`` decides between Windows-1252 and the
        detector's guess.

    Returns
    -------
    str
        The text, with newlines, non-breaking spaces and quotes as they were.

    Raises
    ------
    InputError
        For empty input, a binary file, or bytes no known encoding reads.

    Notes
    -----
    For bytes that are not UTF-8 and declare nothing, charset-normalizer
    guesses. On short Western texts it often picks a neighbouring code page,
    so its Windows-1252 reading is preferred when that reading is no messier
    (within ``settings.legacy_mess_tolerance``) and made only of letters,
    punctuation and symbols. Latin-1 files read the same way: Windows-1252
    agrees with Latin-1 on every printable character. Central European text
    without characters like "ł" may still be read as Windows-1252.

    Examples
    --------
    >>> decode_bytes("Café\\r\\n“Quote”".encode("utf-8"))
    'Café\\r\\n“Quote”'
    >>> decode_bytes("The minister’s naïve plan".encode("cp1252"))
    'The minister’s naïve plan'
    >>> decode_bytes(b"", name="a.txt")
    Traceback (most recent call last):
    ...
    provenance.errors.InputError: a.txt: empty file
    """
    text = _decode(data, name=name, declared=declared, settings=settings)
    if not text.strip():
        raise InputError(name, "empty file")
    return text


def _decode(data: bytes, *, name: str, declared: str | None, settings: Settings) -> str:
    """The decoding steps of :func:`decode_bytes`, in order."""
    if not data.strip():
        raise InputError(name, "empty file")
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(name, f"invalid {encoding} after its byte-order mark (byte {err.start})") from err
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(name, f"binary file ({kind}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _codec_name(declared) if declared else None
    if declared is not None and declared not in {"utf-8", "utf-16", "utf-32"}:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            logger.debug("%s: not %s as declared; guessing", name, declared)
    return _decode_legacy(data, name=name, settings=settings)


def _decode_legacy(data: bytes, *, name: str, settings: Settings) -> str:
    """Decode non-UTF-8 bytes with charset-normalizer, preferring Windows-1252."""
    best = from_bytes(data).best()
    western = _western_reading(data)
    if best is None:
        if western is not None:
            return western
        raise InputError(name, "binary file or unknown text encoding")
    guessed = str(best)
    if western is not None and western != guessed:
        tolerance = settings.legacy_mess_tolerance
        if mess_ratio(western, 1.0) <= mess_ratio(guessed, 1.0) + tolerance:
            logger.debug("%s: read as cp1252 rather than %s", name, best.encoding)
            return western
    logger.debug("%s: read as %s", name, best.encoding)
    return guessed


def _western_reading(data: bytes) -> str | None:
    """The Windows-1252 reading of ``data`` when it looks like Western text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for char in set(text):
        if ord(char) >= 128 and unicodedata.category(char) not in _WESTERN_CATEGORIES:
            return None
    return text


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a leading byte-order mark announces."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _codec_name(label: str) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    # Web pages that say Latin-1 mean Windows-1252 (the WHATWG encoding standard).
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[bytes, str], ...]:
    """The packaged binary signatures as (bytes, description) pairs."""
    return tuple((bytes.fromhex(row[0]), row[1]) for row in load_table("file_signatures.tsv"))
