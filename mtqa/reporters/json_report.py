"""JSON report; its shape is versioned by `schema_version` and documented in docs/json-report.md."""

from __future__ import annotations

import json


def render(report, **_options) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
