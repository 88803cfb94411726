"""MTQ951 segment-score-below-floor and MTQ952 comet-error-span: one declaration each, from which
both the engine and `mtqa score` / `check --ref` (mtqa.scoring.findings) build findings."""

from __future__ import annotations

from mtqa.rules import BY_CODE
from mtqa.scoring.findings import ERROR_SPAN, span_findings
from mtqa.scoring.units import Unit

TEXT = "Le groupe a déclaré que son combattant était entré à Alep."
SPANS = [
    {"start": 24, "end": 38, "severity": "major", "confidence": 0.9},  # son combattant
    {"start": 39, "end": 44, "severity": "minor", "confidence": 0.3},  # était
]


def _unit() -> Unit:
    return Unit(hyp=TEXT, refs=(None,), index=0, path="<t>", end=len(TEXT), original=TEXT)


def test_scoring_builds_comet_findings_from_the_one_declaration():
    assert ERROR_SPAN is BY_CODE["MTQ952"]
    found = span_findings([_unit()], [SPANS])
    assert [(f.code, f.text) for f in found] == [("MTQ952", "son combattant"), ("MTQ952", "était")]


def test_the_declared_confidence_parameter_drives_the_scoring_findings():
    assert [p.name for p in BY_CODE["MTQ952"].parameters] == ["min_confidence"]
    found = span_findings([_unit()], [SPANS], {"min_confidence": 0.5})
    assert [f.text for f in found] == ["son combattant"]
