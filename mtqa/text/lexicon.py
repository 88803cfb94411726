"""Word frequencies per language from wordfreq, loaded once per process and looked up as a mapping.

`wordfreq.zipf_frequency` re-tokenises its argument on every call (tens of microseconds); the rules
look up every token of every segment, so they read a frequency table directly instead. Building one
language's table from wordfreq takes about half a second, paid once per machine: it is kept in the
user cache (mtqa.cache) as a mtqa.text.word_table.WordTable, read back in a few milliseconds (a
dict of its 300,000 words took a tenth of a second to rebuild on every run). Words wordfreq lacks
can be added in `mtqa/data/<lang>/lexicon_extra.txt` (optional).
"""

from __future__ import annotations

import math
from functools import cache

from mtqa.data import word_list
from mtqa.text import word_table
from mtqa.text.word_table import WordTable
from mtqa.text.wordfreq_language import SAME_LANGUAGE, wordfreq_language

APOSTROPHES = "'’ʼ"

# Inflection endings tried when a word is missing from the lexicon (longest first): wordfreq lists
# surface forms, but rare inflections of common stems can fall below its cut-off.
_SUFFIXES = {
    "fr": (
        "issements",
        "issement",
        "ements",
        "ement",
        "ations",
        "ation",
        "euses",
        "euse",
        "ières",
        "ière",
        "iers",
        "ier",
        "ées",
        "ée",
        "és",
        "aient",
        "ait",
        "ant",
        "ants",
        "antes",
        "ante",
        "eront",
        "erait",
        "erez",
        "era",
        "ez",
        "es",
        "er",
        "e",
        "s",
        "x",
    ),
    "en": (
        "ings",
        "ing",
        "edly",
        "ed",
        "ers",
        "er",
        "est",
        "ies",
        "es",
        "s",
        "ly",
        "ness",
        "ment",
        "ments",
        "able",
        "ably",
        "ation",
        "ations",
        "ize",
        "ized",
        "izes",
        "ise",
        "ised",
    ),
}


@cache
def frequencies(lang: str) -> WordTable:
    """The word -> frequency table of `lang` (empty when wordfreq has no list for it). Built from
    wordfreq once per machine and read back from the user cache (mtqa.cache) on later runs: only
    the languages a run looks up are ever loaded, and only the words looked up are decoded."""
    from mtqa.cache import cached

    extra = word_list(lang, "lexicon_extra")
    build = lambda: word_table.encode(_build(lang, extra))  # noqa: E731
    depends = (f"lexicon:{lang}:table", f"same-language:{SAME_LANGUAGE}", *extra)
    return WordTable(cached(f"lexicon-{lang}", build, depends))


def _build(lang: str, extra: tuple[str, ...]) -> dict[str, float]:
    import wordfreq

    code = wordfreq_language(lang)
    if code is None:
        return {}
    freqs = dict(wordfreq.get_frequency_dict(code, wordlist="best"))
    for word in extra:
        freqs.setdefault(word.lower(), 1e-7)
    return freqs


def has_lexicon(lang: str | None) -> bool:
    return bool(lang) and bool(frequencies(lang))


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) of the lower-cased word; 0 if unknown."""
    f = frequencies(lang).get(word.lower())
    return math.log10(f * 1e9) if f else 0.0


def normalise(word: str) -> str:
    """Lower case with typographic apostrophes made straight, as wordfreq stores words."""
    w = word.lower()
    for a in APOSTROPHES[1:]:
        w = w.replace(a, "'")
    return w


def known(word: str, lang: str) -> bool:
    """Whether `word`, or a plausible inflection of a listed stem, is a word of `lang`."""
    freqs = frequencies(lang)
    w = normalise(word)
    if w in freqs:
        return True
    for suffix in _SUFFIXES.get(lang, ()):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            if stem in freqs or stem + "e" in freqs or (stem + "er") in freqs:
                return True
    return False
