"""JSONL rows are split and aligned once per distinct row (mtqa.align_units.row_units,
mtqa.align_document._row_beads): the cached path must give what splitting and aligning each row of
the document afresh gives."""

from __future__ import annotations

import pytest

from mtqa.align import align_sentences
from mtqa.align_document import _row_beads, align_document
from mtqa.align_units import _paragraph_sentences, row_units, sentences_of
from mtqa.model import Document, Segment
from mtqa.text.analysis import DocumentView

ROWS = [
    ("First point. Second point.", "Premier point. Second point."),
    ("Third point.", "Troisième point."),
    (
        "Paris hosts 3 events.Berlin hosts 12 more. Is that all?",
        "Paris accueille 3 événements. Berlin 12 de plus.",
    ),
    ("One sentence only.", "Une phrase. Et une autre, ajoutée. Et encore une."),
    (
        "Sold 1,500 units in May. Prices rose 7%.",
        "1 500 unités vendues en mai, les prix ont augmenté de 7 %.",
    ),
    ("“Stop,” he said. “Now!”", "« Arrêtez », dit-il. « Maintenant ! »"),
]


def _rows_doc(rows: list[tuple[str, str]]) -> Document:
    segments = tuple(Segment(mt, k, src=src, id=str(k)) for k, (src, mt) in enumerate(rows))
    return Document(path="x.jsonl", segments=segments, lang="fr", src_lang="en", kind="segments")


def _fresh(doc: Document) -> tuple[list, list]:
    """Each row split and aligned afresh, as before the row caches (the reference path)."""
    view = DocumentView(doc, "fr")
    tgt = sentences_of([s.text for s in doc.segments], [sv.sentences for sv in view.segments])
    src, beads = [], []
    for row, seg in enumerate(doc.segments):
        row_src = _paragraph_sentences(seg.src, row)
        t_idx = [k for k, t in enumerate(tgt) if t.segment == row]
        base = len(src)
        src.extend(row_src)
        if len(row_src) == 1 and len(t_idx) == 1:
            beads.append(((base,), (t_idx[0],), 0.0))
            continue
        for b in align_sentences(row_src, [tgt[k] for k in t_idx], "en", "fr"):
            beads.append((tuple(base + i for i in b.src), tuple(t_idx[j] for j in b.tgt), b.cost))
    return src, beads


@pytest.mark.parametrize("repeats", [1, 3], ids=["distinct", "repeated-rows"])
def test_cached_rows_align_as_fresh_ones(repeats: int) -> None:
    row_units.cache_clear()
    _row_beads.cache_clear()
    doc = _rows_doc(ROWS * repeats)
    al = align_document(DocumentView(doc, "fr"))
    src, beads = _fresh(doc)
    assert al.source == src
    assert [(b.src, b.tgt, b.cost) for b in al.beads] == beads
    # the repeated rows were read from the caches, and gave the same beads as their first copies
    aligned = [
        (s, t)
        for s, t in ROWS
        if len(_paragraph_sentences(s, 0)) != 1 or len(_paragraph_sentences(t, 0)) != 1
    ]
    assert _row_beads.cache_info().misses == len(aligned) > 0
    if repeats > 1:
        assert _row_beads.cache_info().hits > 0


def test_row_units_are_the_paragraph_split() -> None:
    for src, _ in ROWS:
        assert [(s.start, s.end) for s in _paragraph_sentences(src, 0)] == list(row_units(src))
