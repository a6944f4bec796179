"""Quotations, speakers and headlines around names, for pronoun resolution."""

from __future__ import annotations

import pytest

from provenance.extract.mention_lexicon import mention_lexicon
from provenance.extract.mention_speakers import SpeakerCues, at_sentence_start


def cues(text: str) -> SpeakerCues:
    return SpeakerCues(text, mention_lexicon())


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Fowler said the party was ready.", "Fowler", True),  # opens the sentence
        ("“It is time,” said Don Fowler.", "Don Fowler", True),  # after a speech verb
        ("Vettel later told CNN that the video was unclear.", "Vettel", True),  # an adverb, then the verb
        ("The crowd cheered, according to Ann Lowe.", "Ann Lowe", True),
        ("He met Ann Lowe on Monday.", "Ann Lowe", False),
        ("Crops are withering in the Marshall Islands, he noted.", "Marshall Islands", False),  # "he" speaks
        ("Gary Johnson’s doctor is calling him fit.", "Gary Johnson", False),  # a possessive
        ("It was Mr. King's show.", "King", False),  # "Mr." ends no sentence
    ],
)
def test_is_speaker(text, name, expected):
    start = text.index(name)
    assert cues(text).is_speaker(start, start + len(name)) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Armstrong Williams, a friend, said so.", "Armstrong Williams", True),
        ("Gender Equality. It matters.", "Gender Equality", False),
        ("The board met. Quill Partners announced a deal.", "Quill Partners", True),
    ],
)
def test_a_guessed_name_opening_a_sentence_needs_a_comma_or_a_speech_verb(text, name, expected):
    start = text.index(name)
    assert cues(text).is_speaker(start, start + len(name), strict=True) is expected


@pytest.mark.parametrize(
    ("text", "word", "quoted"),
    [
        ("“Ask Mr. King,” he said.", "King", True),
        ("“Ask Mr. King,” he said.", "he", False),
        ("''We're a content provider,'' Dickey said.", "content", True),
        ('"Fine," she said. "Really."', "she", False),
        ("“An open quote never closed\n\nKing said", "King", False),
    ],
)
def test_quote_around(text, word, quoted):
    assert (cues(text).quote_around(text.index(word)) is not None) is quoted


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("She has faced a number of controversies.", True),
        ("“It is time,” he said.", True),
        ("", True),
        ("In the weeks since Labor Day, Mrs. Clinton has held rallies.", False),
        ("5:45 p.m.", False),
    ],
)
def test_continues_story(paragraph, expected):
    text = "Lynch said so.\n" + paragraph + "\nShe said more."
    assert cues(text).continues_story(len("Lynch said so.\n")) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Obama Sees Tolerance on the Ballot", True),
        ("Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Comments.", True),
        ("Kerr Putney spoke to reporters on Friday.", False),
        ("Netflix.", False),
    ],
)
def test_is_title_case(line, expected):
    assert cues(line + "\nBody text follows here.").is_title_case(0) is expected


def test_at_sentence_start():
    text = "He left. Kirby said so, and he told Kirby."
    assert at_sentence_start(text, text.index("Kirby"))
    assert not at_sentence_start(text, text.rindex("Kirby"))
