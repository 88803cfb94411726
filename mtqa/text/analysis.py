"""A segment plus the analyses rules share, each computed once and only when a rule asks."""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from mtqa.model import Document, Segment
from mtqa.text.apostrophes import apostrophe_damage_spans
from mtqa.text.quotes import QuoteScan, scan_quotes
from mtqa.text.regex_store import compile_stored
from mtqa.text.sentences import split_sentences
from mtqa.text.words import bare_words, words

_LETTER_RUN = compile_stored(r"\p{L}+")


class cached_property:  # noqa: N801 - a drop-in for functools.cached_property
    """functools.cached_property without the lock Python 3.11 takes on every first access (3.12
    dropped it): the views are never shared between threads, and rules read tens of thousands of
    these properties per second. Like the original, the value lands in the instance __dict__, so
    later reads never reach the descriptor."""

    def __init__(self, compute) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


# The analyses of one segment, by the attribute name rules read them under (SegmentView below).


def _sentences(view: SegmentView) -> list[tuple[int, int]]:
    return split_sentences(view.text)


def _quotes(view: SegmentView) -> QuoteScan:
    return scan_quotes(view.text, skip=view.apostrophe_marks)


def _apostrophe_marks(view: SegmentView) -> frozenset[int]:
    """Offsets of quote marks that stand for an elision apostrophe (l "État): no quotation."""
    return frozenset(a for a, _ in apostrophe_damage_spans(view.text, view.lang))


def _words(view: SegmentView) -> list[tuple[int, int, str]]:
    return words(view.text)


def _bare_words(view: SegmentView) -> list[str]:
    """Lower-cased blank-separated words without clinging punctuation (mtqa.text.words.bare_words).
    Interned, as lower_letter_runs: held for every paragraph until its document is done, and a long
    document repeats a few thousand words (para200k: 0.9 -> 0.2 KB a paragraph)."""
    return list(map(sys.intern, bare_words(view.text)))


def _lower_letter_runs(view: SegmentView) -> list[str]:
    """The runs of letters of the lower-cased text, in order, repeats kept: what the cheap
    pre-checks of several rules (untranslated words, personal pronouns) test against a set of
    trigger words, without offsets or match objects."""
    # Interned: a long document repeats a few thousand words, and this list is held for every
    # paragraph until the document is done (0.8 KB a paragraph of 12 words, not interned).
    return list(map(sys.intern, _LETTER_RUN.findall(view.text.lower())))


_ANALYSES: dict[str, Callable[[SegmentView], Any]] = {
    "sentences": _sentences,
    "quotes": _quotes,
    "apostrophe_marks": _apostrophe_marks,
    "words": _words,
    "bare_words": _bare_words,
    "lower_letter_runs": _lower_letter_runs,
}


class SegmentView:
    """One segment and its analyses (_ANALYSES): each is computed by its function on first read and
    kept in the slot of the same name, so later reads are plain slot reads. Slots, not an instance
    __dict__: a long article holds one view per paragraph until the document is done."""

    __slots__ = ("segment", "text", "lang", "__weakref__", *_ANALYSES)  # weakref: rule caches key on views

    sentences: list[tuple[int, int]]
    quotes: QuoteScan
    apostrophe_marks: frozenset[int]
    words: list[tuple[int, int, str]]
    bare_words: list[str]
    lower_letter_runs: list[str]

    def __init__(self, segment: Segment, lang: str | None) -> None:
        self.segment = segment
        self.text = segment.text
        self.lang = lang

    def __getattr__(self, name: str) -> Any:
        # Reached only when normal lookup fails: an analysis whose slot is still empty, or no such
        # attribute at all.
        compute = _ANALYSES.get(name)
        if compute is None:
            raise AttributeError(f"'SegmentView' object has no attribute {name!r}")
        value = compute(self)
        setattr(self, name, value)
        return value

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset` (by bisection: a segment may hold thousands of findings)."""
        k = bisect.bisect_right(self.sentences, offset, key=itemgetter(0)) - 1
        if k >= 0:
            a, b = self.sentences[k]
            if a <= offset < b:
                return a, b
        return 0, len(self.text)


class DocumentView:
    def __init__(self, document: Document, lang: str | None) -> None:
        self.document = document
        self.lang = lang
        self.segments = [SegmentView(s, lang) for s in document.segments]

    @cached_property
    def alignment(self):
        """Source/target sentence alignment (mtqa.align.Alignment), or None without a source.
        Computed once per document, on first use by a source-aware rule."""
        from mtqa.align_document import align_document
        from mtqa.source_verdict import assess

        alignment = align_document(self)
        if alignment is not None:  # is the source plausibly this translation's at all?
            assess(alignment, self.document.src_lang, self.lang, rows=self.document.source is None)
        return alignment

    @cached_property
    def speech(self):
        """Quotation and reported-speech regions of the whole document (mtqa.text.speech.SpeechMap),
        across rows and paragraphs. Computed once per document, on first use."""
        from mtqa.text.speech import build_speech_map

        return build_speech_map(self)
