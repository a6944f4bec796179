"""Chains from attributions: canonical names, credits, no repeated hops."""

from provenance.chains import build_chains
from provenance.model import Article, Attribution, Mention, Span

TEXT = "The Pentagon told Sputnik it was so."


def attribution(source, recipient=None, *, article_id="a"):
    return Attribution(article_id, source, "told", (Span(13, 17),), (Span(26, 35),), "it was so",
                       source_spans=(source.span,) if source else (), recipient=recipient)


PENTAGON = Mention("The Pentagon", Span(0, 12), "government", "The Pentagon")
SPUTNIK = Mention("Sputnik", Span(18, 25), "wire", "Sputnik")


def test_credited_wire_already_the_relay_is_not_repeated():
    article = Article(id="a", text=TEXT, publisher="UrduPoint.com", credits=("Sputnik",))
    (chain,) = build_chains(article, [attribution(PENTAGON, SPUTNIK)])
    assert chain.path == ("Pentagon", "Sputnik", "UrduPoint")
    assert [hop.role for hop in chain.hops] == ["origin", "relay", "publisher"]
    assert [hop.kind for hop in chain.hops] == ["government", "wire", "outlet"]


def test_credit_is_added_between_relay_and_publisher():
    article = Article(id="a", text=TEXT, publisher="UrduPoint", credits=("Sputnik",))
    post = Mention("The Washington Post", Span(0, 12), "outlet", "Washington Post")
    (chain,) = build_chains(article, [attribution(PENTAGON, post)])
    assert chain.path == ("Pentagon", "The Washington Post", "Sputnik", "UrduPoint")
    assert chain.hops[2].role == "credit"


def test_no_source_gives_no_chain():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    assert build_chains(article, [attribution(None)]) == ()


def test_source_that_is_the_publisher_appears_once():
    article = Article(id="a", text=TEXT, publisher="Reuters")
    reuters = Mention("Reuters", Span(0, 7), "wire", "Reuters")
    (chain,) = build_chains(article, [attribution(reuters)])
    assert chain.path == ("Reuters",)


def test_people_keep_their_own_name_even_if_it_matches_an_alias():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    person = Mention("Fox", Span(0, 3), "person", "Fox")
    (chain,) = build_chains(article, [attribution(person)])
    assert chain.path == ("Fox", "UrduPoint")


def test_claim_drops_the_complementizer_and_folds_lines():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    said = Attribution("a", PENTAGON, "said", (Span(13, 17),), (Span(18, 35),), "that the talks\n collapsed",
                       source_spans=(PENTAGON.span,))
    (chain,) = build_chains(article, [said])
    assert chain.claim == "the talks collapsed"


def test_an_audience_is_not_a_relay():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    reporters = Mention("reporters", Span(18, 25), "anonymous", "reporters")
    (chain,) = build_chains(article, [attribution(PENTAGON, reporters)])
    assert chain.path == ("Pentagon", "UrduPoint")


def test_an_addressee_that_is_no_outlet_is_not_a_relay():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    council = Mention("the council", Span(18, 25), "government", "Calder City Council")
    (chain,) = build_chains(article, [attribution(PENTAGON, council)])
    assert chain.path == ("Pentagon", "UrduPoint")


def test_a_body_that_cites_the_source_is_a_relay():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    ministry = Mention("the ministry", Span(18, 25), "government", "Calder Interior Ministry")
    citing = Attribution("a", PENTAGON, "citing", (Span(13, 17),), (Span(26, 35),), "it was so",
                         source_spans=(PENTAGON.span,), recipient=ministry)
    (chain,) = build_chains(article, [citing])
    assert chain.path == ("Pentagon", "Calder Interior Ministry", "UrduPoint")


def test_an_interviewer_is_a_relay():
    article = Article(id="a", text=TEXT, publisher="UrduPoint")
    host = Mention("Wolf Blitzer", Span(18, 25), "person", "Wolf Blitzer")
    (chain,) = build_chains(article, [attribution(PENTAGON, host)])
    assert chain.path == ("Pentagon", "Wolf Blitzer", "UrduPoint")


