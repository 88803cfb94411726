"""Word tokens with offsets. Apostrophes split words (French elision: d’Alep -> d, Alep); hyphens
join them (al-Nusra, États-Unis), since hyphenated names are one name."""

from __future__ import annotations

import regex

WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:[-‐]\p{L}[\p{L}\p{M}]*)*")
APOSTROPHES = "'’ʼ"


def words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
