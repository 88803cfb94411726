"""SARIF 2.1.0 (validated against the official schema in the tests) for code-scanning dashboards.

Columns are Unicode code points (declared with `columnKind`), regions carry start and end
line/column and the character offsets. JSONL rows are located by their line in the file only (a
column inside the `mt` string is no column of the file); offsets go in the result's properties.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from mtqa import __version__
from mtqa.reporters.position import end_position, is_segment_file

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
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": rule.documentation()},
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


def build(report) -> dict:
    from mtqa.rules import BY_CODE

    # The rules the results refer to, in code order (as ruff does), each with its documentation.
    descriptors = [
        _rule_descriptor(BY_CODE[c])
        if c in BY_CODE
        else _fallback_descriptor(next(f for f in report.findings if f.code == c))
        for c in sorted({f.code for f in report.findings})
    ]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    run = {
        "tool": {
            "driver": {
                "name": "mtqa",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code]) for f in report.findings],
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
            "notes": list(report.notes),
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report, **_options) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"
