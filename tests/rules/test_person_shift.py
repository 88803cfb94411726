"""MTQ201 person-shift: first/second person in third-person narration, outside quotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io.segments import read_jsonl
from mtqa.model import Severity
from mtqa.rules import BY_CODE
from tests.conftest import run_rule

DATA = Path(__file__).resolve().parent.parent / "data"

NARRATION = (
    "Les forces syriennes ont levé le siège en 2016. La Turquie a pris la responsabilité de la "
    "province en 2018. Un accord de mars 2020 visait à mettre fin aux combats. Les négociations "
    "ont repris à Astana. "
)
NARRATION_EN = (
    "Syrian forces lifted the siege in 2016. Turkey took responsibility for the province in 2018. "
    "A March 2020 deal aimed to end the fighting. Talks resumed in Astana. "
)

FLAGGED = [
    pytest.param(
        NARRATION + "Ankara a promis de séparer les groupes, mais je ne l'ai jamais fait.",
        "fr",
        "je ne l'ai jamais fait",
        Severity.WARNING,
        id="fr-je-clause",
    ),
    pytest.param(
        NARRATION + "Selon moi, la trêve est fragile.", "fr", "moi", Severity.WARNING, id="fr-selon-moi"
    ),
    pytest.param(
        NARRATION + "J'ai appris que les troupes avaient reculé.",
        "fr",
        "J'ai appris que les troupes avaient reculé",
        Severity.WARNING,
        id="fr-elided-sentence-start",
    ),
    pytest.param(
        NARRATION + "Le ministère nous a confirmé le bilan.",
        "fr",
        "nous a confirmé le bilan",
        Severity.WARNING,
        id="fr-nous",
    ),
    pytest.param(
        NARRATION_EN + "Ankara pledged to separate the groups, but I never did it.",
        "en",
        "I never did it",
        Severity.WARNING,
        id="en-i-clause",
    ),
    pytest.param(
        NARRATION_EN + "The ministry told us the toll was rising.",
        "en",
        "us",
        Severity.WARNING,
        id="en-us-object",
    ),
    pytest.param(
        NARRATION_EN + "The strikes were, in my view, a message.", "en", "my", Severity.WARNING, id="en-my"
    ),
]


@pytest.mark.parametrize("text, lang, span, severity", FLAGGED)
def test_person_in_narration_is_flagged(text, lang, span, severity):
    findings = run_rule("MTQ201", text, lang)
    assert [(f.code, f.text.replace("’", "'"), f.severity) for f in findings] == [("MTQ201", span, severity)]


def test_second_person_is_info():
    findings = run_rule("MTQ201", NARRATION + "Ce que vous devez savoir sur la trêve.", "fr")
    assert [(f.text, f.severity) for f in findings] == [("vous devez savoir sur la trêve", Severity.INFO)]


CLEAN = [
    pytest.param(NARRATION + "« Je ne l'ai jamais fait », a déclaré le ministre.", "fr", id="fr-guillemets"),
    pytest.param(NARRATION + "Le ministre a déclaré : nous partirons demain.", "fr", id="fr-after-colon"),
    pytest.param(
        NARRATION + "« Nous partirons demain, a-t-il dit. Nos troupes sont prêtes.",
        "fr",
        id="fr-unclosed-quote-runs-to-paragraph-end",
    ),
    pytest.param(
        NARRATION + "Suivez-nous sur les réseaux sociaux et abonnez-vous.", "fr", id="fr-imperative"
    ),
    pytest.param(NARRATION + "On ignore le bilan. Il se dit prêt à négocier.", "fr", id="fr-on-se"),
    pytest.param(NARRATION + "Me Dupont, l'avocat de la famille, a fait appel.", "fr", id="fr-me-title"),
    pytest.param(NARRATION + "— Je pars demain, répond le colonel.", "fr", id="fr-dialogue-dash"),
    pytest.param(NARRATION_EN + '"I never did it," the minister said.', "en", id="en-quotes"),
    pytest.param(
        NARRATION_EN + "The US said the deal held. World War I and Elizabeth I were cited.",
        "en",
        id="en-us-roman-numeral",
    ),
    pytest.param(NARRATION_EN + "A phase I trial started in March.", "en", id="en-phase-i"),
]


@pytest.mark.parametrize("text, lang", CLEAN)
def test_not_person_shift(text, lang):
    assert run_rule("MTQ201", text, lang) == []


def test_first_person_document_is_its_own_voice():
    review = (
        "J'ai acheté ce sac en mai. Je l'utilise tous les jours. La fermeture est solide. "
        "Mon fils l'emprunte souvent. Le prix est correct. Je le recommande."
    )
    assert run_rule("MTQ201", review, "fr") == []
    abstract = (
        "We report three cases of osteomyelitis. Patients were followed for a year. "
        "We found no relapse. The literature is reviewed."
    )
    assert run_rule("MTQ201", abstract, "en") == []


def test_person_kept_from_the_source_is_not_a_shift(tmp_path):
    rows = tmp_path / "rows.jsonl"
    pairs = [
        ("d", "I bought it for my son.", "Je l'ai acheté pour mon fils."),
        ("e", "The army said it never did.", "L'armée a dit que je ne l'ai jamais fait."),
    ]
    rows.write_text(
        "".join(
            json.dumps({"doc_id": d, "seg_idx": 0, "src": src, "mt": mt, "src_lang": "en", "tgt_lang": "fr"})
            + "\n"
            for d, src, mt in pairs
        ),
        encoding="utf-8",
    )
    report = check(read_jsonl(rows), (BY_CODE["MTQ201"],), Config())
    assert [(f.doc_id, f.text) for f in report.findings] == [("e", "je ne l'ai jamais fait")]


@pytest.mark.parametrize("name, lang", [("clean_news_fr.txt", "fr"), ("clean_news_en.txt", "en")])
def test_human_news_has_no_person_shift(name, lang):
    assert run_rule("MTQ201", (DATA / name).read_text(encoding="utf-8"), lang) == []
