"""MTQ224 pronoun-gender-vs-source: a French subject pronoun against the source pronoun it
translates, where that pronoun names a person."""

from __future__ import annotations

import pytest

from tests.rules.source_helpers import run_source_rule

FLAGGED = [
    pytest.param(
        "La ministre de la Santé a présenté lundi le plan contre la grippe. "
        "Elle a annoncé l'ouverture de vingt centres de vaccination.",
        "The health minister presented the flu plan on Monday. "
        "He announced that twenty vaccination centres would open.",
        "en",
        "Elle",
        id="en-he-rendered-elle",
    ),
    pytest.param(
        "Le juge a suspendu l'audience mercredi. Après une heure de délibération, il a rendu son verdict.",
        "The judge adjourned the hearing on Wednesday. After an hour of deliberation, "
        "she delivered her verdict.",
        "en",
        "il",
        id="en-she-rendered-il",
    ),
    pytest.param(
        "La championne olympique Mariama Jamanka a terminé quatrième samedi. "
        "Il a regretté une erreur dans le dernier virage, a dit l'entraîneur.",
        "Olympiasiegerin Mariama Jamanka belegte am Samstag den vierten Platz. "
        "Sie habe einen Fehler in der letzten Kurve bedauert, sagte der Trainer.",
        "de",
        "Il",
        id="de-sie-singular-rendered-il",
    ),
    pytest.param(
        "Le maire de Lahnstein, Peter Labonte, a remis les clés lundi. "
        "Elle a remercié les plongeurs pour leur engagement.",
        "Lahnsteins Oberbürgermeister Peter Labonte übergab am Montag die Schlüssel. "
        "Er dankte den Tauchern für ihren Einsatz.",
        "de",
        "Elle",
        id="de-er-person-rendered-elle",
    ),
    pytest.param(
        "Mme Schulze enseigne depuis 2010 au lycée de Celle. Ils ont annoncé leur départ.",
        "Frau Schulze unterrichtet seit 2010 am Gymnasium in Celle. Sie hat ihren Abschied angekündigt.",
        "de",
        "Ils",
        id="de-sie-singular-rendered-ils",
    ),
]


@pytest.mark.parametrize("target, source, src_lang, span", FLAGGED)
def test_flagged(target, source, src_lang, span):
    findings = run_source_rule("MTQ224", target, source, "fr", src_lang)
    assert [f.text for f in findings] == [span]
    assert findings[0].severity.name == "WARNING"


CLEAN = [
    pytest.param(
        "La ministre de la Santé a présenté lundi le plan contre la grippe. "
        "Elle a annoncé l'ouverture de vingt centres de vaccination.",
        "The health minister presented the flu plan on Monday. "
        "She announced that twenty vaccination centres would open.",
        "en",
        id="en-she-elle",
    ),
    pytest.param(
        # the professional translation (news_defr ref-A): "Er" is Peter Labonte, "il" too
        "« Je suis heureux que le Land de Rhénanie-Palatinat nous soutienne », a déclaré le maire "
        "de Lahnstein, Peter Labonte. Il a remercié les plongeurs pour leur engagement.",
        '"Ich freue mich, dass das Land Rheinland-Pfalz uns hierbei unterstützt", sagt Lahnsteins '
        "Oberbürgermeister Peter Labonte. Er dankte den Tauchern für ihren Einsatz.",
        "de",
        id="de-human-er-il",
    ),
    pytest.param(
        # German grammatical gender of a thing: der Ausbruch (er) -> l'éruption (elle)
        "Le volcan de La Palma est entré en éruption en septembre. Selon les experts, l'éruption "
        "dure depuis 85 jours. Elle est la plus longue de l'histoire de l'île.",
        "Der Vulkan auf La Palma brach im September aus. Nach Angaben von Experten dauert der "
        "Ausbruch seit 85 Tagen an. Er ist der längste in der Geschichte der Insel.",
        "de",
        id="de-er-thing-elle",
    ),
    pytest.param(
        # a man named, but a masculine thing ("der Vertrag") may be what "er" stands for
        "M. Müller a signé la convention lundi. Elle entrera en vigueur en janvier.",
        "Herr Müller hat am Montag den Vertrag unterschrieben. Er tritt im Januar in Kraft.",
        "de",
        id="de-er-person-and-thing",
    ),
    pytest.param(
        # "sie" plural (the verb says so): no gender to compare
        "Les deux passagers ont atterri samedi. Elles ont été accueillies par leurs familles.",
        "Die beiden Passagiere landeten am Samstag. Sie wurden von ihren Familien empfangen.",
        "de",
        id="de-sie-plural",
    ),
    pytest.param(
        # two pronouns in the source, one in the target: no one-to-one mapping
        "Le président a rencontré la chancelière. Elle a dit que la réunion était utile.",
        "The president met the chancellor. He said she had found the meeting useful.",
        "en",
        id="en-two-source-pronouns",
    ),
]


@pytest.mark.parametrize("target, source, src_lang", CLEAN)
def test_clean(target, source, src_lang):
    assert run_source_rule("MTQ224", target, source, "fr", src_lang) == []
