"""MTQ111 source-name-mismatch: variant spellings and missing names, exonyms accepted."""

from __future__ import annotations

import pytest

from tests.rules.source_helpers import run_source_rule

FLAGGED = [
    pytest.param(
        "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi.",
        "Colonel Oleg Ignatyuk spoke to reporters on Friday.",
        "fr",
        "Ignatnouk",
        id="fr-variant",
    ),
    pytest.param(
        "Deputy Anatoliy Krasnilikov received the delegation on Friday.",
        "Le député Anatoliy Krasilnikov a reçu la délégation vendredi.",
        "en",
        "Krasnilikov",
        id="en-variant-garbled",
    ),
    pytest.param(
        "Colonel Oleg Ignatnouk spoke to reporters on Friday.",
        "Le colonel Oleg Ignatyuk a parlé aux journalistes vendredi.",
        "en",
        "Ignatnouk",
        id="en-variant",
    ),
    pytest.param(
        "The minister met the delegation in the capital on Friday.",
        "Le ministre Anatoliy Krasilnikov a reçu la délégation dans la capitale vendredi.",
        "en",
        "The minister met the delegation in the capital on Friday.",
        id="en-missing",
    ),
]


@pytest.mark.parametrize("target, source, lang, span", FLAGGED)
def test_name_mismatch_is_flagged(target, source, lang, span):
    found = run_source_rule("MTQ111", target, source, lang)
    assert span in [f.text for f in found]


def test_variant_suggests_the_source_spelling():
    (f,) = run_source_rule(
        "MTQ111", "Le colonel Oleg Ignatnouk a parlé.", "Colonel Oleg Ignatyuk spoke.", "fr"
    )
    assert f.suggestion == "Ignatyuk" and f.severity.name == "WARNING"


CLEAN = [
    pytest.param(
        "Les combattants de l'État islamique sont entrés à Alep, pas à Moscou.",
        "Islamic State fighters entered Aleppo, not Moscow.",
        "fr",
        id="fr-exonyms",
    ),
    pytest.param(
        "Le gouvernement de Damas a repris la Syrie du Nord avec la Turquie et Washington.",
        "The government in Damascus retook northern Syria with Turkey and Washington.",
        "fr",
        id="fr-exonyms-countries",
    ),
    pytest.param(
        "Le président russe Vladimir Poutine et le président turc Recep Tayyip Erdogan.",
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdoğan.",
        "fr",
        id="fr-established-form-and-diacritics",
    ),
    pytest.param(
        "Le colonel Oleg Ignatiouk a parlé vendredi.",
        "Colonel Oleg Ignatyuk spoke on Friday.",
        "fr",
        id="fr-transliteration-key",
    ),
    pytest.param(
        "Le député Anatoliy Ivachtchenko a parlé vendredi.",
        "Deputy Anatoliy Ivashchenko spoke on Friday.",
        "fr",
        id="fr-transliteration-tch-sh",
    ),
    pytest.param(
        "Des groupes soutenus par les États-Unis ont été vus mercredi.",
        "US-backed groups were seen on Wednesday.",
        "fr",
        id="fr-compound-and-weekday",
    ),
    pytest.param(
        "L'armée arabe syrienne a repris Hayat Tahrir al-Sham.",
        "The Syrian Arab Army retook Hayat Tahrir al-Sham.",
        "fr",
        id="fr-translated-adjectives",
    ),
    pytest.param(
        "The army retook Aleppo and Damascus on Friday.",
        "L'armée a repris Alep et Damas vendredi.",
        "en",
        id="en-exonyms",
    ),
    pytest.param(
        "Spokesman Dmitry Pechkov said the meeting was postponed.",
        "Le porte-parole Dmitri Peskov a dit que la réunion était reportée.",
        "en",
        id="en-well-known-name-left-to-the-exonym-table",
    ),
    pytest.param(
        "Ignatyuk said so. Colonel Ignatyuk added more.",
        "Ignatyuk l'a dit. Le colonel Ignatyuk a ajouté.",
        "en",
        id="en-copied-names",
    ),
]


@pytest.mark.parametrize("target, source, lang", CLEAN)
def test_correct_names_pass(target, source, lang):
    assert run_source_rule("MTQ111", target, source, lang) == []


def test_user_exonyms_extend_the_table(tmp_path):
    target = "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi."
    source = "Colonel Oleg Ignatyuk spoke to reporters on Friday."
    table = tmp_path / "exonyms.tsv"
    table.write_text("# house style\nIgnatyuk\tIgnatnouk\n", encoding="utf-8")
    assert run_source_rule("MTQ111", target, source, "fr")
    assert run_source_rule("MTQ111", target, source, "fr", options={"exonyms": (str(table),)}) == []


# Names across scripts: romanised with the target's conventions, compared by consonant skeleton.
CROSS_SCRIPT_FLAGGED = [
    pytest.param(
        "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi.",
        "Полковник Олег Игнатюк в пятницу выступил перед журналистами.",
        "fr",
        "Ignatnouk",
        "Ignatiouk",
        id="ru-fr-variant",
    ),
    pytest.param(
        "The head of the association, Ulrich Vagelt, is convinced of this.",
        "В этом убежден глава ассоциации Ульрих Вайгельдт.",
        "en",
        "Vagelt",
        "Vaygeldt",
        id="ru-en-re-borrowed-name-garbled",
    ),
]


