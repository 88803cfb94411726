"""MTQ221 pronoun-antecedent-gender and the antecedent model behind it (mtqa/text/antecedents.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.model import Document, Segment
from mtqa.text.analysis import DocumentView
from mtqa.text.antecedents import antecedents_of
from tests.conftest import run_rule

ROOT = Path(__file__).resolve().parents[2]

FLAGGED = [
    pytest.param(
        "Les nouveaux ponts ouvrent en mai sur la Loire. Elles seront gratuites pour les cyclistes.",
        "Elles",
        "Ils",
        id="plural-noun-gender-from-adjective",
    ),
    pytest.param(
        "Mme Merkel a quitté la chancellerie en 2021 après seize ans. Il a été remplacé en décembre.",
        "Il",
        "Elle",
        id="titled-woman-then-il",
    ),
    pytest.param(
        "Angela Merkel a reçu le prix à Berlin. Il a salué le travail des bénévoles.",
        "Il",
        "Elle",
        id="first-name-gender",
    ),
    pytest.param(
        "Le nouveau stade de la ville a coûté 80 millions d'euros. Elle accueillera les finales de la coupe.",
        "Elle",
        "Il",
        id="masculine-noun-then-elle",
    ),
    pytest.param(
        "La championne olympique Mariama Jamanka a remporté la course samedi. Il a devancé deux Américaines.",
        "Il",
        "Elle",
        id="name-takes-the-role-noun-gender",
    ),
    pytest.param(
        "L'éruption a duré 85 jours sur l'île de La Palma. Il a détruit plus de 1 300 maisons.",
        "Il",
        "Elle",
        id="elided-noun-gender-from-the-lexicon",
    ),
    pytest.param(
        "Les six passagers ont atterri au Texas. Selon Blue Origin, elles ont volé pendant dix minutes.",
        "elles",
        "ils",
        id="numeral-after-the-determiner-and-fronted-preposition",
    ),
    pytest.param(
        "Une délégation américaine est également sur place à Vienne, mais il ne joue qu'un rôle indirect.",
        "il",
        "elle",
        id="sole-candidate-across-a-clause-break",
    ),
    pytest.param(
        "Michael Strahan a également exprimé son enthousiasme. "
        "Elle aimerait retourner dans l'espace, a déclaré l'animateur.",
        "Elle",
        "Il",
        id="pronoun-opening-words-attributed-to-the-speaker",
    ),
    pytest.param(
        "Max Verstappen a signé chez Red Bull à 17 ans. Le contrat court jusqu'en 2023. "
        "À 21 ans, elle laisse derrière lui Valtteri Bottas.",
        "elle",
        "il",
        id="orphan-pronoun-no-mention-of-its-gender-nearby",
    ),
]


@pytest.mark.parametrize("text, span, suggestion", FLAGGED)
def test_pronoun_against_its_only_antecedent_is_flagged(text, span, suggestion):
    findings = run_rule("MTQ221", text, "fr")
    assert [(f.code, f.text, f.suggestion) for f in findings] == [("MTQ221", span, suggestion)]


CLEAN = [
    pytest.param(
        "Les nouveaux ponts ouvrent en mai sur la Loire. Ils seront gratuits pour les cyclistes.",
        id="agrees",
    ),
    pytest.param(
        "Le ministre a reçu la présidente. La présidente a parlé du budget. Elle a salué son courage.",
        id="competing-subject-of-the-pronoun-gender",
    ),
    pytest.param("La ville a voté le budget en mars. Il faut maintenant trouver les fonds.", id="il-faut"),
    pytest.param("La mairie a fermé la piscine. Il y a eu des plaintes.", id="il-y-a"),
    pytest.param(
        "La réforme a été votée en mars. Il est possible que le Conseil constitutionnel la censure.",
        id="il-est-possible-que",
    ),
    pytest.param(
        "La priorisation a disparu depuis longtemps, et selon le patron de Biontech, il a été vacciné.",
        id="pronoun-in-another-clause",
    ),
    pytest.param(
        "La ministre a répondu aux questions. « Il viendra demain », a-t-elle dit.",
        id="inside-a-quotation",
    ),
    pytest.param(
        "Siemens a présenté ses résultats à Munich. Elle prévoit une hausse des ventes.",
        id="name-of-unknown-gender",
    ),
    pytest.param(
        "La présidente est arrivée à Lyon. Pour elle, le sommet est un succès.", id="stressed-pronoun"
    ),
    pytest.param(
        "Le jardinier a ouvert son verger en 1990. La récolte est bonne. "
        "Chaque année, il plante 2000 arbres.",
        id="fronted-time-adverbial-is-no-antecedent",
    ),
    pytest.param(
        "Après sa victoire, la délégation est partie. Selon le patron de l'équipe, il reviendra en mai.",
        id="governed-noun-of-the-pronoun-gender-competes",
    ),
    pytest.param(
        "Thomas Müller a publié une photo de sa vaccination. La photo a circulé en ligne. "
        "La demande venait de ses amis. Jusqu'à présent, il avait refusé.",
        id="protagonist-named-earlier",
    ),
    pytest.param(
        "Le tour de France part samedi. La poste a ouvert un bureau. Il sera fermé lundi.",
        id="noun-of-both-genders-says-nothing",
    ),
    pytest.param(
        "Après le vol, Laura Churchley a rappelé la mission de son père. "
        "Il devait tout faire lui-même, a déclaré la femme de 74 ans.",
        id="attributed-words-about-someone-else-named-just-before",
    ),
    pytest.param(
        "Michael Strahan a également exprimé son enthousiasme. "
        "Il aimerait retourner dans l'espace, a déclaré l'animateur.",
        id="attributed-words-agree-with-the-speaker",
    ),
    pytest.param(
        "Max Verstappen a signé chez Red Bull à 17 ans. La Scuderia Toro Rosso l'a lancé. "
        "À 21 ans, elle laisse derrière lui Valtteri Bottas.",
        id="orphan-check-silent-when-a-mention-of-the-pronoun-gender-is-near",
    ),
    pytest.param(
        "Max Verstappen a signé chez Red Bull à 17 ans. Hamilton a gagné le titre. "
        "À 21 ans, elle laisse derrière elle Valtteri Bottas.",
        id="orphan-check-silent-with-a-name-of-unknown-gender",
    ),
]


@pytest.mark.parametrize("text", CLEAN)
def test_pronoun_without_a_contradicted_antecedent_passes(text):
    assert run_rule("MTQ221", text, "fr") == []


def _model(rows: list[str]):
    segs = tuple(Segment(t, index=k) for k, t in enumerate(rows))
    return antecedents_of(DocumentView(Document("<test>", segs, lang="fr"), "fr"))


def test_antecedent_found_across_rows_with_offsets_in_the_row():
    rows = ["L'équipe de France a gagné la finale.", "Le sélectionneur a salué ses joueurs.  Il a pleuré."]
    model = _model(rows)
    (pronoun,) = model.pronouns
    assert rows[1][pronoun.start : pronoun.end] == "Il"
    res = model.resolve(pronoun)
    assert res.antecedent.text == "Le sélectionneur" and res.antecedent.gender == "m"


def test_plural_noun_takes_the_gender_its_singular_has_elsewhere_in_the_document():
    model = _model(
        ["Le pont de Nantes est fermé.", "Les ponts de la ville sont vieux. Elles seront rénovées."]
    )
    (pronoun,) = model.pronouns
    res = model.resolve(pronoun)
    assert (res.antecedent.text, res.antecedent.gender, res.antecedent.number) == ("Les ponts", "m", "pl")


def test_surname_alone_keeps_the_gender_of_the_first_mention():
    model = _model(
        ["Mme Dupont a été élue maire.", "Dupont a promis des pistes cyclables. Il a tenu parole."]
    )
    res = model.resolve(model.pronouns[0])
    assert res.antecedent.text == "Dupont" and res.antecedent.gender == "f"


def test_jsonl_rows_are_checked_and_the_input_is_left_unchanged(tmp_path):
    rows = [
        {"id": "a1", "doc_id": "a", "mt": "Le nouveau stade de Lyon a coûté cher."},
        {"id": "a2", "doc_id": "a", "mt": "Elle accueillera la finale."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    before = path.read_bytes()
    from mtqa.cli import main

    out = tmp_path / "report.json"
    argv = ["check", str(path), "--lang", "fr", "--format", "json", "--output", str(out)]
    assert main([*argv, "--select", "MTQ221", "--fail-on", "info"]) == 1  # "Elle" for "le stade"
    assert path.read_bytes() == before
    assert "MTQ221" in out.read_text(encoding="utf-8")


def test_builder_and_evaluator_run_on_a_small_set(tmp_path):
    dev = tmp_path / "dev.jsonl"
    rows = [
        ("Le nouveau stade de Lyon a coûté 80 millions.", "Das neue Stadion kostete 80 Millionen."),
        ("Il accueillera la finale en mai.", "Es wird das Finale im Mai ausrichten."),
    ]
    dev.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"d:{k}",
                    "doc_id": "d",
                    "seg_idx": k,
                    "system": "ref-A",
                    "human": True,
                    "src_lang": "de",
                    "src": src,
                    "mt": mt,
                },
                ensure_ascii=False,
            )
            + "\n"
            for k, (mt, src) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    pairs = tmp_path / "pairs.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "build_pronoun_pairs.py"),
            "--dev",
            str(dev),
            "--out",
            str(pairs),
        ],
        check=True,
        timeout=60,
    )
    (pair,) = [json.loads(line) for line in pairs.read_text(encoding="utf-8").splitlines()]
    assert pair["incorrect"] == "Elle accueillera la finale en mai."
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_pronoun_pairs.py"), "--pairs", str(pairs)],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert "pair accuracy 100.0%" in done.stdout


def test_a_chain_of_pronouns_keeps_its_gender():
    text = (
        "Avant cela, on lui demandait sans cesse quand elle pensait devenir mère. Il en a beaucoup souffert."
    )
    found = run_rule("MTQ221", text, "fr")
    assert [(f.text, f.suggestion) for f in found] == [("Il", "Elle")]


def test_a_chain_with_a_mention_of_the_other_gender_is_silent():
    text = "Avant cela, on demandait chaque jour au ministre quand elle partirait. Il en a beaucoup souffert."
    assert run_rule("MTQ221", text, "fr") == []


def test_noun_gender_lexicon_leaves_nouns_of_both_genders_out():
    from mtqa.text.antecedents import noun_gender

    assert (noun_gender("éruption"), noun_gender("ponts"), noun_gender("comité")) == ("f", "m", "m")
    assert noun_gender("tour") is None and noun_gender("ministre") is None  # both genders
