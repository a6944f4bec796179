"""Web pages: main text without page furniture, metadata, bad markup."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from provenance.errors import InputError
from provenance.ingest import read_articles
from provenance.ingest.html import article_from_html, publisher_for_url


@pytest.fixture
def relay(ingest_data):
    path = ingest_data / "sputnik-relay.html"
    return article_from_html(path.read_bytes(), id=str(path), path=str(path))


def test_main_text_is_kept(relay):
    assert "The Pentagon confirmed to Sputnik on Thursday" in relay.text
    assert "On Wednesday, The Washington Post, citing Pentagon spokesman John Kirby" in relay.text


@pytest.mark.parametrize(
    "furniture", ["Most Read", "Oil Prices Climb", "All rights reserved", "Privacy Policy", "Search news", "dataLayer"]
)
def test_navigation_sidebar_and_footer_are_dropped(relay, furniture):
    assert furniture not in relay.text


def test_curly_quotes_are_kept_as_characters(relay):
    assert "\u201cOver the past month" in relay.text and "Washington\u2019s" in relay.text


def test_metadata_comes_from_the_page(relay):
    assert relay.title == "Pentagon Confirms Austin, Milley Unable To Reach Russian Counterparts Over Past Month"
    assert relay.author == "Sumaira FH"
    assert relay.publisher == "UrduPoint"
    assert relay.url == "https://www.urdupoint.com/en/world/pentagon-confirms-austin-milley-unable-to-r-1473211.html"


def test_published_time_keeps_the_hour_and_zone(relay):
    assert relay.published == datetime(2022, 3, 24, 20, 12, tzinfo=timezone(timedelta(hours=5)))


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"


def test_publisher_from_a_known_domain_wins_over_the_site_name():
    page = _page('<meta property="og:site_name" content="World News">', "The ministry said the talks collapsed.")
    article = article_from_html(page, id="p", url="https://uk.reuters.com/article/idUS1")
    assert article.publisher == "Reuters"


def test_unknown_site_name_is_kept_as_written():
    page = _page('<meta property="og:site_name" content="Acme Gazette">', "The mayor said the bridge would reopen.")
    assert article_from_html(page, id="p").publisher == "Acme Gazette"


def test_relative_canonical_link_is_resolved_against_the_page_url():
    page = _page('<link rel="canonical" href="/world/talks-1">', "The ministry said the talks collapsed.")
    article = article_from_html(page, id="p", url="https://www.reuters.com/world/talks-1?utm_source=x")
    assert article.url == "https://www.reuters.com/world/talks-1"


def test_date_without_time_falls_back_to_the_day():
    page = _page('<meta name="date" content="2022-03-24">', "The ministry said the talks collapsed on Thursday.")
    assert article_from_html(page, id="p").published.date().isoformat() == "2022-03-24"


def test_malformed_markup_still_gives_its_text():
    page = "<html><body><div><p>Reuters said <b>the talks <i>collapsed</p></div></table></span><p>AP agreed"
    article = article_from_html(page, id="p")
    assert "Reuters said the talks collapsed" in article.text


@pytest.mark.parametrize("page", ["<html><head><title>x</title></head><body></body></html>", "<!-- nothing -->", "   "])
def test_a_page_without_text_is_refused(page):
    with pytest.raises(InputError, match="^p: (no article text found in the page|empty file)$"):
        article_from_html(page, id="p")


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
        "<html><body><p>The ministry said &leak; the talks collapsed.</p></body></html>"
    )
    article = article_from_html(page.encode(), id="p")
    assert "TOP-SECRET-VALUE" not in article.text
    assert "the talks collapsed" in article.text


def test_legacy_charset_declared_in_the_page(tmp_path):
    page = _page('<meta charset="windows-1252">', "The minister\u2019s na\u00efve plan was \u201cshelved\u201d.")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    (article,), failures = read_articles([path])
    assert failures == []
    assert "The minister\u2019s na\u00efve plan was \u201cshelved\u201d." in article.text


def test_html_is_sniffed_when_the_name_says_nothing(tmp_path):
    path = tmp_path / "saved-page"
    path.write_text(_page("<title>Talks</title>", "The ministry said the talks collapsed."))
    (article,), _ = read_articles([path])
    assert article.text == "The ministry said the talks collapsed."


def test_publisher_for_url():
    assert publisher_for_url("https://www.urdupoint.com/en/world/x.html") == "UrduPoint"
    assert publisher_for_url("https://unknown.example/") is None
    assert publisher_for_url(None) is None
