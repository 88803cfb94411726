"""A Markdown job summary for GitHub Actions (append it to `$GITHUB_STEP_SUMMARY`).

GitHub shows at most 10 annotations of each type per step, so on a batch the `github` format
alone hides most findings; the summary lists all of them: counts per severity and per rule, one
row per file sorted by its worst finding, and each file's findings in a collapsed `<details>`.
Text from the input is HTML-escaped and its Markdown punctuation backslash-escaped, so an article
cannot add markup, links or table cells to the summary. GitHub refuses summaries over 1 MiB: past
`max_findings` rows the listing stops with a note (the counts still cover every finding).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from html import escape

_SEVERITIES = ("error", "warning", "info")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(value) -> str:
    """Text for a Markdown table cell: one line, no markup, no cell separators."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 and word != 'info' else ''}"


def render(report, max_findings: int = 1000, **_options) -> str:
    sev = Counter(str(f.severity) for f in report.findings)
    files = defaultdict(list)
    for f in report.findings:
        files[f.path].append(f)
    counts = ", ".join(_plural(sev[s], s) for s in _SEVERITIES)
    out = [
        f"## mtqa: {counts} in {len(files)} of {_plural(report.files_checked, 'file')}",
        "",
    ]
    if not report.findings:
        out.append("No findings.")
    else:
        out += ["| rule | name | findings |", "|---|---|---:|"]
        rules = Counter((f.code, f.rule) for f in report.findings)
        out += [f"| {md(c)} | {md(r)} | {n} |" for (c, r), n in sorted(rules.items())]
        out += ["", "| file | worst | errors | warnings | info |", "|---|---|---:|---:|---:|"]
        order = sorted(files, key=lambda p: (-max(f.severity for f in files[p]), -len(files[p]), p))
        for path in order:
            c = Counter(str(f.severity) for f in files[path])
            worst = str(max(f.severity for f in files[path]))
            out.append(f"| {md(path)} | {worst} | {c['error']} | {c['warning']} | {c['info']} |")
        out.append("")
        listed = 0
        for path in order:
            if listed >= max_findings:
                out.append(f"_{len(report.findings) - listed} more findings not listed._")
                break
            found = sorted(files[path], key=lambda f: (-f.severity, f.line, f.column, f.code))
            found = found[: max_findings - listed]
            listed += len(found)
            out += [
                f"<details><summary>{escape(path)}: {len(files[path])}</summary>",
                "",
                "| line | rule | severity | message | text | suggestion |",
                "|---:|---|---|---|---|---|",
            ]
            out += [
                f"| {f.line}:{f.column} | {md(f.code)} | {f.severity} | {md(f.message)} | {md(f.text)} | "
                f"{md(f.suggestion or '')} |"
                for f in found
            ]
            out += ["", "</details>", ""]
    if report.problems:
        out += ["", "### Inputs not read", ""]
        out += [f"- {md(p.path)}: {md(p.message)}" for p in report.problems]
    failed = [f"threshold failed: {t.message}" for t in report.thresholds_failed]
    out += [f"- {md(n)}" for n in failed]
    return "\n".join(out).rstrip("\n") + "\n"
