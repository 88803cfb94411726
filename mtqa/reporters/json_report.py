"""JSON report; its shape is versioned by `schema_version` and documented in docs/json-report.md.

Written as the run goes: the header, then each finding as it comes, the document records (kept in a
spool, on disk when large; one line each), then the totals, which are known only at the end.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from mtqa.model import DocumentRecord, Finding, Report
from mtqa.reporters.stream import dump, spool, write_report


class Writer:
    def __init__(self, out: TextIO, **_options: Any) -> None:
        self.out = out
        self.findings = 0
        self.documents = 0
        self.spool: Any = None

    def _start(self) -> None:
        if self.findings == 0:
            header = Report().header()
            self.out.write("{\n" + "".join(f"  {json.dumps(k)}: {dump(v, 1)},\n" for k, v in header.items()))
            self.out.write('  "findings": [')

    def finding(self, f: Finding) -> None:
        self._start()
        self.out.write(("\n" if self.findings == 0 else ",\n") + "    " + dump(f.to_dict(), 2))
        self.findings += 1

    def document(self, record: DocumentRecord) -> None:
        if self.spool is None:
            self.spool = spool()
        # One line a record: alignments are bulk data for programs (every source sentence of every
        # document), and indenting them took most of the writing time and a third of the size.
        line = json.dumps(record.to_dict(), ensure_ascii=False)
        self.spool.write(("\n" if self.documents == 0 else ",\n") + "    " + line)
        self.documents += 1

    def close(self, summary: Report) -> None:
        if self.findings == 0:
            self._start()
            self.findings = -1  # no finding: "[]"
        self.out.write("]" if self.findings < 0 else "\n  ]")
        self.out.write(',\n  "documents": [')
        if self.spool is not None:
            self.spool.seek(0)
            while chunk := self.spool.read(1 << 16):
                self.out.write(chunk)
            self.spool.close()
            self.out.write("\n  ")
        self.out.write("]")
        for key, value in summary.totals().items():
            self.out.write(f",\n  {json.dumps(key)}: {dump(value, 1)}")
        self.out.write("\n}\n")


def render(report: Report, **_options: Any) -> str:
    buf = io.StringIO()
    write_report(Writer(buf), report)
    return buf.getvalue()
