"""W3C PROV: the mapping, PROV-JSON round-trips, PROV-N stays well formed."""

import re
from datetime import datetime

import prov
import pytest
from prov.model import (
    PROV,
    ProvActivity,
    ProvAgent,
    ProvAssociation,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvGeneration,
    ProvMembership,
)

from provenance.export.escape import clean_text, one_line
from provenance.export.prov import NAMESPACE_URI, to_prov_document, to_provjson, to_provn, write_provjson
from provenance.model import Article, CopyPair

PROVN_STATEMENTS = (
    "document", "endDocument", "prefix", "agent", "entity", "activity", "wasAttributedTo",
    "wasDerivedFrom", "wasAssociatedWith", "wasGeneratedBy", "hadMember",
)


def qualified(record, attribute) -> str:
    return str(record.get_attribute(attribute).pop()) if record.get_attribute(attribute) else ""


def relations(document, kind) -> set[tuple[str, str]]:
    return {tuple(str(value) for _, value in record.formal_attributes[:2]) for record in document.get_records(kind)}


def test_sources_are_agents_typed_person_or_organization(seed_graph):
    document = to_prov_document(seed_graph)
    agents = {str(agent.identifier): agent for agent in document.get_records(ProvAgent)}
    assert set(agents) == {f"provenance:source_{node}" for node in seed_graph.graph.nodes}
    assert agents["provenance:source_kirby"].get_attribute("prov:type") == {PROV["Person"]}
    assert agents["provenance:source_ap"].get_attribute("prov:type") == {PROV["Organization"]}
    assert agents["provenance:source_ap"].get_attribute("provenance:kind") == {"wire"}
    assert agents["provenance:source_kirby"].get_attribute("prov:label") == {"John Kirby"}


def test_claims_are_attributed_to_their_origins(seed_graph):
    attributed = relations(to_prov_document(seed_graph), ProvAttribution)
    assert ("provenance:claim_c1", "provenance:source_pentagon") in attributed
    assert ("provenance:claim_c2", "provenance:source_kirby") in attributed
    assert ("provenance:claim_c3", "provenance:source_official") in attributed
    assert {agent for claim, agent in attributed if claim == "provenance:claim_c2"} == {"provenance:source_kirby"}


def test_quotes_primary_sources_and_relays(seed_graph):
    document = to_prov_document(seed_graph)
    derivations = list(document.get_records(ProvDerivation))
    typed = {
        (str(record.formal_attributes[0][1]), str(record.formal_attributes[1][1]), qualified(record, "prov:type"))
        for record in derivations
    }
    quoted = {(generated, used) for generated, used, kind in typed if kind == "prov:Quotation"}
    primary = {(generated, used) for generated, used, kind in typed if kind == "prov:PrimarySource"}
    # Kirby's quote reached The Washington Post as a quotation of the claim.
    assert len(quoted) == 1 and next(iter(quoted))[1] == "provenance:claim_c2"
    assert {used for _, used in primary} == {"provenance:claim_c1", "provenance:claim_c2", "provenance:claim_c3"}
    relayed = [record for record in derivations if record.get_attribute("prov:type") == set()]
    # One derivation per claim per edge, each made by that edge's activity.
    assert len(relayed) == 1 + 2 + 1 + 1 + 1 + 1
    assert all(record.formal_attributes[2][1] is not None for record in relayed)


def test_reporting_is_an_activity_associated_with_both_ends(seed_graph):
    document = to_prov_document(seed_graph)
    activities = list(document.get_records(ProvActivity))
    assert len(activities) == seed_graph.graph.number_of_edges()
    told = next(a for a in activities if a.get_attribute("prov:label") == {"Pentagon -> Sputnik: confirmed to"})
    assert told.get_startTime() == datetime(2022, 3, 24, 20, 12)
    associated = {
        (str(record.formal_attributes[1][1]), qualified(record, "prov:role"))
        for record in document.get_records(ProvAssociation)
        if record.formal_attributes[0][1] == told.identifier
    }
    assert associated == {
        ("provenance:source_pentagon", "provenance:source"),
        ("provenance:source_sputnik", "provenance:recipient"),
    }


