"""SARIF 2.1.0 (validated against the official schema in the tests) for code-scanning dashboards.

Columns are Unicode code points (declared with `columnKind`), regions carry start and end
line/column and the character offsets. JSONL rows are located by their line in the file only (a
column inside the `mt` string is no column of the file); offsets go in the result's properties.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from mtqa.reporters.position import end_position, is_segment_file
from mtqa.reporters.stream import dump
from mtqa.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    # A file name that is not UTF-8 on disk holds lone surrogates (PEP 383): they go back to their
    # bytes, percent-encoded, which is the file's real URI.
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return "file://" + quote(path, errors="surrogateescape")
    return quote(path, errors="surrogateescape")


def _rule_descriptor(rule) -> dict:
    from mtqa.rules.pages import rule_page

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule_page(rule)},
        "defaultConfiguration": {"level": LEVEL[str(rule.severity)]},
        "properties": {"category": str(rule.category), "tags": [str(rule.category)]},
    }


def _fallback_descriptor(f) -> dict:  # findings from outside the catalogue (e.g. scores)
    return {
        "id": f.code,
        "name": f.rule,
        "shortDescription": {"text": f.rule},
        "properties": {"category": str(f.category)},
    }


def _region(f) -> dict:
    if is_segment_file(f):
        return {"startLine": f.line}
    end_line, end_column = end_position(f)
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }
    if f.text:
        region["snippet"] = {"text": f.text}
    return region


def _result(f, index: int) -> dict:
    from mtqa.baseline import context_hash

    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    result = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVEL[str(f.severity)],
        "message": {"text": message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": _region(f)}}
        ],
        # Keyed by content like the baseline, so dashboards track a finding across edits elsewhere.
        "partialFingerprints": {"mtqaContent/v1": f"{f.code}:{context_hash(f.text + chr(0) + f.context)}"},
        "properties": {
            "category": str(f.category),
            "severity": str(f.severity),
            "start": f.start,
            "end": f.end,
            "text": f.text,
        },
    }
    for key in ("doc_id", "segment_id", "suggestion"):
        if getattr(f, key) is not None:
            result["properties"][key] = getattr(f, key)
    return result


def _descriptor(f) -> dict:
    from mtqa.rules import BY_CODE

    return _rule_descriptor(BY_CODE[f.code]) if f.code in BY_CODE else _fallback_descriptor(f)


def _run_end(report, descriptors: list[dict]) -> dict:
    """The run's members after its results: the rules they refer to, the invocation, the totals."""
    return {
        "tool": {
            "driver": {
                "name": "mtqa",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.problems,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": p.message},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(p.path)}}}],
                    }
                    for p in report.problems
                ],
            }
        ],
        "properties": {
            "filesChecked": report.files_checked,
            "segmentsChecked": report.segments_checked,
            "scores": [s.to_dict() for s in report.scores],
            "notes": [n.text for n in report.notes],
            "signature": None if report.signature is None else report.signature.text,
        },
    }


class Writer:
    """SARIF written as the run goes: the results first, each as it comes, then the rules they refer
    to (in the order they first appear, so each result's ruleIndex is known when it is written),
    the invocation and the totals."""

    def __init__(self, out, **_options) -> None:
        self.out = out
        self.index: dict[str, int] = {}
        self.descriptors: list[dict] = []
        self.results = 0
        head = {"$schema": SCHEMA, "version": "2.1.0"}
        out.write("{\n" + "".join(f"  {json.dumps(k)}: {json.dumps(v)},\n" for k, v in head.items()))
        out.write('  "runs": [\n    {\n      "columnKind": "unicodeCodePoints",\n      "results": [')

    def finding(self, f) -> None:
        if f.code not in self.index:
            self.index[f.code] = len(self.descriptors)
            self.descriptors.append(_descriptor(f))
        self.out.write(
            ("\n" if self.results == 0 else ",\n") + "        " + dump(_result(f, self.index[f.code]), 4)
        )
        self.results += 1

    def document(self, record) -> None:
        """Document records are not part of SARIF."""

    def close(self, summary) -> None:
        self.out.write("]" if self.results == 0 else "\n      ]")
        for key, value in _run_end(summary, self.descriptors).items():
            self.out.write(f",\n      {json.dumps(key)}: {dump(value, 3)}")
        self.out.write("\n    }\n  ]\n}\n")


def build(report) -> dict:
    """The SARIF log of a whole report, as a dict."""
    return json.loads(render(report))


def render(report, **_options) -> str:
    import io

    from mtqa.reporters.stream import write_report

    buf = io.StringIO()
    write_report(Writer(buf), report)
    return buf.getvalue()
