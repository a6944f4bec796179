"""Boilerplate regions: related stories, tag and link lists, share bars, footers, copyright lines."""

from __future__ import annotations

import pytest

from provenance.ingest.boilerplate import find_boilerplate, line_kind
from provenance.lexicon import load_table

PARAGRAPH = "The ministry said on Thursday that the talks would resume next week after a pause of several days."
SECOND = "Officials from both sides declined to comment on the talks, which began in Istanbul on Monday."


def marked(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_boilerplate(text)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Related Topics", "block"),
        ("RELATED STORIES", "block"),
        ("Recent Stories", "block"),
        ("More Stories From World", "block"),
        ("More from The Guardian", "block"),
        ("Tags", "block"),
        ("You May Also Like", "block"),
        ("Read more", "block"),
        ("Editor\u2019s Picks", "block"),
        ("Editor\u2019s note: This story has been updated with the senator\u2019s comments.", "line"),
        ("Editors noted the mistake within the hour.", None),
        ("Tags: Ukraine, Russia, Pentagon", "line"),
        ("Read more: Ukraine war latest", "line"),
        ("RELATED: Pentagon says calls go unanswered", "line"),
        ("Advertisement", "line"),
        ("ADVERTISEMENT", "line"),
        ("Share this article", "line"),
        ("Follow us on Twitter and Facebook", "line"),
        ("Sign up for our daily newsletter", "line"),
        ("Facebook Twitter LinkedIn Email", "line"),
        ("Share\u00a0 Tweet \u00a0Email", "line"),
        ("FACEBOOK.", "line"),
        ("Facebook | Twitter | Email", "line"),
        ("Follow @politico", "line"),
        ("Followers of the group gathered outside.", None),
        ("About Us | Contact Us | Advertisment", "line"),
        ("Home | World | Politics | Business | Sport", "line"),
        ("Education - Urdu News - Car Prices - Breaking News - English News", "line"),
        ("\u00a9 1997-2022, UrduPoint Network", "line"),
        ("Copyright 2022 The Associated Press. All rights reserved.", "line"),
        ("(c) 2022 Acme Media", "line"),
        ("All rights of the publication are reserved by UrduPoint.com.", "line"),
        (PARAGRAPH, None),
        ("Statements Claiming Russia Requested China's Military Assistance False - Beijing", None),
        ("Twitter said on Monday that it would label the posts.", None),
        ("Copyright lawsuits have piled up against the company this year.", None),
        ("Related developments were reported in Kyiv, where officials met.", None),
        ("Scores: Team A 3 - Team B 2", None),
        ("", None),
    ],
)
def test_line_kind(line, kind):
    assert line_kind(line) == kind


def test_trailing_block_runs_to_the_end():
    text = (
        f"Talks resume\n\n{PARAGRAPH}\n\n{SECOND}\n\nRelated Topics\n\nUkraine Moscow Russia\n\n"
        "Recent Stories\n\nTalks stall in Istanbul - Ankara\n\n33 seconds ago\n\n"
        "Our network is the largest independent digital media house from Pakistan, catering the needs "
        "of its users since year 1997.\n\n\u00a9 1997-2022, Acme Network\n"
    )
    assert marked(text) == [text[text.index("Related Topics") :].rstrip("\n")]


def test_block_ends_where_article_prose_resumes():
    text = (
        f"{PARAGRAPH}\n\nRead more\n\nPentagon says calls go unanswered\n\nTalks stall in Istanbul\n\n"
        f"{SECOND}\n\n{PARAGRAPH}\n\nYou May Also Like\n\nMarkets fall\n"
    )
    assert marked(text) == [
        "Read more\n\nPentagon says calls go unanswered\n\nTalks stall in Istanbul",
        "You May Also Like\n\nMarkets fall",
    ]


def test_one_prose_line_inside_a_block_does_not_end_it():
    text = f"{PARAGRAPH}\n\nMore Stories From World\n\n{SECOND}\n\nAbout Us | Contact Us | Advertisment\n"
    assert marked(text) == [text[text.index("More Stories") :].rstrip("\n")]


def test_block_heading_above_the_body_marks_only_itself():
    text = f"Trending\n\nTalks resume in Istanbul\n\nBy Jane Doe\n\n{PARAGRAPH}\n\n{SECOND}\n"
    assert marked(text) == ["Trending"]


def test_single_lines_in_the_body():
    text = (
        f"{PARAGRAPH}\n\nAdvertisement\n\n{SECOND}\n\nSign up for our newsletter to get the news first.\n\n"
        f"{PARAGRAPH}\n\nShare this\nFacebook Twitter Email\n"
    )
    assert marked(text) == [
        "Advertisement",
        "Sign up for our newsletter to get the news first.",
        "Share this\nFacebook Twitter Email",
    ]


def test_body_alone_has_no_boilerplate():
    text = f"Talks resume\n\nBy Jane Doe\n\n{PARAGRAPH}\n\n{SECOND}\n"
    assert marked(text) == []


def test_spans_index_the_words_without_surrounding_space():
    text = f"  {PARAGRAPH}\r\n\r\n  Advertisement  \r\n\r\n{SECOND}\r\n"
    assert marked(text) == ["Advertisement"]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "Advertisement", "x" * 100_000, "Related Topics\n" * 1000],
    ids=["empty", "blank", "one-item", "long-token", "many-headings"],
)
def test_degenerate_text(text):
    for span in find_boilerplate(text):
        assert 0 <= span.start <= span.end <= len(text)


def test_phrase_table_rows_are_well_formed():
    for phrase, kind, how in load_table("boilerplate.tsv", columns=3):
        assert kind in ("block", "line", "share"), phrase
        assert how in ("whole", "start", "word"), phrase
        assert line_kind(phrase) is not None, phrase
