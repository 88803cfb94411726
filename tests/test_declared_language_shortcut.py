"""Verifying a declared source language (mtqa.text.lang.contradicts) without the full detector when
the declaration's own words carry it: names and brands do not count against the declared language,
a text in another language still goes to the full detector."""

from __future__ import annotations

import pytest

from mtqa.text import lang
from tests.test_lang_precheck import AFRIKAANS, CATALAN, DANISH

# Invented brands: too many capitalised non-words for the common-word share over all words.
PRODUCT = (
    "Zorvex Kaltrim Outdoor Series Trekmaster Vendalo Pack with Quixell Frame and Brantova Straps. "
    "The pack is light and strong, and it holds everything you need for a long day on the trail. "
    "Two side pockets keep your water close, and the padded back stays cool in the summer heat. "
    "Available in Granvik Blue, Tessora Red and Olvent Black from Marduke Gear."
)


@pytest.fixture
def no_full_detector(monkeypatch):
    def refuse(_text):
        raise AssertionError("the full detector was consulted")

    monkeypatch.setattr(lang, "identify_confidences", refuse)


def test_a_text_full_of_brands_fails_the_older_shortcuts():
    assert lang.clear_language(PRODUCT) is None
    assert lang.likely(PRODUCT) is None


def test_a_text_full_of_brands_keeps_its_declared_language_without_the_full_detector(no_full_detector):
    assert lang._declared_stands(PRODUCT, "en")
    assert lang.contradicts(PRODUCT, "en") is None


def test_the_full_detector_agrees_on_the_text_full_of_brands():
    assert lang.detector_contradicts(PRODUCT, "en") is None


@pytest.mark.parametrize(
    ("text", "declared"),
    [(AFRIKAANS, "nl"), (CATALAN, "es"), (CATALAN, "pt"), (DANISH, "de"), (DANISH, "en"), (PRODUCT, "fr")],
)
def test_another_language_does_not_stand_for_the_declared_one(text, declared):
    assert not lang._declared_stands(text, declared)


def test_a_declared_language_outside_the_small_detector_never_takes_the_shortcut():
    assert not lang._declared_stands(DANISH, "da")


def test_danish_declared_as_english_is_still_contradicted():
    assert lang.contradicts(DANISH + " " + DANISH, "en") == "da"
