"""mtqa.text.person_genders: a named person's gender from the source's titles and from the
document's own agreeing words, and its use by the antecedent model (MTQ221)."""

from __future__ import annotations

from mtqa.model import Document, Segment
from mtqa.text.analysis import DocumentView
from mtqa.text.antecedents import antecedents_of
from mtqa.text.person_genders import evidence_genders, role_gender, source_people


def test_source_titles_give_the_surname_a_gender():
    texts = ["Frau Schulze sagte am Montag, Herr Dr. Labonte habe zugestimmt.", "Die Frau Müllers lachte."]
    assert source_people(texts, "de") == {"Schulze": "f", "Labonte": "m"}
    assert source_people(["Mr. Dupont and Ms Roy met."], "en") == {"Dupont": "m", "Roy": "f"}
    assert source_people(["Frau Schulze"], "ja") == {}  # no title table: nothing


def test_two_people_with_one_surname_and_different_titles_leave_it_unknown():
    assert source_people(["Herr Schulze und Frau Schulze kamen."], "de") == {}


def test_agreeing_participle_and_apposition_are_evidence():
    found = evidence_genders(
        [
            ("Labonte", " est arrivé mardi à Lahnstein."),
            ("Churchley", " s'est rappelée de la mission."),
            ("Roy", ", directrice de l'école, a parlé."),
            ("Martin", " s'est cassé la jambe."),  # reflexive with an object: no agreement
        ]
    )
    assert found == {"Labonte": "m", "Churchley": "f", "Roy": "f"}


def test_role_gender_of_pairs_only():
    assert (role_gender("directrice"), role_gender("maire"), role_gender("Directeur")) == ("f", None, "m")


def _model(rows, src=None, src_lang=None):
    segs = tuple(
        Segment(t, index=k, src=(src[k] if src else None), src_lang=src_lang) for k, t in enumerate(rows)
    )
    return antecedents_of(DocumentView(Document("<t>", segs, lang="fr", src_lang=src_lang), "fr"))


def test_a_surname_gendered_by_the_source_resolves_a_pronoun():
    rows = ["Schulze a présenté le budget lundi.", "Il a promis des baisses d'impôts."]
    assert _model(rows).resolve(_model(rows).pronouns[0]) is None  # nothing says who Schulze is
    src = ["Frau Schulze stellte am Montag den Haushalt vor.", "Er versprach Steuersenkungen."]
    model = _model(rows, src, "de")
    res = model.resolve(model.pronouns[0])
    assert (res.antecedent.text, res.antecedent.gender) == ("Schulze", "f")


def test_a_surname_gendered_by_its_participle_resolves_a_later_pronoun():
    model = _model(["Schulze est arrivée lundi à Berlin.", "Il a présenté le budget."])
    res = model.resolve(model.pronouns[0])
    assert (res.antecedent.text, res.antecedent.gender) == ("Schulze", "f")
