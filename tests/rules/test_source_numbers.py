"""MTQ901 number-mismatch, and the locale-aware number reading behind it (mtqa.text.numbers)."""

from __future__ import annotations

import pytest

from mtqa.text.numbers import extract_numbers
from tests.rules.source_helpers import run_source_rule


@pytest.mark.parametrize(
    "text, lang, values",
    [
        pytest.param("1,5 million", "fr", {1.5, 1.5e6}, id="fr-decimal-comma-with-scale"),
        pytest.param("1.5 million", "en", {1.5, 1.5e6}, id="en-decimal-point-with-scale"),
        pytest.param("1 500", "fr", {1500}, id="fr-space-thousands"),
        pytest.param("1\u202f500", "fr", {1500}, id="fr-narrow-nbsp-thousands"),
        pytest.param("1,500", "en", {1500, 1.5}, id="ambiguous-comma-keeps-both"),
        pytest.param("1,500.25", "en", {1500.25}, id="en-mixed-separators"),
        pytest.param("1.500,25", "fr", {1500.25}, id="continental-mixed-separators"),
        pytest.param("$5bn", "en", {5, 5e9}, id="bn-suffix"),
    ],
)
def test_number_values(text, lang, values):
    (n,) = [n for n in extract_numbers(text, lang) if not n.soft]
    assert set(n.values) == values


@pytest.mark.parametrize(
    "text, lang, value",
    [
        pytest.param("cinq ans", "fr", 5, id="cinq"),
        pytest.param("quatre-vingt-dix soldats", "fr", 90, id="quatre-vingt-dix"),
        pytest.param("deux cents militants", "fr", 200, id="deux-cents"),
        pytest.param("twenty-five people", "en", 25, id="twenty-five"),
        pytest.param("three thousand troops", "en", 3000, id="three-thousand"),
    ],
)
def test_written_numbers_are_soft_values(text, lang, value):
    (n,) = extract_numbers(text, lang)
    assert n.soft and set(n.values) == {value}


def test_html_character_references_are_not_numbers():
    assert [n.text for n in extract_numbers("You&#146;ve got Head&#174; 42", "en")] == ["42"]


def test_dimensions_are_two_numbers():
    assert [n.text for n in extract_numbers("the 7x50 binocular", "en")] == ["7", "50"]


FLAGGED = [
    pytest.param(
        "Au moins 300 militants ont été tués.",
        "At least 200 militants were killed.",
        "fr",
        "300",
        id="fr-changed",
    ),
    pytest.param(
        "L'accord a été signé en mars 2021.",
        "The agreement was signed in March 2020.",
        "fr",
        "2021",
        id="fr-changed-year",
    ),
    pytest.param(
        "Il a promis 15 % de hausse et 40 nouveaux postes.",
        "He promised a 15% rise.",
        "fr",
        "40",
        id="fr-added",
    ),
    pytest.param(
        "At least 300 militants were killed.",
        "Au moins 200 militants ont été tués.",
        "en",
        "300",
        id="en-changed",
    ),
    pytest.param(
        "The siege lasted years.",
        "Le siège a duré 5 ans, jusqu'en 2016.",
        "en",
        "The siege lasted years.",
        id="en-missing",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_number_mismatch_is_flagged(target, source, lang, span):
    found = run_source_rule("MTQ901", target, source, lang)
    assert span in [f.text for f in found]


CLEAN = [
    pytest.param(
        "Au cours des dernières 24 heures, au moins 200 militants ont été éliminés.",
        "Over the past 24 hours, at least 200 militants have been eliminated.",
        "fr",
        id="fr-seed-24-200",
    ),
    pytest.param(
        "Le siège d'Alep qui durait depuis près de cinq ans a été levé en décembre 2016.",
        "The nearly five-year siege of Aleppo was lifted in December 2016.",
        "fr",
        id="fr-cinq-ans",
    ),
    pytest.param(
        "Quelque 1,5 million de personnes et 1 500 soldats.",
        "Some 1.5 million people and 1,500 troops.",
        "fr",
        id="fr-locale-formats",
    ),
    pytest.param(
        "Entre 2015 et 2018, 400 km² ont été repris.",
        "Some 400 square km were retaken from 2015 to 2018.",
        "fr",
        id="fr-reordered",
    ),
    pytest.param("Sa part est passée à 12,5 %.", "Its share rose to 12.5 per cent.", "fr", id="fr-percent"),
    pytest.param(
        "Some 1,500 soldiers arrived within 24 hours.",
        "Quelque 1 500 soldats sont arrivés en 24 heures.",
        "en",
        id="en-locale-formats",
    ),
    pytest.param(
        "Two soldiers and 3 civilians died on 12 May.",
        "Deux soldats et trois civils sont morts le 12 mai.",
        "en",
        id="en-written-and-digits",
    ),
    pytest.param(
        "Patchs pour calibre .45 500 pièces.",
        "Patches for .45 caliber, 500 pack.",
        "fr",
        id="fr-adjacent-numbers-not-a-thousands-group",
    ),
    pytest.param(
        "He was born in 1970. He moved to Paris in 1990.",
        "Né en 1970, il s'installe à Paris en 1990.",
        "en",
        id="en-number-moved-across-sentences",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_correct_numbers_pass(target, source, lang):
    assert run_source_rule("MTQ901", target, source, lang) == []
