"""Findings located on scoring units: per-segment floors (MTQ951) and COMET error spans (MTQ952)."""

from __future__ import annotations

from mtqa.model import Finding
from mtqa.rules.base import Hit, Rule
from mtqa.rules.scores import RULES, breaches, floor_message, span_hits
from mtqa.scoring.sacrebleu_metrics import MetricResult
from mtqa.scoring.units import Unit
from mtqa.text.positions import line_col

BELOW_FLOOR: Rule = RULES[0]
ERROR_SPAN: Rule = RULES[1]


def flat_to_original(original: str, flat: str) -> list[int]:
    """For each offset of `flat` (= original with whitespace runs collapsed to one space, ends
    trimmed), the offset in `original`; one extra entry for the end."""
    out = []
    i = 0
    n = len(original)
    while i < n and original[i].isspace():
        i += 1
    for ch in flat:
        if ch == " ":
            out.append(i)
            while i < n and original[i].isspace():
                i += 1
        else:
            while i < n and original[i] != ch:  # defensive: should not happen
                i += 1
            out.append(i)
            i += 1
    out.append(min(i, n))
    return out


def _finding(rule: Rule, hit: Hit, unit: Unit) -> Finding:
    line, column = line_col(unit.original, hit.start, unit.line, unit.column)
    return Finding(
        code=rule.code,
        rule=rule.name,
        category=rule.category,
        severity=hit.severity or rule.severity,
        message=hit.message,
        suggestion=hit.suggestion,
        path=unit.path,
        start=unit.start + hit.start,
        end=unit.start + hit.end,
        text=unit.original[hit.start : hit.end],
        line=line,
        column=column,
        doc_id=unit.doc_id,
        segment_id=unit.segment_id,
        segment_index=unit.index,
        context=unit.original,
        context_start=unit.start,
        extra={"unit": unit.index, **hit.extra},
    )


def floor_findings(units: list[Unit], results: list[MetricResult], floors: dict[str, float]) -> list[Finding]:
    out = []
    by_key = {r.key: r for r in results}
    for key, floor in floors.items():
        result = by_key.get(key)
        if result is None:
            continue
        for unit, value in zip(units, result.segments, strict=False):
            if value is None or unit.is_blank or not breaches(key, value, floor):
                continue
            message = floor_message(result.name, key, value, floor)
            ref = next((r for r in unit.refs if r), None)
            if not unit.hyp:
                message += " (a reference sentence with no counterpart in the translation)"
            elif ref is None:
                message += " (no reference sentence aligned with it: added text?)"
            length = len(unit.original.rstrip())
            out.append(_finding(BELOW_FLOOR, Hit(0, length, message, suggestion=ref), unit))
    return out


def span_findings(units: list[Unit], spans_per_unit, parameters: dict | None = None) -> list[Finding]:
    """MTQ952 findings, with the rule's declared parameters (`parameters` overrides by name)."""
    min_confidence = ERROR_SPAN.parameter_values(parameters)["min_confidence"]
    out = []
    for unit, spans in zip(units, spans_per_unit, strict=False):
        if not spans:
            continue
        mapping = (
            flat_to_original(unit.original, unit.hyp) if unit.hyp != unit.original[: len(unit.hyp)] else None
        )
        for hit in span_hits(unit.hyp, spans, min_confidence):
            if mapping is not None:
                hit = Hit(**{**hit.__dict__, "start": mapping[hit.start], "end": mapping[hit.end - 1] + 1})
            out.append(_finding(ERROR_SPAN, hit, unit))
    return out
