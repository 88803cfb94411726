"""Whole articles as scoring units: sentences (or paragraphs) aligned with each reference article.

Without a source, units are hypothesis sentences aligned with reference sentences
(mtqa.scoring.article_align). With a source article, units are paragraphs, paired one to one with
the source's paragraphs (the paragraph structure must then agree) and aligned with the references.
"""

from __future__ import annotations

import bisect

from mtqa.io.articles import article_from_text
from mtqa.scoring.article_align import align, merge_streams
from mtqa.scoring.units import ScoringInputError, ScoringSet, Unit
from mtqa.text.sentences import split_sentences


def _pieces(text: str, path: str, level: str) -> list[tuple[int, int]]:
    """(start, end) offsets into `text` of its sentences or paragraphs."""
    doc = article_from_text(text, path)
    out = []
    for seg in doc.segments:
        if level == "paragraph":
            out.append((seg.offset, seg.offset + len(seg.text)))
        else:
            out.extend((seg.offset + a, seg.offset + b) for a, b in split_sentences(seg.text))
    return out


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
    level = "paragraph" if src_text is not None else "sentence"
    hyp_spans = _pieces(hyp_text, hyp_path, level)
    hyp = [_flat(hyp_text[a:b]) for a, b in hyp_spans]
    src = None
    if src_text is not None:
        src_spans = _pieces(src_text, src_path or "<source>", "paragraph")
        if len(src_spans) != len(hyp_spans):
            raise ScoringInputError(
                f"{src_path} has {len(src_spans)} paragraphs but {hyp_path} has {len(hyp_spans)}: "
                "the article "
                "structures differ, so the source cannot be paired paragraph by paragraph"
            )
        src = [_flat(src_text[a:b]) for a, b in src_spans]
    refs = []
    alignments = []
    for path, text in zip(ref_paths, ref_texts, strict=False):
        spans = _pieces(text, path, level)
        sentences = [_flat(text[a:b]) for a, b in spans]
        refs.append(sentences)
        alignments.append(align(hyp, sentences))
    line_starts = [0] + [i + 1 for i, ch in enumerate(hyp_text) if ch == "\n"]
    units = []
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
                src=" ".join(src[h0:h1]) if src is not None else None,
                alignment=label,
                original=hyp_text[start:end],
            )
        )
    counts: dict[str, int] = {}
    for u in units:
        counts[u.alignment] = counts.get(u.alignment, 0) + 1
    summary = ", ".join(f"{n}x {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    with_what = "the source" if not ref_paths else "the references" if len(ref_paths) > 1 else "the reference"
    note = f"{hyp_path}: articles aligned {level} by {level} with {with_what} into {len(units)} units"
    note += f" ({summary})"
    return ScoringSet(units, hyp_path, ref_paths, src_path, "articles", notes=[note])
