"""The words MTQ301 (repeated-word) and MTQ302 (repeated-phrase) set apart from content words:
function words ("de", "la", "of", "the") recur in any sentence, so repeating one is no loop by itself.
"""

from __future__ import annotations

from functools import cache

from mtqa.data import word_list


@cache
def function_words(lang: str | None) -> frozenset[str]:
    # "" is what a word of punctuation alone leaves in bare_words: never content either.
    return frozenset(w.casefold() for w in word_list(lang or "", "function_words")) | {""}
