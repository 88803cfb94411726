"""sacrebleu's sufficient statistics per segment, held compactly, from which every figure is computed.

A corpus, document or segment score of BLEU, chrF, chrF++ or TER is a function of the sum of its
segments' statistics (BLEU: lengths and n-gram matches; chrF: character and word n-gram matches;
TER: edits and reference length). So `mtqa score` keeps one small row of numbers per segment and
metric, not the texts, and the figures equal sacrebleu's `corpus_score` bit for bit:

- `extract` runs sacrebleu's own `_extract_corpus_statistics` over STATS_CHUNK segments at a time:
  sacrebleu caches the n-grams of every reference given in one call (about 40 KB a segment for
  chrF), which is what made one call over 100k lines take gigabytes;
- `aggregate` sums the rows as sacrebleu's `sum_of_lists` does (integers exactly; TER's float
  column left to right) and calls the metric's `_compute_score_from_stats`;
- mtqa.scoring.sacrebleu_metrics.extract_statistics does it for a slice of the units (the whole set
  here, or a partition on a Dask worker: mtqa.distributed.score_on_dask), and `merge` joins slices
  in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

STATS_CHUNK = 256  # segments whose reference n-grams sacrebleu holds at once (chrF: ~10 MB)


@dataclass(frozen=True)
class SegmentStatistics:
    """One metric's statistics for the segments of a set (or of a slice of it)."""

    kept: np.ndarray  # unit indices, ascending, of the segments scored (others are over max_words)
    rows: np.ndarray  # one row per kept segment, as sacrebleu's _extract_corpus_statistics gives it
    ref_counts: frozenset[int]  # references per segment seen (sacrebleu's num_refs; -1: they vary)

    @property
    def num_refs(self) -> int:
        """sacrebleu's num_refs: the one count every segment has, else -1."""
        return next(iter(self.ref_counts)) if len(self.ref_counts) == 1 else -1

    def rows_of(self, indices: Sequence[int]) -> np.ndarray:
        """The rows of those unit indices that were kept."""
        wanted = np.asarray(indices, dtype=np.int64)
        pos = np.searchsorted(self.kept, wanted)
        found = pos < len(self.kept)
        found[found] = self.kept[pos[found]] == wanted[found]
        return self.rows[pos[found]]


def _dtype(key: str):
    return np.float64 if key == "ter" else np.int64  # TER's average reference length is a float


def extract(metric, key: str, hyps: Sequence[str], ref_streams: Sequence[Sequence[str | None]]):
    """(rows, reference counts) of `hyps`, extracted STATS_CHUNK segments at a time."""
    parts = []
    counts: set[int] = set()
    for a in range(0, len(hyps), STATS_CHUNK):
        b = a + STATS_CHUNK
        # the class's method: PairedTest's metrics have this one replaced by a call to extract()
        part = type(metric)._extract_corpus_statistics(
            metric, list(hyps[a:b]), [list(s[a:b]) for s in ref_streams]
        )
        counts.add(metric.num_refs)  # set by sacrebleu for this chunk: a count, or -1 when they vary
        parts.append(np.asarray(part, dtype=_dtype(key)))
    rows = np.concatenate(parts) if parts else np.zeros((0, 0), dtype=_dtype(key))
    return rows, counts


def aggregate(metric, rows: np.ndarray):
    """metric._aggregate_and_compute(rows), summing as sacrebleu's sum_of_lists does."""
    if rows.dtype.kind == "i":
        total: list = [int(v) for v in rows.sum(axis=0)]  # integers: the order does not matter
    else:
        total = [0.0] * rows.shape[1]
        for row in rows.tolist():  # floats: left to right, as sacrebleu adds them
            for i, v in enumerate(row):
                total[i] += v
    return metric._compute_score_from_stats(total)


def segment_scores(metric, rows: np.ndarray) -> list[float]:
    """Each row's own score (metric._aggregate_and_compute([row]))."""
    out: list[float] = []
    for a in range(0, len(rows), STATS_CHUNK):
        out.extend(metric._compute_score_from_stats(row).score for row in rows[a : a + STATS_CHUNK].tolist())
    return out


def too_long(hyps: Sequence[str], ref_streams, max_words: int) -> list[int]:
    """Indices of segments whose hypothesis or a reference has more than `max_words` words."""
    if max_words <= 0:
        return []
    out = []
    for i, hyp in enumerate(hyps):
        texts = [hyp, *((stream[i] or "") for stream in ref_streams)]
        # a cheap bound first: fewer characters than the limit cannot hold more words
        if any(len(t) > max_words and len(t.split()) > max_words for t in texts):
            out.append(i)
    return out


def merge(parts: Sequence[dict[str, SegmentStatistics]]) -> dict[str, SegmentStatistics]:
    """Slices' statistics joined in order (the slices in the order of their units)."""
    out = {}
    for key in parts[0] if parts else ():
        pieces = [p[key] for p in parts]
        rows = [p.rows for p in pieces if len(p.rows)]
        out[key] = SegmentStatistics(
            np.concatenate([p.kept for p in pieces]),
            np.concatenate(rows) if rows else pieces[0].rows,
            frozenset().union(*(p.ref_counts for p in pieces)),
        )
    return out
