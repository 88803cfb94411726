"""A language wordfreq lacks has no word list: wordfreq's "nearest" list (English for Swahili,
Spanish for Basque) would read a text against another language's words."""

from __future__ import annotations

import pytest

from mtqa.text import foreign_words, lexicon
from mtqa.text.wordfreq_language import wordfreq_language


@pytest.mark.parametrize(("lang", "code"), [("fr", "fr"), ("ja", "ja"), ("pt-BR", "pt"), ("EN", "en")])
def test_a_language_wordfreq_has_is_its_own_list(lang, code):
    assert wordfreq_language(lang) == code


@pytest.mark.parametrize(("lang", "code"), [("hr", "sh"), ("sr", "sh"), ("bs", "sh"), ("no", "nb")])
def test_a_variant_of_one_language_takes_its_list(lang, code):
    assert wordfreq_language(lang) == code


@pytest.mark.parametrize("lang", ["sw", "eu", "gl", "af", "nn", "mt", "zu", "xx", "not a tag"])
def test_another_language_is_not_given_the_nearest_list(lang):
    assert wordfreq_language(lang) is None


def test_lexicon_and_frequent_words_of_a_language_wordfreq_lacks_are_empty():
    # before: Swahili got English's 321,180 words, so "the" was a common Swahili word
    assert not lexicon.has_lexicon("sw")
    assert lexicon.zipf("the", "sw") == 0.0
    assert not foreign_words.frequencies("eu")  # Basque is not Spanish
    assert lexicon.has_lexicon("hr") and lexicon.zipf("danas", "hr") > 3
    assert foreign_words.frequencies("fr").get("le")
