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
    pytest.param(
        "« Elle est maintenant important que les citoyens prennent soin des personnes âgées », dit-il.",
        "Elle est maintenant important que",
        id="impersonal-adjective-before-que",
    ),
    pytest.param(
        "Le dossier avance peu. Elle est de plus en plus difficile de conclure un accord sur l'asile.",
        "Elle est de plus en plus difficile de ",
        id="impersonal-epicene-adjective-before-de",
    ),
    pytest.param(
        "Le choix est vaste. Elle existe différents types de palettes.",
        "Elle existe différents",
        id="impersonal-existe-differents",
    ),
    pytest.param(
        "Le film a été un succès. Elle reste à espérer que la renommée lui apportera le bonheur.",
        "Elle reste à espérer",
        id="impersonal-rester-a-esperer",
    ),
    pytest.param(
        "Le joueur s'est blessé mardi. Il est toutefois autorisée à participer aux quarts de finale.",
        "Il est toutefois autorisée",
        id="adverb-toutefois",
    ),
    pytest.param(
        "Avant, il fut constamment interrogée sur sa vie privée.",
        "il fut constamment interrogée",
        id="any-adverb-in-ment",
    ),
    pytest.param(
        "Les deux accusées attendent le verdict. Dans la salle, elles sont assis sur le banc.",
        "elles sont assis",
        id="participle-in-is-both-numbers",
    ),
    pytest.param(
        "Le groupe a changé de style. Elle est sorti de la niche.",
        "Elle est sorti",
        id="participle-in-i",
    ),
    pytest.param(
        "Verstappen fête sa première pole à Budapest - elle n'est pas le plus jeune à le faire.",
        "elle n'est pas le plus jeune",
        id="superlative-article",
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
    pytest.param(
        "Elle est capable de gagner et elle est sûre que l'équipe suivra.", id="personal-adjectives"
    ),
    pytest.param("Elle est difficile à battre sur terre battue.", id="personal-difficile-a"),
    pytest.param(
        "Il est pris par ses rendez-vous. Ils sont assis au premier rang.", id="is-participles-agree"
    ),
    pytest.param("Elle est agent de police et il est étudiant.", id="role-noun-in-ant-ent-house-style"),
    pytest.param(
        "Elle est aussi. Il est la plus grande star du pays.", id="function-word-and-predicate-noun"
    ),
    pytest.param("Elle est le plus souvent absente le lundi.", id="adverb-le-plus-souvent"),
    pytest.param("Elle n'est pas la plus jeune à le faire.", id="superlative-agrees"),
    pytest.param("Il est également inclus dans le prix.", id="invariable-masculine-in-us"),
    pytest.param("L'exposition ouvre mardi. Elle reste à voir jusqu'en mai.", id="personal-rester-a-voir"),
    pytest.param("Elle est ajustement universel.", id="noun-in-ment-is-no-adverb"),
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
        ("parti", ("m", "sg")),
        ("pris", ("m", None)),
        ("inclus", ("m", None)),
        ("élus", ("m", "pl")),
        ("aussi", None),
        ("souvent", None),
    ],
)
def test_agreement_is_read_only_where_the_word_list_confirms_it(word, expected):
    assert agreement(word) == expected
