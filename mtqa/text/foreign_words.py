"""Evidence that words belong to another language than the article's: which other languages to
suspect, their frequent words, and a two-language detector to confirm a suspicion.

The languages suspected are the source language first (a leftover is most often in the language the
text was translated from), then the Latin-script languages news is most often translated from.
Only the frequent words of each (Zipf >= 2) are kept in memory: a word rarer than that proves
nothing about a run of words, and the full wordfreq lists are ten times larger.
"""

from __future__ import annotations

from functools import cache

from mtqa.text import word_table
from mtqa.text.word_table import WordTable
from mtqa.text.wordfreq_language import SAME_LANGUAGE, wordfreq_language

# Latin-script languages with a wordfreq list and a lingua model, suspected in every article.
SUSPECTED = ("en", "fr", "de", "es", "it", "pt", "nl")
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "ro": "Romanian",
    "sv": "Swedish",
    "da": "Danish",
    "nb": "Norwegian",
    "fi": "Finnish",
    "hu": "Hungarian",
    "tr": "Turkish",
    "ca": "Catalan",
    "id": "Indonesian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Hindi",
}
_LATIN_HINTS = frozenset(SUSPECTED) | {"pl", "cs", "ro", "sv", "da", "nb", "fi", "hu", "tr", "ca", "id"}
_FLOOR = 1e-7  # Zipf 2


def default_other(lang: str) -> str:
    """The language a leftover is in when nothing else is known: English, or French in English."""
    return "fr" if lang == "en" else "en"


@cache
def suspected(lang: str, hint: str | None) -> tuple[str, ...]:
    """Other languages to look for in an article in `lang`, the most likely first: the source
    language (when it is written in Latin script), English (French for English articles), the rest."""
    first = (hint,) if hint in _LATIN_HINTS and hint != lang and frequencies(hint) else ()
    rest = (default_other(lang),) + SUSPECTED
    return tuple(dict.fromkeys(x for x in first + rest if x != lang))


@cache
def frequencies(lang: str) -> WordTable:
    """The frequent words of `lang` (Zipf >= 2) -> frequency; empty when wordfreq has no list. Built
    once per machine and read back from the user cache (mtqa.cache) on later runs."""
    from mtqa.cache import cached

    build = lambda: word_table.encode(_build(lang))  # noqa: E731
    depends = (f"frequent:{lang}:table", _FLOOR, f"same-language:{SAME_LANGUAGE}")
    return WordTable(cached(f"frequent-words-{lang}", build, depends))


def _build(lang: str) -> dict[str, float]:
    """Read from wordfreq's frequency buckets, most frequent first, stopping at the floor: the full
    dict (every rare word) is never built."""
    import wordfreq

    code = wordfreq_language(lang)
    if code is None:
        return {}
    buckets = wordfreq.get_frequency_list(code, wordlist="best")
    out: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        freq = wordfreq.cB_to_freq(-index)
        if freq < _FLOOR:
            break
        for word in bucket:
            out.setdefault(word, freq)
    return out


@cache
def _pair_detector(lang: str, other: str):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in (lang, other)]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def confirmed(text: str, lang: str, other: str) -> bool:
    """Whether lingua, choosing only between the article's language and `other`, says `other`."""
    try:
        detector = _pair_detector(lang, other)
    except (AttributeError, ValueError):
        return False  # a language lingua does not know: no confirmation
    found = detector.detect_language_of(text)
    return found is not None and found.iso_code_639_1.name.lower() == other
