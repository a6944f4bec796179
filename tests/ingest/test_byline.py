"""Bylines: the author's names as written, without dates, labels and job words; outlets as credits."""

from __future__ import annotations

import pytest

from provenance.ingest.byline import parse_byline


@pytest.mark.parametrize(
    ("line", "author", "credits"),
    [
        ("By Jane Doe", "Jane Doe", ()),
        ("BY JANE DOE", "JANE DOE", ()),
        ("Sumaira FH Published March 24, 2022 | 08:12 PM", "Sumaira FH", ()),
        ("Author: Jane Doe", "Jane Doe", ()),
        ("Written by Jane Doe", "Jane Doe", ()),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", ()),
        ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe", ()),
        ("By Jane Doe | March 24, 2022", "Jane Doe", ()),
        ("By Jane Doe - Nov. 3, 2016", "Jane Doe", ()),
        ("By Jane Doe on March 24, 2022 at 8:12 p.m.", "Jane Doe", ()),
        ("By Jane Doe, Staff Writer", "Jane Doe", ()),
        ("By Jane Doe, Senior Correspondent | Updated 2016-03-11 10:00", "Jane Doe", ()),
        ("By Jane Doe, Associated Press", "Jane Doe", ("Associated Press",)),
        ("By JOSH BOAK and ZEKE MILLER Associated Press", "JOSH BOAK and ZEKE MILLER", ("Associated Press",)),
        ("By Jane Doe for The Hill", "Jane Doe", ()),
        ("By Reuters Staff", None, ("Reuters",)),
        ("By AFP", None, ("Agence France-Presse",)),
        ("By\u00a0José\u00a0Gómez", "José Gómez", ()),
        ("By Jean-Luc O\u2019Neil", "Jean-Luc O\u2019Neil", ()),
        ("By the numbers: a week of talks", None, ()),
        ("Bystanders filmed the attack", None, ()),
        ("Report Published March 24, 2022", None, ()),
        ("Published March 24, 2022", None, ()),
        ("Pentagon Confirms Austin, Milley Unable To Reach Russian Counterparts", None, ()),
    ],
)
def test_byline(line, author, credits):
    assert parse_byline(line) == (author, credits)
