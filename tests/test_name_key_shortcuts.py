"""The shortcuts in name keys and skeletons (issue 11) give the answers of the slow paths they skip.

Each shortcut is checked on a case it lets through and on one just past its limit, against the
plain definition written out here (regex substitutions, per-word folding).
"""

from __future__ import annotations

import unicodedata

import pytest
import regex

from mtqa.align import name_key
from mtqa.rules.source_name_mismatch import _folded_words
from mtqa.text.name_keys import fold, skeleton, skeletons, translit_key


def _slow_fold(name: str) -> str:
    lowered = name.lower().translate(str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "æ": "ae"}))
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("ZELENSKY", id="ascii-fast-path"),
        pytest.param("Erdoğan", id="diacritic"),
        pytest.param("Straße", id="special-letter-then-ascii"),
        pytest.param("Søren", id="special-letter"),
    ],
)
def test_fold_fast_path_agrees_with_nfkd(word):
    assert fold(word) == _slow_fold(word)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Ignattyuk", "Ignatyuk", True, id="doubled-letter-written-once"),
        pytest.param("Mohammed", "Mohamed", True, id="doubled-m"),
        pytest.param("Abbas", "Abas", True, id="doubled-b"),
        pytest.param("Iran", "Irak", False, id="different-letter-kept"),
        pytest.param("Anna", "Ana", True, id="run-at-the-end"),
    ],
)
def test_translit_key_undoubles_runs(a, b, same):
    assert (translit_key(a) == translit_key(b)) is same


def test_translit_key_collapses_every_run_as_the_regex_did():
    key = translit_key.__wrapped__("Aaabbbccca")
    assert key == regex.sub(r"(.)\1+", r"\1", key)
    assert "aa" not in translit_key.__wrapped__("Saaaad") and "bb" not in translit_key.__wrapped__("Ebbbo")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("Bezbach", "bsbk", id="final-ch-is-velar"),
        pytest.param("Bezbachs", "bsbs", id="ch-not-final-is-sibilant"),
        pytest.param("Dhabi", "db", id="initial-dh-is-d"),
        pytest.param("Abudhabi", "bdkb", id="dh-not-initial"),
        pytest.param("Ignatyuk", "kntk", id="plain"),
        pytest.param("Ignattyuk", "kntk", id="doubled-consonant"),
    ],
)
def test_skeleton_shortcuts(word, expected):
    assert skeleton(word) == expected


def test_skeleton_keeps_only_its_letters():
    # every character outside b d f k l m n p r s t goes, punctuation and digits included
    assert skeleton("Ab-c'd 9e!f") == "bkdf"


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        pytest.param("Kowalski", 1, id="no-ck-nor-j-one-reading"),
        pytest.param("Jablonski", 2, id="j-two-readings"),
        pytest.param("Morawiecki", 2, id="ck-two-readings"),
    ],
)
def test_skeletons_second_reading_only_where_it_differs(word, readings):
    folded = fold(word)
    assert skeletons(word) == {skeleton(folded), skeleton(folded.replace("ck", "tsk").replace("j", "y"))}
    assert len(skeletons(word)) == readings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Kremlin said Ignatyuk spoke.", id="ascii-lowered-once"),
        pytest.param("Erdoğan met Søren in Zürich.", id="non-ascii-word-by-word"),
        pytest.param("Apple™ sells phones", id="nfkd-letters-from-a-symbol"),
    ],
)
def test_source_words_match_folding_each_word(text):
    per_word = {fold(w) for w in regex.findall(r"[\p{L}\p{M}]+", text)}
    assert _folded_words(text) == per_word


def test_folding_a_symbol_would_join_words():
    # why non-ASCII text is split before folding: NFKD turns ™ into letters
    assert "appleTM" in fold("Apple™ sells")
    assert _folded_words("Apple™ sells") == {"apple", "sells"}


def test_name_key_cached_answers_stay_per_word():
    assert name_key("Зеленский") == name_key("Zelensky") == "wzele"
    assert name_key("Erdoğan") == name_key("Erdogan") != name_key("Ernst")
