"""Repeated phrases (MTQ302, mtqa/rules/repeated_phrase.py)."""

from __future__ import annotations

import pytest

from mtqa.model import Category, Severity
from tests.conftest import run_rule


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
    found = list(check([rows], (BY_CODE["MTQ302"],), Config(lang="fr")).findings)
    assert [(f.severity, "source repeats" in f.message) for f in found] == [(Severity.INFO, True)]
    rows = Document(
        path="<rows>",
        segments=(Segment(mt, 0, id="0", src="Blue and green closed cell foam.", src_lang="en"),),
        kind="segments",
    )
    found = list(check([rows], (BY_CODE["MTQ302"],), Config(lang="fr")).findings)
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.parametrize(
    "text, lang, expected, severity",
    [
        pytest.param(
            "Lima a accueilli le sommet : le Pérou, le Pérou et la Bolivie ont signé.",
            "fr",
            "le Pérou",
            Severity.INFO,
            id="short-adjacent-repeat-with-comma",
        ),
        pytest.param(
            "Il a rappelé que la ligne « contrôle des frontières, contrôle des frontières, contrôle des "
            "frontières » avait gagné.",
            "fr",
            "contrôle des frontières, contrôle des frontières",
            Severity.INFO,
            id="slogan-three-times-with-commas-is-info",
        ),
        pytest.param(
            "The talks were held in Geneva in Geneva on Monday.",
            "en",
            "in Geneva",
            Severity.WARNING,
            id="stutter-opening-on-a-preposition",
        ),
        pytest.param(
            "The emperor beats the citizens, the citizens beat the slaves, and the slaves beat the emperor.",
            "en",
            "the citizens",
            Severity.INFO,
            id="chain-with-comma-is-info",
        ),
        pytest.param(
            "The ministry of land, transport and tourism (ministry of land, transport and tourism) "
            "revised the law.",
            "en",
            "ministry of land, transport and tourism",
            Severity.WARNING,
            id="long-gloss-in-brackets",
        ),
        pytest.param(
            "In 2021 the number of cases recorded in Italy rose to 4,200, while the number of cases "
            "recorded in Spain fell.",
            "en",
            "the number of cases recorded in",
            Severity.INFO,
            id="parallel-frame-names-differ",
        ),
        pytest.param(
            "Selon les résultats des 10 premiers mois de l'année, les ventes ont progressé, mais selon "
            "les résultats des 11 premiers mois de l'année, elles ont reculé.",
            "fr",
            "les résultats des",
            None,
            id="parallel-frame-short-is-silent",
        ),
    ],
)
def test_repeated_phrase_patterns(text, lang, expected, severity):
    found = run_rule("MTQ302", text, lang)
    if severity is None:
        assert found == []
        return
    second = text.index(expected[: expected.index(",")] if "," in expected else expected)
    second = text.index(expected, second + 1)
    assert [(f.start, f.text, f.severity) for f in found] == [(second, expected, severity)]


@pytest.mark.parametrize(
    "text, lang",
    [
        pytest.param(
            "Ils ont marché jour après jour après jour vers la frontière.", "fr", id="jour-apres-jour"
        ),
        pytest.param(
            "They worked side by side, step by step, day after day after day.", "en", id="iteration"
        ),
        pytest.param("La pièce mesure 3 mètres sur 3 mètres.", "fr", id="dimensions"),
        pytest.param("Il faut renforcer la sécurité et la sécurité routière.", "fr", id="coordinated-nouns"),
        pytest.param(
            "More and more people come, de plus en plus de gens viennent.", "en", id="more-and-more"
        ),
        pytest.param("Les prix montent encore et encore et encore.", "fr", id="encore-et-encore"),
    ],
)
def test_structural_repeats_are_not_loops(text, lang):
    assert run_rule("MTQ302", text, lang) == []


@pytest.mark.parametrize("copies", [3, 2_000])
def test_decoder_loop_is_one_finding(copies):
    sentence = "The army retook the city on Friday."
    text = "Officials said. " + " ".join([sentence] * copies)
    found = run_rule("MTQ302", text, "en")
    second = text.index(sentence) + len(sentence) + 1
    assert [(f.code, f.start, f.end) for f in found] == [("MTQ302", second, len(text) - 1)]
    assert f"{copies} times in a row" in found[0].message


def test_rhetorical_repeat_in_the_source_is_info():
    """German "Grenzschutz, Grenzschutz, Grenzschutz" and a Japanese heading repeated in its
    sentence (小形羊羹) make the translation's repeat faithful; a long repeat stays a warning."""
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.model import Document, Segment
    from mtqa.rules import BY_CODE

    def run(mt, src, src_lang, lang):
        seg = Segment(mt, 0, id="0", src=src, src_lang=src_lang)
        doc = Document(path="<rows>", segments=(seg,), kind="segments")
        return [(f.text, f.severity) for f in check([doc], (BY_CODE["MTQ302"],), Config(lang=lang)).findings]

    mt = "La ligne « protection des frontières protection des frontières » gagne."
    repeat = "protection des frontières"
    assert run(mt, 'Die Linie "Grenzschutz, Grenzschutz" hat gewonnen.', "de", "fr") == [
        (repeat, Severity.INFO)
    ]
    assert run(mt, 'Die Linie "Grenzschutz und Grenzsicherung" hat gewonnen.', "de", "fr") == [
        (repeat, Severity.WARNING)
    ]
    mt = (
        "Of the total number of infected patients, 360 are in hospital, and the total number of infected "
        "patients since May has reached 977."
    )
    repeat = "the total number of infected patients"
    src = "累計感染者のうち、360人が入院中で、5月以降の新規累計感染者数は977人に増えた。"
    assert run(mt, src, "ja", "en") == [(repeat, Severity.INFO)]  # 累計感染者 inside two compounds
    assert run(mt, "感染者のうち、360人が入院中で、5月以降の累計は977人に増えた。", "ja", "en") == [
        (repeat, Severity.WARNING)
    ]
    mt = "Toraya's zodiac package Small yokan Small yokan comes in a special package."
    src = "〈とらや〉の干支パッケージ 小形羊羹 特別なパッケージで提供する小形羊羹。"
    assert run(mt, src, "ja", "en") == [("Small yokan", Severity.INFO)]
    mt = (
        "The only road to the Kojihara district was washed away by the typhoon on Sunday night. "
        "The only road to the Kojihara district was washed away by the typhoon on Sunday night."
    )
    src = "高地原地区につながる唯一の道『高地原橋』が台風で流された。"
    assert run(mt, src, "ja", "en") == [(mt[mt.index(". ") + 2 : -1], Severity.WARNING)]


def test_heading_run_into_its_sentence_is_info():
    text = "Winter menu Seasonal soup Seasonal soup is served with rye bread until March."
    found = run_rule("MTQ302", text, "en")
    second = text.index("Seasonal soup", text.index("Seasonal soup") + 1)
    assert [(f.start, f.text, f.severity) for f in found] == [(second, "Seasonal soup", Severity.INFO)]
    text = "The army retook the seasonal market the seasonal market on Friday."
    found = run_rule("MTQ302", text, "en")
    assert [(f.text, f.severity) for f in found] == [("the seasonal market", Severity.WARNING)]
