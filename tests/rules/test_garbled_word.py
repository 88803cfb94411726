"""MTQ801 garbled-word: tokens that are no word and no name, reported only on clear evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.text import lexicon
from tests.conftest import run_rule

DATA = Path(__file__).resolve().parent.parent / "data"

FLAGGED = [
    pytest.param(
        "La puissancela du moteur a été doublée en 2021.", "fr", "puissancela", "puissance la", id="fr-glued"
    ),
    pytest.param("The device is sold withlink to the manual.", "en", "withlink", "with link", id="en-glued"),
    pytest.param(
        "Le modèle mesure trois millliimètres de plus.", "fr", "millliimètres", None, id="fr-tripled-letter"
    ),
    pytest.param("Le patient présente une lvnc sévère.", "fr", "lvnc", None, id="fr-no-vowel"),
    pytest.param("The village of Ruѕsia was shelled.", "en", "Ruѕsia", None, id="en-mixed-script"),
    pytest.param("Read more in Life佐賀Saga news.", "en", "Life佐賀Saga", None, id="en-cjk-glued-to-words"),
    pytest.param("The fire started nearthe station.", "en", "nearthe", "near the", id="en-glued-not-or"),
]


@pytest.mark.parametrize("text, lang, span, suggestion", FLAGGED)
def test_garbled_word_is_flagged(text, lang, span, suggestion):
    findings = run_rule("MTQ801", text, lang)
    assert [(f.code, f.text, f.suggestion) for f in findings] == [("MTQ801", span, suggestion)]


CLEAN = [
    pytest.param("Le revêtement antibuée de la visière a été surimprimé.", "fr", id="fr-prefix-compounds"),
    pytest.param(
        "Le colonel Ignatnouk a cité le site www.mil.ru et le compte @mod_russia #Syrie.",
        "fr",
        id="fr-names-urls-handles",
    ),
    pytest.param("La couleur cccccc et le modèle xk42b sont indiqués.", "fr", id="fr-codes"),
    pytest.param("Les recommanderions-nous ? Ils décevrons peut-être.", "fr", id="fr-rare-inflections"),
    pytest.param("The overtreated patients had haematogenous spread.", "en", id="en-technical"),
    pytest.param("NATO and the OSCE met in Brussels; Zelenskyy spoke.", "en", id="en-acronyms-names"),
    pytest.param("The magazine 週プレNEWS and NHK総合 reported it.", "en", id="en-cjk-names-with-acronyms"),
    pytest.param(
        "The drug acts as a preventor and the suggestor is unknown.", "en", id="en-agent-nouns-in-or"
    ),
    pytest.param(
        "Mail thewithlink@example.com, see puissancela.example.fr/puissancela or withlink.pdf.",
        "en",
        id="en-nonwords",
    ),
]


@pytest.mark.parametrize("text, lang", CLEAN)
def test_not_garbled(text, lang):
    assert run_rule("MTQ801", text, lang) == []


@pytest.mark.parametrize("name, lang", [("clean_news_fr.txt", "fr"), ("clean_news_en.txt", "en")])
def test_human_news_has_no_garbled_word(name, lang):
    assert run_rule("MTQ801", (DATA / name).read_text(encoding="utf-8"), lang) == []


def test_lexicon_lookup_handles_apostrophes_and_inflections():
    assert lexicon.known("aujourd’hui", "fr")
    assert lexicon.known("négociations", "fr")
    assert not lexicon.known("puissancela", "fr")


def test_one_huge_chunk_of_suspect_words_gives_one_finding_each():
    # Growth on such input is measured by bench/bench_growth.py.
    from mtqa.model import Segment
    from mtqa.rules.base import Context
    from mtqa.rules.garbled_word import check_garbled
    from mtqa.text.analysis import SegmentView

    seg = SegmentView(Segment("puissancela," * 8_000, 0), "fr")
    assert len(list(check_garbled(seg, Context("fr")))) == 8_000


def test_a_whole_word_in_another_script_is_not_garbled():
    # Cyrillic words left in English are untranslated (MTQ601/602), not damaged words with "no vowel".
    text = "The governor met residents on Monday. Он сказал, что помощь придёт завтра."
    assert run_rule("MTQ801", text, "en") == []
