"""Which of wordfreq's word lists stands for a language, if any.

Asked for a language it lacks, wordfreq answers with the "nearest" list it has, however far: Swahili,
Maltese or Zulu get English, Basque and Galician get Spanish, Afrikaans gets Dutch (langcodes
distances of 20 to 44), with a warning on stderr. A text in such a language would then be read
against another language's words. Only variants of one language are taken as the same: Croatian,
Serbian and Bosnian read as Serbo-Croatian (distances 5-9), Norwegian as Bokmål (1).
"""

from __future__ import annotations

from functools import cache

# Below the 20 of two distinct languages (Nynorsk and Bokmål, Galician and Spanish); above the 9 of
# Croatian and Serbo-Croatian.
SAME_LANGUAGE = 10


@cache
def wordfreq_language(lang: str) -> str | None:
    """The code of wordfreq's "best" list for `lang` (itself, or a variant of the same language), or
    None when wordfreq has no list for that language."""
    import langcodes
    import wordfreq

    try:
        best, _ = langcodes.closest_match(lang, sorted(wordfreq.available_languages("best")), SAME_LANGUAGE)
    except (LookupError, ValueError):  # not a language tag at all
        return None
    return None if best == "und" else best
