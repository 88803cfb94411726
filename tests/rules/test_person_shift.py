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
        id="fr-je-after-mais",
    ),
    pytest.param(
        NARRATION + "Le gouvernement a voté le budget en mars et j'ai ensuite lancé les travaux.",
        "fr",
        "j'ai ensuite lancé les travaux",
        id="fr-elided-je-after-et",
    ),
    pytest.param(
        NARRATION_EN + "Ankara pledged to separate the groups, but I never did it.",
        "en",
        "I never did it",
        id="en-i-after-but",
    ),
    pytest.param(
        NARRATION_EN + "The bridge is 20 meters high, and I walk across it to the platform.",
        "en",
        "I walk across it to the platform",
        id="en-i-after-and",
    ),
]


@pytest.mark.parametrize("text, lang, span", FLAGGED)
def test_person_taking_over_a_narrated_sentence_is_a_warning(text, lang, span):
    findings = run_rule("MTQ201", text, lang)
    assert [(f.code, f.text.replace("’", "'"), f.severity) for f in findings] == [
        ("MTQ201", span, Severity.WARNING)
    ]


# First person elsewhere in narration is how unmarked speech and editorial voice read in news
# (a professional translation keeps them): reported, as info only.
INFO = [
    pytest.param(
        NARRATION_EN + "The ministry promised reforms in 2019, but we never delivered them.",
        "en",
        "we never delivered them",
        id="en-plural-we-after-but-may-be-generic",
    ),
    pytest.param(NARRATION + "Selon moi, la trêve est fragile.", "fr", "moi", id="fr-selon-moi"),
    pytest.param(
        NARRATION + "J'ai appris que les troupes avaient reculé.",
        "fr",
        "J'ai appris que les troupes avaient reculé",
        id="fr-sentence-opens-with-je",
    ),
    pytest.param(
        NARRATION + "Le ministère nous a confirmé le bilan.", "fr", "nous a confirmé le bilan", id="fr-nous"
    ),
    pytest.param(NARRATION_EN + "The ministry told us the toll was rising.", "en", "us", id="en-us-object"),
    pytest.param(NARRATION_EN + "The strikes were, in my view, a message.", "en", "my", id="en-my"),
]


@pytest.mark.parametrize("text, lang, span", INFO)
def test_other_first_person_in_narration_is_info(text, lang, span):
    findings = run_rule("MTQ201", text, lang)
    assert [(f.code, f.text.replace("’", "'"), f.severity) for f in findings] == [
        ("MTQ201", span, Severity.INFO)
    ]


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
    pytest.param(
        NARRATION + "Le budget a été voté, mais nous restons prudents, a déclaré le maire.",
        "fr",
        id="fr-attributed-after-comma",
    ),
    pytest.param(
        NARRATION + "La réforme est prête et nous la présenterons lundi », explique-t-elle.",
        "fr",
        id="fr-attributed-inverted-after-closing-mark",
    ),
    pytest.param(NARRATION_EN + '"I never did it," the minister said.', "en", id="en-quotes"),
    pytest.param(
        NARRATION_EN + "The plan is ready and we will present it on Monday, the mayor said.",
        "en",
        id="en-attributed-after-comma",
    ),
    pytest.param(
        NARRATION_EN + 'The talks failed, but "we will try again, and I am sure we will succeed".',
        "en",
        id="en-nested-in-quotes",
    ),
    pytest.param(
        NARRATION_EN + "The US said the deal held. World War I and Elizabeth I were cited.",
        "en",
        id="en-us-roman-numeral",
    ),
    pytest.param(NARRATION_EN + "A phase I trial started in March.", "en", id="en-phase-i"),
    pytest.param(
        NARRATION_EN + "The head of the N. I. Pirogov Center, Anna Petrova, spoke and the talks ended.",
        "en",
        id="en-initials",
    ),
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
        ("e", "The army promised it, but never did.", "L'armée l'a promis, mais je ne l'ai jamais fait."),
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


def rows_document(tmp_path, texts: list[str], lang: str = "fr"):
    path = tmp_path / "rows.jsonl"
    path.write_text(
        "".join(
            json.dumps({"doc_id": "d", "seg_idx": i, "mt": t, "tgt_lang": lang}) + "\n"
            for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    return list(check(read_jsonl(path), (BY_CODE["MTQ201"],), Config()).findings)


def test_quotation_over_several_rows_is_speech(tmp_path):
    rows = [
        "Le patron de l'entreprise a publié une photo de sa vaccination sur le réseau.",
        "« Des rumeurs disaient que je n'étais pas vacciné.",
        "Ma femme et moi avons pourtant reçu trois doses, et nous recommandons le rappel.",
        "Tout le monde devrait le faire », a écrit le patron vendredi.",
    ]
    assert rows_document(tmp_path, rows) == []


def test_closing_mark_without_opener_makes_the_rows_before_it_speech(tmp_path):
    rows = [
        "La capitaine de l'équipe a commenté la défaite après le match de dimanche soir.",
        "Le tournoi a été difficile, mais nous avons appris beaucoup.",
        "Il faut maintenant oublier ce match », a-t-elle déclaré.",
        "L'équipe rentre lundi, mais je ne l'ai jamais su.",
    ]
    findings = rows_document(tmp_path, rows)
    assert [(f.segment_index, f.text, f.severity) for f in findings] == [
        (3, "je ne l'ai jamais su", Severity.WARNING)
    ]


def test_speech_after_a_colon_ending_the_previous_row(tmp_path):
    rows = [
        "Le ministre de la Santé a résumé la situation devant les députés :",
        "La vague arrive et nous devons agir vite.",
    ]
    assert rows_document(tmp_path, rows) == []


def test_attribution_in_the_next_row(tmp_path):
    rows = [
        "With the shortage of cars, prices went up and I think they will keep rising,",
        "says the analyst at the bank.",
    ]
    assert rows_document(tmp_path, rows, "en") == []


def _with_sources(tmp_path, pairs, src_lang, lang="en"):
    path = tmp_path / "rows.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {"doc_id": "d", "seg_idx": i, "src": src, "mt": mt, "src_lang": src_lang, "tgt_lang": lang}
            )
            + "\n"
            for i, (src, mt) in enumerate(pairs)
        ),
        encoding="utf-8",
    )
    return list(check(read_jsonl(path), (BY_CODE["MTQ201"],), Config()).findings)


def test_source_in_another_language_using_first_person_silences_it(tmp_path):
    pairs = [
        (
            "Die Regierung hat den Plan im März vorgelegt, aber wir haben ihn nie umgesetzt.",
            "The government presented the plan in March, but we never implemented it.",
        )
    ]
    assert _with_sources(tmp_path, pairs, "de") == []


def test_source_that_drops_subject_pronouns_makes_it_info(tmp_path):
    # Russian drops "I": the source may well speak in the first person without any pronoun.
    pairs = [
        (
            "Правительство представило план в марте, но так его и не выполнил.",
            "The government presented the plan in March, but I never implemented it.",
        )
    ]
    found = _with_sources(tmp_path, pairs, "ru")
    assert [(f.text, f.severity) for f in found] == [("I never implemented it", Severity.INFO)]


def test_third_person_source_keeps_the_warning(tmp_path):
    pairs = [
        (
            "Die Regierung hat den Plan im März vorgelegt, ihn aber nie umgesetzt.",
            "The government presented the plan in March, but I never implemented it.",
        )
    ]
    found = _with_sources(tmp_path, pairs, "de")
    assert [(f.text, f.severity) for f in found] == [("I never implemented it", Severity.WARNING)]
