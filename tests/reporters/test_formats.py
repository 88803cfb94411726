"""Every output format on the same sample report: golden files, format-specific validity, and
hostile text that must stay text in every format.

Regenerate the golden files after an intended change with MTQA_UPDATE_GOLDEN=1 pytest tests/reporters.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from mtqa.model import Report
from mtqa.reporters import FORMATS, render
from mtqa.reporters.github_report import escape_data, escape_property
from tests.conftest import ROOT
from tests.reporters.sample import HOSTILE, HOSTILE_TEXT, hostile_report, sample_report

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SUFFIX = {
    "text": "txt",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "github-summary": "md",
    "gitlab": "json",
    "html": "html",
}


def _stable(fmt: str, out: str) -> str:
    """Rule documentation belongs to the rules, not to the reporter under test: keep only rule ids."""
    if fmt == "html":  # the page carries each reported rule's documentation: keep only the codes
        return re.sub(
            r"(<details class=\"rule\" id=\"rule-\w+\">).*?</details>", r"\1</details>", out, flags=re.S
        )
    if fmt in ("json", "jsonl"):  # the version belongs to the release, not to the reporter
        return re.sub(r'"mtqa_version": "[^"]+"', '"mtqa_version": "X"', out)
    if fmt != "sarif":
        return out
    data = json.loads(out)
    driver = data["runs"][0]["tool"]["driver"]
    driver["rules"] = [{"id": r["id"]} for r in driver["rules"]]
    driver["version"] = driver["semanticVersion"] = "X"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f in SUFFIX])
def test_golden(fmt):
    out = render(fmt, sample_report())
    if fmt == "html":
        out = out.replace('content="mtqa 0.1.0"', 'content="mtqa X"')
    out = _stable(fmt, out)
    golden = GOLDEN / f"sample.{fmt}.{SUFFIX[fmt]}"
    if os.environ.get("MTQA_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(out, encoding="utf-8", newline="")
        if not os.environ.get("MTQA_UPDATE_GOLDEN"):
            pytest.fail(f"golden file {golden.name} was missing; written now, check it in")
    assert out == golden.read_text(encoding="utf-8")


def test_every_format_is_covered():
    assert set(FORMATS) <= set(SUFFIX)


def test_sarif_validates_and_locates_spans():
    data = json.loads(render("sarif", sample_report()))
    jsonschema.validate(data, SARIF_SCHEMA)
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == list(dict.fromkeys(r["ruleId"] for r in run["results"]))  # first seen, each once
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]
    by_code = {r["ruleId"]: r for r in run["results"]}
    region = by_code["MTQ121"]["locations"][0]["physicalLocation"]["region"]
    # "Bashar Assad" on line 1, columns 14..25, so endColumn (exclusive) is 26.
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        1,
        14,
        1,
        26,
    )
    # A span of blank lines runs from the end of line 3 to the start of line 7.
    region = by_code["MTQ704"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (3, 7, 1)
    assert by_code["MTQ704"]["level"] == "note" and by_code["MTQ501"]["level"] == "error"
    # JSONL rows: located by their line only.
    assert by_code["MTQ201"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}


def test_sarif_of_an_empty_report_validates():
    data = json.loads(render("sarif", Report()))
    jsonschema.validate(data, SARIF_SCHEMA)
    assert data["runs"][0]["results"] == []


def test_github_annotations():
    lines = render("github", sample_report()).splitlines()
    assert lines[0] == (
        "::warning file=articles/alep.fr.txt,line=1,endLine=1,col=14,endColumn=26,"
        "title=MTQ121 glossary-variant::'Bashar Assad' is written 'Bachar al-Assad' in the "
        "house style (suggestion: Bachar al-Assad)"
    )
    assert any(line.startswith("::notice file=articles/alep.fr.txt,line=3,endLine=7,col=") for line in lines)
    assert "::warning file=corpus/segments.jsonl,line=2,title=MTQ201 person-shift::" in "\n".join(lines)


def test_github_escaping_follows_the_toolkit():
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_junit_one_case_per_file_and_rule_and_passing_cases():
    root = ET.fromstring(render("junit", sample_report(), fail_on="info"))
    cases = [
        (c.get("classname"), c.get("name"), c.find("failure") is not None) for c in root.iter("testcase")
    ]
    assert ("articles/clean.fr.txt", "mtqa", False) in cases
    failing = [(p, n.split()[0]) for p, n, failed in cases if failed]
    assert len(failing) == len(set(failing)) == 6
    assert root.get("failures") == "6" and root.get("tests") == str(len(cases))
    clean = ET.fromstring(render("junit", Report(files_checked=1)))
    assert [c.get("name") for c in clean.iter("testcase")] == ["mtqa"]
    assert clean.get("failures") == "0"


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f in SUFFIX])
def test_hostile_text_stays_text(fmt):
    report = hostile_report()
    out = render(fmt, report)
    if fmt in ("json", "sarif", "gitlab"):
        data = json.loads(out)  # still valid JSON, and the text survives exactly
        assert any(HOSTILE in s for s in _strings(data))
        if fmt == "sarif":
            jsonschema.validate(data, SARIF_SCHEMA)
    elif fmt == "junit":
        root = ET.fromstring(out)  # still well-formed XML
        assert any("<script>" in (c.get("classname") or "") for c in root.iter("testcase"))
        assert not list(root.iter("script")) and not list(root.iter("img"))
    elif fmt == "github-summary":  # Markdown that GitHub renders: no element, link or cell from the text
        assert "<script" not in out and "<img" not in out and "<i>" not in out
        assert all(
            line.count(" | ") == line.count("|") - 2 for line in out.splitlines() if line.startswith("| ")
        )
    elif fmt == "github":
        lines = out.splitlines()
        assert len(lines) == len(report.findings) + len(report.problems)  # CR/LF never split a command
        assert all(line.startswith("::") for line in lines)
        for line in lines:  # properties cannot be cut short by a comma or colon from the text
            props = line.split("::")[1].split(" ", 1)[1]
            assert all("=" in p for p in props.split(","))
    elif fmt == "html":
        parser = _Elements()
        parser.feed(out)
        tags = [t for t, _ in parser.tags]
        assert tags.count("script") == 1 and "img" not in tags and "b" not in tags and "i" not in tags
        assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs)
        assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in out
        assert out.count("</pre>") == out.count("<pre")  # the text's own </pre> is escaped
    else:
        assert "<script>" in out  # plain text keeps the text as it is


def test_html_highlights_every_finding_in_place():
    out = render("html", sample_report())
    parser = _Elements()
    parser.feed(out)
    marks = [a for t, a in parser.tags if t == "mark"]
    fids = {fid for a in marks for fid in a["data-fids"].split()}
    assert fids == {f"f{i}" for i in range(len(sample_report().findings))}
    assert (
        '<mark class="f sev-warning" data-fids="f0" tabindex="0" title="MTQ121 glossary-variant (warning): '
        "&#x27;Bashar Assad&#x27; is written &#x27;Bachar al-Assad&#x27; in the house style → Bachar al-Assad"
        '">Bashar Assad</mark>' in out
    )
    assert 'id="category-chart"' in out and 'data-category="boilerplate"' in out
    assert 'class="segment-scores" data-metric="chrF2"' in out and out.count('class="seg-bar"') == 2
    assert 'id="filter-rule"' in out and 'data-kind="code" value="MTQ121"' in out


def test_html_overlapping_and_empty_spans():
    from mtqa.reporters.html_report import highlight

    out = highlight("abcdef", [(0, 1, 4, "warning", "w"), (1, 3, 6, "error", "e"), (2, 2, 2, "info", "i")])
    assert out == (
        'a<mark class="f sev-warning" data-fids="f0" tabindex="0" title="w">b</mark>'
        '<mark class="f sev-info caret" data-fids="f2" tabindex="0" title="i"></mark>'
        '<mark class="f sev-warning" data-fids="f0" tabindex="0" title="w">c</mark>'
        '<mark class="f sev-error" data-fids="f0 f1" tabindex="0" title="w\ne">d</mark>'
        '<mark class="f sev-error" data-fids="f1" tabindex="0" title="e">ef</mark>'
    )


def test_hostile_sample_really_is_hostile():
    assert "<script>" in HOSTILE_TEXT and "onerror=" in HOSTILE_TEXT and "\r\n" in HOSTILE


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("error", {"MTQ401", "MTQ501", "MTQ701"}),
        ("warning", {"MTQ121", "MTQ201", "MTQ401", "MTQ501", "MTQ701"}),
        ("never", set()),
    ],
)
def test_junit_failures_are_the_findings_at_or_above_fail_on(fail_on, failing):
    """A run that exits 0 reports no <failure>: findings below fail-on go to <system-out>."""
    report = sample_report()
    root = ET.fromstring(render("junit", report, fail_on=fail_on))
    failed = {c.find("failure").get("type") for c in root.iter("testcase") if c.find("failure") is not None}
    assert failed == failing
    assert root.get("failures") == str(len(failing))
    out = "\n".join(c.findtext("system-out") or "" for c in root.iter("testcase"))
    for f in report.findings:  # every finding is still shown, as a failure or as output
        where = f"{f.path}:{f.line}:{f.column} {f.code}"
        assert (where in out) == (f.code not in failing), where
