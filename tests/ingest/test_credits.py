"""Credits in the forms news uses, anchored to datelines and lines of their own."""

from __future__ import annotations

import pytest

from provenance.ingest.credits import canonical_source, credit_forms, credit_names, find_credit_lines
from provenance.ingest.lines import iter_lines
from provenance.ingest.text import article_from_text

HEAD = "Talks collapse\n\n"
BODY = "The ministry said on Thursday that the talks would resume next week after a pause of several days."


def credits_of(text: str, **options) -> tuple[str, ...]:
    return article_from_text(text, id="a", **options).credits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No publisher is known here, so UrduPoint counts as a credit too.
        (f"WASHINGTON (UrduPoint News / Sputnik - 24th March, 2022) {BODY}", ("UrduPoint", "Sputnik")),
        (f"WASHINGTON (AP) \u2014 {BODY}", ("Associated Press",)),
        (f"LONDON (Reuters) - {BODY}", ("Reuters",)),
        (f"(CNN) \u2014 {BODY}", ("CNN",)),
        (f"(CNN){BODY}", ("CNN",)),
        (f"Dec 29 (Reuters) - {BODY}", ("Reuters",)),
        (f"Beirut (AFP) \u2013 {BODY}", ("Agence France-Presse",)),
        (f"{BODY}\n\n\u2014 Agence France-Presse", ("Agence France-Presse",)),
        (f"{BODY}\n\n-- AFP", ("Agence France-Presse",)),
        (f"{BODY}\n\n(AFP)", ("Agence France-Presse",)),
        (f"{BODY}\n\nAFP", ("Agence France-Presse",)),
        (f"{BODY}\n\nSource: Xinhua", ("Xinhua",)),
        (f"{BODY}\n\nSources: Reuters, AFP", ("Reuters", "Agence France-Presse")),
        (f"{BODY}\n\nvia The Hill", ("The Hill",)),
        (f"{BODY}\n\n(via TheHill.com)", ("The Hill",)),
        (f"{BODY}\n\nh/t: Breitbart", ("Breitbart News",)),
        (f"{BODY}\n\n[H/T Mother Jones]", ("Mother Jones",)),
        (f"{BODY}\n\nThis article originally appeared in The Guardian.", ("The Guardian",)),
        (f"{BODY}\n\nThis story was originally published by ProPublica and is republished with permission.",
         ("ProPublica",)),
        (f"{BODY}\n\nThis article is republished from The Conversation under a Creative Commons license.",
         ("The Conversation",)),
        (f"{BODY}\n\nOriginally published at TheHill.com", ("The Hill",)),
        (f"{BODY}\n\nRepublished with permission from the Acme Gazette.", ("Acme Gazette",)),
        (f"{BODY}\n\nCourtesy of Kyodo News", ("Kyodo News",)),
        (f"{BODY}\n\nThe Associated Press and Reuters contributed to this report.",
         ("Associated Press", "Reuters")),
        (f"{BODY}\n\n(With inputs from PTI)", ("Press Trust of India",)),
        (f"{BODY}\n\nAdditional reporting by Agence France-Presse", ("Agence France-Presse",)),
        (f"{BODY}\n\n(Reporting by Idrees Ali; Editing by Leslie Adler)", ()),
        (f"LONDON (Reuters) - {BODY}\n\n(Reporting by Idrees Ali; Editing by Leslie Adler)", ("Reuters",)),
        (f"{BODY}\n\n(Reporting by Reuters; Writing by Jane Doe)", ("Reuters",)),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_credit_forms(text, expected):
    assert credits_of(HEAD + text + "\n") == expected


