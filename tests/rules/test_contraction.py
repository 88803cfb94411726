"""French contraction slips and missing elisions (MTQ401, MTQ402)."""

from __future__ import annotations

import pytest

from mtqa.model import Category, Severity
from tests.conftest import run_rule

CLEAN_FR = """La Turquie a pris la responsabilité d’Idlib en 2018, promettant de séparer les terroristes des \
« rebelles légitimes », mais elle ne l’a jamais fait.

Le ministre a décidé de le faire seul et promet de les aider à le reconstruire. Il faut les y contraindre, \
a-t-il dit, et de le leur rappeler chaque jour. Les habitants de Alexandrie ? Non : d’Alexandrie.

Le héros de la bataille, le onze de France et la hache de guerre font la une ; donne-le à Marie. \
Le Yémen, le yaourt et le yacht. De un à trois exemplaires. Le hockey et la hausse des prix.

Selon les journalistes de Le Monde, l’homme est arrivé à l’hôpital une heure plus tard, lorsque \
arrivés sur place les secours l’ont pris en charge. Manoel de Oliveira était de Porto.
"""


@pytest.mark.parametrize(
    "text, expected, suggestion",
    [
        pytest.param("Il promet de séparer les terroristes de des rebelles.", "de des", "des", id="de-des"),
        pytest.param("Les renforts sont arrivés à le quartier nord.", "à le", "au", id="a-le-noun"),
        pytest.param("Le porte-parole de le ministère a démenti.", "de le", "du", id="de-le-noun"),
        pytest.param(
            "Le porte-parole de le centre a démenti.", "de le", "du", id="de-le-noun-ending-like-verb"
        ),
        pytest.param("Il a parlé à les journalistes.", "à les", "aux", id="a-les-plural"),
        pytest.param("La plupart de les habitants ont fui.", "de les", "des", id="de-les"),
        pytest.param("À les yeux de Moscou, la trêve est rompue.", "À les", "Aux", id="sentence-start"),
    ],
)
def test_contraction_slip_flagged(text, expected, suggestion):
    found = run_rule("MTQ401", text, "fr")
    assert [(f.start, f.text, f.suggestion) for f in found] == [(text.index(expected), expected, suggestion)]
    assert found[0].category is Category.GRAMMAR and found[0].severity is Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Il a décidé de le faire.", id="de-le-infinitive"),
        pytest.param("Ils sont prêts à les aider.", id="a-les-infinitive"),
        pytest.param("Il s’attend à le voir revenir.", id="a-le-voir"),
        pytest.param("Il faut de le leur dire.", id="clitic-between"),
        pytest.param("Il promet de les y conduire.", id="y-between"),
        pytest.param("Selon les journalistes de Le Monde.", id="newspaper-name"),
        pytest.param("Il habite à Les Mureaux.", id="town-name"),
        pytest.param("Le prix du pétrole et des matières premières.", id="already-contracted"),
        pytest.param("Il faut le savoir de le dire.", id="dire"),
    ],
)
def test_contraction_slip_clean(text):
    assert run_rule("MTQ401", text, "fr") == []


def test_contraction_rule_is_french_only():
    assert run_rule("MTQ401", "The word de des appears in French.", "en") == []


@pytest.mark.parametrize(
    "text, expected, suggestion, severity",
    [
        pytest.param("Il a déclaré que il était prêt.", "que il", "qu’il", Severity.ERROR, id="que-il"),
        pytest.param("Le avion a atterri.", "Le avion", "L’avion", Severity.ERROR, id="le-avion"),
        pytest.param(
            "Les enfants ont quitté la école.", "la école", "l’école", Severity.ERROR, id="la-ecole"
        ),
        pytest.param(
            "Il reste une heure de attente.", "de attente", "d’attente", Severity.ERROR, id="de-attente"
        ),
        pytest.param("Le président de un pays voisin.", "de un", "d’un", Severity.ERROR, id="de-un"),
        pytest.param("Le homme a été arrêté.", "Le homme", "L’homme", Severity.ERROR, id="h-muet"),
        pytest.param(
            "N'oubliez pas, si il pleut.", "si il", "s'il", Severity.ERROR, id="si-il-straight-apostrophe"
        ),
        pytest.param(
            "Il a dit que il l'avait vu.", "que il", "qu'il", Severity.ERROR, id="document-apostrophe"
        ),
        pytest.param("Je ne sais pas, je ai oublié.", "je ai", "j’ai", Severity.ERROR, id="je-ai"),
        pytest.param(
            "Les habitants de Alep ont fui.", "de Alep", "d’Alep", Severity.WARNING, id="name-warning"
        ),
        pytest.param("Ce est la fin.", "Ce est", "C’est", Severity.ERROR, id="ce-est"),
    ],
)
def test_missing_elision_flagged(text, expected, suggestion, severity):
    found = run_rule("MTQ402", text, "fr")
    assert [(f.start, f.text, f.suggestion) for f in found] == [(text.index(expected), expected, suggestion)]
    assert found[0].severity is severity


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le héros et la hache ; le haut de la colline ; de hauteur.", id="h-aspire"),
        pytest.param("Le onze de France, la ouate, le oui.", id="listed-exceptions"),
        pytest.param("Le yacht du Yémen et le yoga.", id="y-initial"),
        pytest.param("Il fait la une ; le un et le deux.", id="la-une"),
        pytest.param("De un à trois exemplaires ; de une ou deux pages.", id="counting"),
        pytest.param("Donne-le à Marie. Ai-je entendu ?", id="imperative-and-inversion"),
        pytest.param("Ce à quoi il pense ; ce en quoi il croit.", id="ce-a-quoi"),
        pytest.param("Si elle vient ; lorsque arrivés sur place ; jusque-là.", id="restricted-elisions"),
        pytest.param("Le réalisateur Manoel de Oliveira.", id="name-particle"),
        pytest.param("Le groupe La Araucanía.", id="article-inside-name"),
    ],
)
def test_missing_elision_clean(text):
    assert run_rule("MTQ402", text, "fr") == []


def test_clean_french_news_text():
    found = run_rule("MTQ401", CLEAN_FR, "fr") + run_rule("MTQ402", CLEAN_FR, "fr")
    # The one slip written into the text on purpose: "de Alexandrie" (a warning: a name).
    assert [(f.code, f.text, f.severity) for f in found] == [("MTQ402", "de Alexandrie", Severity.WARNING)]


def test_adverb_between_pronoun_and_infinitive_is_left_alone():
    assert run_rule("MTQ401", "Il faut apprendre à le mieux connaître et de les bien comprendre.", "fr") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le programme couvre tout, de A à Z, et le plan de E est prêt.", id="single-letters"),
        pytest.param("Écrivez à l'adresse de info@mairie-exemple.fr ou de @elysee.", id="address-handle"),
        pytest.param("Le passage de le X au Y ; le prix de le iPhone14 ; à les A320.", id="labels-codes"),
    ],
)
def test_non_words_never_read_as_words(text):
    assert run_rule("MTQ401", text, "fr") + run_rule("MTQ402", text, "fr") == []


def test_word_after_a_non_word_is_still_checked():
    text = "Voir www.exemple.fr : le porte-parole de le ministère et la école de A à Z."
    found = run_rule("MTQ401", text, "fr") + run_rule("MTQ402", text, "fr")
    assert [(f.code, f.start, f.text) for f in found] == [
        ("MTQ401", text.index("de le"), "de le"),
        ("MTQ402", text.index("la école"), "la école"),
    ]
