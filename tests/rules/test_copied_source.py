"""MTQ611 copied-source: sentences or runs of words passed through untranslated."""

from __future__ import annotations

import pytest

from tests.rules.source_helpers import run_source_rule

FLAGGED = [
    pytest.param(
        "The army said it had retaken several districts.",
        "The army said it had retaken several districts.",
        "fr",
        "The army said it had retaken several districts.",
        id="fr-whole-sentence",
    ),
    pytest.param(
        "Le groupe a dit qu'il had taken control of the area.",
        "The group said it had taken control of the area.",
        "fr",
        "had taken control of the area",
        id="fr-copied-run",
    ),
    pytest.param(
        "Le gouvernement a dit que ses troupes avaient repris la ville.",
        "Le gouvernement a dit que ses troupes avaient repris la ville.",
        "en",
        "Le gouvernement a dit que ses troupes avaient repris la ville.",
        id="en-whole-sentence",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_copy_is_flagged(target, source, lang, span):
    assert span in [f.text for f in run_source_rule("MTQ611", target, source, lang)]


CLEAN = [
    pytest.param(
        "Hayat Tahrir al-Sham (HTS) a parlé à Al Jazeera.",
        "Hayat Tahrir al-Sham (HTS) spoke to Al Jazeera.",
        "fr",
        id="fr-names-pass-through",
    ),
    pytest.param(
        "Le Premier ministre Boris Johnson s'est rendu à Downing Street.",
        "Prime Minister Boris Johnson went to Downing Street.",
        "fr",
        id="fr-place-names",
    ),
    pytest.param(
        "Le film The Lord of the Rings sort en 2001.",
        "The film The Lord of the Rings comes out in 2001.",
        "fr",
        id="fr-title-kept-in-the-original",
    ),
    pytest.param(
        "Il a cité « we shall never surrender » devant les députés.",
        "He quoted 'we shall never surrender' to the MPs.",
        "fr",
        id="fr-quotation-kept-in-the-original",
    ),
    pytest.param(
        "The Russian Center for Reconciliation said so on Friday.",
        "Le Centre russe de réconciliation l'a dit vendredi.",
        "en",
        id="en-translation",
    ),
    pytest.param(
        "Ukrainian authorities say the dam was blown up on purpose.",
        "Les autorités ukrainiennes affirment que le barrage a été détruit délibérément.",
        "en",
        id="en-human-translation",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_translations_pass(target, source, lang):
    assert run_source_rule("MTQ611", target, source, lang) == []


def test_a_source_in_the_target_language_is_not_checked_for_copies():
    text = "Information technology spending rose sharply in the region last year."
    assert run_source_rule("MTQ611", text, text, "en", src_lang="en") == []


@pytest.mark.parametrize(
    "target, source",
    [
        pytest.param(
            "D'autres concerts sont annulés, selon le site de l'orchestre "
            "(www.konzerthaus-orchester.de/spielplan/absagen).",
            "Auch andere Konzerte fallen aus, wie es auf der Website des Orchesters "
            "(www.konzerthaus-orchester.de/spielplan/absagen) heißt.",
            id="url",
        ),
        pytest.param(
            "Les billets sont remboursés sur demande à karten-rueckgabe@stadttheater-muenster.de.",
            "Karten werden auf Anfrage unter karten-rueckgabe@stadttheater-muenster.de erstattet.",
            id="e-mail",
        ),
    ],
)
def test_addresses_copied_from_the_source_pass(target, source):
    assert run_source_rule("MTQ611", target, source, "fr", src_lang="de") == []


def test_a_language_pair_without_word_frequencies_is_skipped_with_a_note():
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.rules import BY_CODE
    from tests.rules.source_helpers import with_source

    source = "Serikali imetangaza hatua mpya za kusaidia wakulima baada ya wiki tatu za maandamano."
    doc = with_source("Serikali imetangaza hatua mpya za kusaidia wakulima.", source, "en", "sw")
    report = check([doc], (BY_CODE["MTQ611"],), Config(lang="en"))
    assert report.findings == ()
    assert "MTQ611 skipped: no word frequencies for 'sw' -> 'en'" in [n.text for n in report.notes]
