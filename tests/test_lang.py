"""Language identification over lingua's 75 languages (mtqa.text.lang) and the engine's use of it."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import document_language
from mtqa.io import article_from_text
from mtqa.text import lang

FRENCH = (
    "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les agriculteurs, après "
    "trois semaines de manifestations qui ont bloqué les routes autour de la capitale et des grandes villes."
)
GERMAN = (
    "Die Bundesregierung hat am Freitag neue Hilfen für die Landwirte angekündigt, nachdem Bauern drei "
    "Wochen lang die Zufahrtsstraßen rund um die Hauptstadt und mehrere Großstädte blockiert hatten."
)
DANISH = (
    "Regeringen har fredag fremlagt en ny plan for landbruget, efter tre ugers demonstrationer, hvor "
    "landmænd har blokeret vejene omkring hovedstaden og flere store byer i landet. Ministeren siger, at "
    "pengene bliver udbetalt inden jul."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "Президент заявил, что переговоры с соседними странами продолжатся на следующей неделе.",
            "ru",
            id="russian",
        ),
        pytest.param("台風と大雨で地区へつながる唯一の橋が流され、住民は困った。", "ja", id="japanese"),
        pytest.param(
            "Ankara'da bugün yapılan toplantıda hükümet yeni ekonomik önlemleri açıkladı.",
            "tr",
            id="turkish-not-spanish",
        ),
        pytest.param(
            "Thủ tướng đã yêu cầu các bộ ngành khẩn trương triển khai các biện pháp mới.",
            "vi",
            id="vietnamese-not-french",
        ),
        pytest.param(GERMAN, "de", id="german"),
    ],
)
def test_identify_knows_any_language(text, code):
    assert lang.identify(text) == code


def test_too_little_text_is_no_language():
    assert lang.identify("Oui.") is None


def test_declared_language_contradicted_only_when_sure():
    assert lang.contradicts(FRENCH, "de") == "fr"
    assert lang.contradicts(GERMAN, "de") is None
    assert lang.contradicts(FRENCH[:60], "de") is None  # too little text to overrule the user
    assert lang.contradicts(FRENCH, "xx") is None  # a language the detector does not know


def test_close_neighbours_do_not_contradict():
    assert lang.contradicts(DANISH, "no") is None
    assert lang.contradicts(DANISH, "nb") is None
    assert lang.contradicts(DANISH, "de") == "da"


@pytest.mark.parametrize(("tag", "code"), [("pt-BR", "pt"), ("zh_Hant", "zh"), ("no", "nb"), ("EN", "en")])
def test_primary_subtag(tag, code):
    assert lang.primary(tag) == code


def test_undeclared_document_language_is_any_language():
    text = (
        "Ankara'da bugün yapılan toplantıda hükümet yeni ekonomik önlemleri açıkladı. Bakan, enflasyonla "
        "mücadelenin önümüzdeki aylarda da süreceğini ve esnafa destek verileceğini söyledi."
    )
    assert document_language(article_from_text(text, "a.txt", None), Config()) == "tr"
