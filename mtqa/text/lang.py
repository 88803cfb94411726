"""Language identification (lingua), loaded on first use only: `mtqa --help` never pays for it."""

from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("fr", "en", "de", "es", "it", "pt", "nl")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the most likely language of `text`, or None when there is too little text."""
    if sum(ch.isalpha() for ch in text) < 12:
        return None
    lang = _detector().detect_language_of(text)
    return None if lang is None else lang.iso_code_639_1.name.lower()


def confidences(text: str) -> dict[str, float]:
    return {
        r.language.iso_code_639_1.name.lower(): r.value
        for r in _detector().compute_language_confidence_values(text)
    }
