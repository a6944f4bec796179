"""Dates as news prints them, parsed with dateutil (naive unless a zone is stated)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from provenance.ingest.dates import find_dates, parse_date

EDT = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published March 24, 2022 | 08:12 PM", datetime(2022, 3, 24, 20, 12)),
        ("March 24, 2022", datetime(2022, 3, 24)),
        ("Nov. 3, 2016", datetime(2016, 11, 3)),
        ("Sept. 5, 2021", datetime(2021, 9, 5)),
        ("24th March, 2022", datetime(2022, 3, 24)),
        ("24 March 2022 10:00", datetime(2022, 3, 24, 10, 0)),
        ("Updated 2016-03-11 10:00", datetime(2016, 3, 11, 10, 0)),
        ("2016/03/11", datetime(2016, 3, 11)),
        ("Posted: 03/11/2016 at 10:00 am", datetime(2016, 3, 11, 10, 0)),
        ("March 24, 2022 at 8:12 p.m.", datetime(2022, 3, 24, 20, 12)),
        ("8:12 PM, March 24, 2022", datetime(2022, 3, 24, 20, 12)),
        ("Thursday, March 24, 2022", datetime(2022, 3, 24)),
        ("2022-03-24T20:12:00", datetime(2022, 3, 24, 20, 12)),
        ("2022-03-24T20:12:00Z", datetime(2022, 3, 24, 20, 12, tzinfo=timezone.utc)),
        ("2022-03-24T20:12:00+05:00", datetime(2022, 3, 24, 20, 12, tzinfo=timezone(timedelta(hours=5)))),
        ("March 24, 2022 8:12 PM ET", datetime(2022, 3, 24, 20, 12, tzinfo=EDT)),
        ("8:12 p.m. EDT, Thu March 24, 2022", datetime(2022, 3, 24, 20, 12, tzinfo=EDT)),
        ("March\u00a024,\u00a02022\u00a0|\u00a008:12\u00a0PM", datetime(2022, 3, 24, 20, 12)),
    ],
)
def test_parse_date(text, expected):
    found = parse_date(text)
    assert found == expected
    assert (found.tzinfo is None) == (expected.tzinfo is None)


@pytest.mark.parametrize(
    "text",
    ["", "no date here", "Feb 30, 2022", "on Thursday at noon", "March 24", "08:12 PM", "2022", "99/99/2022"],
)
def test_no_date(text):
    assert parse_date(text) is None


def test_unknown_zone_abbreviation_is_left_out():
    assert parse_date("March 24, 2022 8:12 PM XYZ") == datetime(2022, 3, 24, 20, 12)


def test_date_and_datetime_values_pass_through():
    assert parse_date(datetime(2022, 3, 24, 20, 12)) == datetime(2022, 3, 24, 20, 12)
    assert parse_date(date(2022, 3, 24)) == datetime(2022, 3, 24)
    assert parse_date(None) is None
    with pytest.raises(TypeError, match="a date must be"):
        parse_date(20220324)


@pytest.mark.parametrize(
    ("text", "ranks"),
    [
        ("Published 3 Nov 2016 | Updated Nov. 4, 2016", [0, 2]),
        ("Posted on March 3, 2022", [0]),
        ("First published: March 3, 2022", [0]),
        ("Last updated March 3, 2022", [2]),
        ("March 3, 2022", [1]),
    ],
)
def test_labels_rank_dates(text, ranks):
    assert [found.rank for found in find_dates(text)] == ranks


def test_found_dates_index_the_text():
    text = "Sumaira FH Published March 24, 2022 | 08:12 PM"
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "March 24, 2022 | 08:12 PM"
