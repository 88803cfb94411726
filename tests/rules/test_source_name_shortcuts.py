"""MTQ111's shortcuts (issue 11) give the answers of the paths they skip.

The sentence-initial test moved into a regex lookbehind: checked against the backward walk over
openers it replaces, written out here. Source-language words are dropped before the translation is
looked at: checked by running the rule with and without the drop on translations that render,
misspell or leave out such words.
"""

from __future__ import annotations

import pytest

import mtqa.rules.source_name_mismatch as mismatch
import mtqa.rules.source_names as names
from tests.rules.source_helpers import run_source_rule

_OPENERS = " \t\"'“‘«([—–-"


def _inside_by_walking_back(text: str) -> list[str]:
    """Capitalised words not opening a sentence, as the rule found them before the lookbehind."""
    out = []
    for m in names.CAPITALISED.finditer(text):
        i = m.start()
        while i and text[i - 1] in _OPENERS:
            i -= 1
        if i and text[i - 1] not in ".!?:…":
            out.append(m.group())
    return out


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Colonel Oleg Ignatyuk spoke.", id="text-start"),
        pytest.param("He left. Then Ignatyuk spoke.", id="after-full-stop"),
        pytest.param('He said: "Ignatyuk spoke" to Reuters.', id="colon-then-quote"),
        pytest.param("He left… (Ignatyuk) stayed with Kyiv.", id="ellipsis-then-bracket"),
        pytest.param("« Zelensky » a dit Macron — Biden aussi.", id="guillemet-at-start-dash-inside"),
        pytest.param("  — Ignatyuk [Kyiv] met O'Brien and al-Assad.", id="openers-only-before"),
        pytest.param("the US-backed Kremlin-linked group", id="hyphenated"),
        pytest.param("x\nIgnatyuk met Zelensky", id="newline-is-no-opener"),
    ],
)
def test_inside_regex_agrees_with_walking_back(text):
    assert names.CAPITALISED_INSIDE.findall(text) == _inside_by_walking_back(text)


CASES = [
    # (translation, source, target language, whether MTQ111 reports something)
    pytest.param(
        "Le colonel Oleg Ignatnouk a parlé aux journalistes et à l'armée vendredi.",
        "Colonel Oleg Ignatyuk spoke to reporters and to the Army about the attack on Friday.",
        "fr",
        True,
        id="name-misspelt-words-translated",
    ),
    pytest.param(
        "Le ministre a reçu la délégation dans la capitale vendredi.",
        "The minister and Anatoliy Krasilnikov met the delegation from the Army in the capital on Friday.",
        "fr",
        True,
        id="name-missing-words-translated",
    ),
    pytest.param(
        "Le président Bidden a parlé aux membres du Congrès des prêts de la Banque mondiale.",
        "President Biden spoke to the members of Congress about the loans of the World Bank.",
        "fr",
        False,
        id="lexicon-name-with-variant",
    ),
    pytest.param(
        "Le ministre a rencontré Poutine et Prigojine à Moscou pour parler de la guerre.",
        "The minister met Putin and Prigozhin in Moscow to talk about the war.",
        "fr",
        False,
        id="lexicon-names-established-spellings",
    ),
]


@pytest.mark.parametrize(("text", "source", "lang", "flagged"), CASES)
def test_dropping_source_words_keeps_the_findings(text, source, lang, flagged, monkeypatch):
    shortcut = [(f.code, f.start, f.end, f.message) for f in run_source_rule("MTQ111", text, source, lang)]
    full_names = mismatch.source_names

    def every_name(sentence, source_lang, drop_source_words=False):
        return full_names(sentence, source_lang, drop_source_words=False)

    monkeypatch.setattr(mismatch, "source_names", every_name)
    full = [(f.code, f.start, f.end, f.message) for f in run_source_rule("MTQ111", text, source, lang)]
    assert shortcut == full
    assert bool(full) is flagged


def test_dropping_source_words_drops_only_source_words():
    sentence = "The Army and Ignatyuk met Putin on Friday."
    dropped = mismatch.source_names(sentence, "en", drop_source_words=True)
    assert dropped == ["Ignatyuk"] and mismatch.source_names(sentence, "en") == [
        "Army",
        "Ignatyuk",
        "Putin",
        "Friday",
    ]
