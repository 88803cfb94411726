"""A segment plus the analyses rules share, each computed once and only when a rule asks."""

from __future__ import annotations

import bisect
import sys

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


class SegmentView:
    def __init__(self, segment: Segment, lang: str | None) -> None:
        self.segment = segment
        self.text = segment.text
        self.lang = lang

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    @cached_property
    def quotes(self) -> QuoteScan:
        return scan_quotes(self.text, skip=self.apostrophe_marks)

    @cached_property
    def apostrophe_marks(self) -> frozenset[int]:
        """Offsets of quote marks that stand for an elision apostrophe (l "État): no quotation."""
        return frozenset(a for a, _ in apostrophe_damage_spans(self.text, self.lang))

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        return words(self.text)

    @cached_property
    def bare_words(self) -> list[str]:
        """Lower-cased blank-separated words without clinging punctuation (mtqa.text.words.bare_words)."""
        return bare_words(self.text)

    @cached_property
    def lower_letter_runs(self) -> list[str]:
        """The runs of letters of the lower-cased text, in order, repeats kept: what the cheap
        pre-checks of several rules (untranslated words, personal pronouns) test against a set of
        trigger words, without offsets or match objects."""
        # Interned: a long document repeats a few thousand words, and this list is held for every
        # paragraph until the document is done (0.8 KB a paragraph of 12 words, not interned).
        return list(map(sys.intern, _LETTER_RUN.findall(self.text.lower())))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset` (by bisection: a segment may hold thousands of findings)."""
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
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
        from mtqa.align import align_document
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
