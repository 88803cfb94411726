"""Shortcuts of the rows' alignment confidence, the blank count and the language profile's totals:
each must give what the plain computation gives (the reference is written out here)."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from mtqa.align import Sentence, non_blank
from mtqa.align_anchors import NOUN_CAPITALS, anchors
from mtqa.source_verdict import _confidence, _names, row_confidence
from mtqa.text.lang_profile import running_totals

_BLANKS = regex.compile(r"\s+")


def _non_blank_reference(text: str) -> int:
    return len(text) - sum(map(len, _BLANKS.findall(text)))


def test_the_space_is_the_one_printable_blank() -> None:
    # What the printable path of non_blank rests on: in a printable text, only spaces are blanks.
    printable = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable())
    assert set(_BLANKS.findall(printable)) == {" "}


def test_non_blank_counts_every_blank_and_control_as_the_pattern_does() -> None:
    # The other path: every character that is a blank to either str.split or the pattern, and every
    # control, alone, between letters and beside a tab.
    odd = [c for c in map(chr, range(0x3001)) if c.isspace() or _BLANKS.match(c) or not c.isprintable()]
    assert "\x1c" in odd and "\u3000" in odd
    for c in odd:
        for text in (c, f"a{c}b c", f"a{c}\tb{c}{c}"):
            assert non_blank(text) == _non_blank_reference(text), hex(ord(c))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain text, spaces only.",
        "Tabs\tand\nnew lines\r\n and  runs   of blanks ",
        "No-break\u00a0space and thin\u202fspace, ideographic\u3000space",
        "Separators\x1c\x1d\x1e\x1fstay, as \\s leaves them",
        "\u2028line\u2029paragraph\x85next",
    ],
)
def test_non_blank_on_texts(text: str) -> None:
    assert non_blank(text) == _non_blank_reference(text)


def test_running_totals_add_in_order_from_zero() -> None:
    rng = random.Random(7)
    # Values whose order matters: a compensated or reordered sum gives other floats here.
    rows = [(1e16, 0.1), (1.0, 0.2), (-1e16, 0.3), (1.0, -0.6)]
    rows += [(rng.uniform(-9, 0), rng.uniform(-9, 0)) for _ in range(500)]
    expected = [0.0, 0.0]
    for row in rows:
        expected = [t + s for t, s in zip(expected, row, strict=True)]
    assert running_totals(rows) == expected
    assert running_totals(rows[:3])[0] == 0.0  # 1e16 + 1.0 - 1e16 as a running sum: the 1.0 is lost


def _units(texts: list[str]) -> list[Sentence]:
    return [Sentence(k, 0, len(t), t, True) for k, t in enumerate(texts)]


def _names_reference(sentences: list[Sentence], lang: str | None) -> set[str]:
    """Each sentence's numbers and names, filtered one sentence at a time."""
    out: set[str] = set()
    for s in sentences:
        out |= {
            a for a in anchors(s.text, lang) if a[0] == "n" or (a[0] == "w" and lang not in NOUN_CAPITALS)
        }
    return out


_TEXTS = [
    "Then Angela Merkel met Emmanuel Macron in Paris on 3 May.",
    "Is that all? “Yes!” said the mayor of Zelenograd.",
    "sold 1,500 units at 7% off",
    "no capital and no digit here",
    "Der Bauernverband traf Olaf Scholz am 12. März.",
    "3万人が参加した。",
    "",
]


@pytest.mark.parametrize("lang", ["en", "de", "ja", None])
def test_names_of_sentences_filter_the_union_as_each_sentence(lang: str | None) -> None:
    units = _units(_TEXTS)
    assert _names(units, lang) == _names_reference(units, lang)
    assert _names([], lang) == set()


class _Alignment:
    """What row_confidence reads of an alignment."""

    def __init__(self, source: list[str], target: list[str]) -> None:
        self.source, self.target, self.source_lang = _units(source), _units(target), "en"
        self.beads: list = []


@pytest.mark.parametrize(
    "source",
    [
        ["no capital and no digit here", "nor here either"],  # no anchor: the target is not read
        ["Then Angela Merkel met Emmanuel Macron on 3 May.", "no capital here"],
    ],
    ids=["source-without-anchors", "source-with-anchors"],
)
def test_row_confidence_as_from_both_sides_anchors(source: list[str]) -> None:
    al = _Alignment(source, ["Puis Angela Merkel a rencontré Emmanuel Macron le 3 mai.", "Et 12 autres."])
    full = _confidence(al, _names_reference(al.source, "en"), _names_reference(al.target, "fr"))  # type: ignore[arg-type]
    assert row_confidence(al, "fr") == full  # type: ignore[arg-type]


def test_a_myriad_count_needs_a_digit() -> None:
    # The count reader runs only where a digit is: a full-width digit is one, a kanji numeral is not.
    assert "n30000" in anchors("３万人が参加した。", "ja")
    assert "n30000" in anchors("3万人が参加した。", "ja")
    assert not any(a[0] == "n" for a in anchors("三万人が参加した。", "ja"))