@pytest.mark.parametrize(
    "text",
    [
        f"A source told the Associated Press that the talks would go on. {BODY}",
        f"{BODY} Officials spoke to Reuters (Reuters) on Friday.",
        f"{BODY}\n\nThe minister said he read about it via The Hill and in several other papers last week.",
        f"{BODY}\n\n\u2014 Jane Doe, Pentagon spokeswoman",
        f"{BODY}\n\nHandout/Reuters.\n\n{BODY}",
        f"{BODY}\n\nASSOCIATED PRESS\n\n{BODY}",
        f"{BODY}\n\nSource: NATO.",
        f"{BODY}\n\nReuters said the talks collapsed.",
        f"{BODY}\n\nWith the war dragging on, diplomats see few options.",
        f"Washington (AP) says {BODY}",
    ],
    ids=["told-the-ap", "inline-bracket", "via-in-sentence", "quote-sign-off", "photo-credit",
         "caption-credit", "source-not-an-outlet", "wire-in-sentence",
         "with-in-sentence", "lowercase-place"],
)
def test_credits_must_be_anchored(text):
    assert credits_of(HEAD + text + "\n") == ()


def test_credits_keep_order_of_appearance_without_duplicates_or_publisher():
    text = (
        "UrduPoint.com\n\nTalks resume\n\n"
        f"WASHINGTON (UrduPoint News / Sputnik / AP - 24th March, 2022) {BODY}\n\n"
        "Source: Sputnik\n\n\u2014 The Associated Press\n\nvia Reuters\n"
    )
    assert credits_of(text) == ("Sputnik", "Associated Press", "Reuters")


def test_publisher_given_as_alias_is_not_credited():
    assert credits_of(f"{HEAD}LONDON (Reuters) - {BODY}\n", publisher="reuters.com") == ()


@pytest.mark.parametrize(
    ("words", "options", "expected"),
    [
        ("UrduPoint News / Sputnik - 24th March, 2022", {}, ["UrduPoint", "Sputnik"]),
        ("AP", {}, ["Associated Press"]),
        ("APP", {"accepts": "agency"}, ["Associated Press of Pakistan"]),
        ("IRNA", {"accepts": "agency"}, ["IRNA"]),
        ("Acme Daily Star", {"accepts": "agency"}, ["Acme Daily Star"]),
        ("Jane Doe", {"accepts": "agency"}, []),
        ("Jane Doe", {"accepts": "name"}, ["Jane Doe"]),
        ("CNN", {"accepts": "wire"}, []),
        ("AFP", {"accepts": "wire"}, ["Agence France-Presse"]),
        ("Channel 4 News", {"accepts": "agency"}, ["Channel 4 News"]),
        ("The Times of India and is republished", {"take": "first"}, ["The Times of India"]),
        ("a source told the AP", {}, []),
        ("", {}, []),
    ],
)
def test_credit_names(words, options, expected):
    assert credit_names(words, **options) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("UrduPoint.com", "UrduPoint"), ("AFP", "Agence France-Presse"), ("https://www.reuters.com/x", "Reuters"),
     ("The\u00a0Daily Courier", "The Daily Courier")],
)
def test_canonical_source(name, expected):
    assert canonical_source(name) == expected


def test_every_credit_form_matches_its_own_example():
    examples = {
        "closing sign-off": "\u2014 AFP",
        "closing sign-off in brackets": "(AFP)",
        "closing wire name": "AFP",
        "contributed to this report": "AFP contributed to this report.",
        "courtesy of": "Courtesy of AFP",
        "hat tip": "h/t AFP",
        "originally published": "Originally published by AFP.",
        "reporting by": "Additional reporting by AFP",
        "republished from": "Reprinted with permission from AFP.",
        "source line": "Source: AFP",
        "this article appeared": "This article first appeared on AFP.",
        "via": "via AFP",
        "with agencies": "(With AFP)",
    }
    assert sorted(examples) == sorted(form.name for form in credit_forms())
    for name, line in examples.items():
        form = next(form for form in credit_forms() if form.name == name)
        assert form.pattern.fullmatch(line), name
        found = [credit for _, credit in find_credit_lines(iter_lines(line), where="tail")]
        assert found[:1] == ["Agence France-Presse"], name
