"""A document's alignment with its source (mtqa.align): a source article's sentences against the
translation's, or, for JSONL rows carrying their own `src`, the sentences inside each row pair."""

from __future__ import annotations

from functools import lru_cache

from mtqa.align import Alignment, Bead, Sentence, align_sentences
from mtqa.align_units import row_units, sentences_of
from mtqa.text.lang import primary as _primary


def align_document(view) -> Alignment | None:
    """The alignment of a DocumentView with its source (a source article, or the segments' `src`),
    or None when there is no source at all."""
    doc = view.document
    tgt = sentences_of([s.text for s in doc.segments], [sv.sentences for sv in view.segments])
    if doc.source is not None:
        src = sentences_of([s.text for s in doc.source.segments])
        src_lang = _primary(doc.src_lang or doc.source.lang) or _detect(" ".join(s.text for s in src))
        beads = align_sentences(src, tgt, src_lang, view.lang)
        path = doc.source.path
        src_segments = [s.text for s in doc.source.segments]
    elif any(s.src for s in doc.segments):
        src, beads = _align_rows(doc, tgt, view.lang)
        src_lang = _primary(doc.src_lang) or _detect(" ".join(s.text for s in src))
        path = None
        src_segments = [s.src or "" for s in doc.segments]
    else:
        return None
    alignment = Alignment(
        src,
        tgt,
        beads,
        source_path=path,
        source_lang=src_lang,
        source_segments=src_segments,
        target_segments=[s.text for s in doc.segments],
        rows=doc.source is None,
    )
    return alignment  # mtqa.text.analysis has mtqa.source_verdict judge it


def _align_rows(doc, tgt: list[Sentence], tgt_lang) -> tuple[list[Sentence], list[Bead]]:
    """JSONL rows carry their own source: align the sentences inside each row pair only."""
    src, src_rows = _source_rows(tuple(seg.src for seg in doc.segments))
    beads: list[Bead] = []
    by_row: dict[int, list[int]] = {}
    for k, t in enumerate(tgt):
        by_row.setdefault(t.segment, []).append(k)
    src_lang = _primary(doc.src_lang)
    for row, base, src_texts in src_rows:
        t_idx = by_row.get(row, [])
        if len(src_texts) == 1 and len(t_idx) == 1:  # the row pairs them: nothing to align
            beads.append(Bead((base,), (t_idx[0],), 0.0))
            continue
        row_beads = _row_beads(src_texts, tuple(tgt[k].text for k in t_idx), src_lang, tgt_lang)
        for b in row_beads:
            beads.append(Bead(tuple(base + i for i in b.src), tuple(t_idx[j] for j in b.tgt), b.cost))
    return list(src), beads


# One source document comes back with each system's translation of it (the WMT news set: 157
# sources in 1,683 documents): its sentences are split and built once. A function of the rows'
# sources alone; the Sentences are frozen, so alignments may share them.
@lru_cache(maxsize=256)
def _source_rows(
    sources: tuple[str | None, ...],
) -> tuple[tuple[Sentence, ...], tuple[tuple[int, int, tuple[str, ...]], ...]]:
    """The source sentences of rows with these `src`s, and per row holding a source: the row, the
    index of its first sentence and the texts of its sentences."""
    src: list[Sentence] = []
    rows = []
    for row, text in enumerate(sources):
        if not text or not text.strip():
            continue
        row_src = [Sentence(row, a, b, text[a:b], k == 0) for k, (a, b) in enumerate(row_units(text))]
        rows.append((row, len(src), tuple(s.text for s in row_src)))
        src.extend(row_src)
    return tuple(src), tuple(rows)


# Corpora repeat rows (catalogue items, boilerplate, a segment sent twice): each distinct row pair
# is aligned once. Keyed on the texts, of which the beads are a function.
@lru_cache(maxsize=4096)
def _row_beads(src: tuple[str, ...], tgt: tuple[str, ...], src_lang, tgt_lang) -> tuple[Bead, ...]:
    """The beads of one row's source and target sentences, numbered within the row. The bead costs
    read a sentence's text and whether it starts its paragraph, which in a row is the first sentence
    only: the units rebuilt here give the same costs as the document's."""
    src_units = [Sentence(0, 0, len(t), t, k == 0) for k, t in enumerate(src)]
    tgt_units = [Sentence(0, 0, len(t), t, k == 0) for k, t in enumerate(tgt)]
    return tuple(align_sentences(src_units, tgt_units, src_lang, tgt_lang))


def _detect(text: str) -> str | None:
    from mtqa.text import lang as langid

    return langid.identify(text[:2000])
