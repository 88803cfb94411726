"""Word tokens with offsets. Apostrophes split words (French elision: d’Alep -> d, Alep); hyphens
join them (al-Nusra, États-Unis), since hyphenated names are one name."""

from __future__ import annotations

from itertools import repeat
from sys import intern

from mtqa.text.regex_store import compile_stored

WORD = compile_stored(r"\p{L}[\p{L}\p{M}]*(?:[-‐]\p{L}[\p{L}\p{M}]*)*")
APOSTROPHES = "'’ʼ"


def words(text: str) -> list[tuple[int, int, str]]:
    # The word is interned: a segment view holds this list until its document is done, and a long
    # document repeats the same few thousand words (one copy each, not one per occurrence).
    return [(m.start(), m.end(), intern(m.group())) for m in WORD.finditer(text)]


# What clings to a blank-separated word and is no part of it, for bare_words.
CLINGING_PUNCTUATION = ".,;:!?«»“”\"'’()[]{}…–—-"


def bare_words(text: str) -> list[str]:
    """The blank-separated words of `text`, lower-cased, with clinging punctuation stripped (a word
    that was only punctuation becomes ""). No offsets: a cheap view for quick pre-checks, several
    times faster than `words`."""
    # map over str.strip runs the loop in C (a fifth faster than a list comprehension): every row.
    return list(map(str.strip, text.lower().split(), repeat(CLINGING_PUNCTUATION)))
