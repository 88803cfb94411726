"""Start-up: word frequencies read back from the cache, and a document's language named by the
small detector when its common words confirm it (lingua's 75 models only when unsure)."""

from __future__ import annotations

import pytest

from mtqa import cache
from mtqa.config import Config
from mtqa.engine import document_language
from mtqa.io import article_from_text
from mtqa.text import foreign_words, lang, lexicon


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    cache.directory.cache_clear()
    lexicon.frequencies.cache_clear()
    foreign_words.frequencies.cache_clear()
    yield tmp_path / "cache"
    cache.directory.cache_clear()
    lexicon.frequencies.cache_clear()
    foreign_words.frequencies.cache_clear()


@pytest.mark.parametrize(
    ("module", "prefix"),
    [(lexicon, "lexicon-fr-"), (foreign_words, "frequent-words-fr-")],
    ids=["lexicon", "frequent"],
)
def test_frequencies_built_once_then_read_back(cache_dir, monkeypatch, module, prefix):
    built = module.frequencies("fr")
    assert built["maison"] > built["maisonnette"] > 0
    assert [p.name.startswith(prefix) for p in cache_dir.iterdir()] == [True]
    module.frequencies.cache_clear()

    def no_build(*args):
        raise AssertionError("rebuilt instead of read back")

    monkeypatch.setattr(module, "_build", no_build)
    assert module.frequencies("fr") == built


def test_unknown_language_has_no_frequencies(cache_dir):
    assert lexicon.frequencies("xx") == {}
    assert foreign_words.frequencies("xx") == {}
    assert not lexicon.has_lexicon("xx")


def test_lexicon_extra_words_are_part_of_the_cache_key(cache_dir, monkeypatch):
    assert "zorglubesque" not in lexicon.frequencies("fr")
    lexicon.frequencies.cache_clear()
    monkeypatch.setattr(lexicon, "word_list", lambda lang, name: ("Zorglubesque",))
    assert "zorglubesque" in lexicon.frequencies("fr")  # an edited data file builds a new entry
    assert len(list(cache_dir.glob("lexicon-fr-*.marshal"))) == 2


FRENCH = (
    "Le gouvernement a annoncé vendredi de nouvelles mesures pour soutenir les agriculteurs, après "
    "trois semaines de manifestations qui ont bloqué les routes autour de la capitale et des grandes villes."
)


def test_french_named_without_the_full_detector():
    lang._any_detector.cache_clear()
    assert lang.likely(FRENCH) == "fr"
    assert lang.identify(FRENCH) == "fr"
    assert lang._any_detector.cache_info().currsize == 0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "Die regering het Vrydag nuwe maatreëls aangekondig om boere te ondersteun, ná drie weke van "
            "betogings wat die paaie rondom die hoofstad en groot stede versper het.",
            "af",
            id="afrikaans-not-dutch",
        ),
        pytest.param(
            "El govern ha anunciat divendres noves mesures per donar suport als agricultors, després de tres "
            "setmanes de protestes que han bloquejat les carreteres al voltant de la capital.",
            "ca",
            id="catalan-not-portuguese",
        ),
        pytest.param(
            "Regeringen har fredag fremlagt en ny plan for landbruget, efter tre ugers demonstrationer, hvor "
            "landmænd har blokeret vejene omkring hovedstaden og flere store byer i landet.",
            "da",
            id="danish-not-german",
        ),
    ],
)
def test_a_language_outside_the_small_set_goes_to_the_full_detector(text, code):
    assert lang.likely(text) is None
    assert lang.identify(text) == code
    assert document_language(article_from_text(text, "a.txt", None), Config()) == code


def test_too_few_words_are_not_judged_by_the_small_set():
    assert lang.likely("Le conseil a voté le budget.") is None
