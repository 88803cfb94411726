"""Numbers in running text, with offsets and the values they may stand for, in any locale.

A number written with digits ("1,5 million", "1 500", "1.500", "2016", "24e") is *hard*: a
translation must carry it. A number written out ("cinq", "two hundred", "dozens") is *soft*: it
answers a number on the other side ("cinq ans" = "5 years") but is never reported itself, because
number words are also ordinary words ("neuf" = new, "les deux" = both). Because separator
conventions differ (1,500 is fifteen hundred in English and one and a half in French), a number
keeps every value it may mean, and two numbers match when their value sets meet.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from mtqa.data import table
from mtqa.text import number_forms
from mtqa.text.regex_store import compile_stored

# Digits (of any script: regex's \\d is Unicode) with thousands groups or a decimal part; spaces
# inside only before 3-digit groups. Digits glued after letters ("Step2", "PS5") are read too, as
# soft numbers; "7x50" is two numbers.
_DIGITS = compile_stored(r"(?<!\d)(?:\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)(?![,.]\d)|\d+(?:[.,]\d+)*)")
_ANY_DIGIT = compile_stored(r"\d")
_ENTITY = compile_stored(r"&#x?[0-9a-fA-F]+;")  # HTML character references are not numbers
# A letter of an alphabetic script: digits glued after it belong to a code ("PS5"); after a CJK
# character they are ordinary numbers (約40万軒, 12日).
_GLUED = compile_stored(r"[\p{L}--[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}xX]]", regex.V1)
_WORD = compile_stored(r"\p{L}+")
_SCALE_AFTER_DIGITS = compile_stored(r"[\u00a0\u202f ]?(\p{L}+)")
# Codes, not quantities: "2G", "5G", "3D" (one capital glued after), "COVID-19", "F-35", "SARS-CoV-2"
# (a capitalised word and a hyphen before).
_CODE_AFTER = compile_stored(r"\p{Lu}(?![\p{L}\d])")
_CODE_BEFORE = compile_stored(r"(?<![\p{L}\d-])\p{Lu}[\p{L}-]*-$")
# Ordinals: 12th, 3e, 1er, 2nd, 5-й, 21º; 第2回. They answer a number but are never reported: a
# translation may turn "the day before" into "the 11th".
_ORDINAL_AFTER = compile_stored(
    r"(?:st|nd|rd|th|e|er|re|ère|ème|è|º|ª|-(?:й|я|го|му|м|ой|ый|ая|ое))(?![\p{L}\d])"
)
# Decades: 90er, 90s, '90s, 90-х, 90-е, 90年代, années 90: also 1990 and 2090 are meant.
_DECADE_AFTER = compile_stored(r"(?:er|s|'s|’s|-?х|-?е|-?ых|年代)(?![\p{L}\d])")
_DECADE_BEFORE = compile_stored(r"(?:['’]|\b(?:années|years|Jahre|годы|годах|годов)\s)$")
_YEAR_SUFFIX = compile_stored(r"年")  # 22年度: a two-digit year in Japanese
_PERCENT_100 = compile_stored(r"\s?(?:%|percent\b|per cent\b|pour cent\b|Prozent\b|процент)")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    values: frozenset[float]
    soft: bool = False
    parts: frozenset[float] = frozenset()  # digit runs of a form written in pieces (18h30, 45 500)

    def matches(self, other: Number) -> bool:
        # The common case first, in C: a value both sides share is close to itself (unless it is
        # infinite, from a digit run of 309 digits or more: inf - inf is no number).
        if not self.values.isdisjoint(other.values) and any(
            math.isfinite(v) for v in self.values & other.values
        ):
            return True
        # else two values within a relative 1e-9 (0.1 * 1e6 is not 100000.0); written out, not a
        # function call per pair of values: this runs for every pair of numbers compared
        return any(abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)) for a in self.values for b in other.values)


@cache
def _words(lang: str) -> dict[str, tuple[float, str]]:
    return {row[0]: (float(row[1]), row[2]) for row in table(lang, "number_words")}


# compiled once: regex.sub with a pattern string looks the pattern up in a cache on every call
_GROUP_SPACE = compile_stored(r"[\u00a0\u202f ]")
_SEPARATOR = compile_stored(r"[.,]")


def _digit_values(raw: str) -> set[float]:
    """Every value a digit string may mean, whatever the locale that wrote it."""
    compact = _GROUP_SPACE.sub("", raw)
    if compact != raw:  # "1 500": spaces group thousands
        return {float(compact)}
    seps = [ch for ch in raw if ch in ",."]
    if not seps:
        return {float(raw)}
    groups = _SEPARATOR.split(raw)
    if len(set(seps)) == 2:  # "1,500.25" or "1.500,25": the last separator is the decimal one
        dec = seps[-1]
        whole, frac = raw.rsplit(dec, 1)
        return {float(_SEPARATOR.sub("", whole) + "." + frac)}
    if len(seps) > 1:  # "1,000,000" or "1.000.000"
        if all(len(g) == 3 for g in groups[1:]):
            return {float("".join(groups))}
        return {float(g) for g in groups}  # "1.2.3": a list or a version, compare the parts
    whole, frac = groups
    values = {float(f"{whole}.{frac}")}
    if len(frac) == 3 and whole != "0":  # 1,500 / 1.500: thousands in one locale, decimal in another
        values.add(float(whole + frac))
    return values


def _scaled(values: set[float], scale: float) -> frozenset[float]:
    return frozenset(values | {v * scale for v in values})


_EAST_ASIAN_MARKS = frozenset("千万萬億兆・")


def _pre_read(text: str, lang: str | None) -> list[Number]:
    """Forms whose digit runs are not separate numbers (times, 13万, 1・5), and soft numerals."""
    readers = [number_forms.roman_numerals]
    if _ANY_DIGIT.search(text):  # times and counts all hold a digit: most sentences hold none
        readers.insert(0, number_forms.clock_times)
        # a count holds one of its scale characters, 1・5 its dot (no other text yields one)
        if not _EAST_ASIAN_MARKS.isdisjoint(text):
            readers.insert(1, number_forms.east_asian_counts)
    if lang in ("ja", "zh"):
        readers.append(number_forms.kanji_numerals)
    found: list[Number] = []
    claimed: list[tuple[int, int]] = []
    for reader in readers:
        for start, end, values, soft, parts in reader(text):
            if any(a < end and start < b for a, b in claimed):
                continue  # the first reader wins: "11時半" is a time, not 11 and a count
            claimed.append((start, end))
            found.append(Number(start, end, text[start:end], values, soft, frozenset(parts)))
    return found


def _digit_number(text: str, m, words: dict) -> tuple[Number, int] | None:
    """The number of one digit match, and where it ends with its scale word ("1,5 million")."""
    start, end = m.span()
    glued = start > 0 and _GLUED.match(text[start - 1]) is not None
    try:
        values = _digit_values(m.group())
    except ValueError:
        return None
    before = text[max(0, start - 24) : start]
    soft = (
        glued
        or _CODE_AFTER.match(text, end) is not None
        or _CODE_BEFORE.search(before) is not None
        or before.endswith("第")
    )
    compact = m.group()
    decade = compact.isdigit() and compact.endswith("0") and len(compact) in (2, 4)
    if decade and (_DECADE_AFTER.match(text, end) or _DECADE_BEFORE.search(before)):
        if len(compact) == 2:
            values |= {1900.0 + int(compact), 2000.0 + int(compact)}
    elif _ORDINAL_AFTER.match(text, end):
        soft = True
    if len(compact) == 2 and compact.isdigit() and _YEAR_SUFFIX.match(text, end):
        values |= {2000.0 + int(compact), 1900.0 + int(compact)}
    if values == {100.0} and _PERCENT_100.match(text, end):
        soft = True  # "100% local pork": an intensifier as often as a figure
    after = _SCALE_AFTER_DIGITS.match(text, end)
    if after and words.get(after.group(1).lower(), (0, ""))[1] == "scale":
        values = set(_scaled(values, words[after.group(1).lower()][0]))
    return Number(start, end, m.group(), frozenset(values), soft=soft), after.end() if after else end


def may_hold_hard_number(text: str) -> bool:
    """Whether `text` may hold a hard number (one a translation must carry). Exact as a pre-check:
    every reader that yields a hard number (digit strings, clock times, myriad counts, 1・5) matches a
    digit, while written-out words, Roman and kanji numerals are soft. Most sentences hold no digit."""
    return _ANY_DIGIT.search(text) is not None


@lru_cache(maxsize=4096)  # the aligner, the mismatch test and the number rule read the same sentences
def extract_numbers(text: str, lang: str | None) -> tuple[Number, ...]:
    """Digit numbers (with a following scale word: "1,5 million"), times, counts in myriads, and
    written-out numbers."""
    words = _words(lang) if lang else {}
    found = _pre_read(text, lang)
    taken = [(n.start, n.end) for n in found]
    pre = sorted(taken)
    entities = [m.span() for m in _ENTITY.finditer(text)] if "&#" in text else []
    for m in _DIGITS.finditer(text):
        if entities and any(a <= m.start() < b for a, b in entities):
            continue
        k = bisect.bisect_right(pre, (m.start(), len(text) + 1)) - 1
        if (k >= 0 and pre[k][1] > m.start()) or (k + 1 < len(pre) and pre[k + 1][0] < m.end()):
            continue  # inside a time or a count already read
        read = _digit_number(text, m, words)
        if read is not None:
            found.append(read[0])
            taken.append((m.start(), read[1]))
    if words:
        lowered = _lowered_words(text)
        if not words.keys().isdisjoint(lowered):  # most hold no number word
            taken.sort()
            found.extend(_written_numbers(text, words, taken, lowered))
    found.sort(key=lambda n: n.start)
    return tuple(found)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _lowered_words(text: str) -> list[str]:
    """`m.group().lower()` of every `_WORD` match of `text`, lowered in one call: the words hold no
    space and lowering makes none, and a space also bounds the context of a final sigma."""
    found = _WORD.findall(text)
    return " ".join(found).lower().split(" ") if found else []


def _written_numbers(
    text: str, words: dict, taken: list[tuple[int, int]], lowered: list[str]
) -> list[Number]:
    """Runs of number words ("deux cents", "twenty-five", "quatre-vingts") read as one value.
    `lowered` is `_lowered_words(text)`."""
    out: list[Number] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not run:
            return
        kinds = [words[w][1] for _, _, w in run]
        value = _combine([words[w][0] for _, _, w in run], [w for _, _, w in run], kinds)
        # Written-out numbers answer numbers on the other side but are never reported themselves:
        # "les deux" may translate "both", "neuf" may mean "new".
        out.append(Number(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]], frozenset({value}), True))
        run.clear()

    matches = None  # the word matches, made for the first number word
    for k, w in enumerate(lowered):
        if w not in words and not run:
            continue  # the common case: an ordinary word, outside any run
        if matches is None:
            matches = list(_WORD.finditer(text))
        m = matches[k]
        if w in words and _inside(taken, m.start()):
            flush()  # the scale word of a digit number ("1,5 million"), already read
            continue
        if w in words:
            gap = text[run[-1][1] : m.start()] if run else ""
            if run and (
                gap.strip(" -\u00a0") not in ("", "et", "and")
                or words[w][1] == "soft"
                or words[run[-1][2]][1] == "soft"
            ):
                flush()
            run.append((m.start(), m.end(), w))
        elif run and w in ("et", "and") and m.start() - run[-1][1] <= 1:
            continue
        else:
            flush()
    flush()
    return out


def _combine(values: list[float], names: list[str], kinds: list[str]) -> float:
    total, current = 0.0, 0.0
    for v, name, kind in zip(values, names, kinds, strict=True):
        if kind == "scale":
            if v < 1000:
                current = max(current, 1.0) * v
            else:
                total += max(current, 1.0) * v
                current = 0.0
        elif name.startswith("vingt") and current in (4.0,):  # quatre-vingt(s) = 80
            current = 80.0
        else:
            current += v
    return total + current
