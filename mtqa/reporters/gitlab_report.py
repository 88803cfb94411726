"""GitLab Code Quality report (the JSON array a `codequality` artifact holds): one issue per finding.

GitLab reads `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical,
blocker) and `location.path` with `location.lines.begin`. The fingerprint is the baseline's key
(path, code, span text, hash of the sentence) plus the occurrence number, so it survives edits
elsewhere in the file and GitLab can tell new findings from old ones in a merge request.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from mtqa.baseline import context_hash

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(f, seen: Counter) -> str:
    key = (f.path, f.code, f.text, context_hash(f.context))
    seen[key] += 1
    raw = "\x1f".join((*key, str(seen[key])))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def issue(f, fingerprint: str) -> dict:
    description = f"{f.code} {f.rule}: {f.message}" + (
        f" (suggestion: {f.suggestion})" if f.suggestion else ""
    )
    return {
        "type": "issue",
        "check_name": f"{f.code} {f.rule}",
        "description": description,
        "categories": [str(f.category)],
        "severity": SEVERITY[str(f.severity)],
        "fingerprint": fingerprint,
        "location": {"path": f.path, "lines": {"begin": f.line}},
    }


def render(report, **_options) -> str:
    seen: Counter = Counter()
    issues = [issue(f, _fingerprint(f, seen)) for f in report.findings]
    for p in report.problems:  # an unreadable input is a blocker: nothing in it was checked
        raw = f"problem\x1f{p.path}\x1f{p.message}"
        issues.append(
            {
                "type": "issue",
                "check_name": "mtqa input error",
                "description": p.message,
                "categories": ["other"],
                "severity": "blocker",
                "fingerprint": hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
                "location": {"path": p.path, "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
