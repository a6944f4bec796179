"""find_copies end to end: each kind of copy, direction, credit, no false matches, determinism."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest
from rapidfuzz import fuzz

from provenance.model import Article, Span
from provenance.settings import Settings
from provenance.syndication import SyndicationResult, find_copies
from provenance.syndication.blocks import normalize

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "syndication"
WIRE_TEXT = (FIXTURES / "wire-dam-inspection.txt").read_text(encoding="utf-8")
LOCAL_TEXT = (FIXTURES / "local-dam-meeting.txt").read_text(encoding="utf-8")
FEATURE_TEXT = (FIXTURES / "feature-river-towns.txt").read_text(encoding="utf-8")
FOOTER = (FIXTURES / "footer.txt").read_text(encoding="utf-8").strip()
MONDAY = datetime(2024, 10, 14, 9, 30, tzinfo=timezone.utc)


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def wire(**changes) -> Article:
    fields = {"id": "reuters/dam", "text": WIRE_TEXT, "publisher": "Reuters", "published": MONDAY}
    return Article(**{**fields, **changes})


def reprint(text: str, **changes) -> Article:
    fields = {
        "id": "courier/dam",
        "text": text,
        "publisher": "Valley Courier",
        "published": MONDAY + timedelta(hours=5),
        "credits": ("Reuters",),
    }
    return Article(**{**fields, **changes})


def distractors() -> list[Article]:
    """Articles on the same story in other words (the feature is used as a host for partial reuse)."""
    return [
        Article(id="gazette/dam-meeting", text=LOCAL_TEXT, publisher="Lindmoor Gazette", published=MONDAY + timedelta(days=1)),
    ]


def wrapped_text() -> str:
    intro = "Our reporters in the valley have followed the dam story for years; here is the latest from the wire."
    return f"Home | News | Region | Weather\n\n{intro}\n\n{WIRE_TEXT}\n\n{FOOTER}\n"


def truncated_text() -> str:
    return "\n\n".join(paragraphs(WIRE_TEXT)[:5]) + "\n\nRead the full story on the Reuters website, free for subscribers.\n"


def edited_text() -> str:
    lines = paragraphs(WIRE_TEXT)
    lines[0] = "Cracks feared at ninety-year-old valley dam"
    lines[2] = lines[2].replace("told reporters", "said")
    lines[3] = lines[3].replace("two metres", "2 metres").replace("next week", "coming week")
    lines[5] = lines[5].replace("about 200,000 people", "some 200,000 residents")
    return "\n\n".join(lines)


def reordered_text() -> str:
    lines = paragraphs(WIRE_TEXT)
    return "\n\n".join([lines[0], *reversed(lines[1:])])


def partial_text() -> str:
    feature = paragraphs(FEATURE_TEXT)
    borrowed = paragraphs(WIRE_TEXT)[1:5]  # dateline to the villages: about half the wire story
    return "\n\n".join([*feature[:4], *borrowed, *feature[4:]])


COPY_KINDS = {
    "full": WIRE_TEXT,
    "wrapped": wrapped_text(),
    "truncated": truncated_text(),
    "edited": edited_text(),
    "reordered": reordered_text(),
    "partial": partial_text(),
}


def only_pair(result: SyndicationResult):
    assert len(result.pairs) == 1, [(p.original, p.copy) for p in result.pairs]
    return result.pairs[0]


@pytest.mark.parametrize("kind", sorted(COPY_KINDS))
def test_each_kind_of_copy_is_found_with_direction_and_credit(kind):
    original = wire()
    copy = reprint(COPY_KINDS[kind])
    pair = only_pair(find_copies([copy, original, *distractors()], workers=1))
    assert (pair.original, pair.copy, pair.credited) == (original.id, copy.id, True)
    assert pair.shared_original >= 0.3
    assert 0.0 < pair.confidence <= 1.0
    assert pair.reason.startswith("published 5 hours later; credits Reuters")


@pytest.mark.parametrize("kind", sorted(COPY_KINDS))
def test_passages_point_at_the_same_words_in_both_texts(kind):
    original = wire()
    copy = reprint(COPY_KINDS[kind])
    pair = only_pair(find_copies([original, copy], workers=1))
    assert pair.passages
    for passage in pair.passages:
        in_original = original.text[passage.original.start : passage.original.end]
        in_copy = copy.text[passage.copy.start : passage.copy.end]
        assert fuzz.ratio(normalize(in_original), normalize(in_copy)) >= 80


def test_shared_fractions_of_a_wrapped_copy():
    pair = only_pair(find_copies([wire(), reprint(wrapped_text())], workers=1))
    assert pair.shared_original == 1.0
    assert pair.shared_copy < 1.0  # the copy adds an intro of its own


def test_direction_by_date_when_nothing_else_tells():
    later = wire(id="a-later", publisher="Daily One", published=MONDAY + timedelta(days=1))
    earlier = wire(id="z-earlier", publisher="Daily Two", published=MONDAY)
    pair = only_pair(find_copies([later, earlier], workers=1))
    assert (pair.original, pair.copy) == ("z-earlier", "a-later")
    assert pair.reason.startswith("published a day later")
    assert not pair.credited


def test_direction_by_credit_without_dates():
    original = wire(id="z-wire", published=None)
    copy = reprint(WIRE_TEXT, id="a-copy", published=None)
    pair = only_pair(find_copies([original, copy], workers=1))
    assert (pair.original, pair.copy, pair.credited) == ("z-wire", "a-copy", True)
    assert "credits Reuters" in pair.reason


def test_credit_beats_a_contradicting_date_but_lowers_confidence():
    original = wire(id="z-wire", published=MONDAY + timedelta(hours=6))
    copy = reprint(WIRE_TEXT, id="a-copy", published=MONDAY)
    agreeing = only_pair(find_copies([wire(id="z-wire"), reprint(WIRE_TEXT, id="a-copy")], workers=1))
    pair = only_pair(find_copies([original, copy], workers=1))
    assert (pair.original, pair.copy) == ("z-wire", "a-copy")
    assert pair.confidence < agreeing.confidence


def test_direction_by_containment_for_a_wrapped_copy():
    original = wire(id="z-original", published=None, publisher=None)
    copy = reprint(wrapped_text(), id="a-wrapper", published=None, credits=())
    pair = only_pair(find_copies([original, copy], workers=1))
    assert (pair.original, pair.copy, pair.credited) == ("z-original", "a-wrapper", False)
    assert "holds all of the other's text and more of its own" in pair.reason


def test_direction_by_containment_for_a_truncated_copy():
    original = wire(id="a-original", published=None, publisher=None)
    copy = reprint(truncated_text(), id="0-truncated", published=None, credits=())
    pair = only_pair(find_copies([original, copy], workers=1))
    assert (pair.original, pair.copy) == ("a-original", "0-truncated")
    assert "(a truncation)" in pair.reason


def test_credit_through_a_wire_both_credit():
    first = Article(id="first", text=WIRE_TEXT, publisher="Daily One", published=MONDAY, credits=("AP",))
    second = Article(id="second", text=WIRE_TEXT, publisher="Daily Two", published=MONDAY + timedelta(hours=1),
                     credits=("Associated Press",))
    assert only_pair(find_copies([first, second], workers=1)).credited


def test_uncredited_copy():
    pair = only_pair(find_copies([wire(), reprint(WIRE_TEXT, credits=())], workers=1))
    assert not pair.credited
    assert "credits no one" in pair.reason


def test_reprints_of_one_wire_link_to_the_wire_not_to_each_other():
    copies = [reprint(text, id=f"copy-{kind}", published=MONDAY + timedelta(hours=n + 1))
              for n, (kind, text) in enumerate(sorted(COPY_KINDS.items())) if kind != "partial"]
    result = find_copies([wire(), *copies, *distractors()], workers=1)
    assert {(pair.original, pair.copy) for pair in result.pairs} == {("reuters/dam", copy.id) for copy in copies}
    assert result.clusters == (("reuters/dam", *sorted(copy.id for copy in copies)),)


def test_boilerplate_only_pages_do_not_match():
    def page(number: int) -> Article:
        own = f"Page {number} notice: the office is closed on public holidays and reopens the next working day."
        text = f"{own}\n\n{FOOTER}\n\n{FOOTER}"
        start = len(own) + 2
        return Article(id=f"page-{number}", text=text, boilerplate=(Span(start, len(text)),))

    assert find_copies([page(1), page(2), page(3)], workers=1).pairs == ()


def test_a_shared_unmarked_footer_does_not_make_articles_copies():
    rng = random.Random(3)
    words = sorted(set((WIRE_TEXT + LOCAL_TEXT + FEATURE_TEXT).lower().split()))
    articles = []
    for number in range(12):
        body = "\n\n".join(" ".join(rng.choices(words, k=40)) + "." for _ in range(3))
        articles.append(Article(id=f"site/{number:02d}", text=f"{body}\n\n{FOOTER}\n\n{FOOTER}"))
    settings = Settings(common_shingle_min_docs=5)
    assert find_copies(articles, settings=settings, workers=1).pairs == ()


def test_very_short_texts_never_match():
    text = "Engineers ordered emergency inspections of the Lindmoor dam on Tuesday."
    assert find_copies([Article(id="a", text=text), Article(id="b", text=text)], workers=1).pairs == ()


def test_same_topic_in_other_words_is_not_a_copy():
    feature = Article(id="courier/river-towns", text=FEATURE_TEXT)
    assert find_copies([wire(), *distractors(), feature], workers=1).pairs == ()


def test_a_copy_built_from_two_sources_links_to_both():
    feature = Article(id="courier/river-towns", text=FEATURE_TEXT, publisher="Valley Courier", published=MONDAY - timedelta(days=3))
    copy = reprint(partial_text())
    pairs = find_copies([wire(), feature, copy], workers=1).pairs
    assert [(pair.original, pair.copy) for pair in pairs] == [("courier/river-towns", copy.id), ("reuters/dam", copy.id)]


def test_min_shared_filters_partial_reuse():
    articles = [wire(), reprint(partial_text())]
    assert len(find_copies(articles, workers=1).pairs) == 1
    assert find_copies(articles, settings=Settings(min_shared=0.9), workers=1).pairs == ()


def test_same_input_gives_the_same_result_in_any_order():
    articles = [wire(), *(reprint(text, id=f"copy-{kind}") for kind, text in COPY_KINDS.items()), *distractors()]
    first = find_copies(articles, workers=1)
    shuffled = list(articles)
    random.Random(5).shuffle(shuffled)
    assert find_copies(shuffled, workers=1) == first
    assert list(first.pairs) == sorted(first.pairs, key=lambda pair: (pair.original, pair.copy))


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate article id 'reuters/dam'"):
        find_copies([wire(), wire()], workers=1)


def test_a_process_pool_gives_the_same_result_as_one_process():
    """1,000 articles are enough for find_copies to sign and verify on a pool."""
    rng = random.Random(11)
    words = sorted(set((WIRE_TEXT + LOCAL_TEXT + FEATURE_TEXT).lower().split()))
    articles = [
        Article(id=f"site/{number:04d}", text="\n\n".join(" ".join(rng.choices(words, k=30)) + "." for _ in range(3)),
                published=MONDAY + timedelta(minutes=number))
        for number in range(990)
    ]
    articles += [reprint(text, id=f"copy/{kind}") for kind, text in COPY_KINDS.items()] + [wire()]
    pooled = find_copies(articles, workers=2)
    assert pooled == find_copies(articles, workers=1)
    assert {pair.copy for pair in pooled.pairs} == {f"copy/{kind}" for kind in COPY_KINDS}
