"""mtqa.text.regex_store: regex patterns compiled once per machine and read back as the same pattern."""

from __future__ import annotations

import pickle

import pytest
import regex

from mtqa import cache
from mtqa.text import regex_store

PATTERNS = [
    (r"(?<![\p{L}\p{M}])(?P<name>\p{Lu}[\p{L}\p{M}]*)(?:[-‐]\p{L}+)*", 0),
    (r"(?i)\b(?:l|d|qu)['’](?=\p{L})", 0),
    (r"(\p{L})\1\1", 0),
    (r"[\p{Han}\p{Hiragana}\p{Katakana}]++", 0),
    (r"cafe\u0301|ÉTÉ", regex.IGNORECASE | regex.V1),
]
TEXTS = ["Jean-Pierre d’Alep", "QU'IL l'été", "Aaa bbb", "東京ひらがな", "Café été ÉTÉ", "e\u0301t\u0301"]


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    """An empty store in a cache directory of its own, as on a machine's first run."""
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    cache.directory.cache_clear()
    monkeypatch.setattr(regex_store, "_STORE", regex_store._Store())
    yield tmp_path / "cache"
    cache.directory.cache_clear()


def _reopen(monkeypatch) -> None:
    """What a later process sees: the store written at exit and read back."""
    regex_store._STORE.save()
    monkeypatch.setattr(regex_store, "_STORE", regex_store._Store())


def _matches(pattern, text):
    return [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_read_back_pattern_is_the_compiled_one(source, flags, fresh_store, monkeypatch):
    first = regex_store.compile_stored(source, flags)
    _reopen(monkeypatch)
    assert list(fresh_store.glob("regex-*.marshal"))
    regex.purge()  # not regex's own in-process cache
    again = regex_store.compile_stored(source, flags)
    fresh = regex.compile(source, flags)
    assert again is not fresh
    assert (again.pattern, again.flags, again.groupindex, again.groups) == (
        fresh.pattern,
        fresh.flags,
        fresh.groupindex,
        fresh.groups,
    )
    assert pickle.dumps(again) == pickle.dumps(fresh) == pickle.dumps(first)  # the same compiled code
    for text in TEXTS:
        assert _matches(again, text) == _matches(fresh, text)


def test_read_back_without_compiling(fresh_store, monkeypatch):
    regex_store.compile_stored(PATTERNS[0][0])
    _reopen(monkeypatch)

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again although stored")

    monkeypatch.setattr(regex, "compile", no_compile)
    assert regex_store.compile_stored(PATTERNS[0][0]).search("à Jean-Pierre").group() == "Jean-Pierre"


def test_damaged_or_foreign_entry_is_compiled_again(fresh_store, monkeypatch):
    source = r"\p{Lu}\p{Ll}+"
    key = (source, 0, int(regex.DEFAULT_VERSION))
    entries = regex_store._STORE.load()
    entries[key] = pickle.dumps(print)  # any other callable is refused by the unpickler
    assert regex_store.compile_stored(source).search("la Paix").group() == "Paix"
    entries[key] = b"\x80\x04not a pickle"
    assert regex_store.compile_stored(source).search("la Paix").group() == "Paix"


def test_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MTQA_CACHE_DIR", str(blocker / "cache"))
    cache.directory.cache_clear()
    monkeypatch.setattr(regex_store, "_STORE", regex_store._Store())
    try:
        assert regex_store.compile_stored(r"\p{L}+").findall("ab cd") == ["ab", "cd"]
        regex_store._STORE.save()
    finally:
        cache.directory.cache_clear()


def test_lazy_patterns_use_the_store(fresh_store, monkeypatch):
    from mtqa.text.lazy_regex import lazy_compile

    lazy_compile(r"\p{Lu}\p{Ll}+x").search("Abx")
    assert (r"\p{Lu}\p{Ll}+x", 0, int(regex.DEFAULT_VERSION)) in regex_store._STORE.added
