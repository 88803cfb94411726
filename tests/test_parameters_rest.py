"""The parameters of MTQ211, MTQ212, MTQ503, MTQ611, MTQ901 and MTQ902 are read from the engine's
parameter values, not from module constants: an override changes the verdict on the same text."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import article_from_text
from mtqa.rules import BY_CODE
from tests.rules.source_helpers import run_source_rule


def _verdicts(code: str, text: str, source: str | None, params: dict | None, lang: str = "fr", src_lang=None):
    """(text, severity) of each finding of one rule, with `params` as the rule's configured values."""
    options = {"parameters": {code: params}} if params else {}
    if source is None:
        config = Config(lang=lang, options=options)
        found = check([article_from_text(text, "<t>", lang)], (BY_CODE[code],), config).findings
    else:
        found = run_source_rule(code, text, source, lang, src_lang, options=options)
    return [(f.text, str(f.severity)) for f in found]


@pytest.mark.parametrize(
    "code, text, source, src_lang, params, before, after",
    [
        pytest.param(
            "MTQ901",
            "Le train roule à 200 miles à l'heure.",
            "Der Zug fährt 320 Kilometer pro Stunde.",
            "de",
            {"unit_tolerance": 0.001},
            [],
            [("200", "warning")],
            id="MTQ901-unit-tolerance",
        ),
        pytest.param(
            "MTQ901",
            "L'accord a été signé en 2021.",
            "The agreement was signed this year.",
            None,
            {"year_max": 2000},
            [("2021", "info")],
            [("2021", "warning")],
            id="MTQ901-year-range",
        ),
        pytest.param(
            "MTQ211",
            "Comme nous l'a confirmé un porte-parole, la base a fermé.",
            "As a spokesman confirmed, the base closed.",
            None,
            {"newsroom_gap_after": 0},
            [("nous", "info")],
            [("nous", "warning")],
            id="MTQ211-newsroom-gap",
        ),
        pytest.param(
            "MTQ212",
            "Le pays a dit que son gaz était parti.",
            "The country said its gas had left.",
            None,
            {"plural_min_letters": 3},
            [],
            [("son gaz", "warning")],
            id="MTQ212-plural-min-letters",
        ),
        pytest.param(
            "MTQ611",
            "Le ministre a dit: the government will not negotiate with them today.",
            "The minister said: the government will not negotiate with them today.",
            None,
            {"source_word_zipf": 8.0},
            [("Le ministre a dit: the government will not negotiate with them today.", "warning")],
            [],
            id="MTQ611-source-word-zipf",
        ),
        pytest.param(
            "MTQ611",
            "Le ministre a dit: the government will not negotiate with them today.",
            "The minister said: the government will not negotiate with them today.",
            None,
            {"source_word_margin": 9.0},
            [("Le ministre a dit: the government will not negotiate with them today.", "warning")],
            [],
            id="MTQ611-source-word-margin",
        ),
        pytest.param(
            "MTQ503",
            "Le ministre a condamné les attaques. « rebelles modérés ».",
            None,
            None,
            {"stranded_max_chars": 5},
            [("« rebelles modérés »", "warning")],
            [],
            id="MTQ503-stranded-max-chars",
        ),
        pytest.param(
            "MTQ902",
            "Le contrat vaut 45.000 euros.",
            None,
            None,
            {"dot_thousands": False},
            [("45.000", "info")],
            [],
            id="MTQ902-dot-thousands",
        ),
    ],
)
def test_an_override_changes_the_verdict(code, text, source, src_lang, params, before, after):
    assert _verdicts(code, text, source, None, src_lang=src_lang) == before
    assert _verdicts(code, text, source, params, src_lang=src_lang) == after
