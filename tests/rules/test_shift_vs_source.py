"""MTQ211 person-shift-vs-source and MTQ212 number-shift-vs-source."""

from __future__ import annotations

import pytest

from tests.rules.source_helpers import run_source_rule

PERSON_FLAGGED = [
    pytest.param(
        "La Turquie a promis de séparer les terroristes des rebelles, mais je ne l'ai jamais fait.",
        "Turkey promised to separate the terrorists from the rebels but never did.",
        "fr",
        "je",
        id="fr-je",
    ),
    pytest.param(
        "Nous avons repris trois quartiers de la ville, selon l'armée.",
        "The army said it had retaken three districts of the city.",
        "fr",
        "Nous",
        id="fr-nous",
    ),
    pytest.param(
        "Turkey promised to separate the terrorists from the rebels, but I never did.",
        "La Turquie a promis de séparer les terroristes des rebelles, sans jamais le faire.",
        "en",
        "I",
        id="en-I",
    ),
    pytest.param(
        "The ministry said our troops had withdrawn from the town.",
        "Le ministère a déclaré que les troupes s'étaient retirées de la ville.",
        "en",
        "our",
        id="en-our",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", PERSON_FLAGGED)
def test_person_shift_is_flagged(target, source, lang, span):
    assert span in [f.text for f in run_source_rule("MTQ211", target, source, lang)]


PERSON_CLEAN = [
    pytest.param(
        "« Nous tiendrons », a déclaré le ministre.",
        '"We will hold," the minister said.',
        "fr",
        id="fr-quoted-and-in-source",
    ),
    pytest.param(
        "Nous tiendrons, a déclaré le ministre.",
        "We will hold, the minister said.",
        "fr",
        id="fr-source-has-we",
    ),
    pytest.param(
        "On dit que la ville est tombée.", "It is said that the city fell.", "fr", id="fr-generic-on"
    ),
    pytest.param(
        "Les forces américaines ont quitté la base.", "US forces left the base.", "fr", id="fr-no-pronoun"
    ),
    pytest.param(
        "Il mesure 54 m de long. Le ruban 3m est solide.",
        "It is 54 m long. The 3M tape is strong.",
        "fr",
        id="fr-metres-are-not-m-apostrophe",
    ),
    pytest.param(
        "We will hold, the minister said.", "Nous tiendrons, a dit le ministre.", "en", id="en-source-nous"
    ),
    pytest.param(
        "William Harvey reinterpreted (I): how and why, i.e. a study.",
        "William Harvey réinterprété (I) : comment et pourquoi, c.-à-d. une étude.",
        "en",
        id="en-roman-numeral-and-ie",
    ),
    pytest.param("Les US ont répondu.", "The US responded.", "fr", id="fr-US-is-not-us"),
    pytest.param(
        "The talks come a century after World War I redrew the borders.",
        "Les pourparlers ont lieu un siècle après que la Première Guerre mondiale a redessiné les "
        "frontières.",
        "en",
        id="en-world-war-I",
    ),
]


@pytest.mark.parametrize("target, source, lang", PERSON_CLEAN)
def test_person_in_line_with_the_source_passes(target, source, lang):
    assert run_source_rule("MTQ211", target, source, lang) == []


def test_a_source_that_addresses_its_reader_allows_vous_everywhere():
    source = "Fill the tank and you are ready. The pump then works for hours without any noise."
    target = (
        "Remplissez le réservoir et vous êtes prêt. "
        "La pompe vous offre alors des heures de travail sans bruit."
    )
    assert run_source_rule("MTQ211", target, source, "fr") == []


NUMBER_FLAGGED = [
    pytest.param(
        "HTS a déclaré que son combattant était entré dans plusieurs quartiers d'Alep.",
        "HTS said its fighters had entered several neighborhoods of Aleppo.",
        "fr",
        "son combattant",
        id="fr-singular-for-plural",
    ),
    pytest.param(
        "Le groupe a confirmé que ses commandants avaient été tués.",
        "The group confirmed that its commander had been killed.",
        "fr",
        "ses commandants",
        id="fr-plural-for-singular",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", NUMBER_FLAGGED)
def test_possessive_number_shift_is_flagged(target, source, lang, span):
    assert span in [f.text for f in run_source_rule("MTQ212", target, source, lang)]


NUMBER_CLEAN = [
    pytest.param(
        "HTS a déclaré que ses combattants étaient entrés dans Alep.",
        "HTS said its fighters had entered Aleppo.",
        "fr",
        id="fr-plural-kept",
    ),
    pytest.param(
        "Le gouvernement a déclaré que ses troupes avaient infligé de lourdes pertes et que sa position "
        "tenait.",
        "The government said its troops had inflicted heavy losses and its position held.",
        "fr",
        id="fr-two-possessives",
    ),
    pytest.param(
        "Il a perdu ses armes lourdes.",
        "He lost his heavy weapons.",
        "fr",
        id="fr-adjective-before-noun-unread",
    ),
    pytest.param(
        "The government said its troops had inflicted heavy losses.",
        "Le gouvernement a déclaré que ses troupes avaient infligé de lourdes pertes.",
        "en",
        id="en-target-not-checked",
    ),
    pytest.param(
        "The country should strengthen its capacity.",
        "Le pays devrait renforcer ses capacités.",
        "en",
        id="en-idiomatic-singular",
    ),
]


@pytest.mark.parametrize("target, source, lang", NUMBER_CLEAN)
def test_possessive_numbers_in_line_with_the_source_pass(target, source, lang):
    assert run_source_rule("MTQ212", target, source, lang) == []


# Sources in other languages: persons read from mtqa/data/<lang>/person_pronouns.tsv.
def test_german_sie_read_as_formal_you_is_a_warning():
    (f, g) = run_source_rule(
        "MTQ211",
        "Le club n'a pas dit combien vous avez payé pour votre billet.",
        "Wie viel sie für ihr Ticket bezahlten, teilte der Verein nicht mit.",
        "fr",
        src_lang="de",
    )
    assert [(x.code, x.text, x.severity.name) for x in (f, g)] == [
        ("MTQ211", "vous", "WARNING"),
        ("MTQ211", "votre", "WARNING"),
    ]


def test_second_person_without_a_lookalike_is_info():
    (f,) = run_source_rule(
        "MTQ211",
        "Aujourd'hui, vous trouverez de tout sous le sapin.",
        "Heute findet man unter dem Weihnachtsbaum alles.",
        "fr",
        src_lang="de",
    )
    assert (f.code, f.text, f.severity.name) == ("MTQ211", "vous", "INFO")


def test_newsroom_spoken_to_is_info():
    (f,) = run_source_rule(
        "MTQ211",
        "La baisse s'applique désormais à toute la banque, comme nous l'a confirmé un porte-parole.",
        "Die Senkung gilt inzwischen für die gesamte Bank, wie ein Sprecher auf Anfrage bestätigte.",
        "fr",
        src_lang="de",
    )
    assert (f.text, f.severity.name) == ("nous", "INFO")


@pytest.mark.parametrize(
    "target, source, lang, src_lang",
    [
        pytest.param(
            "Nous restons prudents, a déclaré le porte-parole lundi.",
            "Man bleibe vorsichtig, sagte der Sprecher am Montag.",
            "fr",
            "de",
            id="de-reported-speech-made-direct",
        ),
        pytest.param(
            "Wir haben gewonnen, schreibt der Verein.",
            "Nous avons gagné, écrit le club.",
            "de",
            "fr",
            id="de-target-source-has-nous",
        ),
        pytest.param(
            "We believe the measures are enough, the ministry said.",
            "Считаем, что мер достаточно, заявили в министерстве.",
            "en",
            "ru",
            id="ru-drops-pronouns-so-no-proof",
        ),
        pytest.param(
            "We are ready, the company said in a statement.",
            "Wir sind bereit, teilte das Unternehmen mit.",
            "en",
            "de",
            id="de-source-wir",
        ),
    ],
)
def test_person_from_other_source_languages_passes(target, source, lang, src_lang):
    found = run_source_rule("MTQ211", target, source, lang, src_lang=src_lang)
    assert [f for f in found if f.severity.name != "INFO"] == []


def test_first_person_added_to_a_german_source_is_a_warning():
    (f,) = run_source_rule(
        "MTQ211",
        "Le gouvernement a promis des réformes, mais nous ne les avons jamais vues.",
        "Die Regierung versprach Reformen, die aber nie kamen.",
        "fr",
        src_lang="de",
    )
    assert (f.code, f.text, f.severity.name) == ("MTQ211", "nous", "WARNING")


# The source's narration (a "you" or "we" outside quotations anywhere) is read only on the first
# person word that is no generic one: a sentence with only "on" before it must not skip that read.
def test_narration_read_after_a_generic_person_word_still_allows_vous():
    source = "One fills the tank first. Fill the tank and you are ready. The pump then works for hours."
    target = (
        "On remplit d'abord le réservoir. Remplissez le réservoir et vous êtes prêt. "
        "La pompe vous offre alors des heures de travail."
    )
    assert run_source_rule("MTQ211", target, source, "fr") == []


def test_generic_person_word_before_an_added_nous_still_flags_it():
    source = "One fills the tank first. The army said it had retaken three districts of the city."
    target = "On remplit d'abord le réservoir. Nous avons repris trois quartiers de la ville, selon l'armée."
    found = run_source_rule("MTQ211", target, source, "fr")
    assert [f.text for f in found] == ["Nous"]
