"""MTQ951 and MTQ952 as rules, and the helpers that place score findings in the original text."""

from __future__ import annotations

import pytest

from mtqa.config import Config
from mtqa.engine import check
from mtqa.io import read_jsonl
from mtqa.model import Severity
from mtqa.rules import BY_CODE
from mtqa.rules.base import Context
from mtqa.rules.scores import breaches, span_hits
from mtqa.scoring.findings import flat_to_original
from mtqa.text.analysis import DocumentView


def test_floor_rule_runs_in_the_engine_on_rows_with_references(data_dir):
    docs = [d for d in read_jsonl(data_dir / "rows.jsonl")]
    config = Config(lang="fr", options={"segment_floors": {"chrf": 60.0}})
    findings = check(docs, (BY_CODE["MTQ951"],), config).findings
    assert {f.segment_id for f in findings} >= {"s7"}  # "Related Post" against a real sentence
    assert "s1" not in {f.segment_id for f in findings}  # identical to its first reference
    assert all(f.category == "score" and f.start == 0 for f in findings)


def test_floor_rule_is_silent_without_floors(data_dir):
    docs = list(read_jsonl(data_dir / "rows.jsonl"))
    assert not check(docs, (BY_CODE["MTQ951"],), Config(lang="fr")).findings


@pytest.mark.parametrize(
    "key, value, floor, expected",
    [
        ("chrf", 29.9, 30, True),
        ("chrf", 30, 30, False),
        ("ter", 60.5, 60, True),
        ("ter", 10, 60, False),
    ],
)
def test_breaches(key, value, floor, expected):
    assert breaches(key, value, floor) is expected


def test_span_hits_trim_subword_blanks_and_map_severities():
    text = "Le groupe a déclaré que son combattant était entré."
    spans = [
        {"start": 23, "end": 38, "severity": "critical", "confidence": 0.9},
        {"start": 2, "end": 3, "severity": "minor", "confidence": 0.4},
    ]  # a blank only: dropped
    hits = list(span_hits(text, spans))
    assert [(text[h.start : h.end], h.severity) for h in hits] == [("son combattant", Severity.ERROR)]
    assert hits[0].extra["comet_severity"] == "critical"


def test_comet_span_rule_reads_spans_given_by_segment_index():
    from mtqa.io import article_from_text

    doc = article_from_text("Il fait beau.\n\nLe chat dort.", "<t>", "fr")
    view = DocumentView(doc, "fr")
    ctx = Context(
        lang="fr",
        document=view,
        options={"comet_error_spans": {1: [{"start": 3, "end": 8, "severity": "major"}]}},
    )
    rule = BY_CODE["MTQ952"]
    assert list(rule.check(view.segments[0], ctx)) == []
    assert [view.segments[1].text[h.start : h.end] for h in rule.check(view.segments[1], ctx)] == [
        "chat "[:4]
    ]


def test_flat_offsets_map_back_to_the_original():
    original = "  Le chat\n  dort   bien. "
    flat = " ".join(original.split())
    mapping = flat_to_original(original, flat)
    start = flat.index("dort")
    assert original[mapping[start] : mapping[start + 3] + 1] == "dort"
