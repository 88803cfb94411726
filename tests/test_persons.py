"""mtqa.text.persons.source_voices: the persons a source uses, per language."""

from __future__ import annotations

import pytest

from mtqa.text.persons import absence_is_evidence, formal_lookalike, source_voices


@pytest.mark.parametrize(
    "text, lang, voices",
    [
        pytest.param("Wir haben lange gewartet, sagte er.", "de", {"1"}, id="de-wir"),
        pytest.param("Sie sagte, dass sie morgen kommt.", "de", set(), id="de-sie-she"),
        pytest.param("Das gilt auch für Sie, sagte der Arzt.", "de", {"2"}, id="de-formal-mid-sentence"),
        pytest.param("Die Regierung hat ihre Pläne vorgestellt.", "de", set(), id="de-ihre-their"),
        pytest.param("Creemos que nuestro país está listo.", "es", {"1"}, id="es-possessive"),
        pytest.param("Il governo ha annunciato le nuove misure.", "it", set(), id="it-none"),
        pytest.param("O nosso objetivo é claro, disse você.", "pt", {"1", "2"}, id="pt"),
        pytest.param("Ik weet het niet, zei de minister.", "nl", {"1"}, id="nl"),
        pytest.param("Я считаю, что это ошибка.", "ru", {"1"}, id="ru-capital-ya"),
        pytest.param("В США заявили, что вы ошибаетесь.", "ru", {"2"}, id="ru-vy"),
        pytest.param("Ми готові до переговорів.", "uk", {"1"}, id="uk"),
        pytest.param("Nasz rząd przyjął ustawę.", "pl", {"1"}, id="pl"),
        pytest.param("私たちは準備ができている。", "ja", {"1"}, id="ja-watashitachi"),
        pytest.param("私立大学の学生が抗議した。", "ja", set(), id="ja-private-school"),
        pytest.param("我们认为这是错误的。", "zh", {"1"}, id="zh"),
        pytest.param("The US said so.", "en", set(), id="en-US-country"),
        pytest.param("On dit que la ville est tombée.", "fr", set(), id="fr-generic-on"),
        pytest.param("Anything at all.", "xx", set(), id="no-table"),
    ],
)
def test_source_voices(text, lang, voices):
    assert source_voices(text, lang) == frozenset(voices)


def test_subject_dropping_languages_prove_nothing_by_absence():
    assert [absence_is_evidence(x) for x in ("de", "fr", "en", "nl", "ru", "es", "ja", "xx")] == [
        True, True, True, True, False, False, False, False,
    ]  # fmt: skip


def test_formal_lookalike():
    assert formal_lookalike("Wie viel sie bezahlten, blieb offen.", "de") == "sie"
    assert formal_lookalike("Sie bezahlten viel.", "de") is None
    assert formal_lookalike("Ils ont payé.", "fr") is None
