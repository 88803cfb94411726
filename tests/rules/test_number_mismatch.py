"""MTQ901 number-mismatch, and the locale-aware number reading behind it (mtqa.text.numbers)."""

from __future__ import annotations

import pytest

from mtqa.model import Severity
from mtqa.text.numbers import extract_numbers
from tests.rules.source_helpers import run_source_rule


@pytest.mark.parametrize(
    "text, lang, values",
    [
        pytest.param("1,5 million", "fr", {1.5, 1.5e6}, id="fr-decimal-comma-with-scale"),
        pytest.param("1.5 million", "en", {1.5, 1.5e6}, id="en-decimal-point-with-scale"),
        pytest.param("1 500", "fr", {1500}, id="fr-space-thousands"),
        pytest.param("1\u202f500", "fr", {1500}, id="fr-narrow-nbsp-thousands"),
        pytest.param("1,500", "en", {1500, 1.5}, id="ambiguous-comma-keeps-both"),
        pytest.param("1,500.25", "en", {1500.25}, id="en-mixed-separators"),
        pytest.param("1.500,25", "fr", {1500.25}, id="continental-mixed-separators"),
        pytest.param("$5bn", "en", {5, 5e9}, id="bn-suffix"),
    ],
)
def test_number_values(text, lang, values):
    (n,) = [n for n in extract_numbers(text, lang) if not n.soft]
    assert set(n.values) == values


@pytest.mark.parametrize(
    "text, lang, value",
    [
        pytest.param("cinq ans", "fr", 5, id="cinq"),
        pytest.param("quatre-vingt-dix soldats", "fr", 90, id="quatre-vingt-dix"),
        pytest.param("deux cents militants", "fr", 200, id="deux-cents"),
        pytest.param("twenty-five people", "en", 25, id="twenty-five"),
        pytest.param("three thousand troops", "en", 3000, id="three-thousand"),
    ],
)
def test_written_numbers_are_soft_values(text, lang, value):
    (n,) = extract_numbers(text, lang)
    assert n.soft and set(n.values) == {value}


def test_html_character_references_are_not_numbers():
    assert [n.text for n in extract_numbers("You&#146;ve got Head&#174; 42", "en")] == ["42"]


def test_dimensions_are_two_numbers():
    assert [n.text for n in extract_numbers("the 7x50 binocular", "en")] == ["7", "50"]


