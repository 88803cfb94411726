"""Exact pre-checks of MTQ553 (split tokens) and MTQ302 (repeated phrase): the fast path must give
the same answer as the plain one it replaces."""

from __future__ import annotations

import random
import re

import pytest

from mtqa.rules import repeated_phrase, typography
from mtqa.rules.repetition_words import function_words
from mtqa.text.words import bare_words
from tests.conftest import run_rule

# The French pre-check as first written: led by the head's look-behind, tried at every character.
_PLAIN_FR_PRECHECK = re.compile(
    r"(?<![^\W\d_])(?:[ldjmnstcLDJMNSTC]|[Qq]u|jusqu|lorsqu|puisqu|quoiqu|presqu) "
    r"[aeiouyhâàäéèêëîïôöûùüœæAEIOUYHÂÀÄÉÈÊËÎÏÔÖÛÙÜŒÆ]|[Aa]ujourd hui|[Ii]l ya"
)

EDGES = [
    "l a",
    "l\na",
    "3l a",
    "_l a",
    "xl a",
    "él a",
    "lu a",
    "Qu est",
    "qu il",
    "jusqu au",
    "presqu île",
    "l  a",
    " l É",
    "Aujourd hui",
    "aujourd hui",
    "Il ya",
    "il yb",
    "Aujourd huile",
    "C est",
    "lorsqu on",
    "puisqu x",
    "quoiqu Il",
    "",
    "l",
    " a",
]


def _random_texts(n: int) -> list[str]:
    """Strings dense in heads, blanks, vowels and the characters the look-behind tells apart."""
    rng = random.Random(553)
    pieces = [
        "l",
        "d",
        "qu",
        "jusqu",
        "Qu",
        "u",
        " ",
        " ",
        "a",
        "É",
        "h",
        "y",
        "x",
        "3",
        "_",
        "é",
        "\n",
        "il",
        "ujourd",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_french_split_precheck_agrees_with_the_plain_pattern():
    differ = [
        t
        for t in EDGES + _random_texts(3000)
        if bool(typography._QUICK_SPLIT["fr"](t)) != bool(_PLAIN_FR_PRECHECK.search(t))
    ]
    assert differ == []


def test_random_texts_reach_both_answers():
    # the comparison above must see texts the pre-check accepts and texts it rejects
    answers = {bool(_PLAIN_FR_PRECHECK.search(t)) for t in _random_texts(3000)}
    assert answers == {True, False}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Il a dit qu il viendrait et l armée est partie.", True),
        ("Aujourd hui, il ya du vent.", True),
        ("Les années passent et les enfants grandissent.", False),
    ],
)
def test_split_tokens_findings_unchanged_by_the_precheck(text, flagged, monkeypatch):
    fast = [(f.start, f.end, f.message) for f in run_rule("MTQ553", text, "fr")]
    monkeypatch.setitem(typography._QUICK_SPLIT, "fr", lambda _text: True)  # always the full scan
    full = [(f.start, f.end, f.message) for f in run_rule("MTQ553", text, "fr")]
    assert fast == full
    assert bool(full) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "Le chat dort, puis un chat noir mange dans la cuisine.",
        "Le ministre a parlé au ministre adjoint hier soir.",
    ],
)
def test_repeated_phrase_needs_a_periodic_run(text):
    # MTQ302 returns before reading word offsets when no stretch copies an earlier one: such a
    # text (a content word said twice, no phrase copied) indeed has no finding
    stop = function_words("fr")
    toks, _ = repeated_phrase._tokens(bare_words(text))
    assert repeated_phrase._repeats_a_content_word(toks, stop)
    assert list(repeated_phrase._periodic_runs(toks, stop)) == []
    assert run_rule("MTQ302", text, "fr") == []


def test_repeated_phrase_with_a_periodic_run_is_still_read():
    text = "Les forces syriennes ont repris la ville de Palmyre la ville de Palmyre hier."
    toks, _ = repeated_phrase._tokens(bare_words(text))
    assert list(repeated_phrase._periodic_runs(toks, function_words("fr")))
    assert [f.code for f in run_rule("MTQ302", text, "fr")] == ["MTQ302"]
