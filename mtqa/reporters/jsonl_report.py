"""JSON Lines for pipelines: one line per finding as it is found, then one line per input that could
not be read, then one summary line (documented in docs/json-report.md).

    {"type": "finding", "code": "MTQ401", ... the JSON report's finding fields}
    {"type": "error", "path": "...", "message": "..."}
    {"type": "summary", "schema_version": "1.0", "tool": "mtqa", "mtqa_version": ..., "findings": N,
     "severities": {"error": n, "warning": n, "info": n}, "scores": [...], "errors": N, "notes": [...],
     "files_checked": N, "segments_checked": N, "signature": "...", "signature_parts": {...}}

A consumer reads line by line; the summary line is last, so a truncated stream has none.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any, TextIO

from mtqa.model import DocumentRecord, Finding, Report
from mtqa.reporters.stream import write_report


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


class Writer:
    def __init__(self, out: TextIO, **_options: Any) -> None:
        self.out = out
        self.severities: Counter[str] = Counter()

    def finding(self, f: Finding) -> None:
        self.severities[str(f.severity)] += 1
        self.out.write(_line({"type": "finding", **f.to_dict()}))

    def document(self, record: DocumentRecord) -> None:
        """Document records (texts, alignments) are not part of this format."""

    def close(self, summary: Report) -> None:
        for p in summary.problems:
            self.out.write(_line({"type": "error", "path": p.path, "message": p.message}))
        totals = summary.totals()
        self.out.write(
            _line(
                {
                    "type": "summary",
                    **summary.header(),
                    "findings": sum(self.severities.values()),
                    "severities": {s: self.severities[s] for s in ("error", "warning", "info")},
                    **totals,
                    "errors": len(summary.problems),
                }
            )
        )


def render(report: Report, **_options: Any) -> str:
    buf = io.StringIO()
    write_report(Writer(buf), report)
    return buf.getvalue()
