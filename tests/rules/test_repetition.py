"""Doubled words and repeated phrases (MTQ301, MTQ302)."""

from __future__ import annotations

import pytest

from mtqa.model import Category, Severity
from tests.conftest import run_rule

CLEAN_FR = """Le président russe Vladimir Poutine a reçu mardi le président turc Recep Tayyip Erdogan \
à Sotchi. \
Le président russe a salué « un dialogue franc ».

Nous nous sommes battus pour cet accord, vous vous en souvenez, a rappelé M. Erdogan. En en parlant \
aux journalistes, il a évoqué les 400 kilomètres carrés repris par l’armée syrienne et les 200 kilomètres \
carrés encore disputés.

Les prix ont augmenté encore et encore et encore au premier trimestre. « C’est très très grave », \
a estimé un économiste. Oui, oui, la hausse est réelle.

L’armée syrienne a repris Alep en 2016. L’armée syrienne contrôle aujourd’hui la ville, mais l’armée \
turque reste présente au nord.
"""

CLEAN_EN = """Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi \
on Tuesday. \
The Russian president praised "a frank dialogue".

He had had enough, he said, and that that was the end of it. Sirhan Sirhan was mentioned again and again \
and again.

The illicit trade generated 49 billion Indian rupees (US$753 million) in sales, while the tax shortfall \
amounted to 25 billion Indian rupees (US$390 million).
"""


@pytest.mark.parametrize(
    "text, lang, expected, severity",
    [
        pytest.param("Les forces ont levé le le siège d’Alep.", "fr", "le le", Severity.ERROR, id="le-le"),
        pytest.param("Le Le groupe a attaqué.", "fr", "Le Le", None, id="sentence-start-both-capitals-skip"),
        pytest.param("Syrian forces lifted the the siege.", "en", "the the", Severity.ERROR, id="the-the"),
        pytest.param(
            "The siege of\nof Aleppo ended.", "en", "of\nof", Severity.ERROR, id="across-line-break"
        ),
        pytest.param("C’est très très grave.", "fr", "très très", Severity.INFO, id="emphatic-info"),
        pytest.param("It is very very serious.", "en", "very very", Severity.INFO, id="emphatic-info-en"),
    ],
)
def test_repeated_word_flagged(text, lang, expected, severity):
    found = run_rule("MTQ301", text, lang)
    if severity is None:
        assert found == []
        return
    assert [(f.start, f.text) for f in found] == [(text.index(expected), expected)]
    assert found[0].severity is severity and found[0].category is Category.REPETITION


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param("Nous nous sommes battus ; vous vous trompez.", "fr", id="reflexive"),
        pytest.param("En en parlant, il a souri.", "fr", id="gerund-en-en"),
        pytest.param("Oui, oui, vite, vite.", "fr", id="comma-between"),
        pytest.param("Le général de De Gaulle.", "fr", id="name-after-particle"),
        pytest.param("Sirhan Sirhan was convicted; he had had enough.", "en", id="name-and-had-had"),
        pytest.param("Baden-Baden accueille 20 20 visiteurs.", "fr", id="hyphen-and-digits"),
    ],
)
def test_repeated_word_clean(text, lang):
    assert run_rule("MTQ301", text, lang) == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        pytest.param(
            "Assad a repris le pays à des dizaines de groupes armés soutenus par les États-Unis, décrits par "
            "Washington comme étant des groupes armés soutenus par les États-Unis.",
            "fr",
            "groupes armés soutenus par les États-Unis",
            id="loop-in-sentence",
        ),
        pytest.param(
            "L’armée a repris la ville de Alep la ville de Alep vendredi.",
            "fr",
            "la ville de Alep",
            id="immediate-stutter",
        ),
        pytest.param(
            "Il empêche la rouille la rouille et la corrosion.", "fr", "la rouille", id="two-word-stutter"
        ),
        pytest.param(
            "The army retook the city of Aleppo the city of Aleppo on Friday.",
            "en",
            "the city of Aleppo",
            id="stutter-en",
        ),
        pytest.param(
            "The ministry said the strikes destroyed ammunition depots and command posts near Idlib. "
            "Officials added that the strikes destroyed ammunition depots and command posts near Idlib "
            "overnight.",
            "en",
            "the strikes destroyed ammunition depots and command posts near Idlib",
            id="across-sentences",
        ),
    ],
)
def test_repeated_phrase_flagged(text, lang, expected):
    found = run_rule("MTQ302", text, lang)
    assert [(f.start, f.text) for f in found] == [(text.rindex(expected), expected)]
    assert found[0].category is Category.REPETITION


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param(
            "Le président russe a reçu le président turc, puis le président russe a parlé.",
            "fr",
            id="short-title-repeated",
        ),
        pytest.param(
            "Les jeux de hockey sur table Stiga sont les seuls jeux de hockey sur table agréés.",
            "fr",
            id="five-word-name-repeated",
        ),
        pytest.param("Une batterie qui dure et dure et dure.", "fr", id="rhetorical-conjunction"),
        pytest.param("Les dimensions sont 12 x 12 x 3 pouces, soit 30 x 30 x 8 cm.", "fr", id="numbers"),
        pytest.param("It went on and on and on, again and again.", "en", id="on-and-on"),
    ],
)
def test_repeated_phrase_clean(text, lang):
    assert run_rule("MTQ302", text, lang) == []


@pytest.mark.parametrize(
    "text, lang", [pytest.param(CLEAN_FR, "fr", id="fr"), pytest.param(CLEAN_EN, "en", id="en")]
)
def test_clean_news_text_has_no_repetition_warning(text, lang):
    found = run_rule("MTQ301", text, lang) + run_rule("MTQ302", text, lang)
    assert [(f.code, f.text) for f in found if f.severity >= Severity.WARNING] == []


def test_repeat_that_mirrors_the_source_is_info():
    """A product list or scraped CSS repeats in the source too: the translation is faithful."""
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.model import Document, Segment
    from mtqa.rules import BY_CODE

    mt = (
        "Mousse EVA moulée à chaud à cellules fermées bleue, "
        "mousse EVA moulée à chaud à cellules fermées verte."
    )
    src = "Blue closed cell heat molded EVA foam, green closed cell heat molded EVA foam."
    rows = Document(
        path="<rows>", segments=(Segment(mt, 0, id="0", src=src, src_lang="en"),), kind="segments"
    )
    found = check([rows], (BY_CODE["MTQ302"],), Config(lang="fr")).findings
    assert [(f.severity, "source repeats" in f.message) for f in found] == [(Severity.INFO, True)]
    rows = Document(
        path="<rows>",
        segments=(Segment(mt, 0, id="0", src="Blue and green closed cell foam.", src_lang="en"),),
        kind="segments",
    )
    found = check([rows], (BY_CODE["MTQ302"],), Config(lang="fr")).findings
    assert [f.severity for f in found] == [Severity.WARNING]
