"""BLEU, chrF, chrF++ and TER through sacrebleu's API, corpus and per segment, with signatures.

Segment statistics are extracted once per metric; the corpus score aggregates them exactly as
`corpus_score` does (so the figures equal the `sacrebleu` command's), and each segment score is
computed from its own statistics exactly as `sentence_score` does (BLEU with effective order, as
`sacrebleu --sentence-level` uses), without tokenising the text a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtqa.scoring.settings import TOKENIZER_EXTRAS, SacrebleuSettings
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


def too_long(hyps: list[str], ref_streams, max_words: int) -> list[int]:
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


def score_metric(
    key: str,
    hyps: list[str],
    ref_streams: list[list[str | None]],
    groups: dict[str, list[int]] | None = None,
    settings: SacrebleuSettings | None = None,
    n_bootstrap: int = 1,
    max_words: int = 0,
) -> MetricResult:
    """Corpus and segment scores; with `groups` (doc_id -> unit indices), a corpus-style score per
    document too, aggregated from the same segment statistics. `n_bootstrap` > 1 adds sacrebleu's
    confidence interval (`--confidence`); segments longer than `max_words` words are left out (their
    score is None) and the signature says how many."""
    corpus_metric = make_metric(key, settings=settings)
    skipped = too_long(hyps, ref_streams, max_words)
    left_out = set(skipped)
    kept = [i for i in range(len(hyps)) if i not in left_out]
    streams = [[stream[i] for i in kept] for stream in ref_streams] if skipped else ref_streams
    stats = corpus_metric._extract_corpus_statistics([hyps[i] for i in kept], streams)
    corpus = corpus_metric._aggregate_and_compute(stats)
    if n_bootstrap > 1 and stats:
        from sacrebleu.significance import _bootstrap_resample

        # as Metric.corpus_score(n_bootstrap=N): the seed and N reach the signature
        corpus_metric.n_bootstrap = n_bootstrap
        corpus_metric.seed, bs_scores = _bootstrap_resample(stats, corpus_metric, n_bootstrap)
        corpus.estimate_ci(bs_scores)
    segment_metric = make_metric(key, sentence=True, settings=settings) if key == "bleu" else corpus_metric
    segment_metric.num_refs = corpus_metric.num_refs
    by_index: dict[int, object] = dict(zip(kept, stats, strict=True))
    segments = tuple(
        segment_metric._aggregate_and_compute([by_index[i]]).score if i in by_index else None
        for i in range(len(hyps))
    )
    detail = corpus._verbose  # BLEU's precisions and brevity penalty, as sacrebleu prints them
    suffix = (settings or SacrebleuSettings()).signature_suffix(key)
    signature = _signature(corpus_metric) + suffix
    segment_signature = _segment_signature(key, settings, corpus_metric.num_refs) + suffix
    if skipped:
        note = f"|skip:{len(skipped)}>{max_words}w"  # mtqa's own addition: segments left out
        signature += note
    return MetricResult(
        key=key,
        name=corpus.name,
        corpus=corpus.score,
        signature=signature,
        segments=segments,
        segment_signature=segment_signature,
        higher_is_better=key != "ter",
        detail=detail,
        documents=tuple(
            (doc, corpus_metric._aggregate_and_compute([by_index[i] for i in idx if i in by_index]).score)
            for doc, idx in (groups or {}).items()
            if any(i in by_index for i in idx)
        ),
        # sacrebleu prints "(μ = mean ± ci)" when its bootstrap mean is positive
        ci=corpus._ci if corpus._mean > 0 else None,
        mean=corpus._mean if corpus._mean > 0 else None,
        skipped=tuple(skipped),
    )


def _segment_signature(key: str, settings: SacrebleuSettings | None, num_refs: int) -> str:
    """What `sacrebleu --sentence-level` prints for each segment (no bootstrap in it)."""
    metric = make_metric(key, sentence=True, settings=settings)
    metric.num_refs = num_refs
    return _signature(metric)


def score_all(
    keys: list[str],
    hyps: list[str],
    ref_streams: list[list[str | None]],
    groups: dict[str, list[int]] | None = None,
    settings: SacrebleuSettings | None = None,
    n_bootstrap: int = 1,
    max_words: dict[str, int] | None = None,
    progress: bool = False,
) -> list[MetricResult]:
    """The metrics of `keys`; a metric whose length limit leaves out every segment is not computed
    (there is nothing to score), and is absent from the list. `progress`: a bar on stderr counting
    the metrics (each one scores every segment: minutes on a large test set)."""
    from mtqa.progress import track

    limits = max_words or {}
    out = []
    for k in track(keys, "sacrebleu", enabled=progress, start_after=1):
        if k not in SACREBLEU_METRICS:
            continue
        if hyps and len(too_long(hyps, ref_streams, limits.get(k, 0))) == len(hyps):
            continue
        out.append(score_metric(k, hyps, ref_streams, groups, settings, n_bootstrap, limits.get(k, 0)))
    return out


def paired_test(
    keys: list[str],
    named_systems: list[tuple[str, list[str]]],
    ref_streams,
    test: str = "bs",
    n_samples: int = 0,
    settings: SacrebleuSettings | None = None,
) -> tuple[dict, dict]:
    """sacrebleu's paired bootstrap ("bs") or approximate randomisation ("ar"), the first system
    being the baseline (as `sacrebleu REF -i BASE SYS... --paired-bs`). Returns (signatures,
    results) as sacrebleu.significance.PairedTest does."""
    from sacrebleu.significance import PairedTest

    metrics = {k: make_metric(k, settings=settings) for k in keys if k in SACREBLEU_METRICS}
    return PairedTest(named_systems, metrics, ref_streams, test_type=test, n_samples=n_samples)()
