"""The shortcuts of mtqa.text.numbers agree with the full readings they stand for."""

from __future__ import annotations

import pytest

from mtqa.text import number_forms
from mtqa.text.numbers import _EAST_ASIAN_MARKS, _WORD, _lowered_words, extract_numbers

TEXTS = [
    "ΟΔΟΣ ΑΣ'Α δύο İKİ ÇOK one ONE Twenty-Five and three",
    "Straße GROSS ß ǅemal ﬁve Ⅻ",
    "deux  et trois, quatre-vingts et un",
    "",
    "1,5 Millionen Menschen am 18.30 Uhr",
]


@pytest.mark.parametrize("text", TEXTS)
def test_lowered_words_are_each_word_lowered(text):
    assert _lowered_words(text) == [m.group().lower() for m in _WORD.finditer(text)]


@pytest.mark.parametrize(
    "text", ["13万人", "4億5000万円", "1・5メートル", "12 000 people, 1.5 m", "18時30分に約40万軒"]
)
def test_east_asian_counts_need_their_marks(text):
    # the pre-check skips the reader for texts without a mark: such a text yields nothing from it
    plain = "".join(c for c in text if c not in _EAST_ASIAN_MARKS)
    assert list(number_forms.east_asian_counts(plain)) == []
    assert list(number_forms.east_asian_counts(text)) != [] or _EAST_ASIAN_MARKS.isdisjoint(text)


def test_written_numbers_join_only_across_an_adjacent_connector():
    # "et" right after a number word carries the run on; one further away ends it
    joined = extract_numbers("deux et trois, quatre-vingts et un", "fr")
    apart = extract_numbers("deux  et trois, quatre-vingts et un", "fr")
    assert [(n.text, sorted(n.values)) for n in joined][0] == ("deux et trois", [5.0])
    assert [(n.text, sorted(n.values)) for n in apart][:2] == [("deux", [2.0]), ("trois", [3.0])]
