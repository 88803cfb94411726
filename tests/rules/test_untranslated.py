"""MTQ601 wrong-language-sentence and MTQ602 wrong-language-run."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.model import Severity
from tests.conftest import run_rule

DATA = Path(__file__).resolve().parent.parent / "data"

SENTENCES = [
    pytest.param(
        "Les frappes ont repris mardi. The ministry said the strikes would continue until "
        "further notice. Le bilan reste incertain.",
        "fr",
        "The ministry said the strikes would continue until further notice.",
        id="fr-english-sentence",
    ),
    pytest.param(
        "The talks resumed on Monday. Les négociations ont repris lundi dans la capitale. "
        "Officials were cautious.",
        "en",
        "Les négociations ont repris lundi dans la capitale.",
        id="en-french-sentence",
    ),
]


@pytest.mark.parametrize("text, lang, span", SENTENCES)
def test_wrong_language_sentence(text, lang, span):
    findings = run_rule("MTQ601", text, lang)
    assert [(f.code, f.text, f.severity) for f in findings] == [("MTQ601", span, Severity.WARNING)]
    assert run_rule("MTQ602", text, lang) == []  # the sentence is reported once, as a sentence


RUNS = [
    pytest.param(
        "Le fabricant affirme que le produit est built to last and easy to use, selon la notice.",
        "fr",
        "built to last and easy to use",
        Severity.WARNING,
        id="fr-english-run",
    ),
    pytest.param(
        "Le sac est livré avec une housse et the carrying strap pour le transport.",
        "fr",
        "the carrying strap",
        Severity.WARNING,
        id="fr-english-run-with-article",
    ),
    pytest.param(
        "The committee said the measure was une mesure de sécurité indispensable, according to the minister.",
        "en",
        "une mesure de sécurité",
        Severity.WARNING,
        id="en-french-run",
    ),
    pytest.param(
        "Le tapis offre un soft touch agréable.", "fr", "soft touch", Severity.INFO, id="fr-two-words-info"
    ),
    pytest.param(
        "Le slogan « built to last and easy to use » figure sur la boîte.",
        "fr",
        "built to last and easy to use",
        Severity.INFO,
        id="fr-quoted-info",
    ),
]


@pytest.mark.parametrize("text, lang, span, severity", RUNS)
def test_wrong_language_run(text, lang, span, severity):
    findings = run_rule("MTQ602", text, lang)
    assert [(f.code, f.text, f.severity) for f in findings] == [("MTQ602", span, severity)]


CLEAN = [
    pytest.param(
        "Le document important a été publié à la minute près ; l'action du ministère dans "
        "le transport est saluée.",
        "fr",
        id="fr-shared-words",
    ),
    pytest.param(
        "HTS avait déclaré à Al Jazeera, à RT et au New York Times que le week-end serait "
        "décisif pour les start-up et leur leader.",
        "fr",
        id="fr-names-and-loanwords",
    ),
    pytest.param(
        "Le président a dénoncé des fake news diffusées par le Washington Post.", "fr", id="fr-fake-news"
    ),
    pytest.param("Le film *The Last of Us* sort en mars.", "fr", id="fr-italic-title"),
    pytest.param(
        "Consultez https://www.example.com/the-best-of-the-week pour les détails.", "fr", id="fr-url"
    ),
    pytest.param(
        "The minister spoke to Le Monde and Libération about the coup d'état.", "en", id="en-french-names"
    ),
    pytest.param("The deal was a fait accompli, the ambassador said.", "en", id="en-loanword"),
]


@pytest.mark.parametrize("text, lang", CLEAN)
def test_not_untranslated(text, lang):
    assert run_rule("MTQ601", text, lang) == []
    assert run_rule("MTQ602", text, lang) == []


@pytest.mark.parametrize("name, lang", [("clean_news_fr.txt", "fr"), ("clean_news_en.txt", "en")])
def test_human_news_has_no_wrong_language(name, lang):
    text = (DATA / name).read_text(encoding="utf-8")
    assert run_rule("MTQ601", text, lang) == []
    assert run_rule("MTQ602", text, lang) == []
