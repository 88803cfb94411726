"""The language pre-check (mtqa.text.lang.clear_language, mtqa.text.lang_profile): the common case
decided from the text's frequent words without loading lingua, every doubtful text left to lingua."""

from __future__ import annotations

import pytest

from mtqa.text import lang
from tests.conftest import ROOT, SEED

FRENCH = (
    "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les agriculteurs, après "
    "trois semaines de manifestations qui ont bloqué les routes autour de la capitale et des grandes villes."
)
GERMAN = (
    "Die Bundesregierung hat am Freitag neue Hilfen für die Landwirte angekündigt, nachdem Bauern drei "
    "Wochen lang die Zufahrtsstraßen rund um die Hauptstadt und mehrere Großstädte blockiert hatten. "
    "Der Minister sagte, dass das Geld noch vor Weihnachten ausgezahlt werden soll."
)
# Languages outside the seven the pre-check knows, each beside one of them: they must reach lingua.
AFRIKAANS = (
    "Die regering het Vrydag nuwe maatreëls aangekondig om boere te ondersteun, ná drie weke van "
    "betogings wat die paaie rondom die hoofstad en groot stede versper het."
)
CATALAN = (
    "El govern ha anunciat divendres noves mesures per donar suport als agricultors, després de tres "
    "setmanes de protestes que han bloquejat les carreteres al voltant de la capital."
)
DANISH = (
    "Regeringen har fredag fremlagt en ny plan for landbruget, efter tre ugers demonstrationer, hvor "
    "landmænd har blokeret vejene omkring hovedstaden og flere store byer i landet."
)
NORWEGIAN = (
    "Regjeringen la fredag fram en ny plan for landbruket, etter tre uker med demonstrasjoner der "
    "bønder har blokkert veiene rundt hovedstaden og flere store byer i landet."
)
GALICIAN = (
    "O goberno anunciou o venres novas medidas para apoiar aos agricultores, despois de tres semanas "
    "de protestas que bloquearon as estradas arredor da capital e das grandes cidades."
)


def _file(path) -> str:
    return path.read_text(encoding="utf-8")[:2000]


DECIDED = [
    pytest.param(FRENCH, id="french"),
    pytest.param(GERMAN, id="german"),
    pytest.param(_file(SEED), id="seed"),
    pytest.param(_file(ROOT / "tests" / "data" / "clean_news_fr.txt"), id="clean-news-fr"),
    pytest.param(_file(ROOT / "tests" / "data" / "clean_news_en.txt"), id="clean-news-en"),
]


@pytest.mark.parametrize("text", DECIDED)
def test_clear_text_is_decided_as_lingua_decides(text):
    code = lang.clear_language(text)
    assert code is not None
    assert code == lang.likely(text)  # lingua's small detector and the common-word share agree


@pytest.mark.parametrize("text", DECIDED)
def test_clear_text_needs_no_detector(text, monkeypatch):
    expected = lang.likely(text)

    def no_detector():
        raise AssertionError("lingua loaded for a text the pre-check decides")

    monkeypatch.setattr(lang, "_detector", no_detector)
    monkeypatch.setattr(lang, "_any_detector", no_detector)
    assert lang.identify(text) == expected
    assert lang.contradicts(text * 2, expected) is None  # the declared language stands


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AFRIKAANS, id="afrikaans-beside-dutch"),
        pytest.param(CATALAN, id="catalan-beside-spanish"),
        pytest.param(DANISH, id="danish-beside-german"),
        pytest.param(NORWEGIAN, id="norwegian-beside-german"),
        pytest.param(GALICIAN, id="galician-beside-portuguese"),
        pytest.param(FRENCH[:100] + " " + GERMAN[:100], id="french-and-german-mixed"),
        pytest.param("Le conseil a voté le budget.", id="too-few-words"),
        pytest.param("Президент заявил, что переговоры с соседними странами продолжатся.", id="cyrillic"),
    ],
)
def test_doubtful_text_is_left_to_lingua(text):
    assert lang.clear_language(text) is None


@pytest.mark.parametrize(("text", "code"), [(AFRIKAANS, "af"), (CATALAN, "ca"), (DANISH, "da")])
def test_neighbour_languages_still_named_by_the_full_detector(text, code):
    assert lang.identify(text) == code


def test_winner_needs_a_margin():
    from mtqa.text.lang_profile import clear_winner, profile

    languages = ("fr", "en")
    table = profile(languages)
    shared = [w for w, (fr, en) in table.items() if w.isalpha() and abs(fr - en) < 0.05][:40]
    assert len(shared) >= 10  # words as frequent in both ("de" in English names, "la", "taxi"...)
    assert clear_winner(shared, languages) is None
    french = [w for w, (fr, en) in table.items() if fr - en > 2][:40]
    assert clear_winner(french, languages) == "fr"
    assert clear_winner(french[:5], languages) is None  # too few profiled words