FLAGGED = [
    pytest.param(
        "Au moins 300 militants ont été tués.",
        "At least 200 militants were killed.",
        "fr",
        "300",
        id="fr-changed",
    ),
    pytest.param(
        "L'accord a été signé en mars 2021.",
        "The agreement was signed in March 2020.",
        "fr",
        "2021",
        id="fr-changed-year",
    ),
    pytest.param(
        "Il a promis 15 % de hausse et 40 nouveaux postes.",
        "He promised a 15% rise.",
        "fr",
        "40",
        id="fr-added",
    ),
    pytest.param(
        "At least 300 militants were killed.",
        "Au moins 200 militants ont été tués.",
        "en",
        "300",
        id="en-changed",
    ),
    pytest.param(
        "The siege lasted years.",
        "Le siège a duré 5 ans, jusqu'en 2016.",
        "en",
        "The siege lasted years.",
        id="en-missing",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_number_mismatch_is_flagged(target, source, lang, span):
    found = run_source_rule("MTQ901", target, source, lang)
    assert span in [f.text for f in found]


CLEAN = [
    pytest.param(
        "Au cours des dernières 24 heures, au moins 200 militants ont été éliminés.",
        "Over the past 24 hours, at least 200 militants have been eliminated.",
        "fr",
        id="fr-seed-24-200",
    ),
    pytest.param(
        "Le siège d'Alep qui durait depuis près de cinq ans a été levé en décembre 2016.",
        "The nearly five-year siege of Aleppo was lifted in December 2016.",
        "fr",
        id="fr-cinq-ans",
    ),
    pytest.param(
        "Quelque 1,5 million de personnes et 1 500 soldats.",
        "Some 1.5 million people and 1,500 troops.",
        "fr",
        id="fr-locale-formats",
    ),
    pytest.param(
        "Entre 2015 et 2018, 400 km² ont été repris.",
        "Some 400 square km were retaken from 2015 to 2018.",
        "fr",
        id="fr-reordered",
    ),
    pytest.param("Sa part est passée à 12,5 %.", "Its share rose to 12.5 per cent.", "fr", id="fr-percent"),
    pytest.param(
        "Some 1,500 soldiers arrived within 24 hours.",
        "Quelque 1 500 soldats sont arrivés en 24 heures.",
        "en",
        id="en-locale-formats",
    ),
    pytest.param(
        "Two soldiers and 3 civilians died on 12 May.",
        "Deux soldats et trois civils sont morts le 12 mai.",
        "en",
        id="en-written-and-digits",
    ),
    pytest.param(
        "Patchs pour calibre .45 500 pièces.",
        "Patches for .45 caliber, 500 pack.",
        "fr",
        id="fr-adjacent-numbers-not-a-thousands-group",
    ),
    pytest.param(
        "He was born in 1970. He moved to Paris in 1990.",
        "Né en 1970, il s'installe à Paris en 1990.",
        "en",
        id="en-number-moved-across-sentences",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_correct_numbers_pass(target, source, lang):
    assert run_source_rule("MTQ901", target, source, lang) == []


# Issue 8: number forms of real news in every locale (helper B).


@pytest.mark.parametrize(
    "text, lang, values",
    [
        pytest.param("die Versammlung um 19.45 Uhr", "de", {-(1 + 19 * 60 + 45), 19.45}, id="de-uhr"),
        pytest.param("le conseil se réunit à 19h45", "fr", {-(1 + 19 * 60 + 45)}, id="fr-19h45"),
        pytest.param("the council meets at 7:45 p.m.", "en", {-(1 + 19 * 60 + 45)}, id="en-pm"),
        pytest.param("会議は午後7時45分から", "ja", {-(1 + 19 * 60 + 45)}, id="ja-gogo"),
        pytest.param("午前9時半に", "ja", {-(1 + 9 * 60 + 30)}, id="ja-han"),
        pytest.param("約25万人が参加", "ja", {25.0, 250000.0}, id="ja-man"),
        pytest.param("総額3億2000万円", "ja", {3.0, 320000000.0}, id="ja-oku-man"),
        pytest.param("売上高は１２４５億円", "ja", {1245.0, 124500000000.0}, id="ja-fullwidth-oku"),
        pytest.param("高さ２・５メートル", "ja", {2.5}, id="ja-middle-dot-decimal"),
        pytest.param("（２５００円）", "ja", {2500.0}, id="ja-fullwidth-digits"),
        pytest.param("более 12 тыс. человек", "ru", {12.0, 12000.0}, id="ru-tys"),
        pytest.param("3,4 млрд рублей", "ru", {3.4, 3.4e9}, id="ru-mlrd"),
        pytest.param("seit den 80er-Jahren", "de", {80.0, 1980.0, 2080.0}, id="de-decade"),
        pytest.param("in den 2010er-Jahren", "de", {2010.0}, id="de-four-digit-decade"),
    ],
)
def test_locale_number_forms(text, lang, values):
    (n,) = [n for n in extract_numbers(text, lang) if not n.soft]
    assert set(n.values) == values
    assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    "text, lang, span, value",
    [
        pytest.param("die neue 5G-Regel gilt ab Montag", "de", "5", 5, id="de-5g-code"),
        pytest.param("les cas de COVID-19 augmentent", "fr", "19", 19, id="covid-code"),
        pytest.param("on the 14th of the month", "en", "14", 14, id="en-ordinal"),
        pytest.param("au XIXe siècle", "fr", "XIXe", 19, id="fr-roman-century"),
        pytest.param("в XX веке", "ru", "XX", 20, id="ru-roman-century"),
        pytest.param("dreizehn Kilometer", "de", "dreizehn", 13, id="de-word"),
        pytest.param("сорок два человека", "ru", "сорок два", 42, id="ru-words"),
        pytest.param("im Dezember", "de", "Dezember", 12, id="de-month"),
        pytest.param("参加者は三十人", "ja", "三十", 30, id="ja-kanji"),
        pytest.param("100 % bio", "fr", "100", 100, id="fr-100-percent-intensifier"),
    ],
)
def test_soft_forms(text, lang, span, value):
    soft = [n for n in extract_numbers(text, lang) if n.soft]
    assert [(n.text, set(n.values)) for n in soft] == [(span, {value})]
    assert all(not n.soft or n.text == span for n in extract_numbers(text, lang))


FLAGGED_LOCALE = [
    pytest.param(
        "La réunion a commencé à 20h15 au ministère.",
        "Die Sitzung begann um 19.15 Uhr im Ministerium.",
        "fr",
        "de",
        "20h15",
        id="de-fr-time-changed",
    ),
    pytest.param(
        "About 230,000 homes lost power in the storm.",
        "嵐で約23万戸が停電した。",
        "en",
        "ja",
        None,
        id="ja-en-man-correct-control",
    ),
    pytest.param(
        "About 320,000 homes lost power in the storm.",
        "嵐で約23万戸が停電した。",
        "en",
        "ja",
        "320,000",
        id="ja-en-man-changed",
    ),
    pytest.param(
        "The deal is worth 4.5 billion roubles.",
        "Сделка оценивается в 45 млрд рублей.",
        "en",
        "ru",
        "4.5",
        id="ru-en-mlrd-changed",
    ),
    pytest.param(
        "Le match est prévu à 18h30 samedi, devant 40 000 spectateurs.",
        "Das Spiel beginnt am Samstag um 18.30 Uhr vor 30.000 Zuschauern.",
        "fr",
        "de",
        "40 000",
        id="de-fr-count-changed-time-kept",
    ),
]


@pytest.mark.parametrize("target, source, lang, src_lang, span", FLAGGED_LOCALE)
def test_locale_mismatches(target, source, lang, src_lang, span):
    found = run_source_rule("MTQ901", target, source, lang, src_lang)
    assert [f.text for f in found if f.severity >= Severity.WARNING] == ([span] if span else [])
    assert all(f.code == "MTQ901" for f in found)


CLEAN_LOCALE = [
    pytest.param(
        "Ce partenariat remonte au début des années 1980.",
        "Die Partnerschaft besteht seit Anfang der 80er-Jahre.",
        "fr",
        "de",
        id="de-fr-decade",
    ),
    pytest.param(
        "Le vol a duré 11 minutes et atteint 105 kilomètres d'altitude.",
        "Der Flug dauerte elf Minuten und erreichte 105 Kilometer Höhe.",
        "fr",
        "de",
        id="de-fr-number-word",
    ),
    pytest.param(
        "Le prochain match aura lieu samedi (15h30, Canal+).",
        "Das nächste Spiel steigt am Samstag (15.30 Uhr, Sky).",
        "fr",
        "de",
        id="de-fr-clock",
    ),
    pytest.param(
        "Les règles 3G s'appliqueront aux magasins.",
        "Für Geschäfte gilt künftig die Regel « geimpft, genesen, getestet ».",
        "fr",
        "de",
        id="de-fr-code-not-number",
    ),
    pytest.param(
        "La tradition remonte au XIVe siècle.",
        "Die Tradition reicht bis ins 14. Jahrhundert zurück.",
        "fr",
        "de",
        id="de-fr-roman-century",
    ),
    pytest.param(
        "The storm cut power to about 130,000 homes, and the damage stretched over 200 miles.",
        "嵐で約13万戸が停電し、被害は約320キロメートルに及んだ。",
        "en",
        "ja",
        id="ja-en-man-and-miles",
    ),
    pytest.param(
        "Police were called just before 9:30am on the 14th, and the rescue took 1.5 hours.",
        "警察によると、14日午前9時半前に通報があり、救助には1・5時間かかった。",
        "en",
        "ja",
        id="ja-en-time-date-decimal",
    ),
    pytest.param(
        "New COVID-19 cases reached 2,450 on the 3rd, the ministry said.",
        "同省によると、新型コロナの新規感染者は同日2450人に達した。",
        "en",
        "ja",
        id="ja-en-covid-and-resolved-date",
    ),
    pytest.param(
        "Exports rose to 7 thousand tonnes, worth $2 million, in the 21st century's first record.",
        "Экспорт вырос до 7 тыс. тонн на сумму 2 млн долларов - первый рекорд XXI века.",
        "en",
        "ru",
        id="ru-en-scale-abbreviations",
    ),
    pytest.param(
        "Aid totals about 450 million dollars (some 51 billion yen) since November.",
        "援助は11月以降、約4億5000万ドル（約510億円）に上る。",
        "en",
        "ja",
        id="ja-en-compound-myriads-and-month",
    ),
]


@pytest.mark.parametrize("target, source, lang, src_lang", CLEAN_LOCALE)
def test_locale_forms_agree(target, source, lang, src_lang):
    found = run_source_rule("MTQ901", target, source, lang, src_lang)
    assert [f.text for f in found if f.severity >= Severity.WARNING] == []


def test_added_year_is_info():
    (f,) = run_source_rule(
        "MTQ901", "Aid this year, 2021, reached a record.", "今年の援助は過去最高に達した。", "en", "ja"
    )
    assert (f.text, f.severity) == ("2021", Severity.INFO)


def test_unmatched_against_nothing_keeps_only_digit_numbers():
    # the shortcut for an empty side: the hard numbers are all unmatched, the soft ones never reported
    from mtqa.rules.number_mismatch import _unmatched

    wanted = list(extract_numbers("Les 12 soldats et cinq civils, le 3e jour, 40 blessés.", "fr"))
    assert [n.text for n in _unmatched(wanted, [])] == ["12", "40"]


def test_unmatched_against_one_number_takes_it_once():
    from mtqa.rules.number_mismatch import _unmatched

    wanted = list(extract_numbers("12 soldiers and 12 civilians, 40 wounded.", "en"))
    offered = list(extract_numbers("12 soldats.", "fr"))
    assert [n.text for n in _unmatched(wanted, offered)] == ["12", "40"]
