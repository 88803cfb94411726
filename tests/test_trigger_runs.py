"""mtqa.text.trigger_runs: the segment pre-check of MTQ211 and MTQ212 clears only sentences the full
token pass finds nothing in, and the rules report the same with and without it."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from mtqa.align_units import sentences_of
from mtqa.model import Segment
from mtqa.rules import shift_vs_source
from mtqa.rules.shift_vs_source import _may_hold_person, _person_words, _possessive_numbers, _possessives
from mtqa.text.analysis import SegmentView
from mtqa.text.sentences import split_sentences
from mtqa.text.trigger_runs import clears, cut_between_runs, first_runs
from tests.rules.source_helpers import run_source_rule

_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")


def test_lowering_creates_no_letter_and_no_s():
    """What the proof in trigger_runs leans on, over all of Unicode: a character that is no letter or
    mark lowers to none, and only "S" lowers to "s"."""
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low == c:
            continue
        if not _LETTER_OR_MARK.match(c):
            assert not any(_LETTER_OR_MARK.match(x) for x in low), hex(cp)
        assert low != "s" or c == "S", hex(cp)


def test_first_runs():
    assert first_runs(["je", "j", "let's"]) == frozenset({"je", "j", "let"})
    assert first_runs(["-x"]) is None  # no letter first: no pre-check
    assert first_runs(["εσύ"]) is None  # a sigma lowers by its context


def _view(text: str, lang: str = "fr") -> SegmentView:
    return SegmentView(Segment(text, 0), lang)


def test_glued_s_is_not_cleared():
    # The runs are "smith" and "sme", neither a person word, but the token after "'s" is "me".
    text = "Smith'sme dit."
    view = _view(text, "en")
    runs = first_runs(_person_words("en"))
    assert runs.isdisjoint(view.lower_letter_runs)
    assert _may_hold_person(text, _person_words("en"))
    assert not clears(view, runs)


def test_cut_between_runs():
    assert cut_between_runs("Il part. Nous restons.", 9, 22)
    assert cut_between_runs("Il part. Nous restons.", 0, 8)
    assert not cut_between_runs("Ilnous restons.", 2, 15)  # "nous" would be a token of the slice only
    assert not cut_between_runs("Il partnous.", 0, 7)


_PIECES = [
    "je", "Je", "j'", "J’", "nous", "NOUS", "vous", "me", "m'", "mon", "son", "Sa", "ses", "leurs",
    "I", "i", "we", "We", "us", "US", "our", "let's", "Let’s", "you", "its", "his", "her", "their",
    "ministre", "pays", "s", "'s", "’s", "-", "‐", "'", "’", "\u0301", "İ", "ſ", "Σ", "3", ".", "!",
    "?", ",", " ", " ", "  ", "\n", "«", "»", '"', "(", ")", "x", "Ils", "e",
]  # fmt: skip


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cleared_segments_hold_no_word_in_any_sentence(lang):
    """Random texts glued from person words, possessives and the characters the proof turns on:
    wherever the pre-check clears a segment, the full pass finds nothing in its sentences."""
    rng = random.Random(11)
    persons, possessives = _person_words(lang), _possessives(lang)
    cleared_some = held_some = 0
    for _ in range(4000):
        text = _random_text(rng)
        view = _view(text, lang)
        sentences = sentences_of([text], [split_sentences(text)])
        for words, full in (
            (persons, lambda s: _may_hold_person(s, persons)),
            (possessives, lambda s: bool(_possessive_numbers(s, lang, 4))),
        ):
            if clears(view, first_runs(words)):
                cleared_some += 1
                for s in sentences:
                    assert cut_between_runs(text, s.start, s.end), (text, s)
                    assert not full(s.text), (text, s.text)
            elif any(full(s.text) for s in sentences):
                held_some += 1
    assert cleared_some > 500 and held_some > 500  # both paths are exercised


_DOCUMENTS = [
    (
        "HTS a déclaré que son combattant était entré dans Alep. Ses chefs ont confirmé.\n\n"
        "Le ministre a dit que nous partirons. Smith'sme dit.",
        "HTS said its fighters had entered Aleppo. Its commanders confirmed.\n\n"
        "The minister said they would leave. Smith said.",
        "fr",
    ),
    (
        "The group confirmed that its commanders had been killed, but I never did. Let’s go.\n\n"
        "Our troops withdrew.",
        "Le groupe a confirmé que son commandant avait été tué. Allons-y.\n\nLes troupes se sont retirées.",
        "en",
    ),
]


@pytest.mark.parametrize(
    "code, document",
    [
        pytest.param("MTQ211", _DOCUMENTS[0], id="MTQ211-fr"),
        pytest.param("MTQ212", _DOCUMENTS[0], id="MTQ212-fr"),
        pytest.param("MTQ211", _DOCUMENTS[1], id="MTQ211-en"),
    ],
)
def test_rules_report_the_same_without_the_pre_check(code, document, monkeypatch):
    text, source, lang = document
    shortcut = [f for f in run_source_rule(code, text, source, lang)]
    monkeypatch.setattr(shift_vs_source, "clears", lambda seg, runs: False)
    full = [f for f in run_source_rule(code, text, source, lang)]
    assert shortcut and shortcut == full
