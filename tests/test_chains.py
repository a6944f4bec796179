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
