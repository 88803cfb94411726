"""MTQ111 source-name-mismatch: variant spellings and missing names, exonyms accepted."""

from __future__ import annotations

import pytest

from tests.rules.source_helpers import run_source_rule

FLAGGED = [
    pytest.param(
        "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi.",
        "Colonel Oleg Ignatyuk spoke to reporters on Friday.",
        "fr",
        "Ignatnouk",
        id="fr-variant",
    ),
    pytest.param(
        "Deputy Anatoliy Krasnilikov received the delegation on Friday.",
        "Le député Anatoliy Krasilnikov a reçu la délégation vendredi.",
        "en",
        "Krasnilikov",
        id="en-variant-garbled",
    ),
    pytest.param(
        "Colonel Oleg Ignatnouk spoke to reporters on Friday.",
        "Le colonel Oleg Ignatyuk a parlé aux journalistes vendredi.",
        "en",
        "Ignatnouk",
        id="en-variant",
    ),
    pytest.param(
        "The minister met the delegation in the capital on Friday.",
        "Le ministre Anatoliy Krasilnikov a reçu la délégation dans la capitale vendredi.",
        "en",
        "The minister met the delegation in the capital on Friday.",
        id="en-missing",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_name_mismatch_is_flagged(target, source, lang, span):
    found = run_source_rule("MTQ111", target, source, lang)
    assert span in [f.text for f in found]


def test_variant_suggests_the_source_spelling():
    (f,) = run_source_rule(
        "MTQ111", "Le colonel Oleg Ignatnouk a parlé.", "Colonel Oleg Ignatyuk spoke.", "fr"
    )
    assert f.suggestion == "Ignatyuk" and f.severity.name == "WARNING"


CLEAN = [
    pytest.param(
        "Les combattants de l'État islamique sont entrés à Alep, pas à Moscou.",
        "Islamic State fighters entered Aleppo, not Moscow.",
        "fr",
        id="fr-exonyms",
    ),
    pytest.param(
        "Le gouvernement de Damas a repris la Syrie du Nord avec la Turquie et Washington.",
        "The government in Damascus retook northern Syria with Turkey and Washington.",
        "fr",
        id="fr-exonyms-countries",
    ),
    pytest.param(
        "Le président russe Vladimir Poutine et le président turc Recep Tayyip Erdogan.",
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdoğan.",
        "fr",
        id="fr-established-form-and-diacritics",
    ),
    pytest.param(
        "Le colonel Oleg Ignatiouk a parlé vendredi.",
        "Colonel Oleg Ignatyuk spoke on Friday.",
        "fr",
        id="fr-transliteration-key",
    ),
    pytest.param(
        "Le député Anatoliy Ivachtchenko a parlé vendredi.",
        "Deputy Anatoliy Ivashchenko spoke on Friday.",
        "fr",
        id="fr-transliteration-tch-sh",
    ),
    pytest.param(
        "Des groupes soutenus par les États-Unis ont été vus mercredi.",
        "US-backed groups were seen on Wednesday.",
        "fr",
        id="fr-compound-and-weekday",
    ),
    pytest.param(
        "L'armée arabe syrienne a repris Hayat Tahrir al-Sham.",
        "The Syrian Arab Army retook Hayat Tahrir al-Sham.",
        "fr",
        id="fr-translated-adjectives",
    ),
    pytest.param(
        "The army retook Aleppo and Damascus on Friday.",
        "L'armée a repris Alep et Damas vendredi.",
        "en",
        id="en-exonyms",
    ),
    pytest.param(
        "Spokesman Dmitry Pechkov said the meeting was postponed.",
        "Le porte-parole Dmitri Peskov a dit que la réunion était reportée.",
        "en",
        id="en-well-known-name-left-to-the-exonym-table",
    ),
    pytest.param(
        "Ignatyuk said so. Colonel Ignatyuk added more.",
        "Ignatyuk l'a dit. Le colonel Ignatyuk a ajouté.",
        "en",
        id="en-copied-names",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_correct_names_pass(target, source, lang):
    assert run_source_rule("MTQ111", target, source, lang) == []


def test_user_exonyms_extend_the_table(tmp_path):
    target = "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi."
    source = "Colonel Oleg Ignatyuk spoke to reporters on Friday."
    table = tmp_path / "exonyms.tsv"
    table.write_text("# house style\nIgnatyuk\tIgnatnouk\n", encoding="utf-8")
    assert run_source_rule("MTQ111", target, source, "fr")
    assert run_source_rule("MTQ111", target, source, "fr", options={"exonyms": (str(table),)}) == []
