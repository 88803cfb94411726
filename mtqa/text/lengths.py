"""Expected length of a translation relative to its source, per language pair, language or script.

Character counts differ by script far more than by language: a Japanese sentence takes about 0.43 of
the non-space characters of its English translation, a Chinese one about a third; among alphabets
the differences are a few percent (French is about 15% longer than English). The aligner and the
length-ratio rule divide by this norm, so a CJK source is not "three times too short".
"""

from __future__ import annotations

from functools import lru_cache

import regex

from mtqa.data import table
from mtqa.text.lang import primary as _primary
from mtqa.text.regex_store import compile_stored


def pair_norm(
    src_lang: str | None, tgt_lang: str | None, src_text: str = "", tgt_text: str = ""
) -> float | None:
    """Expected target/source length (non-space characters): the pair's row in length_ratios.tsv,
    else the ratio of the two languages' relative lengths (length_per_language.tsv), a language
    without a row standing for the script of its text (length_per_script.tsv, when text is given)."""
    src_lang, tgt_lang = _primary(src_lang), _primary(tgt_lang)
    norm = _pair_ratios().get((src_lang, tgt_lang)) if src_lang is not None and tgt_lang is not None else None
    if norm is not None:
        return norm
    if src_lang is not None and src_lang == tgt_lang:
        return 1.0
    s = _language_length(src_lang) or (script_length(src_text) if src_text else None)
    t = _language_length(tgt_lang) or (script_length(tgt_text) if tgt_text else None)
    return None if s is None or t is None else t / s


@lru_cache(maxsize=1)
def _pair_ratios() -> dict[tuple[str, str], float]:
    return {(r[0], r[1]): float(r[2]) for r in table("any", "length_ratios")}


@lru_cache(maxsize=1)
def _language_lengths() -> dict[str, float]:
    return {r[0]: float(r[1]) for r in table("any", "length_per_language")}


def _language_length(lang: str | None) -> float | None:
    return None if lang is None else _language_lengths().get(lang)


@lru_cache(maxsize=1)
def _script_lengths() -> dict[str, float]:
    return {r[0]: float(r[1]) for r in table("any", "length_per_script")}


_SCRIPT_SAMPLE = 2000


def script_length(text: str) -> float:
    """Relative length of the script most of `text`'s letters are written in (first 2,000 characters)."""
    counts: dict[str, int] = {}
    for name, pattern in _script_patterns():
        counts[name] = len(pattern.findall(text, 0, _SCRIPT_SAMPLE))
    best = max(counts, key=counts.__getitem__) if counts else None
    latin = len(_LATIN.findall(text, 0, _SCRIPT_SAMPLE))
    if best is None or counts[best] <= latin:
        return 1.0
    if best in ("Hiragana", "Katakana", "Han") and counts.get("Hiragana", 0) + counts.get("Katakana", 0):
        best = "Hiragana"  # Japanese mixes kanji and kana: its length is the kana text's
    return _script_lengths()[best]


_LATIN = compile_stored(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")


@lru_cache(maxsize=1)
def _script_patterns() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((name, compile_stored(rf"\p{{{name}}}")) for name in _script_lengths())
