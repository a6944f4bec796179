"""Make untrusted text safe for the export formats.

Names, roles and claims come from article text, so any of them may hold
quotes, backslashes, brackets, newlines, control characters or markup. The
helpers here clean that text once (control characters and lone surrogates go,
which no XML, DOT or PROV-N file can hold) and escape it for the formats that
need their own rules (Mermaid labels). Ids written into a file are never raw
names: :func:`safe_id` keeps a plain identifier and replaces anything else by
a stable digest.

DOT escaping lives in :mod:`provenance.export.graphviz`, HTML escaping in
:mod:`provenance.export.html`, next to the format they serve.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import stable_id

__all__ = ["clean_text", "mermaid_text", "one_line", "safe_id", "shorten"]

#: Characters an identifier may keep as they are in every format.
RE_PLAIN_ID = re.compile(r"[A-Za-z0-9_]{1,64}")
RE_WHITESPACE = re.compile(r"\s+")
#: Characters Mermaid leaves alone inside a quoted label; others become ``#NN;``.
RE_MERMAID_UNSAFE = re.compile(r"[^\w .,:'!?/+=@*~$^()\u2026-]")
#: Bidirectional overrides, dropped so a name cannot reorder the text around it.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: The character that ends a shortened text.
ELLIPSIS = "\u2026"


def clean_text(value: object) -> str:
    """Return ``value`` as text without control characters or lone surrogates.

    Newlines and tabs are kept; every other control character is dropped and a
    lone surrogate (invalid in UTF-8) becomes U+FFFD.

    Examples
    --------
    >>> clean_text("a\\x00b\\nc")
    'ab\\nc'
    >>> clean_text(42)
    '42'
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(_clean_char(char) for char in text)


def one_line(value: object, *, limit: int | None = None) -> str:
    """Return cleaned text on one line, whitespace collapsed, at most ``limit`` characters.

    Examples
    --------
    >>> one_line("  The\\n Pentagon  said ")
    'The Pentagon said'
    >>> one_line("The Washington Post", limit=10)
    'The Washi…'
    """
    return shorten(RE_WHITESPACE.sub(" ", clean_text(value)).strip(), limit=limit)


def shorten(text: str, *, limit: int | None) -> str:
    """Cut ``text`` to ``limit`` characters, the last one an ellipsis when cut.

    Examples
    --------
    >>> shorten("abcdef", limit=4)
    'abc…'
    >>> shorten("abc", limit=4)
    'abc'
    """
    if limit is None or len(text) <= limit:
        return text
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit!r}")
    return text[: limit - 1] + ELLIPSIS


def safe_id(value: object, *, prefix: str) -> str:
    """Return an identifier for ``value`` that every format accepts unquoted.

    A plain id (ASCII letters, digits, ``_``; at most 64) is kept after the
    prefix, so ids stay recognisable across formats; anything else is replaced
    by a stable digest of it.

    Examples
    --------
    >>> safe_id("3f2a9c", prefix="n_")
    'n_3f2a9c'
    >>> safe_id('x"]; evil', prefix="n_") == safe_id('x"]; evil', prefix="n_")
    True
    >>> safe_id('x"]; evil', prefix="n_")[2:].isalnum()
    True
    """
    text = str(value)
    if RE_PLAIN_ID.fullmatch(text):
        return prefix + text
    return prefix + "h" + stable_id(text)


def mermaid_text(value: object, *, limit: int | None = None) -> str:
    """Return text safe inside a quoted Mermaid label (``id["..."]``).

    Letters, digits and harmless punctuation stay; every other character
    (quotes, brackets, ``<``, ``>``, ``|``, ``;``, ``#``, backticks, ``&``,
    braces) becomes Mermaid's numeric entity ``#NN;``. Newlines become spaces.

    Examples
    --------
    >>> mermaid_text('He said "no" <b>')
    'He said #34;no#34; #60;b#62;'
    >>> mermaid_text("a]; b --> c")
    'a#93;#59; b --#62; c'
    """
    text = one_line(value, limit=limit)
    return RE_MERMAID_UNSAFE.sub(lambda match: f"#{ord(match.group())};", text)


def _clean_char(char: str) -> str:
    """One character of :func:`clean_text`."""
    if char in "\n\t" or char.isprintable():
        return char
    category = unicodedata.category(char)
    if category.startswith("Z"):  # no-break, line and paragraph separators
        return " "
    if category == "Cs":
        return "\ufffd"
    if category in ("Cc", "Cn") or char in BIDI_CONTROLS:
        return ""
    return char  # format characters such as the zero-width non-joiner spell words
