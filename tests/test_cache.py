"""mtqa.cache: derived word data built once, read back from the user cache directory."""

from __future__ import annotations

import pytest

from mtqa import cache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    cache.directory.cache_clear()
    yield tmp_path / "cache"
    cache.directory.cache_clear()


def test_built_once_then_read_back(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return ["alpha", "beta"]

    assert cache.cached("words", build, ("v1",)) == ["alpha", "beta"]
    assert cache.cached("words", build, ("v1",)) == ["alpha", "beta"]
    assert len(calls) == 1
    assert len(list(cache_dir.glob("words-*.marshal"))) == 1


def test_a_changed_dependency_builds_a_new_entry(cache_dir, tmp_path):
    data = tmp_path / "list.txt"
    data.write_text("one", encoding="utf-8")
    assert cache.cached("words", lambda: ["one"], (data,)) == ["one"]
    data.write_text("two", encoding="utf-8")
    assert cache.cached("words", lambda: ["two"], (data,)) == ["two"]


def test_a_damaged_entry_is_rebuilt(cache_dir):
    cache.cached("words", lambda: [1, 2, 3])
    (entry,) = cache_dir.glob("words-*.marshal")
    entry.write_bytes(b"\x00garbage")
    assert cache.cached("words", lambda: [4]) == [4]


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("MTQA_CACHE_DIR", str(blocker / "cache"))
    cache.directory.cache_clear()
    try:
        assert cache.cached("words", lambda: {"a": 1.0}) == {"a": 1.0}
    finally:
        cache.directory.cache_clear()
