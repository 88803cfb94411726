"""MTQ902 number-format-locale: a number written in English (or German) format in a French
translation, where a French reader takes it for another value or another convention.

In French the comma is the decimal separator and thousands are grouped with a (narrow) space, so
"45,000 spectateurs" reads as forty-five, "1,234,567" is no French number, and "3.5 millions" is an
English decimal. Only forms that context makes unambiguous are reported; French formats (45 000,
3,5), years, times, scores, versions, addresses and codes are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from mtqa.data import word_list
from mtqa.model import Category, Severity
from mtqa.rules.base import Context, DataFile, Example, Hit, Parameter, Rule
from mtqa.text.numbers import extract_numbers
from mtqa.text.regex_store import compile_stored

_EDGE_BEFORE = r"(?<![\p{L}\d.,:/'’-])"
_EDGE_AFTER = r"(?![\p{L}\d]|[.,:/]\d)"
# 1,234,567: two or more comma groups of three digits.
_COMMA_GROUPS = compile_stored(_EDGE_BEFORE + r"[1-9]\d{0,2}(?:,\d{3}){2,}" + _EDGE_AFTER)
# 45,000 spectateurs: one comma, exactly three digits, then a word (what is counted).
_COMMA_THOUSANDS = compile_stored(
    _EDGE_BEFORE + r"([1-9]\d{0,2}),(\d{3})" + _EDGE_AFTER + r"(?=[\s\u00a0\u202f]+(\p{Ll}+))"
)
# 3.5 millions, 2.75 %, 1.2 milliard d'euros: a dot decimal before a scale word, percent or currency.
_DOT_DECIMAL = compile_stored(
    _EDGE_BEFORE
    + r"(\d{1,3})\.(\d{1,2})"
    + _EDGE_AFTER
    + r"(?=[\s\u00a0\u202f]?(?:%|pour\s?cent\b|millions?\b|milliards?\b|euros?\b|dollars?\b|€|\$|£))"
)
# 45.000 euros: German/Italian grouping; French groups with a space. Readable, so info.
_DOT_THOUSANDS = compile_stored(_EDGE_BEFORE + r"[1-9]\d{0,2}(?:\.\d{3})+" + _EDGE_AFTER)
DOT_THOUSANDS = Parameter(
    "dot_thousands",
    True,
    "Report thousands grouped with a dot (45.000 euros) as info; false for a desk that accepts them.",
)


@cache
def _measure_words() -> frozenset[str]:
    return frozenset(word_list("fr", "decimal_units"))


def _french_space(digits: str) -> str:
    whole = digits.replace(",", "").replace(".", "")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    return "\u202f".join([whole, *groups])


# Languages writing the comma as their decimal separator: "2,500" there is the French 2,500.
_COMMA_DECIMAL_LANGS = frozenset({"de", "fr", "ru", "es", "it", "pt", "nl", "pl", "uk", "cs", "tr"})


def _source_says(seg, written: str, meant: float) -> str | None:
    """A note naming the source's number when it has the intended value; None when the source
    writes the same digits in a comma-decimal language (then the French reading is right)."""
    src = seg.segment.src
    if not src:
        return ""
    lang = seg.segment.src_lang
    numbers = extract_numbers(src, lang)
    if lang in _COMMA_DECIMAL_LANGS and any(n.text == written for n in numbers):
        return None
    means = [n for n in numbers if any(abs(v - meant) < 1e-9 * max(1, meant) for v in n.values)]
    return f"; the source says {means[0].text}" if means else ""


def check_number_format(seg, ctx: Context) -> Iterator[Hit]:
    text = seg.text
    if not any(ch in text for ch in ",."):
        return
    for m in _COMMA_GROUPS.finditer(text):
        note = _source_says(seg, m.group(), float(m.group().replace(",", "")))
        if note is not None:
            yield Hit(
                m.start(),
                m.end(),
                f"{m.group()!r} is English digit grouping; French writes {_french_space(m.group())}{note}",
                suggestion=_french_space(m.group()),
            )
    for m in _COMMA_THOUSANDS.finditer(text):
        if m.group(3) in _measure_words():
            continue  # "5,125 pouces": three decimals of a measure are plausible
        french = float(f"{m.group(1)}.{m.group(2)}")
        note = _source_says(seg, m.group(), float(m.group(1) + m.group(2)))
        if note is not None:
            yield Hit(
                m.start(),
                m.end(),
                f"{m.group()!r} reads as {french:g} in French (the comma is "
                f"the decimal separator); for thousands write {_french_space(m.group())}{note}",
                suggestion=_french_space(m.group()),
            )
    for m in _DOT_DECIMAL.finditer(text):
        value = float(f"{m.group(1)}.{m.group(2)}")
        note = _source_says(seg, m.group(), value)
        if note is not None:
            yield Hit(
                m.start(),
                m.end(),
                f"{m.group()!r} is an English decimal; French writes {m.group(1)},{m.group(2)}{note}",
                suggestion=f"{m.group(1)},{m.group(2)}",
            )
    if not ctx.param(DOT_THOUSANDS):
        return
    for m in _DOT_THOUSANDS.finditer(text):
        yield Hit(
            m.start(),
            m.end(),
            f"{m.group()!r}: French groups thousands with a space ({_french_space(m.group())}), not a dot",
            suggestion=_french_space(m.group()),
            severity=Severity.INFO,
        )


RULES = (
    Rule(
        code="MTQ902",
        data_files=(DataFile("fr", "decimal_units"),),
        name="number-format-locale",
        category=Category.NUMBER,
        severity=Severity.WARNING,
        summary="A number in English format in a French translation: comma thousands (45,000 "
        "spectateurs reads as 45; 1,234,567), a dot decimal before millions, % or a currency (3.5 "
        "millions); dot thousands (45.000 euros) are info.",
        why="French reads the comma as a decimal point, so a copied English figure silently changes "
        "value by a factor of a thousand.",
        flagged=(
            Example("Le match a attiré 45,000 spectateurs au Stade de France.", "fr", spans=("45,000",)),
            Example("Le budget atteint 3.5 millions d'euros cette année.", "fr", spans=("3.5",)),
            Example("La ville compte 1,234,567 habitants.", "fr", spans=("1,234,567",)),
        ),
        passing=(
            Example("Le match a attiré 45\u202f000 spectateurs, soit 3,5 % de plus qu'en 2019.", "fr"),
            Example("Le Bayern mène 4-2 à 18.30 ; la version 15.2 corrige le défaut.", "fr"),
            Example("Le boîtier mesure 5,125 pouces de long.", "fr"),
        ),
        check=check_number_format,
        parameters=(DOT_THOUSANDS,),
        languages=frozenset({"fr"}),
    ),
)
