"""MTQ111's neighbourhood shortcuts (issue 11) give the answers of the unions they replace.

A pair's neighbouring paragraphs are asked one by one instead of joined; a name's key that is not
ASCII is looked up among the keys of the words that are not ASCII only; the translation's candidate
misspellings are read only when a name needs them. Each is checked against the plain definition.
"""

from __future__ import annotations

import pytest

import mtqa.rules.source_name_mismatch as mismatch
from mtqa.data import table
from mtqa.rules.source_name_words import _Nearby, _Words, _words_of, target_skeletons
from mtqa.text.name_keys import fold, skeleton, translit_key
from tests.rules.source_helpers import run_source_rule

PARAGRAPHS = [
    "Le colonel Oleg Ignatiouk a parlé aux journalistes à Kyiv.",
    "Zelenski a rencontré Erdoğan et Игнатюк vendredi.",
    "The Ministry of Defence said Prigozhin had left Rostov-on-Don.",
]
NAMES = [
    "Ignatyuk",
    "Игнатюк",
    "Игнатюка",
    "Зеленский",
    "Zelensky",
    "Erdogan",
    "Пригожин",
    "Rostov",
    "Moscow",
]


def _paragraph(k: int) -> _Words:
    return _Words(lambda: _words_of(lambda i: fold(PARAGRAPHS[i]), k))


def _full_union() -> tuple[set[str], set[str], set[str], set[str]]:
    """Words, keys, prefixes and skeletons of all paragraphs, computed without any shortcut."""
    words = {w for k in range(len(PARAGRAPHS)) for w in _words_of(lambda i: fold(PARAGRAPHS[i]), k)}
    skeletons = set().union(*map(target_skeletons, words))
    return words, {translit_key(w) for w in words}, {w[:4] for w in words if len(w) >= 4}, skeletons


def test_alternations_write_ascii():
    """The premise of foreign_keys: an ASCII word's key is ASCII only if every replacement is."""
    assert all(new.isascii() for _, new in table("any", "name_alternations"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("asked", ["nearby", "union"])
def test_asking_part_by_part_agrees_with_the_union(name, asked):
    parts = [_paragraph(k) for k in range(len(PARAGRAPHS))]
    target = _Nearby(parts) if asked == "nearby" else _Words.union(parts)
    words, keys, prefixes, skeletons = _full_union()
    f, key, sk = fold(name), translit_key(name), {skeleton(name)}
    assert target.has_word(f) == (f in words)
    assert target.has_key(key) == (key in keys)
    assert target.has_prefix(f[:4]) == (f[:4] in prefixes)
    assert target.shares_skeleton(sk) == bool(sk & skeletons)


def test_a_cyrillic_key_is_found_among_foreign_words():
    """Not a vacuous case: the Cyrillic word of the translation is found by its key, ASCII keys not asked."""
    target = _Nearby([_paragraph(1)])
    assert target.has_key(translit_key("ИГНАТЮК"))
    assert "keys" not in target.parts[0].__dict__  # only the keys of the words that are not ASCII


CASES = [
    pytest.param(
        "Le colonel Oleg Ignatnouk a parlé aux journalistes vendredi.",
        "Полковник Олег Игнатюк в пятницу выступил перед журналистами.",
        "fr",
        "ru",
        True,
        id="cross-script-misspelt",
    ),
    pytest.param(
        "Le colonel Oleg Ignatiouk a parlé aux journalistes vendredi.",
        "Полковник Олег Игнатюк в пятницу выступил перед журналистами.",
        "fr",
        "ru",
        False,
        id="cross-script-rendered-candidates-unread",
    ),
    pytest.param(
        "Colonel Oleg Ignatnouk spoke to Reuters.",
        "Le colonel Oleg Ignatyuk a parlé à Reuters.",
        "en",
        "fr",
        True,
        id="latin-misspelt-source-word-not-a-candidate",
    ),
]


@pytest.mark.parametrize(("text", "source", "lang", "src_lang", "flagged"), CASES)
def test_candidates_read_on_demand_are_the_plain_definition(
    text, source, lang, src_lang, flagged, monkeypatch
):
    """Each candidate list read is the capitalised target words less the source's words, as written
    out here; a pair whose names are all rendered never reads them."""
    read = mismatch._candidates
    reads = []

    def checked(pair, source_words_of):
        found = read(pair, source_words_of)
        source = set().union(*(source_words_of(k) for k in pair.neighbour_source_segments()))
        plain = [
            (s.start + m.start(), s.start + m.end(), m.group(), s)
            for s in pair.target
            for m in mismatch.CAPITALISED.finditer(s.text)
            if fold(m.group()) not in source
        ]
        reads.append(found)
        assert found == plain
        return found

    monkeypatch.setattr(mismatch, "_candidates", checked)
    findings = run_source_rule("MTQ111", text, source, lang, src_lang)
    assert bool(findings) is flagged
    assert bool(reads) is flagged
    if lang == "en":
        assert all("Reuters" not in [c[2] for c in found] for found in reads)
