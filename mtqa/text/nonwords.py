"""Tokens that look like words but are not words of any language: URLs, e-mail addresses, @handles,
#hashtags, file names, product and model codes, and single letters used as labels ("le groupe B").

One answer for every rule that reads words (elision, contraction, language, garbled words): a letter
run inside one of these spans is never judged as a word. Linear: one regex pass over the text.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import regex

from mtqa.text.lazy_regex import lazy_compile
from mtqa.text.regex_store import compile_stored

_TLDS = (
    "com|org|net|info|io|gov|edu|int|eu|de|fr|ru|ua|by|kz|uk|us|jp|cn|kr|tw|hk|in|au|ca|ch|at|be|es|it|"
    "nl|pl|se|no|dk|fi|pt|br|mx|tr|il|ae|tv|me|co|biz|news|online|media|site"
)
# Capitalised endings that are domains in running text (Gazeta.Ru, Mail.Ru, Booking.Com); an English
# or French word after a glued full stop (said.It, Bavière.De) must not read as a domain, so only
# endings that are no such word are listed here.
_TLDS_CAPITALISED = "Ru|RU|Com|COM|Ua|UA|Org|Info"
_FILE_EXTENSIONS = (
    "pdf|html?|php|aspx?|jpe?g|png|gif|svg|mp[34]|mov|avi|js|json|xml|csv|txt|docx?|xlsx?|pptx?|zip|exe|py"
)
# Every branch may start only where its run of characters starts (the look-behinds) and takes its
# runs possessively, so the scan stays linear on any input ("a.a.a...", "x@x@...", one huge word).
# The first line only restates what every branch requires (no letter or digit before, and a first
# character of one of the branches): exact, and it spares trying seven branches at most positions.
_NONWORD = lazy_compile(
    rf"""
    (?<![\p{{L}}\d])(?=[\p{{L}}\d._%+@\#-])(?:
    # URLs
      (?<![\p{{L}}\d./:@-])(?:https?://|ftp://|www\.)
      (?:[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]])?
    # e-mail addresses
    | (?<![\p{{L}}\d._%+-])[\p{{L}}\d._%+-]++@[\p{{L}}\d-]++(?:\.[\p{{L}}\d-]++)+
    # @handles, #hashtags
    | (?<![\p{{L}}\d])[@#][\p{{L}}\d_]++
    # bare domains, with a path or not: bild.de/sport, Gazeta.Ru
    | (?<![\p{{L}}\d.-])[\p{{L}}\d-]++(?:\.[\p{{L}}\d-]++)++(?<=\.(?:{_TLDS}|{_TLDS_CAPITALISED}))
      (?:/[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]])?
    # file names: rapport.pdf, Node.js
    | (?<![\p{{L}}\d._-])[\p{{L}}\d_-]++\.(?:{_FILE_EXTENSIONS})(?![\p{{L}}\d])
    # dotted product names in capitals: ASP.NET, .NET
    | (?<![\p{{L}}\d.])\p{{Lu}}*+\.\p{{Lu}}{{2,}}+(?![\p{{L}}\d])
    # codes mixing letters and digits: A320, COVID-19, 2G
    | (?<![\p{{L}}\d/-])(?=[\p{{L}}\d-]*?\d)(?=[\p{{L}}\d-]*?\p{{L}})
      [\p{{L}}\d]++(?:[-/][\p{{L}}\d]++)*+(?![\p{{L}}\d])
    )
    """,
    regex.VERBOSE,
)
# A lone letter between blanks or punctuation ("groupe B", "plan A", "vitamine C"); elided forms
# (l', d', j') are words and are not matched: an apostrophe follows them.
_SINGLE_LETTER = compile_stored(r"(?<![\p{L}\p{M}\d'’.-])\p{L}(?![\p{L}\p{M}\d'’-])")


# Every non-word holds one of these; most sentences hold none, and this one scan is several times
# cheaper than the full pattern's.
_MAY_HOLD = lazy_compile(r"[@#]|://|www\.|[\p{L}\d]\.[\p{L}\d]|\p{L}[-/]?\d|\d[-/]?\p{L}")


def nonword_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of `text` that are not words."""
    if not _MAY_HOLD.search(text):
        return []
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
        """A lone letter used as a label ("groupe B", "plan A"), not part of a URL or code. Words of
        one letter (à, a, y, I) match too: callers that read words decide by language."""
        return (
            end - start == 1
            and _SINGLE_LETTER.match(self.text, start) is not None
            and not self.covers(start, end)
        )
