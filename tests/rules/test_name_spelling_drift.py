"""MTQ101 name-spelling-drift: one name, several spellings, in one document."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.model import Severity
from mtqa.text.name_keys import translit_key
from mtqa.text.names import drift_clusters
from tests.conftest import run_rule

DATA = Path(__file__).resolve().parent.parent / "data"

FLAGGED = [
    pytest.param(
        "Le Front al-Nusra a été fondé en 2012. Plus tard, al-Nosra a changé de nom. "
        "Les combattants d'al-Nosra contrôlent Idlib.",
        "fr",
        "al-Nusra",
        "al-Nosra",
        id="fr-al-nusra-al-nosra",
    ),
    pytest.param(
        "Le président Erdogan a parlé mardi. Selon Ankara, Erdoğan partira jeudi. "
        "Les proches d'Erdogan confirment.",
        "fr",
        "Erdoğan",
        "Erdogan",
        id="fr-diacritics",
    ),
    pytest.param(
        "President Zelensky spoke on Monday. Officials close to Zelenskyy said that Zelensky would travel.",
        "en",
        "Zelenskyy",
        "Zelensky",
        id="en-doubled-y",
    ),
    pytest.param(
        "Moscow said the strikes hit Chechnya. Later, Grozny, the capital of Tchetchnya, "
        "was calm, and Chechnya's leader spoke.",
        "en",
        "Tchetchnya",
        "Chechnya",
        id="en-tch-ch",
    ),
    pytest.param(
        "Le groupe Jabhat al-Nusra contrôle la ville. Jabhat al-Nosra y a pris le pouvoir. "
        "Selon Damas, Jabhat al-Nosra recule.",
        "fr",
        "al-Nusra",
        "al-Nosra",
        id="fr-inside-multiword-name",
    ),
]


@pytest.mark.parametrize("text, lang, span, suggestion", FLAGGED)
def test_minority_spelling_is_flagged_with_dominant_suggestion(text, lang, span, suggestion):
    findings = run_rule("MTQ101", text, lang)
    assert [(f.code, f.text, f.suggestion) for f in findings] == [("MTQ101", span, suggestion)]
    assert findings[0].severity is Severity.WARNING


CLEAN = [
    pytest.param(
        "La Syrie accuse Damas. L'armée syrienne et un soldat syrien ont parlé. Le régime syrien nie.",
        "fr",
        id="fr-demonyms",
    ),
    pytest.param(
        "Les combats entre Idlib et Alep continuent. Alep est encerclée et Idlib bombardée.",
        "fr",
        id="fr-idlib-alep",
    ),
    pytest.param(
        "Un Parisien sur deux quitte Paris en août. Paris reste calme.", "fr", id="fr-paris-parisien"
    ),
    pytest.param("Marie a parlé à Mario. Mario a répondu à Marie.", "fr", id="fr-marie-mario"),
    pytest.param(
        "L'Autriche et l'Australie ont voté. L'Iran et l'Irak aussi. La Corée du Nord "
        "et la Corée du Sud se sont abstenues.",
        "fr",
        id="fr-look-alike-countries",
    ),
    pytest.param(
        "President Bashar al-Assad spoke. Assad said Bashar Assad's army held Idlib.",
        "en",
        id="en-short-form",
    ),
    pytest.param("The HTS group said. HTS fighters and Hts supporters.", "en", id="en-acronym-case"),
]


@pytest.mark.parametrize("text, lang", CLEAN)
def test_distinct_or_consistent_names_pass(text, lang):
    assert run_rule("MTQ101", text, lang) == []


def test_spacing_variant_is_only_info():
    text = "Al Jazeera a diffusé les images. Selon Al-Jazeera, la ville est tombée. Al Jazeera cite HTS."
    findings = run_rule("MTQ101", text, "fr")
    assert [(f.text, f.severity) for f in findings] == [("Al-Jazeera", Severity.INFO)]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("al-Nusra", "el-Nosra", True),
        ("Erdogan", "Erdoğan", True),
        ("Iraq", "Irak", True),
        ("Kadhafi", "Qadhafi", True),
        ("Syrie", "Syrien", False),
        ("Iran", "Irak", False),
        ("Marie", "Mario", False),
        ("Autriche", "Australie", False),
        ("Nord", "Sud", False),
    ],
)
def test_translit_key(a, b, same):
    assert (translit_key(a) == translit_key(b)) is same


def test_drift_clusters_on_plain_texts():
    clusters = drift_clusters(
        ["Le chef d'al-Nosra a parlé.", "Un porte-parole d'al-Nusra dément.", "Les experts citent al-Nosra."]
    )
    assert len(clusters) == 1
    assert clusters[0].dominant == "al-nosra"
    assert [m.text for m in clusters[0].minority()] == ["al-Nusra"]
    assert clusters[0].minority()[0].source == 1


@pytest.mark.parametrize("name, lang", [("clean_news_fr.txt", "fr"), ("clean_news_en.txt", "en")])
def test_human_news_has_no_drift(name, lang):
    assert run_rule("MTQ101", (DATA / name).read_text(encoding="utf-8"), lang) == []


def test_same_first_name_spelled_differently_for_different_people():
    text = (
        "Mohamed Salah a marqué deux buts. Le prince Mohammed ben Salmane a assisté au match. "
        "Mohamed Salah a ensuite salué le public."
    )
    assert run_rule("MTQ101", text, "fr") == []


def test_first_name_drift_for_the_same_person_is_flagged():
    text = "Mohamed Salah a marqué. Plus tard, Mohammed Salah a salué le public. Mohamed Salah sourit."
    assert [f.text for f in run_rule("MTQ101", text, "fr")] == ["Mohammed"]


def test_one_finding_per_drifting_name_listing_its_mentions():
    """Issue 12, point 3: one name spelled two ways is one finding (at the minority spelling), which
    lists the lines of every spelling, not a warning plus an info note per other paragraph."""
    text = (
        "Le Front al-Nusra a été fondé en 2012.\n\n"
        "Plus tard, al-Nosra a changé de nom.\n\n"
        "Les combattants d'al-Nosra contrôlent Idlib."
    )
    (f,) = run_rule("MTQ101", text, "fr")
    assert (f.line, f.text, f.severity, f.suggestion) == (1, "al-Nusra", Severity.WARNING, "al-Nosra")
    assert "lines 3, 5" in f.message
    assert f.extra["spellings"] == [
        {"text": "al-Nosra", "count": 2, "lines": [3, 5]},
        {"text": "al-Nusra", "count": 1, "lines": [1]},
    ]


def test_several_minority_mentions_are_one_finding_at_the_worst():
    # A spacing variant (info) first, a real misspelling (warning) later: one warning, at the latter.
    text = (
        "Al Jazeera a diffusé les images. Al Jazeera cite HTS. Selon Al-Jazeera, la ville est tombée.\n\n"
        "Al Jazeera et Al Djazeera ont parlé. Al Jazeera confirme."
    )
    (f,) = run_rule("MTQ101", text, "fr")
    assert (f.text, f.severity, f.line) == ("Al Djazeera", Severity.WARNING, 3)
    assert "'Al-Jazeera' / 'Al Djazeera' at lines 1, 3" in f.message
    assert [(s["text"], s["count"]) for s in f.extra["spellings"]] == [
        ("Al Jazeera", 4),
        ("Al-Jazeera", 1),
        ("Al Djazeera", 1),
    ]


def test_two_common_words_sharing_a_key_are_not_one_name():
    # "Base" (a capitalised heading word) and "Basée" fold to the same key, but both are common
    # French words: two words, not a name spelled twice.
    text = (
        "La Base aérienne 123 accueille les avions. Elle dépend de la Base de défense d'Orléans.\n\n"
        "Basée à Bricy, l'escadre compte 1 200 militaires."
    )
    assert run_rule("MTQ101", text, "fr") == []


@pytest.mark.parametrize(
    "text, lang, span, severity",
    [
        pytest.param(
            "Le chancelier Olaf Scholz a reçu ses ministres. Selon Scholz, l'accord tient. "
            "Plus tard, Sholz a quitté Berlin.",
            "fr",
            "Sholz",
            Severity.WARNING,
            id="one-name-two-spellings-stays-warning",
        ),
        pytest.param(
            "L'État fédéral a promis des aides. Le gouverneur de l'État du Kentucky parle de 80 morts. "
            "Dans l'Etat voisin, les secours arrivent.",
            "fr",
            "Etat",
            Severity.INFO,
            id="fr-unaccented-capital",
        ),
        pytest.param(
            "Chu Hao, the mayor, spoke on Monday. Chu said the bridge would reopen, and Cho added nothing.",
            "en",
            "Cho",
            Severity.INFO,
            id="three-letter-names-collide",
        ),
        pytest.param(
            "Sanctions against Russia will hurt Europe, the Kremlin said on the Rossiya 1 channel. "
            "Russia has warned the EU before.",
            "en",
            "Rossiya",
            Severity.INFO,
            id="numbered-channel-name",
        ),
        pytest.param(
            "Le Caire a fermé la frontière avec Gaza. En Égypte, les camions attendent ; en Egypte "
            "comme en Égypte voisine, les prix montent.",
            "fr",
            "Egypte",
            Severity.INFO,
            id="fr-egypte",
        ),
        pytest.param(
            "Le patron de Biontech, Uğur Şahin, a été vacciné. Selon Şahin, le vaccin protège ; Sahin "
            "reste prudent.",
            "fr",
            "Sahin",
            Severity.WARNING,
            id="fr-turkish-letter-is-not-a-french-capital",
        ),
        pytest.param(
            "Der Präsident der Türkei, Erdoğan, sprach am Montag. Erdoğan sagte, dass Erdogan nicht "
            "nachgeben werde.",
            "de",
            "Erdogan",
            Severity.WARNING,
            id="de-lost-diacritic-stays-warning",
        ),
    ],
)
def test_drift_sub_case_severity(text, lang, span, severity):
    found = [f for f in run_rule("MTQ101", text, lang) if not f.extra.get("related")]
    assert [(f.start, f.text, f.severity) for f in found] == [(text.rindex(span), span, severity)]


def test_many_rows_one_document_is_linear_and_notes_stay_short():
    """20 rows, then 2,000: the drifting name is one finding, and its message lists no more than a
    handful of lines however many rows use the name."""
    import json

    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.io import read_jsonl
    from mtqa.rules import BY_CODE

    def run(n, tmp):
        path = tmp / f"rows{n}.jsonl"
        with open(path, "w", encoding="utf-8") as h:
            for k in range(n):
                name = "Sholz" if k % 10 == 3 else "Scholz"
                row = {
                    "id": str(k),
                    "doc_id": "d",
                    "seg_idx": k,
                    "mt": f"Chancellor {name} spoke on day {k}.",
                }
                h.write(json.dumps(row) + "\n")
        return list(check(list(read_jsonl(path)), (BY_CODE["MTQ101"],), Config(lang="en")).findings)

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for n in (20, 2_000):
            found = run(n, Path(tmp))
            (f,) = found
            assert (f.text, f.severity, f.line) == ("Sholz", Severity.WARNING, 4)
            assert f.extra["spellings"][1]["count"] == n // 10
            assert len(f.extra["spellings"][0]["lines"]) <= 50
            assert len(f.message) < 160
