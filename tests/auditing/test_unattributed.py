"""Claims stated in the publisher's own voice in an article that otherwise attributes."""

from __future__ import annotations

import pytest

from provenance.auditing import audit
from provenance.auditing.unattributed import unattributed_sentences
from provenance.model import Article, Span

from .conftest import graph_of

ATTRIBUTED = (
    "Port Authority spokeswoman Maria Novak said the port would stay closed.\n"
    "Union leader Tomás Ferreira said members would not return to work.\n"
)


def unattributed_in(sentence: str, *, before: str = ATTRIBUTED) -> list[str]:
    text = before + sentence
    report = audit(graph_of(("a", "Harbor Gazette", text)))
    found = [finding for finding in report.findings if finding.type == "unattributed"]
    return [text[item.span.start : item.span.end] for finding in found for item in finding.evidence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new terminal will cost the city 40 million dollars to build.",
        "Three container ships have been waiting outside the breakwater since Friday.",
        "The strike has cost shipping companies more than 2 million euros a day.",
        "The summit drew 27 leaders to the city and ended without a deal.",  # "city" is no form of "cited"
    ],
)
def test_claim_in_own_voice_is_reported(sentence):
    assert unattributed_in(sentence) == [sentence]


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        pytest.param("The new terminal will cost the city 40 million dollars to build.",
                     ATTRIBUTED.splitlines()[0] + "\n", id="article-with-one-attribution"),
        pytest.param("The dockworkers gathered outside the gates in the rain and sang.", ATTRIBUTED,
                     id="no-claim-marker"),
        pytest.param("On June 3, dockworkers gathered outside the gates in the rain.", ATTRIBUTED,
                     id="a-date-is-no-marker"),
        pytest.param("The terminal will cost 40 million.", ATTRIBUTED, id="too-short"),
        pytest.param("The new terminal will cost the city 40 million dollars, officials estimated.", ATTRIBUTED,
                     id="cue-word-extractor-missed"),
        pytest.param("Bonuses for bankers were 500 dollars every three months, the Journal reports.", ATTRIBUTED,
                     id="another-form-of-a-cue"),
        pytest.param('The new terminal will cost "40 million dollars" and more to build.', ATTRIBUTED,
                     id="holds-a-quotation"),
        pytest.param("The new terminal will cost the city 40 million dollars to build", ATTRIBUTED,
                     id="no-final-stop"),
        pytest.param("It will reopen on June 10 once 12 cranes have been checked.",
                     ATTRIBUTED.rstrip("\n") + " ", id="continues-an-attributed-sentence"),
    ],
)
def test_no_unattributed(sentence, before):
    assert unattributed_in(sentence, before=before) == []


def test_boilerplate_is_skipped():
    text = "The ministry said it was so.\nThe terminal will cost the city 40 million dollars to build."
    article = Article("a", text, boilerplate=(Span(29, len(text)),))
    assert unattributed_sentences(article, [Span(0, 28)]) == []
    assert unattributed_sentences(Article("a", text), [Span(0, 28)]) == [Span(29, len(text))]


def test_finding_names_the_publisher_voice():
    sentence = "The new terminal will cost the city 40 million dollars to build."
    report = audit(graph_of(("a", "Harbor Gazette", ATTRIBUTED + sentence)))
    (finding,) = [finding for finding in report.findings if finding.type == "unattributed"]
    assert finding.claim is None
    assert finding.detail == f"stated in Harbor Gazette's own voice, with no source: \"{sentence}\""
