"""Sentence boundaries as (start, end) offsets into the unmodified text.

A rule-based splitter in the spirit of Punkt's output on news text: a boundary follows terminal
punctuation (and any closing quotes or brackets) when whitespace and a plausible sentence start come
next, unless the period ends a known abbreviation (mtqa/data/any/abbreviations.txt) or an initial
("M.", "J.").
"""

from __future__ import annotations

from functools import cache

from mtqa.data import word_list
from mtqa.text.regex_store import compile_stored


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations a period ends without ending the sentence (lower case, without their period):
    mtqa/data/any/abbreviations.txt."""
    return frozenset(word_list("any", "abbreviations"))


_TERMINATOR_RUN = compile_stored(r"[.!?…]+[»”\"')\]]*")
_LAST_WORD = compile_stored(r"(\p{L}+)\.$")


def _ends_with_abbreviation(text: str, end: int) -> bool:
    m = _LAST_WORD.search(text, max(0, end - 12), end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower() in abbreviations()


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        m = _TERMINATOR_RUN.search(text, i)
        if not m:
            break
        end = m.end()
        i = end
        j = end
        while j < n and text[j] in " \t\u00a0\u202f\r\n":
            j += 1
        if j == end or j >= n:
            continue
        nxt = text[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in '«“"([—–-'):
            continue
        single_period = text[m.start()] == "." and m.end() - m.start() == 1
        if single_period and _ends_with_abbreviation(text, m.start() + 1):
            continue
        spans.append((start, end))
        start = j
    while start < n and text[start].isspace():
        start += 1
    if start < n:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return [s for s in spans if s[1] > s[0]]
