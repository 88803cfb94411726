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


# Letters in a script the article's language is not written in, and runs in any Latin-script language.
SCRIPT_AND_OTHER_LANGUAGES = [
    pytest.param(
        "The governor said the bridge over the Amur would reopen, according to the regional "
        "news site Амурская правда.",
        "en",
        "MTQ602",
        "Амурская правда",
        Severity.WARNING,
        id="en-cyrillic-name-of-outlet",
    ),
    pytest.param(
        "Police said the suspect fled on a motorcycle after the attack in 佐賀市 on Sunday.",
        "en",
        "MTQ602",
        "佐賀市",
        Severity.WARNING,
        id="en-kanji-place-name",
    ),
    pytest.param(
        "The shop sells its sweets online - ニュース",
        "en",
        "MTQ602",
        "ニュース",
        Severity.WARNING,
        id="en-katakana-tail",
    ),
    pytest.param(
        "The ministry confirmed the figures. Министерство обороны сообщило об этом в понедельник.",
        "en",
        "MTQ601",
        "Министерство обороны сообщило об этом в понедельник.",
        Severity.WARNING,
        id="en-russian-sentence",
    ),
    pytest.param(
        "Opposition leader Alexei Navalny (Алексей Навальный) was detained at the airport.",
        "en",
        "MTQ602",
        "Алексей Навальный",
        Severity.INFO,
        id="en-original-spelling-in-parentheses",
    ),
    pytest.param(
        "Le conseil s'est réuni lundi : la commune a décidé que die Straße bis Ende Mai gesperrt "
        "bleibt, a précisé le maire.",
        "fr",
        "MTQ602",
        "die Straße bis Ende Mai gesperrt bleibt",
        Severity.WARNING,
        id="fr-german-tail",
    ),
    pytest.param(
        "Le maire a pris la parole. Die Regierung hat am Montag beschlossen, die Maßnahmen bis "
        "Ende Juni zu verlängern. Le texte sera publié mardi.",
        "fr",
        "MTQ601",
        "Die Regierung hat am Montag beschlossen, die Maßnahmen bis Ende Juni zu verlängern.",
        Severity.WARNING,
        id="fr-german-sentence",
    ),
    pytest.param(
        "The mayor said the festival, el mejor de todos los años según los vecinos, would return in May.",
        "en",
        "MTQ602",
        "el mejor de todos los años según los vecinos",
        Severity.WARNING,
        id="en-spanish-run",
    ),
    pytest.param(
        "De minister zei dat het kabinet de maatregelen verlengt tot eind mei, aldus de krant.",
        "fr",
        "MTQ601",
        "De minister zei dat het kabinet de maatregelen verlengt tot eind mei, aldus de krant.",
        Severity.WARNING,
        id="fr-dutch-sentence",
    ),
]


@pytest.mark.parametrize("text, lang, code, span, severity", SCRIPT_AND_OTHER_LANGUAGES)
def test_script_and_other_languages(text, lang, code, span, severity):
    findings = run_rule("MTQ601", text, lang) + run_rule("MTQ602", text, lang)
    assert [(f.code, f.text, f.severity) for f in findings] == [(code, span, severity)]


SCRIPT_CLEAN = [
    pytest.param(
        "According to WНO data, 55 million people live with dementia.",
        "en",
        id="en-look-alike-letter-inside-a-word",
    ),  # a garbled word (MTQ801), not a left-over
    pytest.param("The award's website, https://премия.рф/, lists the winners.", "en", id="en-cyrillic-url"),
    pytest.param("Protesters used the hashtag #нетвойне on Sunday.", "en", id="en-cyrillic-hashtag"),
    pytest.param(
        "The α-synuclein protein and the β coefficient rose by 3 µg and 2 Ω.", "en", id="en-greek-symbols"
    ),
    pytest.param("The yen fell to ¥150 and the rouble to 90 ₽ against the dollar.", "en", id="en-currency"),
    pytest.param(
        "Путин заявил, что переговоры с Joe Biden и NATO продолжатся в Genève.",
        "ru",
        id="ru-latin-names-in-russian",
    ),
    pytest.param("東京の Apple Store は月曜日に再開した。", "ja", id="ja-latin-brand-in-japanese"),
    pytest.param(
        "Selon le chercheur de la Stiftung Wissenschaft und Politik, l'UE n'a pas résolu le conflit.",
        "fr",
        id="fr-german-institution-name",
    ),
    pytest.param(
        "La Deutsche Bahn a annoncé une grève ; la Bundeswehr et die Linke ont réagi.",
        "fr",
        id="fr-german-names",
    ),
    pytest.param(
        "The kindergarten teachers praised the Realpolitik of the tsar and the Bundesliga in the oblast.",
        "en",
        id="en-loanwords",
    ),
    pytest.param(
        "Son album « Für Frauen ist das kein Problem » a atteint la deuxième place.",
        "fr",
        id="fr-quoted-german-title",  # reported as info at most
    ),
    pytest.param(
        "The pasta al dente and a cappuccino cost 12 euros in Rome.", "en", id="en-italian-loanwords"
    ),
]


@pytest.mark.parametrize("text, lang", SCRIPT_CLEAN)
def test_script_and_other_languages_clean(text, lang):
    findings = run_rule("MTQ601", text, lang) + run_rule("MTQ602", text, lang)
    assert [(f.code, f.text) for f in findings if f.severity >= Severity.WARNING] == []


def test_source_language_names_the_script():
    import dataclasses

    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.io import article_from_text
    from mtqa.rules import BY_CODE

    doc = article_from_text("Officials in Kyiv quoted the agency Укрінформ on Monday.", "<test>", "en")
    doc = dataclasses.replace(doc, src_lang="uk")
    findings = list(check([doc], (BY_CODE["MTQ602"],), Config(lang="en")).findings)
    assert [(f.code, f.text) for f in findings] == [("MTQ602", "Укрінформ")]
    assert "Ukrainian" in findings[0].message


def test_script_spans_slice_the_text():
    text = "He cited Диалог.иа and 中央日報 in a long report: " + "word " * 2000 + "Конец."
    findings = run_rule("MTQ602", text, "en")
    assert [f.text for f in findings] == ["Диалог.иа", "中央日報", "Конец"]
    assert all(text[f.start : f.end] == f.text for f in findings)
