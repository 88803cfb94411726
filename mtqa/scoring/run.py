"""Score a ScoringSet and put the results into a Report: scores with signatures, findings for
weak segments and error spans, the thresholds that failed, and the weakest segments first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from mtqa.model import (
    CorpusScore,
    DocumentScores,
    Finding,
    Note,
    Report,
    Score,
    ScoredUnit,
    ThresholdResult,
    UnitAlignment,
)
from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS, MetricResult, score_all
from mtqa.scoring.settings import SacrebleuSettings
from mtqa.scoring.units import ScoringInputError, ScoringSet

if TYPE_CHECKING:
    from mtqa.scoring.comet_metric import CometOutput

ALL_METRICS = (*SACREBLEU_METRICS, "comet")
DEFAULT_METRICS = SACREBLEU_METRICS
PROGRESS_FROM = 256  # segments; shorter COMET runs take seconds, a bar would only flicker
RANK_ORDER = ("comet", "chrf", "chrf++", "bleu", "ter")  # the most reliable per segment first
# TER's shift search grows much faster than the segment (minutes and GBs on one very long line), so
# by default TER leaves out segments longer than this; the other metrics are linear and keep them.
TER_MAX_WORDS = 1000


@dataclass(frozen=True)
class ScoreOptions:
    metrics: tuple[str, ...] = DEFAULT_METRICS
    comet_model: str | None = None
    comet_quantize: bool = False  # int8 dynamic quantisation of the encoder's Linear layers (CPU)
    batch_size: int = 16
    gpus: int = 0
    progress: bool = False  # a progress bar (on stderr) for runs of PROGRESS_FROM segments or more
    corpus_min: dict[str, float] = field(default_factory=dict)  # --min-bleu, --min-chrf, --min-comet
    corpus_max: dict[str, float] = field(default_factory=dict)  # --max-ter
    segment_floors: dict[str, float] = field(default_factory=dict)  # a ceiling for "ter"
    weakest: int = 10  # how many of the weakest segments the report lists
    width: int = 2  # decimals printed
    sacrebleu: SacrebleuSettings = field(default_factory=SacrebleuSettings)
    confidence: int = 0  # --confidence: bootstrap resamples for a 95% interval (sacrebleu's -cin)
    max_words: dict[str, int] = field(default_factory=lambda: {"ter": TER_MAX_WORDS})  # 0: no limit
    # MTQ952's parameters from [tool.mtqa.parameters.MTQ952] (name -> value; the rest keep defaults)
    span_parameters: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScoreRun:
    scoring_set: ScoringSet
    results: list[MetricResult]
    findings: list[Finding]
    failures: list[str]  # corpus thresholds not met
    ranking: list[int]  # unit indices, weakest first
    rank_metric: str | None
    comet: CometOutput | None = None


def parse_metrics(value: str) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(k.strip().lower() for k in value.split(",") if k.strip()))
    unknown = [k for k in keys if k not in ALL_METRICS]
    if unknown or not keys:
        named = ", ".join(unknown) or repr(value)
        raise ScoringInputError(f"unknown metric {named} (choose from {', '.join(ALL_METRICS)})")
    return keys


def _comet(sset: ScoringSet, options: ScoreOptions):
    from mtqa.scoring import comet_metric

    if not options.comet_model:
        raise ScoringInputError(
            "metric comet needs --comet-model (a checkpoint directory or a cached model name)"
        )
    loaded = comet_metric.load(options.comet_model, quantize=options.comet_quantize)
    refs = [next((r for r in u.refs if r is not None), None) for u in sset.units] if sset.n_refs else None
    srcs = [u.src or "" for u in sset.units] if sset.has_source else None
    return comet_metric.predict(
        loaded,
        sset.hyps,
        refs,
        srcs,
        batch_size=options.batch_size,
        gpus=options.gpus,
        progress=options.progress and len(sset.units) >= PROGRESS_FROM,
    )


def threshold_results(results: list[MetricResult], options: ScoreOptions) -> list[ThresholdResult]:
    """Every corpus threshold set (--min-bleu, --max-ter...), passed or not."""
    out = []
    for r in results:
        for bound, limits in (("min", options.corpus_min), ("max", options.corpus_max)):
            limit = limits.get(r.key)
            if limit is None:
                continue
            passed = r.corpus >= limit if bound == "min" else r.corpus <= limit
            out.append(ThresholdResult(r.name, r.key, bound, limit, r.corpus, passed, options.width))
    return out


def _thresholds(results: list[MetricResult], options: ScoreOptions) -> list[str]:
    return [t.message for t in threshold_results(results, options) if not t.passed]


def input_signature(sset: ScoringSet) -> str:
    """mtqa's additions to sacrebleu's signature, present only when the figures were computed on
    something other than the files as the `sacrebleu` command reads them."""
    extra = ""
    if sset.mode == "articles":
        extra += "|align:articles"  # segments made by sentence alignment, not the files' lines
    if sset.bom_dropped:
        extra += "|bom:dropped"  # sacrebleu would score the mark as part of the first word
    return extra


def _skip_notes(sset: ScoringSet, results: list[MetricResult], options: ScoreOptions) -> list[str]:
    notes = []
    for r in results:
        if r.skipped:
            lines = ", ".join(str(sset.units[i].line) for i in r.skipped[:10])
            more = f" and {len(r.skipped) - 10} more" if len(r.skipped) > 10 else ""
            notes.append(
                f"{r.name}: {len(r.skipped)} segment(s) longer than {options.max_words[r.key]} words left "
                f"out (line {lines}{more}); --{'ter-' if r.key == 'ter' else ''}max-words 0 keeps them"
            )
    return notes


def _documents(sset: ScoringSet) -> dict[str, list[int]] | None:
    """doc_id -> unit indices, when JSONL rows belong to more than one document."""
    groups: dict[str, list[int]] = {}
    for u in sset.units:
        if u.doc_id is not None:
            groups.setdefault(u.doc_id, []).append(u.index)
    return groups if len(groups) > 1 else None


def sacrebleu_plan(sset: ScoringSet, options: ScoreOptions) -> tuple[list[str], SacrebleuSettings]:
    """The sacrebleu metrics to compute on `sset` and their settings (the rows' tgt_lang chooses the
    tokenizer when -l does not): the same wherever the statistics are extracted (here or on Dask)."""
    keys = [k for k in options.metrics if k in SACREBLEU_METRICS]
    if keys and not sset.n_refs:
        raise ScoringInputError(f"{', '.join(keys)} need references (--ref)")
    settings = options.sacrebleu
    if not settings.trg_lang and sset.tgt_lang:  # the rows' language, as -l would give it
        settings = replace(settings, trg_lang=sset.tgt_lang)
    return keys, settings


def score_set(sset: ScoringSet, options: ScoreOptions, statistics: dict | None = None) -> ScoreRun:
    """Score `sset`. `statistics`: the sacrebleu metrics' segment statistics, already extracted
    elsewhere (mtqa.distributed.score_on_dask); else they are extracted here."""
    from mtqa.scoring.findings import floor_findings, span_findings

    keys, settings = sacrebleu_plan(sset, options)
    results: list[MetricResult] = []
    if keys:
        results = score_all(
            keys,
            sset.hyps,
            sset.ref_streams,
            _documents(sset),
            settings,
            n_bootstrap=options.confidence,
            max_words=options.max_words,
            progress=options.progress and len(sset.units) >= PROGRESS_FROM,
            stats=statistics,
            n_units=len(sset.units),
        )
        results = [replace(r, signature=r.signature + input_signature(sset)) for r in results]
        sset.notes.extend(_skip_notes(sset, results, options))
        computed = {r.key for r in results}
        sset.notes.extend(
            f"{k}: not computed, every segment is longer than {options.max_words[k]} words"
            for k in keys
            if k not in computed
        )
    comet = None
    if "comet" in options.metrics or options.comet_model:
        comet = _comet(sset, options)
        groups = _documents(sset) or {}
        means = tuple((d, sum(comet.result.segments[i] for i in idx) / len(idx)) for d, idx in groups.items())
        results.append(replace(comet.result, documents=means))
    by_key = {r.key: r for r in results}
    rank_metric = next((k for k in RANK_ORDER if k in by_key), None)
    ranking = []
    if rank_metric:
        r = by_key[rank_metric]
        sign = 1 if r.higher_is_better else -1
        scored = [
            (sign * score, u.index)
            for u in sset.units
            if not u.is_blank and (score := r.segments[u.index]) is not None
        ]
        ranking = [i for _, i in sorted(scored)]
    findings = floor_findings(sset.units, results, options.segment_floors)
    if comet is not None:
        findings += span_findings(sset.units, comet.error_spans, options.span_parameters)
    findings.sort(key=Finding.sort_key)
    return ScoreRun(sset, results, findings, _thresholds(results, options), ranking, rank_metric, comet)


def segment_scores(run: ScoreRun) -> Iterator[Score]:
    """The segment scores of `run`, metric by metric, made one at a time: a streamed report writes
    each as it comes (mtqa.commands.score_stream) instead of holding one object per segment and metric."""
    for r in run.results:
        for unit, value in zip(run.scoring_set.units, r.segments, strict=False):
            if value is None:  # left out (beyond the length limit): noted, not scored
                continue
            yield Score(
                r.name,
                value,
                r.segment_signature,
                "segment",
                path=unit.path,
                doc_id=unit.doc_id,
                segment_id=unit.segment_id,
                segment_index=unit.index,
            )


def add_to_report(run: ScoreRun, report: Report, options: ScoreOptions, segments: bool = True) -> Report:
    """`report` with the scores of `run` added: corpus, document and (unless `segments` is False:
    a streamed report writes them from segment_scores) segment scores, findings, notes, thresholds
    and the file's DocumentScores record."""
    sset = run.scoring_set
    scores = [Score(r.name, r.corpus, r.signature, "corpus", path=sset.hyp_path) for r in run.results]
    scores += [
        Score(r.name, value, r.signature, "document", path=sset.hyp_path, doc_id=doc_id)
        for r in run.results
        for doc_id, value in r.documents
    ]
    if segments:
        scores.extend(segment_scores(run))
    thresholds = threshold_results(run.results, options)
    notes = [Note(n, "scoring") for n in sset.notes]
    if run.comet is not None:
        notes.append(Note(f"COMET: {run.comet.kind} model {run.comet.model_name}", "scoring"))
    notes += [Note(f"threshold failed: {t.message}", "threshold") for t in thresholds if not t.passed]

    def unit_entry(i: int) -> ScoredUnit:
        u = sset.units[i]
        return ScoredUnit(
            index=u.index,
            path=u.path,
            line=u.line,
            column=u.column,
            start=u.start,
            end=u.end,
            segment_id=u.segment_id,
            doc_id=u.doc_id,
            alignment=u.alignment,
            hyp=u.hyp,
            refs=tuple(u.refs),
            scores=tuple((r.name, round(s, 4)) for r in run.results if (s := r.segments[i]) is not None),
        )

    record = DocumentScores(
        path=sset.hyp_path,
        references=tuple(sset.ref_paths),
        source=sset.src_path,
        mode=sset.mode,
        segments=len(sset.units),
        corpus=tuple(
            CorpusScore(r.name, r.key, r.corpus, r.signature, r.detail, r.mean, r.ci) for r in run.results
        ),
        comet=None if run.comet is None else (run.comet.model_name, run.comet.kind),
        thresholds=tuple(thresholds),
        ranked_by=next((r.name for r in run.results if r.key == run.rank_metric), None),
        weakest=tuple(unit_entry(i) for i in run.ranking[: options.weakest]),
        width=options.width,
        limit=options.weakest,
        alignment=tuple(UnitAlignment(u.index, u.line, u.alignment) for u in sset.units)
        if sset.mode == "articles"
        else (),
    )
    return replace(
        report,
        scores=(*report.scores, *scores),
        findings=(*report.findings, *run.findings),
        thresholds=(*report.thresholds, *thresholds),
        documents=(*report.documents, record),
    ).with_notes(notes)
