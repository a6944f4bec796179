"""Lines with their offsets, read from the head or the tail of a text."""

from __future__ import annotations

import random

import pytest

from provenance.ingest.lines import head_lines, iter_lines, tail_lines


def test_lines_are_stripped_and_index_the_text():
    text = "  Title \r\n\r\nBy\u00a0Jane Doe\rBody line.\n\n\t\n"
    lines = list(iter_lines(text))
    assert [line.text for line in lines] == ["Title", "By\u00a0Jane Doe", "Body line."]
    assert all(text[line.start : line.end] == line.text for line in lines)


def test_long_lines_are_cut_to_their_start():
    text = "short\n" + "x" * 50 + "\n"
    (_, long) = iter_lines(text, limit=10)
    assert long.cut and long.text == "x" * 10 and long.start == 6


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_head_and_tail(count):
    text = "\n".join(f"line {number}" for number in range(4))
    every = list(iter_lines(text))
    assert head_lines(text, count) == every[:count]
    assert tail_lines(text, count) == (every[-count:] if count else [])


def test_tail_stops_at_end():
    text = "a\nb\nc\nd"
    assert [line.text for line in tail_lines(text, 2, end=text.index("d"))] == ["b", "c"]


def test_tail_matches_a_full_read_on_random_texts():
    pieces = ["a", "b ", " ", "\n", "\r\n", "\r", "\u00a0", "xyz" * 40]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        for count in (1, 3):
            for limit in (5, 2000):
                expected = list(iter_lines(text, limit=limit))[-count:]
                assert tail_lines(text, count, limit=limit) == expected, (text, count, limit)


def test_one_enormous_line_is_read_once_from_its_start():
    text = "word " * 200_000
    (line,) = tail_lines(text, 3, limit=100)
    assert line.start == 0 and line.cut and len(line.text) <= 100
