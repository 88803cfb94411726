"""The shortcuts of the aligner and of MTQ111 (issue 11) give what the long way gives: each test has a
case the shortcut lets through and one just past its limit."""

from __future__ import annotations

import pytest

from mtqa.align import title_case
from mtqa.align_units import sentences_of
from mtqa.rules.source_names import source_names
from mtqa.text.name_keys import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("Erdoğan", "erdogan", id="diacritics-only"),
        pytest.param("Paris", "paris", id="ascii"),
        pytest.param("Łódź Straße Ærø Œuvre", "lodz strasse aero oeuvre", id="letters-without-decomposition"),
        pytest.param("é" * 500 + "ß", "e" * 500 + "ss", id="extra-letter-last"),
    ],
)
def test_fold_reads_the_extra_letters_wherever_they_are(text, folded):
    assert fold(text) == folded


def test_a_paragraph_without_a_glued_boundary_keeps_its_sentences():
    assert [s.text for s in sentences_of(["It works well. The blade is sharp."])] == [
        "It works well.",
        "The blade is sharp.",
    ]


def test_a_glued_boundary_in_the_last_sentence_is_still_split():
    units = sentences_of(["It works well. The blade is sharp.It cuts."])
    assert [s.text for s in units] == ["It works well.", "The blade is sharp.", "It cuts."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Door Knob Wall Lamp Desk", True, id="five-long-capitalised"),
        pytest.param("Door Knob Wall Lamp", False, id="four-long-words-too-few"),
        pytest.param("The Big Red Car Was Here Last Week", False, id="short-words-not-counted"),
        pytest.param("Door Knob Wall Lamp Desk Sofa Bed1Chair table", True, id="seven-of-eight"),
        pytest.param("Door Knob Wall Lamp Desk Sofa chair table", False, id="six-of-eight-at-threshold"),
    ],
)
def test_title_case_counts_words_of_four_letters_or_more(text, expected):
    assert title_case(text) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("He met Ignatyuk today.", ["Ignatyuk"], id="ascii"),
        pytest.param("He met Müller today.", ["Müller"], id="latin-diacritics"),
        pytest.param("He met Margrafです today.", ["Margraf"], id="spaceless-particle"),
        pytest.param("The Kremlin-linked group met.", ["Kremlin"], id="hyphen-lower-part"),
        pytest.param("The Ould-Abdallah report.", ["Ould-Abdallah"], id="hyphen-two-names"),
    ],
)
def test_source_names_split_only_what_needs_splitting(text, names):
    assert source_names(text, "en") == names
