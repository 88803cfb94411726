"""MTQ222 pronoun-predicate-agreement: a subject pronoun against the word that agrees with it across
être, and "elle" where only impersonal "il" fits."""

from __future__ import annotations

import pytest

from mtqa.rules.predicate_agreement import agreement
from tests.conftest import run_rule

FLAGGED = [
    pytest.param(
        "La nouvelle présidente a prêté serment lundi. Elle a été élu dimanche avec 54 % des voix.",
        "Elle a été élu",
        id="feminine-pronoun-masculine-participle",
    ),
    pytest.param(
        "Les deux ponts ouvriront en mai. Ils seront équipées de pistes cyclables.",
        "Ils seront équipées",
        id="masculine-plural-pronoun-feminine-participle",
    ),
    pytest.param(
        "Le ministre a quitté Berlin. Il est arrivée à Paris dans la soirée.",
        "Il est arrivée",
        id="masculine-pronoun-feminine-participle",
    ),
    pytest.param(
        "Les joueuses ont fêté le titre. Elles ne sont pas encore rentré à la maison.",
        "Elles ne sont pas encore rentré",
        id="number-and-gender-across-negation-and-adverbs",
    ),
    pytest.param(
        "La directrice a démissionné. Elle s'est retrouvé seule face au conseil.",
        "Elle s'est retrouvé",
        id="reflexive-without-object",
    ),
    pytest.param(
        "Les données manquent. Elle n'existe pas de chiffres fiables sur les éruptions précédentes.",
        "Elle n'existe pas de",
        id="impersonal-existe",
    ),
    pytest.param("Le budget est serré. Elle faut économiser partout.", "Elle faut", id="impersonal-falloir"),
    pytest.param(
        "Le texte sera voté mardi. Elle s'agit d'une réforme majeure.", "Elle s'agit", id="impersonal-s-agir"
    ),
]


@pytest.mark.parametrize("text, span", FLAGGED)
def test_disagreement_is_flagged(text, span):
    found = run_rule("MTQ222", text, "fr")
    assert [(f.code, f.text) for f in found] == [("MTQ222", span)]


CLEAN = [
    pytest.param("La nouvelle présidente a prêté serment. Elle a été élue avec 54 % des voix.", id="agrees"),
    pytest.param("Les ponts ouvriront en mai. Ils seront équipés de pistes cyclables.", id="plural-agrees"),
    pytest.param("Il est prévu que les travaux durent deux ans.", id="impersonal-il-masculine"),
    pytest.param("Elle est ministre depuis mars et reste très populaire.", id="no-gender-marked-word"),
    pytest.param("Elle s'est cassé la jambe pendant la course.", id="reflexive-with-direct-object"),
    pytest.param("Elle existe depuis 1990 et elle existe de manière indépendante.", id="personal-exister"),
    pytest.param("Elle a des enfants et elle vaut cent euros.", id="personal-avoir-valoir"),
    pytest.param("Selon elle, il était arrivé trop tard.", id="pronoun-after-preposition-not-subject"),
    pytest.param("A-t-elle été élue ? Il a été élu maire en 2020.", id="inverted-and-agreeing"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_agreement_or_no_evidence_passes(text):
    assert run_rule("MTQ222", text, "fr") == []


@pytest.mark.parametrize(
    "word, expected",
    [
        ("élue", ("f", "sg")),
        ("élus", ("m", "pl")),
        ("heureuse", ("f", "sg")),
        ("active", ("f", "sg")),
        ("rapide", None),
        ("ministre", None),
        ("parti", None),
    ],
)
def test_agreement_is_read_only_where_the_word_list_confirms_it(word, expected):
    assert agreement(word) == expected
