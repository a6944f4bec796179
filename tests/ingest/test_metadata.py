"""Metadata read from an article's head and tail: publisher, title, byline, date, dateline, credits."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from provenance.ingest.boilerplate import find_boilerplate
from provenance.ingest.metadata import Metadata, parse_dateline, read_metadata

BODY = (
    "The ministry said on Thursday that the talks would resume next week after a pause of several days."
)


def meta(text: str, **options) -> Metadata:
    return read_metadata(text, boilerplate=find_boilerplate(text), **options)


# --- datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "place", "credits"),
    [
        ("WASHINGTON (UrduPoint News / Sputnik - 24th March, 2022) " + BODY, "WASHINGTON", ("UrduPoint", "Sputnik")),
        ("WASHINGTON (AP) \u2014 " + BODY, "WASHINGTON", ("Associated Press",)),
        ("LONDON (Reuters) - " + BODY, "LONDON", ("Reuters",)),
        ("NEW YORK \u2014 " + BODY, "NEW YORK", ()),
        ("KYIV, Ukraine \u2014 " + BODY, "KYIV, Ukraine", ()),
        ("KYIV, Ukraine (AP) \u2014 " + BODY, "KYIV, Ukraine", ("Associated Press",)),
        ("BEIJING, March 24 (Xinhua) -- " + BODY, "BEIJING", ("Xinhua",)),
        ("WASHINGTON, March 24 (Reuters) - " + BODY, "WASHINGTON", ("Reuters",)),
        ("ISLAMABAD, (UrduPoint / Pakistan Point News - 24th Mar, 2022) : " + BODY, "ISLAMABAD",
         ("UrduPoint", "Pakistan Point News")),
        ("ST. LOUIS (AP) \u2014 " + BODY, "ST. LOUIS", ("Associated Press",)),
        ("NEW DELHI: " + BODY, "NEW DELHI", ()),
        ("RIO DE JANEIRO \u2014 " + BODY, "RIO DE JANEIRO", ()),
        ("Beirut (AFP) \u2013 " + BODY, "Beirut", ("Agence France-Presse",)),
        ("Mexico City (AFP) \u2013 " + BODY, "Mexico City", ("Agence France-Presse",)),
        ("Nagpur (India) (AFP) \u2013 " + BODY, "Nagpur, India", ("Agence France-Presse",)),
    ],
)
def test_dateline(line, place, credits):
    found = parse_dateline(line)
    assert found is not None
    assert found[:2] == (place, credits)
    assert line[found[2] :].startswith("The ministry")


@pytest.mark.parametrize(
    "line",
    [
        "BREAKING \u2014 " + BODY,
        "FILE - " + BODY,
        "UKRAINE WAR \u2014 DAY 30",
        "FBI: Clinton emails show a pattern of carelessness",
        "FBI: Clinton emails show a pattern.",
        "The ministry (AP) said " + BODY,
        "Officials (Ukraine) \u2014 " + BODY,
        "Dozens (hundreds) - " + BODY,
        "NATO",
        "",
    ],
)
def test_not_a_dateline(line):
    assert parse_dateline(line) is None


# --- whole heads -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "UrduPoint.com\n\nTalks resume\n\nSumaira FH Published March 24, 2022 | 08:12 PM\n\n"
            f"ISLAMABAD (UrduPoint News / APP - 24th March, 2022) {BODY}\n",
            Metadata("UrduPoint", "Talks resume", "Sumaira FH", datetime(2022, 3, 24, 20, 12),
                     "ISLAMABAD", ("Associated Press of Pakistan",)),
            id="urdupoint-app",
        ),
        pytest.param(
            f"The Daily Courier\n\nTalks collapse\n\nLONDON (Reuters) - {BODY}\n",
            Metadata("The Daily Courier", "Talks collapse", None, None, "LONDON", ("Reuters",)),
            id="unknown-masthead-keeps-its-words",
        ),
        pytest.param(
            f"www.acme-news.com\n\nTalks collapse\n\nBy Jane Doe\nNov. 3, 2016\n\n{BODY}\n",
            Metadata("www.acme-news.com", "Talks collapse", "Jane Doe", datetime(2016, 11, 3), None, ()),
            id="domain-masthead-and-date-line",
        ),
        pytest.param(
            f"Talks collapse\n\nUpdated 2016-03-11 10:00\n\n{BODY}\n",
            Metadata(None, "Talks collapse", None, datetime(2016, 3, 11, 10, 0), None, ()),
            id="updated-only",
        ),
        pytest.param(
            f"Talks collapse\n\nPublished 3 Nov 2016 | Updated Nov. 4, 2016 10:00 GMT\n\n{BODY}\n",
            Metadata(None, "Talks collapse", None, datetime(2016, 11, 3), None, ()),
            id="published-beats-updated",
        ),
        pytest.param(
            f"Talks collapse\n\nMarch 24, 2022 8:12 PM ET\n\n{BODY}\n",
            Metadata(None, "Talks collapse", None, datetime(2022, 3, 24, 20, 12, tzinfo=timezone(timedelta(hours=-4))),
                     None, ()),
            id="stated-zone-is-kept",
        ),
        pytest.param(
            f"Trump wins on Nov. 8, 2016 as polls close\n\n{BODY}\n\nOn March 3, 2017 he said more.\n",
            Metadata(None, "Trump wins on Nov. 8, 2016 as polls close", None, None, None, ()),
            id="no-date-from-title-or-body",
        ),
        pytest.param(
            f"WASHINGTON (UrduPoint News / Sputnik - 24th March, 2022) {BODY}\n",
            Metadata(None, None, None, datetime(2022, 3, 24), "WASHINGTON", ("UrduPoint", "Sputnik")),
            id="dateline-date-when-no-byline",
        ),
        pytest.param(
            f"Site name: Acme Gazette\n\nTalks collapse\n\n{BODY}\n",
            Metadata("Acme Gazette", "Talks collapse", None, None, None, ()),
            id="site-name-line",
        ),
        pytest.param(
            f"Talks collapse\n\n{BODY}\n\n\u00a9 2022 Acme Media Inc. All rights reserved.\n",
            Metadata("Acme Media", "Talks collapse", None, None, None, ()),
            id="copyright-holder",
        ),
        pytest.param(
            f"Talks collapse\n\n{BODY}\n\nAll rights of the publication are reserved by UrduPoint.com.\n",
            Metadata("UrduPoint", "Talks collapse", None, None, None, ()),
            id="reserved-by",
        ),
        pytest.param(
            f"ADVERTISEMENT\n\nTalks collapse\n\nShare this\n\nBy Jane Doe\n\n{BODY}\n",
            Metadata(None, "Talks collapse", "Jane Doe", None, None, ()),
            id="furniture-above-title",
        ),
        pytest.param(
            f"Keep the Returns, Trump; Just Give Us a Few Figures.\n\nMr. Trump, I have a deal for you.\n\n{BODY}\n",
            Metadata(None, "Keep the Returns, Trump; Just Give Us a Few Figures.", None, None, None, ()),
            id="title-case-headline-with-a-stop",
        ),
        pytest.param(
            f"HUFFPOLLSTER: A Seismic Shift Among Voters May Have Won Cruz The Caucus.\n\n{BODY}\n",
            Metadata(None, "HUFFPOLLSTER: A Seismic Shift Among Voters May Have Won Cruz The Caucus.", None, None,
                     None, ()),
            id="label-in-headline-is-not-a-dateline",
        ),
        pytest.param(
            f"Talks collapse\n\nSource: Xinhua\n\n{BODY}\n",
            Metadata(None, "Talks collapse", None, None, None, ("Xinhua",)),
            id="credit-line-is-not-title",
        ),
        pytest.param(
            "The talks collapsed.\n\nThe ministry said so.\n",
            Metadata(None, None, None, None, None, ()),
            id="sentence-is-not-title",
        ),
        pytest.param(
            f"Activists who lit Syria revolt washed away in migrant wave.\n\n{BODY}\n",
            Metadata(None, "Activists who lit Syria revolt washed away in migrant wave.", None, None, None, ()),
            id="headline-with-a-stop-before-a-longer-paragraph",
        ),
        pytest.param(
            "Hot Air\n\nPentagon can't reach Russian counterparts\n\nAuthor: John Smith\n\n" + BODY + "\n",
            Metadata("Hot Air", "Pentagon can't reach Russian counterparts", "John Smith", None, None, ()),
            id="unknown-masthead-without-outlet-word",
            marks=pytest.mark.xfail(reason="a short unknown masthead without an outlet word reads as the title"),
        ),
    ],
)
def test_head(text, expected):
    assert meta(text) == expected


def test_given_publisher_is_never_a_credit():
    text = f"Talks collapse\n\nLONDON (Reuters) - {BODY}\n"
    assert meta(text).credits == ("Reuters",)
    assert meta(text, publisher="Thomson Reuters").credits == ()
    assert meta(text, publisher="Thomson Reuters").publisher == "Reuters"


def test_wire_copyright_under_another_masthead_is_a_credit():
    text = f"WTOP\n\nTalks collapse\n\n{BODY}\n\nCopyright 2022 The Associated Press. All rights reserved.\n"
    assert (meta(text).publisher, meta(text).credits) == ("WTOP", ("Associated Press",))


def test_date_deep_in_the_body_is_not_the_publication_date():
    paragraphs = "\n\n".join([BODY] * 20)
    text = f"Talks collapse\n\n{paragraphs}\n\nPublished March 3, 2017\n\n{BODY}\n"
    assert meta(text).published is None


def test_empty_and_blank_texts():
    assert meta("") == Metadata()
    assert meta(" \n\u00a0\n") == Metadata()
