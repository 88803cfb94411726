"""`--format gitlab`: GitLab Code Quality JSON (issue 12, point 8), validated against the fields
GitLab's documentation requires, and the GitHub job summary's limits."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema

from mtqa.cli import main
from mtqa.reporters import render
from tests.conftest import SEED
from tests.reporters.sample import sample_report

# docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: an array of issues, each with
# these fields; severity one of GitLab's five; the fingerprint unique per issue.
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_validates_and_locates_findings():
    report = sample_report()
    issues = json.loads(render("gitlab", report))
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert len(issues) == len(report.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_check = {i["check_name"]: i for i in issues}
    slip = by_check["MTQ401 contraction-slip"]
    assert slip["severity"] == "major" and slip["location"] == {
        "path": "articles/alep.fr.txt",
        "lines": {"begin": 3},
    }
    assert slip["description"] == "MTQ401 contraction-slip: 'de des' should be contracted (suggestion: des)"
    assert by_check["MTQ121 glossary-variant"]["severity"] == "minor"
    assert by_check["MTQ704 blank-line-run"]["severity"] == "info"


def test_gitlab_fingerprints_survive_edits_elsewhere_and_tell_repeats_apart():
    report = sample_report()
    before = json.loads(render("gitlab", report))
    moved = [replace(f, line=f.line + 5, start=f.start + 40, end=f.end + 40) for f in report.findings]
    after = json.loads(render("gitlab", replace(report, findings=moved)))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    twice = json.loads(render("gitlab", replace(report, findings=[report.findings[2]] * 2)))
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


def test_cli_writes_gitlab_report(tmp_path, capsys):
    out = tmp_path / "gl-code-quality-report.json"
    assert main(["check", str(SEED), "--format", "gitlab", "--output", str(out), "--exit-zero"]) == 0
    issues = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert issues and {i["location"]["path"] for i in issues} == {str(SEED)}


def test_github_summary_counts_every_finding_but_lists_at_most_max_findings():
    report = sample_report()
    md = render("github-summary", report, max_findings=2)
    assert md.startswith("## mtqa: 3 errors, 2 warnings, 1 info in 2 of 3 files")
    assert md.count("\n| 3:") + md.count("\n| 7:") + md.count("\n| 1:") == 2
    assert "_4 more findings not listed._" in md
    # files sorted by their worst finding
    assert md.index("| articles/alep.fr.txt | error |") < md.index("| corpus/segments.jsonl | warning |")
