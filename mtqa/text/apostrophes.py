"""Quote marks that stand for an elision apostrophe: `l "entreprise`, `d" argent`, `qu "il`,
`aujourd" hui`, English `don "t`, `it" s`, `Russia"s`.

One answer for two rules: the typography rule reports the damage (MTQ551), and quotation rules must
not read these marks as quotation marks (`apostrophe_damage_spans`). One regex pass: linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtqa.text.nonwords import NonWords
from mtqa.text.regex_store import compile_stored

BLANKS = " \u00a0\u202f"
# Marks that stand in for an apostrophe when an encoder, a "smart quotes" pass or a detokenizer
# mangles it: double quotes of every style, and the accents typed for an apostrophe.
MARKS = '"“”„«»´`'
_MARK = f"[{MARKS}]"
# At most one blank around the mark: with blanks on both sides ("l « entreprise »") the mark is a
# real quotation and the apostrophe is missing beside it, which is another defect.
_GAP = rf"(?:[{BLANKS}](?P<mark>{_MARK})|(?P<mark2>{_MARK})[{BLANKS}]?)"
VOWEL_OR_H = "aeiouyhâàäéèêëîïôöûùüœæAEIOUYHÂÀÄÉÈÊËÎÏÔÖÛÙÜŒÆ"

# French words that elide, lower-case; the capitalised form is accepted only at a sentence start,
# where a capital L or D cannot be a label ("plan D").
FR_ELIDING = "l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu"
_FR_HEAD = rf"(?P<head>(?i:{FR_ELIDING}))"
_FR_DAMAGE = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}\d'’.\-]){_FR_HEAD}{_GAP}(?P<next>[{VOWEL_OR_H}][\p{{L}}\p{{M}}]*)"
    rf"|(?<![\p{{L}}\p{{M}}\d'’.\-])(?P<head2>[Aa]ujourd|[Pp]rud){_GAP}(?P<next2>hui|hom\p{{L}}*)"
)
SENTENCE_START = compile_stored(r"(?:^|[.!?:;«“\"(—–\n])[\s]*$")

EN_PRONOUNS = frozenset("i you we they he she it who that there what where here".split())
_EN_DAMAGE = compile_stored(
    rf"(?<![\p{{L}}\p{{M}}\d])(?P<head>\p{{L}}++){_GAP}(?P<next>t|s|re|ve|ll|d|m)"
    rf"(?![\p{{L}}\p{{M}}\d'’\-])(?![{BLANKS}]?{_MARK})"
)


# What every match of _FR_DAMAGE or _EN_DAMAGE holds around its mark: the head's last letter, the
# gap (one blank at most, on one side only) and the start of the next word. A text without it has no
# damage, so the full patterns, which try every position, run only on the few texts that have it.
_GAP_AROUND = rf"(?:(?<=\p{{L}}[{BLANKS}]){_MARK}|(?<=\p{{L}}){_MARK}[{BLANKS}]?)"
_MAY_BE_DAMAGE = {
    "fr": compile_stored(rf"{_GAP_AROUND}[{VOWEL_OR_H}]"),  # hui, hom... start with h
    "en": compile_stored(rf"{_GAP_AROUND}(?:t|s|re|ve|ll|d|m)(?![\p{{L}}\p{{M}}\d'’\-])"),
}


def quoted_letter(text: str, start: int) -> bool:
    """Whether the word at `start` opens a quotation itself (« l » est une consonne): a letter cited."""
    before = text[max(0, start - 2) : start].rstrip(BLANKS)
    return bool(before) and before[-1] in '«“"„'


def _clitic_fits(head: str, clitic: str) -> bool:
    """Whether `head` + apostrophe + `clitic` is an English contraction or possessive."""
    h = head.lower()
    if clitic == "t":
        return h.endswith("n") and len(h) >= 2  # don't, can't, isn't, won't
    if clitic == "s":
        return len(h) >= 2 or h in ("i",) or head.isupper()  # it's, Russia's, the EU's
    if clitic == "m":
        return h == "i"
    return h in EN_PRONOUNS


def _damage(text: str, lang: str | None) -> Iterator[tuple[regex.Match, str, str, int]]:
    """(match, head, next word, offset of the mark) for each quote mark standing for an apostrophe."""
    if lang == "fr":
        for m in _FR_DAMAGE.finditer(text):
            head = m.group("head") or m.group("head2")
            nxt = m.group("next") or m.group("next2")
            mark = m.start("mark") if m.group("mark") else m.start("mark2")
            if quoted_letter(text, m.start()):
                continue
            if m.group("head") and not head.islower():
                if not (head[0].isupper() and head[1:] == head[1:].lower()):
                    continue
                if not SENTENCE_START.search(text, max(0, m.start() - 20), m.start()):
                    continue
            yield m, head, nxt, mark
    elif lang == "en":
        for m in _EN_DAMAGE.finditer(text):
            if not _clitic_fits(m.group("head"), m.group("next")):
                continue
            mark = m.start("mark") if m.group("mark") else m.start("mark2")
            yield m, m.group("head"), m.group("next"), mark


@dataclass(frozen=True)
class ApostropheDamage:
    start: int  # the elided word ("l", "don")
    end: int  # after the word that follows ("entreprise", "t")
    mark: int  # offset of the quote mark standing for the apostrophe
    head: str
    next: str


def apostrophe_damage(text: str, lang: str | None) -> list[ApostropheDamage]:
    """Every quote mark of `text` standing for an apostrophe, with the words around it; none inside a
    URL, address or code. French and English; other languages: none."""
    if not any(c in text for c in MARKS):
        return []
    may_be_damage = _MAY_BE_DAMAGE.get(lang or "")
    if may_be_damage is None or not may_be_damage.search(text):
        return []  # other languages: none (see _damage); or no mark where damage could stand
    nonwords = NonWords(text)
    return [
        ApostropheDamage(m.start(), m.end(), mark, head, nxt)
        for m, head, nxt, mark in _damage(text, lang)
        if not nonwords.covers(m.start(), m.start() + len(head))  # a URL ends at the quote mark
    ]


def apostrophe_damage_spans(text: str, lang: str | None) -> list[tuple[int, int]]:
    """(start, end) of every quote mark in `text` that stands for an elision apostrophe (`l "État`,
    `d" argent`, `don"t`, `Russia"s`), in order. Such marks are no quotation: quotation rules skip
    an offset inside one of these spans. French and English; other languages: none."""
    return [(d.mark, d.mark + 1) for d in apostrophe_damage(text, lang)]
