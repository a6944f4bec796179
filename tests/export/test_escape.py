"""Cleaning and escaping untrusted text for the export formats."""

import pytest

from provenance.export.escape import clean_text, mermaid_text, one_line, safe_id, shorten


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pentagon", "Pentagon"),
        ("nul\x00byte", "nulbyte"),
        ("bell\x07 and escape\x1b", "bell and escape"),
        ("keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"),
        ("no\u00a0break", "no break"),
        ("line\u2028separator", "line separator"),
        ("bidi\u202eoverride\u2066", "bidioverride"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("Persian zero-width\u200cnon-joiner", "Persian zero-width\u200cnon-joiner"),
        ("not a char \uffff", "not a char "),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("  The\n\n Pentagon\tsaid  ", None, "The Pentagon said"),
        ("The Washington Post", 10, "The Washi\u2026"),
        ("Sputnik", 7, "Sputnik"),
        ("a\x00b", None, "ab"),
    ],
)
def test_one_line(text, limit, expected):
    assert one_line(text, limit=limit) == expected


def test_shorten_refuses_a_zero_limit():
    with pytest.raises(ValueError, match="at least 1"):
        shorten("abc", limit=0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3f2a9c", "n_3f2a9c"), ("kirby_1", "n_kirby_1"), (42, "n_42")],
)
def test_safe_id_keeps_plain_ids(value, expected):
    assert safe_id(value, prefix="n_") == expected


@pytest.mark.parametrize("value", ['x"]; evil', "a b", "end", "-->", "x" * 65, "Ünïcode", ""])
def test_safe_id_hashes_everything_else(value):
    identifier = safe_id(value, prefix="n_")
    assert identifier.replace("_", "").isalnum() and identifier.isascii()
    assert identifier == safe_id(value, prefix="n_")
    if value != "end":
        assert identifier.startswith("n_h") and len(identifier) == 19


def test_safe_ids_of_different_values_differ():
    values = ['x"]; evil', "x'; evil", "a b", "a  b", "a\nb"]
    assert len({safe_id(value, prefix="n_") for value in values}) == len(values)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no"', "He said #34;no#34;"),
        ("<script>", "#60;script#62;"),
        ("a]; b", "a#93;#59; b"),
        ("[x] |y| `z`", "#91;x#93; #124;y#124; #96;z#96;"),
        ("#hash &amp;", "#35;hash #38;amp#59;"),
        ("{brace}", "#123;brace#125;"),
        ("line\nbreak", "line break"),
        ("back\\slash", "back#92;slash"),
        ("Tomás (AP), 3-2", "Tomás (AP), 3-2"),
    ],
)
def test_mermaid_text(text, expected):
    assert mermaid_text(text) == expected


@pytest.mark.parametrize("char", list("\"<>[]|;`#&{}\\\n%"))
def test_mermaid_text_never_lets_syntax_through(char):
    escaped = mermaid_text(f"a{char}b")
    assert escaped == "a b" if char == "\n" else escaped == f"a#{ord(char)};b"
