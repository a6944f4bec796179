"""The steps of copy detection on their own: blocks, signatures, candidates, alignment, direction, sources."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from provenance.model import Article, CopyPair, Passage, Span
from provenance.settings import Settings
from provenance.syndication import copy_clusters, find_candidates, orient, select_sources, verify_pair
from provenance.syndication.align import Alignment
from provenance.syndication.blocks import article_blocks, article_shingles
from provenance.syndication.minhash import band_keys, candidate_pairs, common_shingles, lsh_params, sign_blocks

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "syndication"
WIRE_TEXT = (FIXTURES / "wire-dam-inspection.txt").read_text(encoding="utf-8")
LOCAL_TEXT = (FIXTURES / "local-dam-meeting.txt").read_text(encoding="utf-8")
MONDAY = datetime(2024, 10, 14, 9, 30, tzinfo=timezone.utc)


# --- blocks


def test_blocks_skip_boilerplate_and_join_short_lines():
    text = "Dam checks\n\nEngineers ordered checks on the dam on Tuesday after a seep.\n\nRelated: more news here"
    footer = text.index("Related")
    blocks = article_blocks(Article(id="a", text=text, boilerplate=(Span(footer, len(text)),)))
    assert [block.text for block in blocks] == ["dam checks engineers ordered checks on the dam on tuesday after a seep"]
    assert text[blocks[0].span.start : blocks[0].span.end].startswith("Dam checks")


def test_a_long_paragraph_is_cut_at_sentence_ends():
    sentence = "The engineers checked every metre of the eastern wall again today."
    text = " ".join([sentence] * 30)
    blocks = article_blocks(Article(id="a", text=text), settings=Settings(block_words=40))
    assert len(blocks) > 1
    pieces = [text[block.span.start : block.span.end] for block in blocks]
    assert all(piece.startswith("The engineers") and piece.endswith("again today") for piece in pieces)


def test_shingles_do_not_depend_on_the_process():
    """Word hashes come from hashlib: another interpreter with another hash seed agrees."""
    code = (
        "from provenance.model import Article;"
        "from provenance.syndication.blocks import article_blocks, article_shingles;"
        f"print(int(article_shingles(article_blocks(Article(id='a', text={WIRE_TEXT!r})), shingle_size=5)[0].sum()))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=Path(__file__).resolve().parents[2]).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    here = int(article_shingles(article_blocks(Article(id="a", text=WIRE_TEXT)), shingle_size=5)[0].sum())
    assert runs == {f"{here}\n"}


# --- signatures and candidates


def test_signatures_match_for_the_same_block_and_differ_for_another():
    blocks = article_blocks(Article(id="a", text=WIRE_TEXT))
    shingles, starts = article_shingles(blocks + blocks[:1], shingle_size=5)
    signatures = sign_blocks(shingles, starts)
    assert (signatures[0] == signatures[-1]).all()
    assert (signatures[0] != signatures[1]).mean() > 0.9


def test_a_batch_is_signed_as_its_articles_would_be_one_by_one():
    """Shingling, stock filtering and signing a whole batch at once never mixes articles."""
    from provenance.syndication import _init_worker, _sign_batch

    footer = "Read more stories like this one on our website every single day of the week."
    articles = [
        Article(id="wire", text=WIRE_TEXT),
        Article(id="short", text="Too short to count."),
        Article(id="local", text=LOCAL_TEXT + "\n\n" + footer),
        Article(id="footer-only", text=footer),
    ]
    common = np.unique(article_shingles(article_blocks(Article(id="f", text=footer)), shingle_size=5)[0])
    _init_worker(articles, Settings())
    keys, docs, tables = _sign_batch(0, len(articles), common)
    assert sorted(tables) == [0, 2]  # too few words, or nothing but stock text: never signed
    assert len(tables[2][2]) == 1 and tables[2][2][0] == len(tables[2][0]) - 1  # the footer is stock
    for index in range(len(articles)):
        alone_keys, _, alone_tables = _sign_batch(index, index + 1, common)
        assert (keys[docs == index] == alone_keys).all() and len(keys[docs == index]) == len(alone_keys)
        assert sorted(alone_tables) == ([index] if index in tables else [])
        for batch_part, alone_part in zip(tables.get(index, ()), alone_tables.get(index, ())):
            assert (batch_part == alone_part).all()


def test_lsh_params_follow_the_threshold():
    assert lsh_params(0.5, 64) == (16, 4)
    bands, rows = lsh_params(0.8, 64)
    assert rows > 4
    with pytest.raises(ValueError, match="lsh threshold must be in"):
        lsh_params(1.0, 64)


def test_band_keys_are_the_same_for_equal_signatures():
    signatures = np.array([[1] * 64, [1] * 64, [2] * 64], dtype=np.uint32)
    keys = band_keys(signatures)
    assert (keys[0] == keys[1]).all() and not (keys[0] == keys[2]).any()


def test_common_shingles_use_the_share_and_the_floor():
    sets = [np.array([n, 7], dtype=np.uint64) for n in range(100)]
    assert common_shingles(sets, total_docs=100, settings=Settings(common_shingle_min_docs=10)).tolist() == [7]
    assert common_shingles(sets, total_docs=100, settings=Settings(common_shingle_min_docs=200)).tolist() == []


def test_a_big_bucket_links_members_to_its_earliest_few_only():
    keys = np.full(10, 42, dtype=np.uint64)
    pairs, hits = candidate_pairs(keys, np.arange(10), np.arange(10), settings=Settings(bucket_leaders=2))
    assert len(pairs) == 9 + 8  # everyone to doc 0, the rest to doc 1
    assert {tuple(pair) for pair in pairs.tolist()} >= {(0, 9), (1, 9), (0, 1)}
    assert (2, 3) not in {tuple(pair) for pair in pairs.tolist()}


def test_candidates_are_texts_sharing_paragraphs():
    wire = Article(id="wire", text=WIRE_TEXT)
    local = Article(id="local", text=LOCAL_TEXT)
    lines = [line for line in WIRE_TEXT.split("\n") if line.strip()]
    excerpt = Article(id="excerpt", text=LOCAL_TEXT + "\n\n" + "\n\n".join(lines[2:4]))
    assert find_candidates([wire, local, excerpt]) == (("excerpt", "local"), ("excerpt", "wire"))


# --- verification


def test_verify_pair_aligns_reordered_paragraphs():
    lines = [line for line in WIRE_TEXT.split("\n") if line.strip()]
    copy = Article(id="copy", text="\n\n".join([lines[0], *reversed(lines[1:])]))
    found = verify_pair(Article(id="wire", text=WIRE_TEXT), copy)
    assert (found.shared_first, found.shared_second) == (1.0, 1.0)
    assert len(found.passages) >= 5
    for passage in found.passages:
        assert WIRE_TEXT[passage.original.start : passage.original.end] == copy.text[passage.copy.start : passage.copy.end]


def test_verify_pair_joins_a_paragraph_split_in_two():
    lines = [line for line in WIRE_TEXT.split("\n") if line.strip()]
    first_sentence, rest = lines[2].split(", but ", 1)
    copy = Article(id="copy", text="\n\n".join([*lines[:2], first_sentence + ".", "But " + rest, *lines[3:]]))
    found = verify_pair(Article(id="wire", text=WIRE_TEXT), copy)
    assert found.shared_first == 1.0


def test_verify_pair_of_different_texts_shares_nothing():
    found = verify_pair(Article(id="wire", text=WIRE_TEXT), Article(id="local", text=LOCAL_TEXT))
    assert (found.shared_first, found.shared_second, found.passages) == (0.0, 0.0, ())


# --- direction


def article(name: str, *, hours: float | None = None, publisher: str | None = None, credits=()) -> Article:
    published = MONDAY + timedelta(hours=hours) if hours is not None else None
    return Article(id=name, text="", publisher=publisher, published=published, credits=tuple(credits))


SAME = Alignment(1.0, 1.0, ())


@pytest.mark.parametrize(
    ("first", "second", "alignment", "expected"),
    [
        (article("a", hours=5), article("b", hours=0), SAME, ("b", "a", "published 5 hours later")),
        (article("a", publisher="AP"), article("b", credits=["Associated Press"]), SAME, ("a", "b", "credits Associated Press")),
        (article("a", credits=["Reuters"]), article("b", publisher="Reuters"), SAME, ("b", "a", "credits Reuters")),
        (article("a"), article("b"), Alignment(0.6, 1.0, (), 0, 0, 0, 0), ("b", "a", "holds all of the other's text")),
        (article("a"), article("b"), Alignment(0.6, 0.9, (), 0, 0, 0, 10, 150, 100), ("a", "b", "(a truncation)")),
        (article("a"), article("b"), Alignment(0.6, 0.9, (), 40, 0, 0, 10, 150, 100), ("a", "b", "direction unknown")),
        (article("a"), article("b", hours=0), SAME, ("b", "a", "only the copy is undated")),
        (article("b"), article("a"), Alignment(0.5, 0.52, ()), ("a", "b", "direction unknown")),
    ],
)
def test_orient(first, second, alignment, expected):
    pair = orient(first, second, alignment)
    original, copy, phrase = expected
    assert (pair.original, pair.copy) == (original, copy)
    assert phrase in pair.reason


def test_orient_swaps_the_passages_with_the_direction():
    passage = Passage(Span(0, 10), Span(20, 30))
    pair = orient(article("late", hours=9), article("early", hours=1), Alignment(0.9, 0.8, (passage,)))
    assert (pair.original, pair.shared_original, pair.shared_copy) == ("early", 0.8, 0.9)
    assert pair.passages == (Passage(Span(20, 30), Span(0, 10)),)


def test_a_stronger_signal_that_disagrees_lowers_the_confidence():
    agreeing = orient(article("a", hours=0, publisher="Reuters"), article("b", hours=3, credits=["Reuters"]), SAME)
    disagreeing = orient(article("a", hours=3, publisher="Reuters"), article("b", hours=0, credits=["Reuters"]), SAME)
    assert (disagreeing.original, disagreeing.copy) == ("a", "b")
    assert disagreeing.confidence < agreeing.confidence


# --- sources and stories


def pair(original: str, copy: str, shared_copy: float, span: tuple[int, int] = (0, 100)) -> CopyPair:
    return CopyPair(original, copy, False, 1.0, shared_copy, (Passage(Span(*span), Span(*span)),), "", 0.9)


def test_select_sources_drops_a_reprint_of_a_reprint_link():
    published = {"wire": MONDAY, "first": MONDAY + timedelta(hours=1), "second": MONDAY + timedelta(hours=2)}
    pairs = [pair("wire", "first", 1.0), pair("wire", "second", 0.95), pair("first", "second", 1.0)]
    kept = select_sources(pairs, published=published)
    assert [(p.original, p.copy) for p in kept] == [("wire", "first"), ("wire", "second")]


def test_select_sources_keeps_a_second_source_for_other_passages():
    pairs = [pair("a", "c", 0.5, (0, 100)), pair("b", "c", 0.4, (200, 300))]
    assert [(p.original, p.copy) for p in select_sources(pairs)] == [("a", "c"), ("b", "c")]


def test_copy_clusters_put_the_root_first():
    pairs = [pair("wire", "b", 1.0), pair("wire", "a", 1.0), pair("x", "y", 1.0)]
    assert copy_clusters(pairs) == (("wire", "a", "b"), ("x", "y"))


def test_build_graph_turns_a_copy_into_a_republished_edge():
    from provenance.graph import build_graph
    from provenance.pipeline import trace_article
    from provenance.syndication import find_copies

    wire = Article(id="wire", text=WIRE_TEXT, publisher="Reuters", published=MONDAY)
    copy = Article(id="copy", text=WIRE_TEXT, publisher="BBC", published=MONDAY + timedelta(hours=2), credits=("Reuters",))
    copies = find_copies([wire, copy], workers=1).pairs
    graph = build_graph([trace_article(wire), trace_article(copy)], copies=copies)
    names = graph.entities
    republished = [(names[u].name, names[v].name, data["credited"])
                   for u, v, key, data in graph.graph.edges(keys=True, data=True) if key == "republished"]
    assert republished == [("Reuters", "BBC", True)]
