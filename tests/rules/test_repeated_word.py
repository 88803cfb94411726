"""Doubled words (MTQ301, mtqa/rules/repeated_word.py)."""

from __future__ import annotations

import pytest

from mtqa.model import Category, Severity
from tests.conftest import run_rule


@pytest.mark.parametrize(
    "text, lang, expected, severity",
    [
        pytest.param("Les forces ont levé le le siège d’Alep.", "fr", "le le", Severity.ERROR, id="le-le"),
        pytest.param("Le Le groupe a attaqué.", "fr", "Le Le", None, id="sentence-start-both-capitals-skip"),
        pytest.param("Syrian forces lifted the the siege.", "en", "the the", Severity.ERROR, id="the-the"),
        pytest.param(
            "The siege of\nof Aleppo ended.", "en", "of\nof", Severity.ERROR, id="across-line-break"
        ),
        pytest.param("C’est très très grave.", "fr", "très très", Severity.INFO, id="emphatic-info"),
        pytest.param("It is very very serious.", "en", "very very", Severity.INFO, id="emphatic-info-en"),
        # a doubled word followed by a word that does not complete a fixed phrase is still a stutter
        pytest.param("They met at at the hotel.", "en", "at at", Severity.ERROR, id="at-at-the"),
        pytest.param("Il est arrivé à à Paris.", "fr", "à à", Severity.ERROR, id="a-a-paris"),
    ],
)
def test_repeated_word_flagged(text, lang, expected, severity):
    found = run_rule("MTQ301", text, lang)
    if severity is None:
        assert found == []
        return
    assert [(f.start, f.text) for f in found] == [(text.index(expected), expected)]
    assert found[0].severity is severity and found[0].category is Category.REPETITION


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("Nous nous sommes battus ; vous vous trompez.", "fr", id="reflexive"),
        pytest.param("En en parlant, il a souri.", "fr", id="gerund-en-en"),
        pytest.param("Oui, oui, vite, vite.", "fr", id="comma-between"),
        pytest.param("Le général de De Gaulle.", "fr", id="name-after-particle"),
        pytest.param("Sirhan Sirhan was convicted; he had had enough.", "en", id="name-and-had-had"),
        pytest.param("Baden-Baden accueille 20 20 visiteurs.", "fr", id="hyphen-and-digits"),
        pytest.param("Tickets were priced at at least $40.", "en", id="at-then-at-least"),
        pytest.param("Turnout stood at at most 30%, aimed at At Last.", "en", id="at-then-at-most"),
        pytest.param("La hausse s’élève à à peine 3 %.", "fr", id="a-then-a-peine"),
    ],
)
def test_repeated_word_clean(text, lang):
    assert run_rule("MTQ301", text, lang) == []


@pytest.mark.parametrize(
    "text, lang, expected, severity",
    [
        pytest.param(
            "Of those who voted voted against the plan, most lived in the north.",
            "en",
            "voted voted",
            Severity.INFO,
            id="relative-clause-then-main-verb",
        ),
        pytest.param(
            "It is a shrine that people in the know know well.",
            "en",
            "know know",
            Severity.INFO,
            id="in-the-know",
        ),
        pytest.param(
            "Ce qui compte compte double pour les électeurs.", "fr", "compte compte", Severity.INFO, id="fr"
        ),
        pytest.param(
            "The officer who saw the the convoy said it was empty.",
            "en",
            "the the",
            Severity.ERROR,
            id="article-slip-after-relative-stays-error",
        ),
        pytest.param(
            "Les rebelles rebelles ont quitté la ville mardi.",
            "fr",
            "rebelles rebelles",
            Severity.ERROR,
            id="content-word-without-clause-stays-error",
        ),
    ],
)
def test_repeated_word_across_a_clause_boundary(text, lang, expected, severity):
    found = run_rule("MTQ301", text, lang)
    assert [(f.start, f.text, f.severity) for f in found] == [(text.index(expected), expected, severity)]
