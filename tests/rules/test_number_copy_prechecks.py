"""The exact pre-checks of MTQ901 and MTQ611: each shortcut gives the answer of the full path."""

from __future__ import annotations

import pytest

from mtqa.rules.copied_source import _in_a_row
from mtqa.rules.number_mismatch import _unmatched
from mtqa.text.numbers import Number, extract_numbers, may_hold_hard_number
from tests.rules.source_helpers import run_source_rule

NO_DIGIT = [
    pytest.param("Les deux cents militants et une dizaine de civils.", "fr", id="fr-written"),
    pytest.param("Twenty-five people and three thousand troops.", "en", id="en-written"),
    pytest.param("Au XXIe siècle, Louis XIV et le Ier arrondissement.", "fr", id="roman"),
    pytest.param("三十人と二千円、一方で同一。", "ja", id="kanji"),
]


@pytest.mark.parametrize("text, lang", NO_DIGIT)
def test_a_text_without_a_digit_holds_only_soft_numbers(text, lang):
    numbers = extract_numbers(text, lang)
    assert numbers, "the example must hold numbers for the test to mean something"
    assert not may_hold_hard_number(text)
    assert all(n.soft for n in numbers)


@pytest.mark.parametrize(
    "text", ["le 3e jour", "à 18h30", "13万人", "1・5メートル", "٣ أيام", "COVID-19 en 2020"]
)
def test_a_text_with_a_digit_may_hold_hard_numbers(text):
    assert may_hold_hard_number(text)


def _unmatched_matching_soft_too(wanted: list[Number], offered: list[Number]) -> list[Number]:
    """The full path: every number of `wanted`, soft ones last, claims its counterpart."""
    free, left = list(offered), []
    for n in sorted(wanted, key=lambda n: n.soft):
        match = next((o for o in free if n.matches(o) and not o.soft), None)
        match = match or next((o for o in free if n.matches(o)), None)
        if match is None:
            if not n.soft:
                left.append(n)
        else:
            free.remove(match)
    return left


@pytest.mark.parametrize(
    "wanted, offered",
    [
        (
            "Les 12 soldats, cinq civils et deux cents blessés, 40 morts.",
            "12 soldiers, five civilians, 200 dead.",
        ),
        ("cinq ans et 5 mois", "five years and five months"),
        ("deux ou 2, puis 3", "2 and three"),
        ("un seul, 1 fois", "once, one time"),
    ],
)
def test_soft_numbers_need_not_claim_counterparts(wanted, offered):
    w, o = list(extract_numbers(wanted, "fr")), list(extract_numbers(offered, "en"))
    assert any(n.soft for n in w) and o
    assert _unmatched(w, o) == _unmatched_matching_soft_too(w, o)


def _streak(tokens: list[str], shared, count: int) -> bool:
    streak = 0
    for t in tokens:
        streak = streak + 1 if shared(t) else 0
        if streak >= count:
            return True
    return False


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4])
@pytest.mark.parametrize(
    "tokens", [[], ["a"], ["a", "b", "x", "c", "d", "e"], ["x", "a", "b", "c", "d"], ["x", "y"]]
)
def test_in_a_row_agrees_with_a_streak_count(tokens, count):
    shared = {"a", "b", "c", "d", "e"}.__contains__
    assert _in_a_row(tokens, shared, count) == _streak(tokens, shared, count)


def test_a_run_of_codes_and_names_is_not_a_copy():
    # the run is long, but holds no ordinary source-language word: the source-word bound skips it
    found = run_source_rule(
        "MTQ611",
        "Le modèle Mister Twister XK 500 Pro a plus de puissance.",
        "The Mister Twister XK 500 Pro model has more power.",
        "fr",
    )
    assert found == []


def test_a_run_with_source_words_is_still_a_copy():
    found = run_source_rule(
        "MTQ611",
        "Le modèle XK 500 has more power than the old one, dit-il.",
        "The XK 500 model has more power than the old one, he said.",
        "fr",
    )
    assert [f.text for f in found] == ["has more power than the old one"]
