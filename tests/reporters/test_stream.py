"""Streaming writers and the typed, frozen Report: a streamed report is the rendered one, the run
writes as it goes and keeps no finding, reporters read typed fields (never a note's text)."""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
import pickle
from xml.etree import ElementTree as ET

import pytest

from mtqa.config import Config
from mtqa.engine import ReportBuilder, document_result
from mtqa.model import Document, Note, Report, Segment, Severity, ThresholdResult
from mtqa.parallel import iter_results
from mtqa.reporters import render
from mtqa.reporters.stream import STREAMING, make_writer, write_report
from tests.fakes import word_rule
from tests.reporters.sample import hostile_report, sample_report

RULES = (word_rule("budget", "MTQ990", Severity.ERROR), word_rule("vote", "MTQ991", Severity.INFO))


def _doc(k: int, text: str = "Le budget est voté, le vote a eu lieu.") -> Document:
    return Document(
        path=f"d{k}.jsonl", segments=(Segment(text, 0),), doc_id=f"d{k}", lang="fr", kind="segments"
    )


@pytest.mark.parametrize(
    "report", [sample_report(), hostile_report(), Report()], ids=["sample", "hostile", "empty"]
)
def test_json_written_as_it_goes_holds_the_whole_report(report):
    out = render("json", report)
    assert json.loads(out) == report.to_dict()
    lines = out.splitlines()
    for record in report.to_dict()["documents"]:  # one line each
        assert any(line.strip().rstrip(",") == json.dumps(record, ensure_ascii=False) for line in lines)
    for finding in report.to_dict()["findings"]:  # indented, as json.dumps(indent=2) writes them
        body = json.dumps(finding, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        assert "    " + body in out


@pytest.mark.parametrize("fmt", STREAMING)
def test_a_writer_fed_piece_by_piece_writes_what_render_writes(fmt):
    report = sample_report()
    buf = io.StringIO()
    writer = make_writer(fmt, buf)
    for f in report.findings:  # what a streamed run gives the writer: findings and documents, then totals
        writer.finding(f)
    for d in report.documents:
        writer.document(d)
    writer.close(dataclasses.replace(report, findings=(), documents=()))
    assert buf.getvalue() == render(fmt, report)


def test_jsonl_has_one_line_per_finding_then_errors_then_the_summary():
    report = hostile_report()
    lines = [json.loads(line) for line in render("jsonl", report).splitlines()]
    kinds = [line["type"] for line in lines]
    assert kinds == ["finding"] * len(report.findings) + ["error"] * len(report.problems) + ["summary"]
    assert [line["code"] for line in lines if line["type"] == "finding"] == [f.code for f in report.findings]
    summary = lines[-1]
    assert summary["findings"] == len(report.findings) and summary["errors"] == len(report.problems)
    assert summary["severities"] == {"error": 1, "warning": 2, "info": 1}
    assert summary["mtqa_version"] and summary["notes"] == [n.text for n in report.notes]


def test_sarif_rule_index_points_at_the_rule_of_each_result():
    data = json.loads(render("sarif", sample_report()))
    run = data["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == list(dict.fromkeys(r["ruleId"] for r in run["results"]))  # first seen, each once
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_results_come_one_by_one_without_reading_the_whole_corpus():
    endless = (_doc(k) for k in itertools.count())  # never ends: only a lazy run can return
    first = list(itertools.islice(iter_results(endless, RULES, Config(), jobs=1), 3))
    assert [r.path for r in first] == ["d0.jsonl", "d1.jsonl", "d2.jsonl"]


def test_a_streaming_builder_keeps_totals_not_findings():
    builder = ReportBuilder(keep=False)
    for k in range(5):
        builder.add(document_result(_doc(k), RULES, Config()))
    report = builder.build()
    assert report.findings == () and report.documents == ()
    assert (report.files_checked, report.segments_checked, builder.worst) == (5, 5, Severity.ERROR)
    kept = ReportBuilder()
    for k in range(5):
        kept.add(document_result(_doc(k), RULES, Config()))
    assert len(kept.build().findings) == 10


def test_report_and_results_are_frozen_and_results_travel_between_processes():
    result = document_result(_doc(0), RULES, Config(keep_text=True))
    assert pickle.loads(pickle.dumps(result)) == result
    report = sample_report()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings = ()  # type: ignore[misc]
    assert isinstance(report.findings, tuple) and isinstance(report.notes, tuple)


def test_threshold_failures_come_from_typed_results_not_from_note_text():
    """A note that merely reads like a threshold failure fails nothing; a ThresholdResult does."""
    lookalike = dataclasses.replace(
        Report(files_checked=1), notes=(Note("threshold failed: BLEU = 1.00 is below --min-bleu 30"),)
    )
    failed = ThresholdResult("BLEU", "bleu", "min", 30.0, 12.5, passed=False)
    passed = ThresholdResult("chrF2", "chrf", "min", 30.0, 45.0, passed=True)
    real = dataclasses.replace(Report(files_checked=1), thresholds=(failed, passed))
    for report, failures in ((lookalike, 0), (real, 1)):
        suite = ET.fromstring(render("junit", report)).find("testsuite")
        assert int(suite.get("failures")) == failures
        github = render("github", report)
        assert github.count("mtqa score threshold") == failures
    assert "BLEU = 12.50 is below --min-bleu 30" in render("github", real)
    assert "chrF2" not in render("github-summary", real)  # a threshold met is not a failure


def test_write_report_gives_every_record_to_the_writer():
    seen = []

    class Spy:
        def finding(self, f):
            seen.append(("finding", f.code))

        def document(self, record):
            seen.append(("document", record.path))

        def close(self, summary):
            seen.append(("close", summary.files_checked))

    write_report(Spy(), sample_report())
    assert [k for k, _ in seen] == ["finding"] * 6 + ["document"] * 3 + ["close"]
