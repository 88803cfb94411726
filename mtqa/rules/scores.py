"""Scores turned into findings: a segment below its per-segment floor, and COMET error spans.

Both need inputs the plain rule run does not have (a reference, a COMET model), so they are off by
default. `mtqa score` and `mtqa check --ref` compute the scores once and build these findings from
them (mtqa.scoring.findings); the check functions below do the same work for the engine when the
rules are selected on JSONL rows that carry references (`ctx.options["segment_floors"]`) or when
error spans were computed beforehand (`ctx.options["comet_error_spans"]`, by segment index).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.model import Category, Severity
from mtqa.rules.base import Context, Example, Hit, Input, Parameter, Rule

# XCOMET labels spans minor / major / critical, as MQM does.
SPAN_SEVERITY = {"minor": Severity.INFO, "major": Severity.WARNING, "critical": Severity.ERROR}
LOWER_IS_BETTER = frozenset({"ter"})
MIN_CONFIDENCE = Parameter(
    "min_confidence", 0.0, "COMET error spans below this confidence (0-1) are not reported."
)


def breaches(key: str, value: float, floor: float) -> bool:
    """True when a segment's score is on the wrong side of its floor (a ceiling for TER)."""
    return value > floor if key in LOWER_IS_BETTER else value < floor


def floor_message(name: str, key: str, value: float, floor: float) -> str:
    side = "above the ceiling" if key in LOWER_IS_BETTER else "below the floor"
    return f"segment {name} = {value:.2f} is {side} {floor:g}"


def check_segment_floor(seg, ctx: Context) -> Iterator[Hit]:
    floors = ctx.options.get("segment_floors") or {}
    refs = list(seg.segment.ref)
    if not floors or not refs:
        return
    from mtqa.scoring.sacrebleu_metrics import make_metric

    for key, floor in sorted(floors.items()):
        if key == "comet":
            continue  # COMET needs a model: scored by mtqa.scoring, not here
        metric = make_metric(key, sentence=True)
        score = metric.sentence_score(seg.text, refs)
        if breaches(key, score.score, floor):
            yield Hit(
                0, len(seg.text), floor_message(score.name, key, score.score, floor), suggestion=refs[0]
            )


def span_hits(text: str, spans, min_confidence: float = MIN_CONFIDENCE.default) -> Iterator[Hit]:
    """COMET error spans (dicts with start, end, severity, confidence) as hits on `text`; the
    spans' edges are trimmed of the blanks subword offsets include."""
    for span in spans:
        a, b = int(span["start"]), int(span["end"])
        a, b = max(0, a), min(len(text), b)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        label = str(span.get("severity", "major"))
        confidence = float(span.get("confidence", 0.0))
        if confidence < min_confidence:
            continue
        yield Hit(
            a,
            b,
            f"COMET marks a {label} error (confidence {confidence:.2f})",
            severity=SPAN_SEVERITY.get(label, Severity.WARNING),
            extra={"comet_severity": label, "confidence": round(confidence, 4)},
        )


def check_comet_spans(seg, ctx: Context) -> Iterator[Hit]:
    spans = (ctx.options.get("comet_error_spans") or {}).get(seg.segment.index, ())
    yield from span_hits(seg.text, spans, ctx.param(MIN_CONFIDENCE))


RULES = (
    Rule(
        code="MTQ951",
        name="segment-score-below-floor",
        category=Category.SCORE,
        severity=Severity.WARNING,
        summary="A segment scores below its per-segment floor (BLEU, chrF, COMET) or above the TER ceiling.",
        why="Corpus scores hide the few sentences a reader will stumble on; a floor points at them. "
        "The examples are scored with --seg-min-chrf 50 against the reference "
        '"Les avions russes ont frappé Alep."',
        flagged=(
            Example(
                "Les avions a déclaré le armée hier soir que.",
                "fr",
                reference="Les avions russes ont frappé Alep.",
                spans=("Les avions a déclaré le armée hier soir que.",),
            ),
        ),
        passing=(
            Example(
                "Les avions russes ont frappé Alep.", "fr", reference="Les avions russes ont frappé Alep."
            ),
        ),
        check=check_segment_floor,
        inputs=frozenset({Input.TARGET, Input.REFERENCE}),
        default_enabled=False,
    ),
    Rule(
        code="MTQ952",
        name="comet-error-span",
        category=Category.SCORE,
        severity=Severity.WARNING,
        summary="A span an error-span COMET model (XCOMET) marks as a minor, major or critical error.",
        why="XCOMET-style models locate errors as MQM annotators do; the span shows where to look.",
        flagged=(
            Example(
                "Le groupe a déclaré que son combattant était entré à Alep.",
                "fr",
                source="The group said its fighters had entered Aleppo.",
                spans=("son combattant",),
            ),
        ),
        passing=(
            Example(
                "Le groupe a déclaré que ses combattants étaient entrés à Alep.",
                "fr",
                source="The group said its fighters had entered Aleppo.",
            ),
        ),
        check=check_comet_spans,
        inputs=frozenset({Input.TARGET, Input.COMET_MODEL}),
        parameters=(MIN_CONFIDENCE,),
        default_enabled=False,
    ),
)
