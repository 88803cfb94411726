"""BLEU, chrF, chrF++ and TER through sacrebleu's API, corpus and per segment, with signatures.

Segment statistics are extracted once per metric (mtqa.scoring.statistics, in chunks, held as
compact arrays); the corpus score aggregates them exactly as `corpus_score` does (so the figures
equal the `sacrebleu` command's), and each segment score is computed from its own statistics
exactly as `sentence_score` does (BLEU with effective order, as `sacrebleu --sentence-level` uses),
without tokenising the text a second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mtqa.scoring.settings import TOKENIZER_EXTRAS, SacrebleuSettings
from mtqa.scoring.statistics import SegmentStatistics, aggregate, extract, segment_scores, too_long
from mtqa.scoring.units import ScoringInputError

SACREBLEU_METRICS = ("bleu", "chrf", "chrf++", "ter")


@dataclass(frozen=True)
class MetricResult:
    key: str  # "bleu", "chrf", "chrf++", "ter", "comet"
    name: str  # the name sacrebleu prints: "BLEU", "chrF2", "chrF2++", "TER" (or "COMET")
    corpus: float
    signature: str  # how the corpus figure was computed
    segments: tuple[float | None, ...]  # None: a segment left out (see skipped)
    segment_signature: str
    higher_is_better: bool = True
    detail: str = ""  # sacrebleu's verbose part (BLEU precisions, brevity penalty)
    documents: tuple[tuple[str, float], ...] = ()  # (doc_id, score) when the units form several documents
    ci: float | None = None  # --confidence: sacrebleu's bootstrap 95% interval half-width
    mean: float | None = None  # and the bootstrap mean
    skipped: tuple[int, ...] = ()  # unit indices left out (beyond the length limit); their score is None


def _offline_tokenizer(name: str) -> None:
    """sacrebleu downloads the sentencepiece models of spm/flores tokenizers on first use; mtqa never
    goes online, so a model that is not on disk is an input error naming the file to copy."""
    if name not in ("spm", "flores101", "flores200"):
        return
    import os

    from sacrebleu.tokenizers.tokenizer_spm import SPM_MODELS
    from sacrebleu.utils import SACREBLEU_DIR

    path = os.path.join(SACREBLEU_DIR, "models", os.path.basename(SPM_MODELS[name]["url"]))
    if not os.path.exists(path):
        raise ScoringInputError(
            f"tokenizer {name} needs its sentencepiece model at {path} (sacrebleu downloads it on a "
            "connected machine; mtqa never goes online)"
        )


def make_metric(key: str, sentence: bool = False, settings: SacrebleuSettings | None = None):
    """The sacrebleu metric object for `key` with `settings` (sacrebleu's defaults when None)."""
    import logging

    from sacrebleu.metrics import BLEU, CHRF, TER

    s = settings or SacrebleuSettings()
    # sacrebleu warns on its logger ("Consider using the 'zh' tokenizer", "tokenized input"): the
    # library never prints, so those go nowhere; --force exists for the same reason in sacrebleu.
    logging.getLogger("sacrebleu").setLevel(logging.ERROR)
    try:
        if key == "bleu":
            _offline_tokenizer(s.bleu_tokenizer())
            return BLEU(**s.bleu_kwargs(sentence))
        if key == "chrf":
            return CHRF(**s.chrf_kwargs(s.chrf_word_order))
        if key == "chrf++":
            return CHRF(**s.chrf_kwargs(2))
        if key == "ter":
            return TER(**s.ter_kwargs())
    except (RuntimeError, ImportError, OSError) as exc:  # a tokenizer's extra package is missing
        extra = TOKENIZER_EXTRAS.get(s.bleu_tokenizer(), "its extra dependencies")
        raise ScoringInputError(
            f"BLEU tokenizer {s.bleu_tokenizer()} cannot be loaded (pip install {extra!r}): "
            + " ".join(str(exc).split())[:160]
        ) from None
    raise ValueError(f"unknown metric {key!r}")


def _signature(metric) -> str:
    return metric.get_signature().format()


def extract_statistics(
    keys: Sequence[str],
    hyps: Sequence[str],
    ref_streams: Sequence[Sequence[str | None]],
    settings=None,
    max_words: dict[str, int] | None = None,
    offset: int = 0,
) -> dict[str, SegmentStatistics]:
    """Each metric's statistics for units offset.. offset+len(hyps) (a slice of a set), leaving out
    the segments longer than max_words[key] words. Pure: runs on a Dask worker as well as here."""
    out = {}
    for key in keys:
        skipped = set(too_long(hyps, ref_streams, (max_words or {}).get(key, 0)))
        kept = [i for i in range(len(hyps)) if i not in skipped]
        hyps_k: Sequence[str] = hyps
        streams_k: Sequence[Sequence[str | None]] = ref_streams
        if skipped:
            hyps_k = [hyps[i] for i in kept]
            streams_k = [[s[i] for i in kept] for s in ref_streams]
        rows, counts = extract(make_metric(key, settings=settings), key, hyps_k, streams_k)
        out[key] = SegmentStatistics(np.asarray(kept, dtype=np.int64) + offset, rows, frozenset(counts))
    return out


def score_metric(
    key: str,
    hyps: list[str],
    ref_streams: list[list[str | None]],
    groups: dict[str, list[int]] | None = None,
    settings: SacrebleuSettings | None = None,
    n_bootstrap: int = 1,
    max_words: int = 0,
    stats: SegmentStatistics | None = None,
) -> MetricResult:
    """Corpus and segment scores; with `groups` (doc_id -> unit indices), a corpus-style score per
    document too, aggregated from the same segment statistics. `n_bootstrap` > 1 adds sacrebleu's
    confidence interval (`--confidence`); segments longer than `max_words` words are left out (their
    score is None) and the signature says how many. `stats`: the statistics already extracted (on
    Dask workers); else they are extracted here from `hyps` and `ref_streams`."""
    if stats is None:
        stats = extract_statistics([key], hyps, ref_streams, settings, {key: max_words})[key]
    return result_from_statistics(key, stats, len(hyps), groups, settings, n_bootstrap, max_words)


def result_from_statistics(
    key: str,
    stats: SegmentStatistics,
    n_units: int,
    groups: dict[str, list[int]] | None = None,
    settings: SacrebleuSettings | None = None,
    n_bootstrap: int = 1,
    max_words: int = 0,
) -> MetricResult:
    """The MetricResult of `stats` (a set of `n_units` segments): no text is needed any more."""
    corpus_metric = make_metric(key, settings=settings)
    corpus_metric.num_refs = stats.num_refs
    corpus = aggregate(corpus_metric, stats.rows)
    if n_bootstrap > 1 and len(stats.rows):
        from sacrebleu.significance import _bootstrap_resample

        # as Metric.corpus_score(n_bootstrap=N): the seed and N reach the signature
        corpus_metric.n_bootstrap = n_bootstrap
        corpus_metric.seed, bs_scores = _bootstrap_resample(
            stats.rows,  # type: ignore[arg-type]  # an array: np.array(stats) inside is the same
            corpus_metric,
            n_bootstrap,
        )
        corpus.estimate_ci(bs_scores)
    suffix = (settings or SacrebleuSettings()).signature_suffix(key)
    # a metric of its own (no bootstrap in its signature: what `sacrebleu --sentence-level` prints)
    segment_metric = make_metric(key, sentence=True, settings=settings)
    segment_metric.num_refs = corpus_metric.num_refs
    segment_signature = _signature(segment_metric) + suffix
    segments: list[float | None] = [None] * n_units
    for i, value in zip(stats.kept.tolist(), segment_scores(segment_metric, stats.rows), strict=True):
        segments[i] = value
    skipped: tuple[int, ...] = ()
    if len(stats.kept) < n_units:
        skipped = tuple(sorted(set(range(n_units)) - set(stats.kept.tolist())))
    detail = corpus._verbose  # BLEU's precisions and brevity penalty, as sacrebleu prints them
    signature = _signature(corpus_metric) + suffix
    if skipped:
        signature += f"|skip:{len(skipped)}>{max_words}w"  # mtqa's own addition: segments left out
    documents = []
    for doc, idx in (groups or {}).items():
        rows = stats.rows_of(idx)
        if len(rows):
            documents.append((doc, aggregate(corpus_metric, rows).score))
    return MetricResult(
        key=key,
        name=corpus.name,
        corpus=corpus.score,
        signature=signature,
        segments=tuple(segments),
        segment_signature=segment_signature,
        higher_is_better=key != "ter",
        detail=detail,
        documents=tuple(documents),
        # sacrebleu prints "(μ = mean ± ci)" when its bootstrap mean is positive
        ci=corpus._ci if corpus._mean > 0 else None,
        mean=corpus._mean if corpus._mean > 0 else None,
        skipped=skipped,
    )


def score_all(
    keys: list[str],
    hyps: list[str],
    ref_streams: list[list[str | None]],
    groups: dict[str, list[int]] | None = None,
    settings: SacrebleuSettings | None = None,
    n_bootstrap: int = 1,
    max_words: dict[str, int] | None = None,
    progress: bool = False,
    stats: dict[str, SegmentStatistics] | None = None,
    n_units: int | None = None,
) -> list[MetricResult]:
    """The metrics of `keys`; a metric whose length limit leaves out every segment is not computed
    (there is nothing to score), and is absent from the list. `progress`: a bar on stderr counting
    the metrics (each one scores every segment: minutes on a large test set). `stats`: statistics
    extracted elsewhere (Dask workers) for `n_units` segments; `hyps` and `ref_streams` unused then."""
    from mtqa.progress import track

    limits = max_words or {}
    n = len(hyps) if n_units is None else n_units
    out = []
    for k in track(keys, "sacrebleu", enabled=progress, start_after=1):
        if k not in SACREBLEU_METRICS:
            continue
        if stats is not None:
            k_stats = stats[k]
        else:
            k_stats = extract_statistics([k], hyps, ref_streams, settings, limits)[k]
        if n and not len(k_stats.kept):
            continue
        out.append(result_from_statistics(k, k_stats, n, groups, settings, n_bootstrap, limits.get(k, 0)))
    return out


def paired_test(
    keys: list[str],
    named_systems: list[tuple[str, Sequence[str]]],
    ref_streams,
    test: str = "bs",
    n_samples: int = 0,
    settings: SacrebleuSettings | None = None,
) -> tuple[dict, dict]:
    """sacrebleu's paired bootstrap ("bs") or approximate randomisation ("ar"), the first system
    being the baseline (as `sacrebleu REF -i BASE SYS... --paired-bs`). Returns (signatures,
    results) as sacrebleu.significance.PairedTest does."""
    from sacrebleu.significance import PairedTest

    metrics = {
        k: _from_statistics(make_metric(k, settings=settings), k) for k in keys if k in SACREBLEU_METRICS
    }
    return PairedTest(named_systems, metrics, ref_streams, test_type=test, n_samples=n_samples)()


def _from_statistics(metric, key: str):
    """`metric`, extracting its statistics in chunks into a compact array (statistics.extract) and
    aggregating them as sacrebleu does: PairedTest works from the statistics alone, and would
    otherwise hold every reference's n-grams of a system at once."""

    def extract_in_chunks(hypotheses, references):
        rows, counts = extract(metric, key, hypotheses, references)
        metric.num_refs = next(iter(counts)) if len(counts) == 1 else -1
        return rows

    metric._extract_corpus_statistics = extract_in_chunks
    metric._aggregate_and_compute = lambda rows: aggregate(metric, rows)
    return metric