def test_articles_are_published_and_copies_derive_from_originals(seed_graph):
    seed_graph.articles = {"a1": Article("a1", "text", title="Pentagon confirms", url="https://urdupoint.example/a1")}
    seed_graph.publishers = {"a1": "urdupoint", "a0": "sputnik"}
    seed_graph.copies = (CopyPair("a0", "a1", True, 0.8, 0.7, (), "credited wire copy", 0.9),)
    document = to_prov_document(seed_graph)
    articles = {str(entity.identifier): entity for entity in document.get_records(ProvEntity)
                if entity.get_attribute("prov:type") == {document.valid_qualified_name("provenance:Article")}}
    assert set(articles) == {"provenance:article_a0", "provenance:article_a1", "provenance:article_a2"}
    assert articles["provenance:article_a1"].get_attribute("prov:label") == {"Pentagon confirms"}
    attributed = relations(document, ProvAttribution)
    assert ("provenance:article_a1", "provenance:source_urdupoint") in attributed
    assert ("provenance:article_a0", "provenance:source_sputnik") in attributed
    assert ("provenance:article_a1", "provenance:article_a0") in relations(document, ProvDerivation)
    generated = {article for article, _ in relations(document, ProvGeneration)}
    assert generated == {"provenance:article_a1", "provenance:article_a2"}
    members = relations(document, ProvMembership)
    assert len({member for article, member in members if article == "provenance:article_a1"}) == 2  # c1, c2
    assert len({member for article, member in members if article == "provenance:article_a2"}) == 1  # c3


@pytest.mark.parametrize("fixture", ["seed_graph", "nasty_graph"])
def test_provjson_round_trips_through_prov(fixture, request, tmp_path):
    graph = request.getfixturevalue(fixture)
    path = write_provjson(graph, tmp_path / "graph.provjson")
    back = prov.read(str(path), format="json")
    assert back == to_prov_document(graph)
    assert ProvDocument.deserialize(content=to_provjson(graph), format="json") == back
    assert back.get_registered_namespaces() and NAMESPACE_URI in {ns.uri for ns in back.get_registered_namespaces()}


def test_nasty_text_is_kept_exactly_in_provjson(nasty_graph):
    back = ProvDocument.deserialize(content=to_provjson(nasty_graph), format="json")
    labels = {label for agent in back.get_records(ProvAgent) for label in agent.get_attribute("prov:label")}
    assert labels == {one_line(data["name"]) for _, data in nasty_graph.graph.nodes(data=True)}
    values = {value for entity in back.get_records(ProvEntity) for value in entity.get_attribute("prov:value")}
    assert values == {clean_text(claim.text) for claim in nasty_graph.claims.values()}


def test_identifiers_are_safe_qualified_names(nasty_graph):
    document = to_prov_document(nasty_graph)
    for record in document.get_records():
        if record.identifier is not None:
            assert re.fullmatch(r"provenance:[A-Za-z0-9_]+", str(record.identifier)), record.identifier


def without_strings(provn: str) -> str:
    """PROV-N with its string literals (long and short) removed."""
    provn = re.sub(r'"""(?:\\.|[^\\])*?"""', '""', provn, flags=re.DOTALL)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', provn)


@pytest.mark.parametrize("fixture", ["seed_graph", "nasty_graph"])
def test_provn_is_well_formed(fixture, request):
    text = to_provn(request.getfixturevalue(fixture))
    bare = without_strings(text)
    assert '"' not in bare.replace('""', "")
    assert bare.count("(") == bare.count(")") and bare.count("[") == bare.count("]")
    for line in bare.strip().splitlines():
        statement = line.strip()
        if statement:
            assert statement.split("(")[0].split(" ")[0] in PROVN_STATEMENTS, statement
    assert text.startswith("document\n") and text.endswith("endDocument\n")


def test_prov_output_is_deterministic(seed_graph):
    assert to_provjson(seed_graph) == to_provjson(seed_graph)
    assert to_provn(seed_graph) == to_provn(seed_graph)
