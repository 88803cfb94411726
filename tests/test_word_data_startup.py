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


# ---- the compact word table behind the frequencies ------------------------------------------------


def test_word_table_answers_as_the_dict_it_encodes():
    import pickle

    from mtqa.text.word_table import WordTable

    source = {"maison": 1e-4, "été": 2e-5, "naïve": 2e-5, "l'eau": 3e-6, "東京": 1e-6, "": 5e-9}
    table = WordTable.of(source)
    for word, freq in source.items():
        assert table.get(word) == freq and table[word] == freq and word in table
    for absent in ("maisons", "Maison", "ete", "東", "\ud800", "x" * 300):
        assert table.get(absent) is None and table.get(absent, 0.0) == 0.0 and absent not in table
        assert table.get(absent) is None  # a remembered miss answers the same
    assert 3 not in table
    with pytest.raises(KeyError):
        table["maisons"]
    assert len(table) == len(source) and table == source and dict(table.items()) == source
    assert pickle.loads(pickle.dumps(table)) == source
    empty = WordTable.of({})
    assert not empty and empty == {} and empty.get("a") is None


def test_word_table_keeps_string_values():
    from mtqa.text.word_table import WordTable

    names = {f"name{k}": "mf"[k % 2] for k in range(5000)}
    table = WordTable.of(names)
    assert all(table.get(n) == g for n, g in names.items()) and table.get("name5000") is None


# ---- start-up helpers ------------------------------------------------------------------------------


def test_installed_version_reads_the_dist_info_folder():
    from importlib.metadata import version

    assert cache.installed_version("wordfreq") == version("wordfreq")
    assert cache.installed_version("lingua-language-detector") == version("lingua-language-detector")
    assert cache.installed_version("no-such-distribution-mtqa-test") is None


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_as_the_pattern():
    import pickle
    import re

    import regex

    from mtqa.text.lazy_regex import lazy_compile

    lazy = lazy_compile(r"(?P<w>\p{Lu}\w+)")
    assert "compiled" not in vars(lazy)
    assert lazy.findall("Paris et Lyon") == regex.findall(r"\p{Lu}\w+", "Paris et Lyon")
    assert "compiled" in vars(lazy) and lazy.groupindex == {"w": 1}
    assert [m.span() for m in lazy.finditer("a Bc De")] == [(2, 4), (5, 7)]
    assert pickle.loads(pickle.dumps(lazy)).sub("X", "a Bc") == "a X"
    plain = lazy_compile("a+", re.IGNORECASE, engine=re)
    assert plain.findall("aAb") == ["aA"] and isinstance(plain.compiled, re.Pattern)


def test_a_declared_language_the_small_detector_confirms_is_not_sent_to_the_full_one():
    lang._any_detector.cache_clear()
    assert lang.contradicts(FRENCH * 2, "fr") is None
    assert lang._any_detector.cache_info().currsize == 0
    english = (
        "The government announced new measures on Friday to support farmers, after three weeks of "
        "protests that blocked the roads around the capital and the big cities of the country."
    )
    assert lang.contradicts(english * 2, "fr") == "en"  # a wrong declaration is still caught
