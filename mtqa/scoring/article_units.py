"""Whole articles as scoring units: sentences aligned with each reference article.

Units are hypothesis sentences aligned with reference sentences (mtqa.scoring.article_align, a
same-language aligner). A source article is aligned with the hypothesis by the source/target
aligner of the rules (mtqa.align), and each unit takes the source sentences aligned with its
hypothesis sentences.
"""

from __future__ import annotations

import bisect

from mtqa.align import Sentence, align_sentences
from mtqa.align_units import sentences_of
from mtqa.io.articles import article_from_text
from mtqa.scoring.article_align import align, merge_streams
from mtqa.scoring.units import ScoringSet, Unit
from mtqa.text.sentences import split_sentences


def _sentences(text: str, path: str) -> list[tuple[int, int]]:
    """(start, end) offsets into `text` of its sentences."""
    doc = article_from_text(text, path)
    return [(seg.offset + a, seg.offset + b) for seg in doc.segments for a, b in split_sentences(seg.text)]


def _flat(s: str) -> str:
    return " ".join(s.split())


def _line_col(line_starts: list[int], offset: int) -> tuple[int, int]:
    k = bisect.bisect_right(line_starts, offset) - 1
    return k + 1, offset - line_starts[k] + 1


def article_set(
    hyp_path: str,
    hyp_text: str,
    ref_paths: tuple[str, ...],
    ref_texts: list[str],
    src_path: str | None,
    src_text: str | None,
) -> ScoringSet:
    hyp_spans = _sentences(hyp_text, hyp_path)
    hyp = [_flat(hyp_text[a:b]) for a, b in hyp_spans]
    src = None if src_text is None else _source_per_sentence(src_text, src_path, hyp_text, hyp_spans)
    refs = []
    alignments = []
    for path, text in zip(ref_paths, ref_texts, strict=False):
        spans = _sentences(text, path)
        sentences = [_flat(text[a:b]) for a, b in spans]
        refs.append(sentences)
        alignments.append(align(hyp, sentences))
    line_starts = [0] + [i + 1 for i, ch in enumerate(hyp_text) if ch == "\n"]
    units: list[Unit] = []
    for (h0, h1), ref_ranges in merge_streams(len(hyp), alignments):
        if h1 > h0:
            start, end = hyp_spans[h0][0], hyp_spans[h1 - 1][1]
        else:  # a reference sentence the hypothesis dropped: a point where it would have been
            start = end = hyp_spans[h0][0] if h0 < len(hyp_spans) else len(hyp_text.rstrip())
        unit_refs = tuple(" ".join(r[a:b]) for r, (a, b) in zip(refs, ref_ranges, strict=False))
        label = f"{h1 - h0}-" + ("/".join(str(b - a) for a, b in ref_ranges) or "0")
        line, column = _line_col(line_starts, start)
        units.append(
            Unit(
                hyp=" ".join(hyp[h0:h1]),
                refs=unit_refs,
                index=len(units),
                path=hyp_path,
                line=line,
                column=column,
                start=start,
                end=end,
                src=_source_of(src, h0, h1),
                alignment=label,
                original=hyp_text[start:end],
            )
        )
    counts: dict[str, int] = {}
    for u in units:
        counts[u.alignment] = counts.get(u.alignment, 0) + 1
    summary = ", ".join(f"{n}x {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    with_what = "the source" if not ref_paths else "the references" if len(ref_paths) > 1 else "the reference"
    if src is not None and ref_paths:
        with_what += " (and with the source, by mtqa.align)"
    note = f"{hyp_path}: articles aligned sentence by sentence with {with_what} into {len(units)} units"
    note += f" ({summary})"
    return ScoringSet(units, hyp_path, ref_paths, src_path, "articles", notes=[note])


def _source_per_sentence(
    src_text: str, src_path: str | None, hyp_text: str, hyp_spans: list[tuple[int, int]]
) -> tuple[list[str], list[tuple[int, ...]]]:
    """For each hypothesis sentence, the indexes of the source sentences aligned with it."""
    doc = article_from_text(src_text, src_path or "<source>")
    source = sentences_of([seg.text for seg in doc.segments])
    # The hypothesis sentences as the aligner sees them: with their paragraph, so that a bead may
    # not join two sentences across a paragraph break (scraped debris stands alone).
    hyp_doc = article_from_text(hyp_text, "<hypothesis>")
    para_starts = [seg.offset for seg in hyp_doc.segments]
    target: list[Sentence] = []
    for a, b in hyp_spans:
        para = bisect.bisect_right(para_starts, a) - 1
        first = not target or target[-1].segment != para
        base = para_starts[para]
        target.append(Sentence(para, a - base, b - base, hyp_text[a:b], first))
    per_target: list[list[int]] = [[] for _ in target]
    for bead in align_sentences(source, target):
        for j in bead.tgt:
            per_target[j].extend(bead.src)
    return [_flat(s.text) for s in source], [tuple(ix) for ix in per_target]


def _source_of(src, h0: int, h1: int) -> str | None:
    """The source text of hypothesis sentences h0..h1 (in source order, each sentence once)."""
    if src is None:
        return None
    sentences, per_target = src
    wanted = sorted({i for j in range(h0, h1) for i in per_target[j]})
    return " ".join(sentences[i] for i in wanted)
