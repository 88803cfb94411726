"""mtqa: find machine-translation artifacts in translated news, and score translations.

The library never prints: `check()` returns a Report that reporters render.
"""

from mtqa.model import Category, Document, Finding, Report, Score, Segment, Severity
from mtqa.version import __version__


def check(inputs, rules=None, config=None) -> Report:
    """Run the rules over Documents (see mtqa.io.read_inputs) and return a Report."""
    from mtqa.engine import check as _check

    return _check(inputs, rules, config)


def score(hyp: str, refs=(), source: str | None = None, options=None, align: str = "auto") -> Report:
    """Score a translation file against reference files (and a source, for COMET) and return a Report
    with the scores, their signatures and the findings for weak segments (see mtqa.scoring.run.ScoreOptions).
    Raises mtqa.scoring.ScoringInputError or mtqa.scoring.comet_metric.CometError on bad input."""
    from mtqa.scoring.inputs import load
    from mtqa.scoring.run import ScoreOptions, add_to_report, score_set
    from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS

    options = options or ScoreOptions()
    need_refs = any(k in SACREBLEU_METRICS for k in options.metrics)
    scoring_set = load(hyp, tuple(refs), source, align=align, need_refs=need_refs)
    report = Report(files_checked=1, segments_checked=len(scoring_set.units))
    return add_to_report(score_set(scoring_set, options), report, options)


__all__ = [
    "Category",
    "Document",
    "Finding",
    "Report",
    "Score",
    "Segment",
    "Severity",
    "check",
    "score",
    "__version__",
]
