"""BLEU, chrF, chrF++ and TER through sacrebleu's API, corpus and per segment, with signatures.

Segment statistics are extracted once per metric; the corpus score aggregates them exactly as
`corpus_score` does (so the figures equal the `sacrebleu` command's), and each segment score is
computed from its own statistics exactly as `sentence_score` does (BLEU with effective order, as
`sacrebleu --sentence-level` uses), without tokenising the text a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

SACREBLEU_METRICS = ("bleu", "chrf", "chrf++", "ter")


@dataclass(frozen=True)
class MetricResult:
    key: str  # "bleu", "chrf", "chrf++", "ter", "comet"
    name: str  # the name sacrebleu prints: "BLEU", "chrF2", "chrF2++", "TER" (or "COMET")
    corpus: float
    signature: str  # how the corpus figure was computed
    segments: tuple[float, ...]
    segment_signature: str
    higher_is_better: bool = True
    detail: str = ""  # sacrebleu's verbose part (BLEU precisions, brevity penalty)
    documents: tuple[tuple[str, float], ...] = ()  # (doc_id, score) when the units form several documents


def make_metric(key: str, sentence: bool = False):
    from sacrebleu.metrics import BLEU, CHRF, TER

    if key == "bleu":
        return BLEU(effective_order=sentence)
    if key == "chrf":
        return CHRF()
    if key == "chrf++":
        return CHRF(word_order=2)
    if key == "ter":
        return TER()
    raise ValueError(f"unknown metric {key!r}")


def _signature(metric) -> str:
    return metric.get_signature().format()


def score_metric(
    key: str, hyps: list[str], ref_streams: list[list[str | None]], groups: dict[str, list[int]] | None = None
) -> MetricResult:
    """Corpus and segment scores; with `groups` (doc_id -> unit indices), a corpus-style score per
    document too, aggregated from the same segment statistics."""
    corpus_metric = make_metric(key)
    stats = corpus_metric._extract_corpus_statistics(hyps, ref_streams)
    corpus = corpus_metric._aggregate_and_compute(stats)
    segment_metric = make_metric(key, sentence=True) if key == "bleu" else corpus_metric
    segment_metric.num_refs = corpus_metric.num_refs
    segments = tuple(segment_metric._aggregate_and_compute([s]).score for s in stats)
    detail = ""
    if key == "bleu":
        detail = corpus.format(width=1, score_only=False).split(" = ", 1)[1].split(" ", 1)[1]
    return MetricResult(
        key=key,
        name=corpus.name,
        corpus=corpus.score,
        signature=_signature(corpus_metric),
        segments=segments,
        segment_signature=_signature(segment_metric),
        higher_is_better=key != "ter",
        detail=detail,
        documents=tuple(
            (doc, corpus_metric._aggregate_and_compute([stats[i] for i in idx]).score)
            for doc, idx in (groups or {}).items()
        ),
    )


def score_all(
    keys: list[str],
    hyps: list[str],
    ref_streams: list[list[str | None]],
    groups: dict[str, list[int]] | None = None,
) -> list[MetricResult]:
    return [score_metric(k, hyps, ref_streams, groups) for k in keys if k in SACREBLEU_METRICS]


def paired_test(
    keys: list[str],
    named_systems: list[tuple[str, list[str]]],
    ref_streams,
    test: str = "bs",
    n_samples: int = 0,
) -> tuple[dict, dict]:
    """sacrebleu's paired bootstrap ("bs") or approximate randomisation ("ar"), the first system
    being the baseline. Returns (signatures, results) as sacrebleu.significance.PairedTest does."""
    from sacrebleu.significance import PairedTest

    metrics = {k: make_metric(k) for k in keys if k in SACREBLEU_METRICS}
    return PairedTest(named_systems, metrics, ref_streams, test_type=test, n_samples=n_samples)()