def test_an_outlets_short_form_beside_its_full_name_is_one_hop():
    article = Article(id="a", text=TEXT, publisher="Harbor Gazette")
    gazette = Mention("the Gazette", Span(18, 25), "outlet", "Gazette")
    (chain,) = build_chains(article, [attribution(PENTAGON, gazette)])
    assert chain.path == ("Pentagon", "Harbor Gazette")


def test_a_statement_reported_in_another_runs_through_the_reporter():
    text = "Sputnik reported that the Pentagon said the drills ended."
    article = Article(id="a", text=text, publisher="UrduPoint")
    sputnik = Mention("Sputnik", Span(0, 7), "wire", "Sputnik")
    pentagon = Mention("the Pentagon", Span(22, 34), "government", "the Pentagon")
    outer = Attribution("a", sputnik, "reported", (Span(8, 16),), (Span(17, 56),), text[17:56],
                        source_spans=(Span(0, 7),))
    inner = Attribution("a", pentagon, "said", (Span(35, 39),), (Span(40, 56),), "the drills ended",
                        source_spans=(Span(22, 34),), reported_in=(Span(8, 16),))
    paths = {chain.cue: chain.path for chain in build_chains(article, [outer, inner])}
    assert paths == {"reported": ("Sputnik", "UrduPoint"), "said": ("Pentagon", "Sputnik", "UrduPoint")}
    assert [hop.role for hop in build_chains(article, [inner, outer])[1].hops] == ["origin", "relay", "publisher"]


def test_a_reported_statement_whose_reporter_is_unstated_runs_straight_to_the_publisher():
    text = "It was reported that the Pentagon said the drills ended."
    article = Article(id="a", text=text, publisher="UrduPoint")
    pentagon = Mention("the Pentagon", Span(21, 33), "government", "the Pentagon")
    outer = Attribution("a", None, "was reported", (Span(3, 15),), (Span(16, 55),), text[16:55])
    inner = Attribution("a", pentagon, "said", (Span(34, 38),), (Span(39, 55),), "the drills ended",
                        source_spans=(Span(21, 33),), reported_in=(Span(3, 15),))
    (chain,) = build_chains(article, [outer, inner])
    assert chain.path == ("Pentagon", "UrduPoint")


def test_the_extractor_and_chains_give_origin_reporter_publisher():
    from provenance.chains import build_chains as chains_of
    from provenance.extract import extract_attributions

    text = "Sputnik reported on Tuesday that the Pentagon said the drills would end soon.\n"
    article = Article(id="a", text=text, publisher="UrduPoint")
    paths = sorted(chain.path for chain in chains_of(article, extract_attributions(article)))
    assert paths == [("Pentagon", "Sputnik", "UrduPoint"), ("Sputnik", "UrduPoint")]


def test_a_statement_before_a_closing_according_to_runs_straight_on():
    # "Bloomberg reports that ..., according to the Roper Center": who reports whom is unclear
    text = "Bloomberg reports that the race is close, according to the Roper Center."
    article = Article(id="a", text=text, publisher="Breitbart News")
    bloomberg = Mention("Bloomberg", Span(0, 9), "outlet", "Bloomberg")
    roper = Mention("the Roper Center", Span(55, 71), "organization", "Roper Center")
    outer = Attribution("a", roper, "according to", (Span(42, 54),), (Span(0, 40),), text[:40],
                        source_spans=(Span(55, 71),))
    inner = Attribution("a", bloomberg, "reports", (Span(10, 17),), (Span(18, 40),), text[18:40],
                        source_spans=(Span(0, 9),), reported_in=(Span(42, 54),))
    paths = {chain.cue: chain.path for chain in build_chains(article, [outer, inner])}
    assert paths["reports"] == ("Bloomberg", "Breitbart News")
