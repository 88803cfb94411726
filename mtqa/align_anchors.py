"""Anchors of the sentence aligner (mtqa.align): tokens likely to survive translation unchanged.

Numbers (their values, locale-aware; CJK myriad scales), capitalised words that are not
sentence-initial (folded 4-letter prefix, Cyrillic and Greek in Latin letters, so Ignatyuk ~
Ignatnouk, Зеленский ~ Zelensky), quotation marks, question and exclamation marks. The aligner's
bead costs and the source verdict (mtqa.source_verdict) compare them between the two sides.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from mtqa.text.name_keys import fold
from mtqa.text.numbers import extract_numbers, may_hold_hard_number
from mtqa.text.regex_store import compile_stored

_CAP_WORD = compile_stored(r"\p{Lu}[\p{L}\p{M}]+(?:[-‐]\p{L}[\p{L}\p{M}]*)*")
# Cyrillic and Greek names reappear in Latin-script translations (Зеленский -> Zelensky): spelled
# in Latin letters, they meet their transliteration on the first four letters.
_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіїєґў", "abvgdeziiklmnoprstufyeiiegu", strict=True)),
        "ё": "e",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ь": "",
        "ю": "yu",
        "я": "ya",
        **dict(zip("αβγδεζηικλμνξοπρστυφωάέήίόύώς", "avgdeziiklmnxoprstyfoaeiioyos", strict=True)),
        "θ": "th",
        "χ": "ch",
        "ψ": "ps",
    }
)
# Languages that capitalise every noun: a capital there is no sign of a name.
NOUN_CAPITALS = frozenset({"de", "lb"})
# CJK numbers: digits followed by a myriad-based scale (3万 = 30,000; 1.5億 = 150,000,000).
_CJK_SCALED = compile_stored(r"(\d+(?:[.,．]\d+)?)\s?([万萬億亿千])")
_CJK_SCALE = {"万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "千": 1e3}


@lru_cache(maxsize=1 << 16)  # names recur across the sentences and rows of a corpus
def name_key(word: str) -> str:
    """The anchor of a name: its first four letters, folded (Erdoğan ~ Erdogan), in Latin letters."""
    return "w" + fold(word.lower().translate(_TO_LATIN))[:4]


# The DP, the source verdict and the rows' confidence read the same sentences, and corpora repeat
# rows (catalogue items, boilerplate): 4,096 entries missed a third of the reads of the 10k-row bench.
@lru_cache(maxsize=1 << 14)
def anchors(text: str, lang: str | None) -> frozenset[str]:
    """Tokens likely to survive translation unchanged: numbers, names, quotes, ? and !."""
    out = set()
    # only hard numbers anchor, and a text with no digit holds none (most texts: spared the reading)
    digits = may_hold_hard_number(text)
    for n in extract_numbers(text, lang) if digits else ():
        if not n.soft and n.values:
            out.add(f"n{max(n.values):g}")  # the scaled reading: 30,000 and 3万 meet at 30000
    for m in _CJK_SCALED.finditer(text) if digits else ():  # a myriad count starts with a digit
        try:
            value = float(unicodedata.normalize("NFKC", m.group(1)).replace(",", ""))
        except ValueError:
            continue
        out.add(f"n{value * _CJK_SCALE[m.group(2)]:g}")
    for m in _CAP_WORD.finditer(text):
        word = m.group()
        if m.start() == 0 or len(word) < 3:
            continue  # a sentence-initial capital says nothing
        if len(word) <= 5 and word.isupper():
            continue  # acronyms are translated (VIH -> HIV, OTAN -> NATO)
        out.add(name_key(word))
    for ch, tok in (
        ("?", "?"),
        ("!", "!"),
        ("«", "q"),
        ("“", "q"),
        ('"', "q"),
        ("‘", "q"),
        ("「", "q"),
        ("？", "?"),
        ("！", "!"),
    ):
        if ch in text:
            out.add(tok)
    return frozenset(out)
