"""Quotation regions inside one paragraph or row: where quoted words start and end.

French guillemets and English curly quotes pair by kind. A straight double quote is read by where
it stands, as a reader does: after a blank and before a letter it opens, after a letter and before
a blank or punctuation it closes; only a mark that could be either pairs by order. So one stray
mark does not shift every later pair. A quotation nested in another and closed by the same single
mark as its parent (« Il a lancé : « partez ! » is correct French) closes both. A closing mark of
another kind than its opener ("… ») pairs with it as a `mixed` pair, reported once by the rule on
quotation styles rather than as one unclosed and one stray mark.

The document-level view (quotations running over rows and paragraphs, speech without marks) is
mtqa.text.speech; this module answers for one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“"}
CLOSERS = {v: k for k, v in PAIRS.items() if k != "„"}
BRACKETS = {"(": ")", "[": "]"}
# Full-width brackets left from a CJK source close or open like their ASCII twins: "(WoW!Korea ）".
_FULLWIDTH = {"（": "(", "）": ")", "［": "[", "］": "]"}
# Only these characters matter; jumping from one to the next is ~10x faster than a per-character loop.
_QUOTE_MARKS = re.compile('[«»“”„"]')
_BRACKET_MARKS = re.compile(r"[()\[\]（）［］]")
# What stands around a straight quote at a word's edge: a blank, or punctuation that a quotation
# opens after or closes before.
_BLANK_BEFORE = set(" \t\n\r\u00a0\u202f([{—–/«“„:")
_BLANK_AFTER = set(" \t\n\r\u00a0\u202f.,;:!?)]}…»”")
_DIGITS = set("0123456789¼½¾")


@dataclass(frozen=True)
class QuoteScan:
    regions: tuple[tuple[int, int], ...]  # (open offset, offset after the closing mark)
    unclosed: tuple[int, ...]  # offsets of opening marks never closed
    stray_closers: tuple[int, ...]  # closing marks with no opening one
    mixed: tuple[tuple[int, int], ...] = ()  # (opener, closer) of different kinds paired together
    inches: tuple[int, ...] = ()  # straight quotes after a number read as inch marks (27")
    closes_earlier: tuple[int, ...] = ()  # marks closing a quotation opened before the text

    def inside(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(a <= start and end <= b for a, b in self.regions)


def straight_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the straight double quote at `i`: a mark with a blank before
    and a word after opens, a word before and a blank after closes."""
    blank_before = i == 0 or text[i - 1] in _BLANK_BEFORE
    blank_after = i + 1 == len(text) or text[i + 1] in _BLANK_AFTER
    if blank_before and not blank_after:
        return "open"
    if blank_after and not blank_before:
        return "close"
    if not text[i + 1 :].strip():
        return "close"  # nothing follows: it can only end something
    if not text[:i].strip():
        return "open"
    return "either"


def _after_digit(text: str, i: int) -> bool:
    return (i > 0 and text[i - 1] in _DIGITS) or (
        i > 1 and text[i - 1] in " \u00a0" and text[i - 2] in _DIGITS
    )


def _opener_index(stack: list[tuple[str, int]], opener: str) -> int | None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == opener:
            return k
    return None


def scan_quotes(
    text: str,
    straight_open_before: bool = False,
    skip: frozenset[int] = frozenset(),
    closers: frozenset[int] = frozenset(),
) -> QuoteScan:
    """The quotations of `text`. `straight_open_before`: a straight quotation opened before the text
    (in an earlier row) and still open; a mark closing it is listed in `closes_earlier`. `skip`:
    offsets of marks that are no quotation marks (an elision apostrophe typed as a quote: l "État).
    `closers`: offsets of " or “ marks that close, whatever their look (`…, "he said`)."""
    stack: list[tuple[str, int]] = [('"', -1)] if straight_open_before else []  # (mark, offset)
    closes_earlier: list[int] = []
    regions: list[tuple[int, int]] = []
    stray: list[int] = []
    mixed: list[tuple[int, int]] = []
    inches: list[int] = []
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if i in skip:
            continue
        if ch == '"':
            role = "close" if i in closers else straight_role(text, i)
            open_at = _opener_index(stack, '"')
            if open_at is None and role != "open" and _after_digit(text, i):
                inches.append(i)  # 27" or 65 " with no quotation open: an inch mark
                continue
            if role == "open" or (role == "either" and open_at is None):
                stack.append(('"', i))
                continue
            if open_at is not None:
                if stack[open_at][1] < 0:
                    closes_earlier.append(i)
                else:
                    regions.append((stack[open_at][1], i + 1))
                del stack[open_at:]
            elif stack and stack[-1][0] != '"':
                mixed.append((stack[-1][1], i))
                regions.append((stack[-1][1], i + 1))
                stack.pop()
            else:
                stray.append(i)
            continue
        low_open = ch == "“" and stack and stack[-1][0] == "„"  # „…“ (German style)
        turned = ch == "“" and i in closers
        if ch in PAIRS and not low_open and not turned:
            stack.append((ch, i))
            continue
        opener = "„" if low_open else "“" if turned else CLOSERS[ch]
        k = _opener_index(stack, opener)
        if k is not None:
            regions.append((stack[k][1], i + 1))
            del stack[k:]
        elif stack and (ch in "»”" or turned):
            mixed.append((stack[-1][1], i))
            regions.append((stack[-1][1], i + 1))
            stack.pop()
        else:
            stray.append(i)
    unclosed = _close_nested_by_one_mark(text, [pos for _, pos in stack if pos >= 0], regions)
    n = len(text)
    regions.extend((pos, n) for pos in unclosed)
    return QuoteScan(
        tuple(sorted(regions)),
        tuple(sorted(unclosed)),
        tuple(stray),
        tuple(mixed),
        tuple(inches),
        tuple(closes_earlier),
    )


def _close_nested_by_one_mark(text: str, unclosed: list[int], regions: list[tuple[int, int]]) -> list[int]:
    """An opener left open whose last inner quotation closes with its own kind of mark at the end of
    the text (only punctuation after it) was closed by that same mark: one mark closes both."""
    if not unclosed or not regions:
        return unclosed
    last: dict[str, tuple[int, int]] = {}  # closing mark -> the region it closes last in the text
    for a, b in regions:
        if b > last.get(text[b - 1], (0, -1))[1]:
            last[text[b - 1]] = (a, b)
    still = []
    for pos in unclosed:
        mark = PAIRS.get(text[pos], '"')
        a, b = last.get(mark, (-1, -1))
        if a > pos and not text[b:].strip(_TRAILING):
            regions.append((pos, b))
        else:
            still.append(pos)
    return still


_TRAILING = " \t\n\u00a0\u202f.,;:!?…)"


def ascii_bracket(mark: str) -> str:
    return _FULLWIDTH.get(mark, mark)


def scan_brackets(text: str) -> tuple[list[int], list[int]]:
    """Offsets of unclosed opening brackets and of stray closing ones."""
    stack: list[tuple[str, int]] = []
    stray: list[int] = []
    closers = {v: k for k, v in BRACKETS.items()}
    for m in _BRACKET_MARKS.finditer(text):
        i, ch = m.start(), _FULLWIDTH.get(m.group(), m.group())
        if ch in BRACKETS:
            stack.append((ch, i))
        elif ch in closers:
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            else:
                stray.append(i)
    return [pos for _, pos in stack], stray
