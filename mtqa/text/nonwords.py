"""Tokens that look like words but are not words of any language: URLs, e-mail addresses, @handles,
#hashtags, file names, product and model codes, and single letters used as labels ("le groupe B").

One answer for every rule that reads words (elision, contraction, language, garbled words): a letter
run inside one of these spans is never judged as a word. Linear: one regex pass over the text.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import regex

_NONWORD = regex.compile(
    r"""
      (?:https?://|ftp://|www\.)[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]]                      # URLs
    | [\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+                  # e-mail addresses
    | (?<![\p{L}\d])[@#][\p{L}\d_]+                                   # @handles, #hashtags
    | (?<![\p{L}\d])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|de|fr|ru|uk|jp|info|io|gov|edu|ch|at|be|es|it)\b
                                                                      # bare domains: bild.de
    | (?<![\p{L}\d])(?=[\p{L}\d-]*\d)(?=[\p{L}\d-]*\p{L})[\p{L}\d]+(?:[-/][\p{L}\d]+)*(?![\p{L}\d])
                                                                      # codes mixing letters and digits: A320, COVID-19, 2G
    """,
    regex.VERBOSE,
)
# A lone letter between blanks or punctuation ("groupe B", "plan A", "vitamine C"); elided forms
# (l', d', j') are words and are not matched: an apostrophe follows them.
_SINGLE_LETTER = regex.compile(r"(?<![\p{L}\p{M}\d'’.-])\p{L}(?![\p{L}\p{M}\d'’-])")


def nonword_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of `text` that are not words."""
    return [m.span() for m in _NONWORD.finditer(text)]


class NonWords:
    """Membership test for offsets of one text: `covers(start, end)` is True when the span lies inside
    a URL, address, handle, hashtag or code. Built once per text, each test is a bisection."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        return nonword_spans(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [a for a, _ in self.spans]

    def covers(self, start: int, end: int) -> bool:
        if not self.spans:
            return False
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self.spans[k][1] >= end

    def is_single_letter(self, start: int, end: int) -> bool:
        return end - start == 1 and _SINGLE_LETTER.match(self.text, start) is not None
