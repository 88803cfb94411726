"""Language identification (lingua), loaded on first use only: `mtqa --help` never pays for it.

Two detectors:
- `detect` / `confidences`: the seven languages the target-side rules have resources for. The
  wrong-language rules (MTQ601) ask "is this French sentence English?", a question among those.
- `identify` / `identify_confidences`: all of lingua's 75 languages, for a document or a source of
  unknown language. lingua first narrows the candidates by script (Cyrillic text never loads a Latin
  model) and loads each language's model on first use only, so a Russian or Japanese source costs the
  few models of its script; low-accuracy mode (trigrams) is right from a sentence or two upwards.
  Loading the Latin-script models takes about half a second, so `identify` first asks the small
  detector and keeps its answer when the common words of that language make most of the text
  (`likely`); a text in any other language (Catalan, Afrikaans, Turkish...) falls below that share
  and goes to the full detector.
A declared language is only contradicted by `contradicts` (very confident, enough text, and not a
close neighbour of the declared one: Bokmål/Danish, Serbian/Croatian, Malay/Indonesian...), and
never where `likely` names the declared language (the answer `identify` would give) or where the
declared language's common words make most of the text once names are set aside (a product text of
brands and model codes, a list of Japanese place names in English, which lingua reads as Shona).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtqa.data import table
from mtqa.text.lang_profile import clear_winner

SUPPORTED = ("fr", "en", "de", "es", "it", "pt", "nl")
_MIN_LETTERS = 12
# Verifying a declared language: below this many letters, or below this confidence, the detector's
# verdict is not worth overriding what the user said.
VERIFY_MIN_LETTERS = 150
VERIFY_MIN_CONFIDENCE = 0.9
VERIFY_MAX_DECLARED = 0.05
# The small detector's answer stands when at least this share of the text's words (of at least this
# many) are common words of that language (Zipf >= 3). Measured: 0.93-1.0 for text in the language,
# at most 0.68 for a neighbour the small detector cannot name (Afrikaans read as Dutch; Catalan 0.48,
# Danish 0.38 read as Portuguese and German), with no floor on lingua's relative confidence, which
# is 1.0 for Afrikaans-as-Dutch.
LIKELY_MIN_WORDS = 12
LIKELY_MIN_SHARE = 0.85
_COMMON = 1e-6
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _any_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@lru_cache(maxsize=4)
def _lower_words(text: str) -> list[str]:
    # identify and contradicts ask clear_language, then likely, about the same text
    return [w.lower() for w in _WORD.findall(text)]


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def detect(text: str) -> str | None:
    """ISO 639-1 code of the most likely of SUPPORTED for `text`, or None when there is too little text."""
    if _letters(text) < _MIN_LETTERS:
        return None
    lang = _detector().detect_language_of(text)
    return None if lang is None else lang.iso_code_639_1.name.lower()


def identify(text: str) -> str | None:
    """ISO 639-1 code of the most likely of lingua's 75 languages, or None for too little text."""
    if _letters(text) < _MIN_LETTERS:
        return None
    code = clear_language(text) or likely(text)
    if code is not None:
        return code
    lang = _any_detector().detect_language_of(text)
    return None if lang is None else lang.iso_code_639_1.name.lower()


def likely(text: str) -> str | None:
    """One of SUPPORTED when the small detector names it and that language's common words make
    most of `text`; None when unsure (few words, another script, or words the language lacks)."""
    words = _lower_words(text)
    if len(words) < LIKELY_MIN_WORDS:
        return None
    code = _small_pick(text)
    return code if code is not None and _mostly_common(words, code) else None


@lru_cache(maxsize=4)
def _small_pick(text: str) -> str | None:
    # likely and _declared_stands ask about the same text, each after counting 12 words or more
    # (so detect's letter minimum always holds)
    return detect(text)


def _declared_stands(text: str, code: str) -> bool:
    """Whether the declared language holds without the full detector: the small detector names it,
    and its common words make most of the text's uncapitalised words. Names, brands and model codes
    are nobody's common words: a product text ("Spitfire Brand Pepper Spray - 4.5 grams") fails
    `likely` on them, while a text in another language (Catalan, Danish, Indonesian) fails on its
    ordinary words whatever the capitals. bench/eval_verify_language.py: the same verdicts as the
    full detector on every dev source declared as its own and as each other supported language."""
    if code not in SUPPORTED:
        return False
    words = [w.lower() for w in _WORD.findall(text) if not w[0].isupper()]
    if len(words) < LIKELY_MIN_WORDS:
        return False
    return _small_pick(text) == code and _mostly_common(words, code)


def _mostly_common(words: list[str], code: str) -> bool:
    from mtqa.text.lexicon import frequencies

    freqs = frequencies(code)
    common = sum(freqs.get(w, 0.0) >= _COMMON for w in words)
    return common >= LIKELY_MIN_SHARE * len(words)


def clear_language(text: str) -> str | None:
    """What `likely` answers, decided without lingua where the text's words leave no doubt: one of
    SUPPORTED whose frequent words clearly outscore every other's (mtqa.text.lang_profile) and whose
    common words make most of the text; None otherwise (then lingua decides). Loading lingua's models
    costs a tenth of a second of a run's start-up; this costs a millisecond."""
    words = _lower_words(text)
    if len(words) < LIKELY_MIN_WORDS:
        return None
    code = clear_winner(words, SUPPORTED)
    return code if code is not None and _mostly_common(words, code) else None


def identify_confidences(text: str) -> dict[str, float]:
    """Confidence per language (of the 75), highest first; languages at 0 are left out."""
    out = {}
    for r in _any_detector().compute_language_confidence_values(text):
        if r.value <= 0:
            break
        out[r.language.iso_code_639_1.name.lower()] = r.value
    return out


def primary(code: str | None) -> str | None:
    """The language subtag of a tag as users write it: pt-BR -> pt, zh_Hant -> zh, no -> nb."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(base, base)


_ALIASES = {"no": "nb", "iw": "he", "in": "id", "tl": "tl"}


@lru_cache(maxsize=1)
def _close() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in table("any", "close_languages"):
        group = set(row)
        for code in row:
            out.setdefault(code, set()).update(group)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def known() -> frozenset[str]:
    from lingua import Language

    return frozenset(lang.iso_code_639_1.name.lower() for lang in Language.all())


def contradicts(text: str, declared: str | None) -> str | None:
    """The language `text` is in when the detector is sure it is not `declared`, else None.

    Silent for a declared language lingua does not know, for too little text, and for a close
    neighbour of the declared language (the detector confuses those, users do not)."""
    code = primary(declared)
    if code is None or code not in known() or _letters(text) < VERIFY_MIN_LETTERS:
        return None
    if clear_language(text) == code or likely(text) == code or _declared_stands(text, code):
        # What `identify` would answer without the full detector, or the declaration's own words:
        # the declaration stands. The full detector costs about 15 ms a call (0.6 s to load).
        return None
    return detector_contradicts(text, code)


def detector_contradicts(text: str, code: str) -> str | None:
    """`contradicts`'s verdict from the full detector alone (no shortcut)."""
    conf = identify_confidences(text)
    if not conf:
        return None
    top = next(iter(conf))
    if top == code or top in _close().get(code, ()):
        return None
    if conf[top] >= VERIFY_MIN_CONFIDENCE and conf.get(code, 0.0) <= VERIFY_MAX_DECLARED:
        return top
    return None
