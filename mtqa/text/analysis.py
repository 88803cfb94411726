"""A segment plus the analyses rules share, each computed once and only when a rule asks."""

from __future__ import annotations

from functools import cached_property

from mtqa.model import Document, Segment
from mtqa.text.quotes import QuoteScan, scan_quotes
from mtqa.text.sentences import split_sentences
from mtqa.text.words import bare_words, words


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
        return scan_quotes(self.text)

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        return words(self.text)

    @cached_property
    def bare_words(self) -> list[str]:
        """Lower-cased blank-separated words without clinging punctuation (mtqa.text.words.bare_words)."""
        return bare_words(self.text)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for a, b in self.sentences:
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

        return align_document(self)
