"""Number forms read before plain digit strings, because their parts are not separate numbers:
clock times (18.30 Uhr = 18h30 = 6:30 p.m. = 午後6時半), East Asian counting (13万 = 130,000,
4億5000万 = 450 million, 1・5 = 1.5), kanji numerals (三十 = 30) and Roman numerals (XXIe siècle).

Each reader yields `(start, end, values, soft, parts)`; `parts` are the digit runs of a form written
in pieces, so that a translation splitting it ("18 heures 30") is still recognised. Clock times live
on the negative axis (`clock(h, m)`), where no counted number goes, so "18h30" answers "6:30 pm" and
never "18.5" or "1830".
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtqa.text.lazy_regex import lazy_compile
from mtqa.text.regex_store import compile_stored

Form = tuple[int, int, frozenset[float], bool, tuple[float, ...]]

_TIME_PATTERNS = (
    # Japanese: 午後2時, 11時半, 8時30分 (but 3時間 is three hours, a duration)
    compile_stored(r"(?P<ap>午前|午後)?(?<!\d)(?P<h>\d{1,2})時(?!間)(?:(?P<m>\d{1,2})分|(?P<half>半))?"),
    # German: 18.30 Uhr, 18 Uhr
    compile_stored(r"(?<![\d.,])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s?Uhr\b"),
    # 18:30, 6:30 p.m., 18h30, 18 h, 2pm
    compile_stored(
        r"(?<![\d.,:])(?P<h>\d{1,2})(?:[:：](?P<m>\d{2})(?![\d:])|\s?[hH](?:\s?(?P<m2>\d{2}))?(?![\p{L}\d]))"
        r"(?:\s?(?P<ampm>[aApP])\.?\s?[mM]\b\.?)?"
    ),
    compile_stored(r"(?<![\d.,:])(?P<h>\d{1,2})\s?(?P<ampm>[aApP])\.?\s?[mM](?![\p{L}\d])\.?"),
)
_SCALE_CHARS = {"千": 1e3, "万": 1e4, "萬": 1e4, "億": 1e8, "兆": 1e12}
_EAST_ASIAN = compile_stored(
    r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?(?:[千万萬億兆]\d+(?:,\d{3})*(?:\.\d+)?)*[千万萬億兆]?"
)
_MIDDLE_DOT_DECIMAL = compile_stored(r"(?<![\d.,・])(\d+)・(\d+)(?![\d・])")
_KANJI = compile_stored(r"[一二三四五六七八九十百千][〇一二三四五六七八九十百千万億兆]*")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_ROMAN = lazy_compile(
    r"(?<![\p{L}\d])(?=[MDCLXVI])(?P<n>M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"(?P<suffix>e|er|re|ère|ème)?(?![\p{L}\d])"
)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def clock(hour: int, minute: int) -> float:
    return -(1.0 + (hour % 24) * 60 + minute)


def clock_times(text: str) -> Iterator[Form]:
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            hour = int(m.group("h"))
            minute_text = m.groupdict().get("m") or m.groupdict().get("m2")
            minute = 30 if m.groupdict().get("half") else int(minute_text) if minute_text else 0
            if hour > 24 or minute > 59:
                continue
            marker = (m.groupdict().get("ap") or m.groupdict().get("ampm") or "").lower()
            after_noon = marker in ("午後", "p")
            values = set()
            if not after_noon or hour >= 12:
                values.add(clock(hour, minute))
            if hour < 12 and marker not in ("午前", "a"):  # 6:30 with no marker may be 18:30
                values.add(clock(hour + 12, minute))
            if minute == 0:  # "18 Uhr" answers "at 18" and "6 pm" answers "18"
                values |= {float(hour)} | ({float(hour + 12)} if after_noon else set())
            if "." in m.group() and minute_text and not marker:
                values.add(float(f"{hour}.{minute_text}"))  # 18.30 Uhr, or a decimal
            parts = (float(hour), float(minute)) if minute_text else (float(hour),)
            yield m.start(), m.end(), frozenset(values), False, parts


def _plain(digits: str) -> float:
    return float(digits.replace(",", ""))


def east_asian_counts(text: str) -> Iterator[Form]:
    """Digits counted in myriads: 13万 = 130,000, 6万5000 = 65,000, 7709億 = 770.9 billion."""
    for m in _EAST_ASIAN.finditer(text):
        raw = m.group()
        if not any(c in _SCALE_CHARS for c in raw):
            continue
        total, digits = 0.0, ""
        for ch in raw:
            if ch in _SCALE_CHARS:
                total += _plain(digits) * _SCALE_CHARS[ch]
                digits = ""
            else:
                digits += ch
        if digits:
            total += _plain(digits)
        head = regex.match(r"[\d,.]+", raw).group()
        yield m.start(), m.end(), frozenset({total, _plain(head)}), False, ()
    for m in _MIDDLE_DOT_DECIMAL.finditer(text):  # 1・5メートル: the dot is a decimal point
        value = float(f"{int(m.group(1))}.{m.group(2)}")
        yield m.start(), m.end(), frozenset({value}), False, (float(m.group(1)), float(m.group(2)))


def _kanji_value(run: str) -> float:
    total, section, digit = 0.0, 0.0, 0.0
    for ch in run:
        if ch in _KANJI_DIGITS:
            digit = digit * 10 + _KANJI_DIGITS[ch]
        elif ch in _KANJI_SMALL:
            section += max(digit, 1) * _KANJI_SMALL[ch]
            digit = 0
        else:  # 万 億 兆
            total += (section + digit or 1) * _SCALE_CHARS[ch]
            section, digit = 0.0, 0.0
    return total + section + digit


def kanji_numerals(text: str) -> Iterator[Form]:
    """三十 = 30, 二千 = 2000: soft, because 一 also writes "one" in words (一方, 同一)."""
    for m in _KANJI.finditer(text):
        yield m.start(), m.end(), frozenset({_kanji_value(m.group())}), True, ()


def roman_numerals(text: str) -> Iterator[Form]:
    """XXIe siècle, XXI века, Louis XIV: soft, as a lone "I" or "DC" is also a word or a name."""
    for m in _ROMAN.finditer(text):
        numeral = m.group("n")
        if not numeral or (len(numeral) < 2 and not (m.group("suffix") and numeral in "IVX")):
            continue  # "Ce", "Le", "De" are words; "Ve", "Xe", "Ier" are ordinals
        values = [_ROMAN_VALUES[c] for c in numeral]
        total = sum(-v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values))
        yield m.start(), m.end(), frozenset({float(total)}), True, ()
