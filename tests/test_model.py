import json
from datetime import datetime

import pytest

from provenance.model import (
    Article,
    Attribution,
    Chain,
    Claim,
    CopyPair,
    Entity,
    Evidence,
    Failure,
    Finding,
    Hop,
    Mention,
    Passage,
    Span,
    stable_id,
)

MENTION = Mention("Pentagon spokesman John Kirby", Span(10, 39), "person", "John Kirby", "spokesman", "Pentagon")
ATTRIBUTION = Attribution(
    "a", MENTION, "said", (Span(41, 45),), (Span(46, 60),), "it was so", source_spans=(Span(10, 39),), quote=True
)

RECORDS = [
    Span(1, 4),
    Article(id="a", text="x" * 100, publisher="UrduPoint", published=datetime(2022, 3, 24, 20, 12),
            credits=("Sputnik",), boilerplate=(Span(50, 100),)),
    Failure("bad.txt", "binary file", 3),
    MENTION,
    ATTRIBUTION,
    Attribution("a", MENTION, "said", (Span(41, 45),), (Span(46, 60),), "it was so", reported_in=(Span(2, 10),)),
    Hop("John Kirby", "person", "origin", MENTION),
    Chain("a", (Hop("John Kirby", "person", "origin"), Hop("UrduPoint", "outlet", "publisher")), "it was so",
          "said", True, (Span(1, 2),), ATTRIBUTION),
    Entity("e1", "John Kirby", "person", ("Kirby",), ("spokesman",), ("Pentagon",), ("a",)),
    Claim("c1", "it was so", ("it was so",), ("a",), ("x",)),
    CopyPair("a", "b", True, 0.9, 0.5, (Passage(Span(0, 5), Span(3, 8)),), "published later", 0.8),
    Finding("single_origin", "c1", "one origin", (Evidence("a", Span(0, 3)),)),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_to_dict_round_trips_through_json(record):
    data = json.loads(json.dumps(record.to_dict()))
    assert type(record).from_dict(data) == record


def test_span_rejects_inverted_range():
    with pytest.raises(ValueError, match="invalid span"):
        Span(5, 2)


def test_mention_rejects_unknown_kind():
    with pytest.raises(ValueError, match="unknown kind 'alien'"):
        Mention("x", Span(0, 1), "alien", "x")


def test_chain_id_is_stable_and_content_derived():
    hops = (Hop("Reuters", "wire", "origin"),)
    first = Chain("a", hops, "claim", "said", False, (Span(0, 3),))
    again = Chain("a", hops, "claim", "said", False, (Span(0, 3),))
    other = Chain("b", hops, "claim", "said", False, (Span(0, 3),))
    assert first.id == again.id != other.id


def test_stable_id_does_not_depend_on_process_hash():
    assert stable_id("Reuters") == "c1d5204188dc895e"