@pytest.mark.parametrize("target, source, lang, span, suggestion", CROSS_SCRIPT_FLAGGED)
def test_cross_script_variant_is_flagged(target, source, lang, span, suggestion):
    (f,) = run_source_rule("MTQ111", target, source, lang, src_lang="ru")
    assert (f.code, f.text, f.suggestion, f.severity.name) == ("MTQ111", span, suggestion, "WARNING")


def test_cross_script_missing_name_is_info():
    (f,) = run_source_rule(
        "MTQ111",
        "A spokesman for the regional ministry confirmed the figures on Monday.",
        "Представитель регионального министерства Анатолий Вахошкин подтвердил эти данные в понедельник.",
        "en",
        src_lang="ru",
    )
    assert (f.code, f.severity.name, f.suggestion) == ("MTQ111", "INFO", "Vakhoshkin")
    assert f.text == "A spokesman for the regional ministry confirmed the figures on Monday."


CROSS_SCRIPT_CLEAN = [
    pytest.param("Colonel Oleg Ignatyuk spoke to reporters on Friday.", "en", id="en-scheme"),
    pytest.param("Le colonel Oleg Ignatiouk a parlé aux journalistes vendredi.", "fr", id="fr-scheme"),
]


@pytest.mark.parametrize("target, lang", CROSS_SCRIPT_CLEAN)
def test_cross_script_romanisations_of_either_convention_pass(target, lang):
    source = "Полковник Олег Игнатюк в пятницу выступил перед журналистами."
    assert run_source_rule("MTQ111", target, source, lang, src_lang="ru") == []


@pytest.mark.parametrize(
    "target, source",
    [
        pytest.param(
            "Earlier, German Foreign Minister Annalena Baerbock met UN Secretary-General Antonio Guterres.",
            "Ранее глава МИД Германии Анналена Бербок встретилась с генсеком ООН Антониу Гутерришем.",
            id="re-borrowed-names-and-oblique-case",
        ),
        pytest.param(
            "The drone took off near Van Horn in Guinea-Bissau, said Christopher Hartwell.",
            "Беспилотник взлетел у Ван-Хорна в Гвинее-Бисау, сообщил Кристофер Хартвелл.",
            id="hyphenated-names-by-part",
        ),
        pytest.param(
            "The article was illegally taken from the Karnak Temple, Peiris told the Omicron panel.",
            "Предмет был незаконно вывезен из Карнакского храма, заявил Пейрис на панели по Омикрону.",
            id="adjective-and-case-endings",
        ),
    ],
)
def test_cross_script_renderings_pass(target, source):
    assert run_source_rule("MTQ111", target, source, "en", src_lang="ru") == []


# German capitalises every noun: a capital there is a noun, and only unknown, uncompounded words
# are names.
def test_german_nouns_and_compounds_are_not_names():
    target = "Les montagnes russes ont brillé ce jour-là, à la grande joie des visiteurs du parc."
    source = "Die Achterbahnzüge leuchteten an diesem Tag, zum großen Spaß der Parkbesucher."
    assert run_source_rule("MTQ111", target, source, "fr", src_lang="de") == []


def test_german_name_missing_is_still_reported():
    (f,) = run_source_rule(
        "MTQ111",
        "Le ministre bavarois de la Santé a salué cette décision lundi.",
        "Der bayerische Gesundheitsminister Klaus Holetschnigg begrüßte die Entscheidung am Montag.",
        "fr",
        src_lang="de",
    )
    assert (f.code, f.severity.name, f.suggestion) == ("MTQ111", "INFO", "Holetschnigg")


def test_name_glued_to_japanese_text_is_cut_at_the_script_change():
    target = "The idea came from my husband, Josef Margraf."
    source = "そのきっかけは私の夫Josef Margrafです。"
    assert run_source_rule("MTQ111", target, source, "en", src_lang="ja") == []


@pytest.mark.parametrize(
    "target, source, src_lang, expected",
    [
        pytest.param(
            "Prime Minister Kyriakos Mitsotakis met Alexis Tsipras in parliament on Tuesday.",
            "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συνάντησε τον Αλέξη Τσίπρα στη Βουλή την Τρίτη.",
            "el",
            [],
            id="el-romanised",
        ),
        pytest.param(
            "Prime Minister Kyriakos Mitsonakis met Alexis Tsipras in parliament on Tuesday.",
            "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συνάντησε τον Αλέξη Τσίπρα στη Βουλή την Τρίτη.",
            "el",
            [("MTQ111", "Mitsonakis", "Mitsotakis")],
            id="el-consonant-changed",
        ),
        pytest.param(
            "Infrastructure Minister Oleksandr Kubrakov arrived in Kharkiv on Monday.",
            "Міністр інфраструктури Олександр Кубраков у понеділок прибув до Харкова.",
            "uk",
            [],
            id="uk-romanised-and-genitive",
        ),
    ],
)
def test_other_scripts(target, source, src_lang, expected):
    found = run_source_rule("MTQ111", target, source, "en", src_lang=src_lang)
    assert [(f.code, f.text, f.suggestion) for f in found] == expected
