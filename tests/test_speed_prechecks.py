"""The cheap pre-checks that spare per-token work (issue 11) answer as the full reading does: each
is tested on a case it must let through and on one just past its boundary."""

from __future__ import annotations

import math

import pytest

from mtqa.rules.copied_source import _copied_run
from mtqa.rules.shift_vs_source import _may_hold_person, _person_words, _possessive_numbers
from mtqa.text.numbers import Number, extract_numbers, number_forms
from mtqa.text.persons import voices


def _number(*values: float) -> Number:
    return Number(0, 1, "x", frozenset(values))


@pytest.mark.parametrize(
    "a, b, expected",
    [
        pytest.param((2016.0,), (2016.0,), True, id="equal"),
        pytest.param((1.5, 1500.0), (1500.0,), True, id="one-shared-value"),
        # past the set test: close but not equal still matches, through the tolerance
        pytest.param((0.1 + 0.2,), (0.3,), True, id="close-not-equal"),
        pytest.param((5.0,), (6.0,), False, id="apart"),
        # a shared infinite value (a digit run of 309 digits or more) is no match: inf - inf is nan
        pytest.param((math.inf,), (math.inf,), False, id="shared-infinity"),
    ],
)
def test_number_matches(a, b, expected):
    assert _number(*a).matches(_number(*b)) is expected
    assert _number(*b).matches(_number(*a)) is expected


def test_number_matches_infinity_beside_a_close_value():
    assert _number(math.inf, 7.0).matches(_number(math.inf, 7.0))


def test_times_are_read_where_a_digit_is():
    (time,) = extract_numbers("La réunion commence à 18h30 précises.", "fr")
    assert time.text == "18h30" and number_forms.clock(18, 30) in time.values


def test_roman_numerals_are_read_without_any_digit():
    # the digit pre-check skips times and counts only: a Roman numeral needs no digit
    (king,) = extract_numbers("Louis XIV est mort à Versailles.", "fr")
    assert king.text == "XIV" and king.values == frozenset({14.0}) and king.soft


def test_counts_are_read_where_a_digit_is():
    (count,) = extract_numbers("人口は13万人です。", "ja")
    assert 130000.0 in count.values


@pytest.mark.parametrize(
    "target, expected",
    [
        pytest.param("a b c d e".split(), (0, 4), id="run-of-five"),
        pytest.param("x a b c d".split(), (1, 4), id="run-of-four"),
        pytest.param("a b c x e".split(), None, id="streak-of-three"),
        # four target tokens occur in the source, but never four in a row there
        pytest.param("a x b y c z d".split(), None, id="shared-but-apart"),
        pytest.param("d c b a".split(), None, id="in-a-row-but-reversed"),
    ],
)
def test_copied_run(target, expected):
    assert _copied_run("q a b c d e".split(), target, 4) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param("Nous partirons demain.", "fr", {"1"}, id="fr-nous"),
        pytest.param("Le ministre est parti.", "fr", set(), id="fr-none"),
        pytest.param("We’re leaving, you know.", "en", {"1", "2"}, id="en-curly-apostrophe"),
        pytest.param("Können Sie das bestätigen?", "de", {"2"}, id="de-formal-mid-sentence"),
        pytest.param("Sie hat das bestätigt.", "de", set(), id="de-sie-sentence-initial"),
    ],
)
def test_voices(text, lang, expected):
    assert voices(text, lang) == frozenset(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Nous l’avons dit hier.", True, id="nous"),
        pytest.param("Le ministre l’a dit hier.", False, id="none"),
        pytest.param("NOUS l’avons dit.", True, id="any-case"),
    ],
)
def test_may_hold_person(text, expected):
    assert _may_hold_person(text, _person_words("fr")) is expected


def test_possessives_read_after_the_person_scan_of_the_same_sentence():
    # MTQ211 and MTQ212 share one lower-cased scan per sentence: the second reader gets its own answer
    text = "Ses enfants ont vu leur père."
    assert not _may_hold_person(text, _person_words("fr"))
    assert [n for _, _, n in _possessive_numbers(text, "fr", 4)]
    assert _possessive_numbers("Le ministre est parti.", "fr", 4) == []


def _view(text: str):
    from mtqa.io import article_from_text
    from mtqa.text.analysis import DocumentView

    return DocumentView(article_from_text(text, "<test>", "fr"), "fr")


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Le pont ouvre en mai.\n\nElles seront gratuites.", True, id="in-a-later-paragraph"),
        pytest.param("Le maire a dit qu'il partirait.", True, id="after-an-elision"),
        pytest.param("Le maire a dit qu’elle partirait.", True, id="after-a-curly-elision"),
        pytest.param("ILS ont voté.", True, id="any-case"),
        # inside words only: the model reads no pronoun, so the rules need not build it
        pytest.param("La ville de Lille célèbre celles qui filent.", False, id="inside-words-only"),
    ],
)
def test_may_hold_pronouns(text, expected):
    from mtqa.text.antecedents import may_hold_pronouns

    assert may_hold_pronouns(_view(text)) is expected


def test_pronoun_found_in_the_last_paragraph_only():
    from tests.conftest import run_rule

    text = "Les nouveaux ponts ouvrent en mai.\n\nElles seront gratuites pour les cyclistes."
    assert [f.text for f in run_rule("MTQ221", text, "fr")] == ["Elles"]


def test_role_gender_builds_the_model_for_a_document_without_pronouns():
    # MTQ221 skips this document (no pronoun); MTQ223 still reads the title, with MTQ221 run first
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.io import article_from_text
    from mtqa.rules import BY_CODE

    doc = article_from_text("M. Dupont, la nouvelle directrice de l'école, a reçu les parents.", "<t>", "fr")
    rules = (BY_CODE["MTQ221"], BY_CODE["MTQ223"])
    findings = check([doc], rules, Config(lang="fr")).findings
    assert [(f.code, f.text) for f in findings] == [("MTQ223", "directrice")]


@pytest.mark.parametrize(
    "target, expected",
    [
        pytest.param(
            "Le groupe a dit qu'il had taken control of la zone.", ["had taken control of"], id="four"
        ),
        # one word short of min_run (4): the substring pre-check and the full reading agree
        pytest.param("Le groupe a dit qu'il had taken control de la zone.", [], id="three"),
    ],
)
def test_copied_run_of_min_run_tokens(target, expected):
    from tests.rules.source_helpers import run_source_rule

    source = "The group said it had taken control of the area."
    assert [f.text for f in run_source_rule("MTQ611", target, source, "fr", "en")] == expected


def test_unmatched_prefers_a_digit_counterpart_in_one_pass():
    from mtqa.rules.number_mismatch import _unmatched

    five = Number(0, 1, "5", frozenset({5.0}))
    five_hundred = Number(2, 5, "500", frozenset({500.0}))
    written = Number(0, 4, "cinq", frozenset({5.0}), soft=True)
    either = Number(0, 3, "5.0", frozenset({5.0, 500.0}))
    # "5" claims the digit number though the written one comes first: "500" is then left over
    assert _unmatched([five, five_hundred], [written, either]) == [five_hundred]
    # with no digit counterpart, the written one answers
    assert _unmatched([five], [written]) == []
    assert _unmatched([five], []) == [five]
