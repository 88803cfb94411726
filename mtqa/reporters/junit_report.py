"""JUnit XML for CI test dashboards: one testcase per file and rule, a passing testcase per clean file.

A `<failure>` is exactly what fails the run: the findings at or above `fail_on` (the exit code's
threshold, `error` by default; `never`: none). The other findings of a testcase are listed in its
`<system-out>`, so a run that exits 0 reports no failure and a dashboard still shows them.

Files without findings are known only when the engine recorded their text (Report.texts, which
`mtqa check --format junit` asks for); otherwise a clean run is one passing testcase for the whole run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from xml.etree import ElementTree as ET

_XML_INVALID = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], "\ufffd")


def _clean(value: str) -> str:
    """XML 1.0 cannot carry most control characters even escaped; show them as U+FFFD."""
    return str(value).translate(_XML_INVALID)


def _lines(found) -> str:
    return "\n".join(
        f"{f.path}:{f.line}:{f.column} {f.code} {f.severity} {f.message}"
        + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        + f"\n    {f.text!r}"
        for f in found
    )


def build(report, fail_on: str | Mapping[str, str] = "error") -> ET.Element:
    """`fail_on`: the exit code's threshold, or one per file path (each file's closest config;
    "error" for a path not listed)."""
    from mtqa.model import Severity

    def fails(f) -> bool:
        level = fail_on if isinstance(fail_on, str) else fail_on.get(f.path, "error")
        return level != "never" and f.severity >= Severity.parse(level)

    by_case: dict[tuple[str, str], list] = defaultdict(list)
    for f in report.findings:
        by_case[(f.path, f.code)].append(f)
    paths = list(dict.fromkeys([d.path for d in report.texts] + [f.path for f in report.findings]))
    rules = {f.code: f.rule for f in report.findings}
    cases = ET.Element("testsuite", name="mtqa")
    corpus = [s for s in report.scores if s.scope == "corpus"]
    if corpus:  # scores against references, each with its signature
        props = ET.SubElement(cases, "properties")
        for s in corpus:
            ET.SubElement(
                props,
                "property",
                name=_clean(f"{s.metric} {s.path or ''}".strip()),
                value=_clean(f"{s.value:.2f} ({s.signature})"),
            )
    failures = 0
    for path in paths:
        codes = sorted(code for p, code in by_case if p == path)
        if not codes:
            ET.SubElement(cases, "testcase", classname=_clean(path), name="mtqa")
        for code in codes:
            found = by_case[(path, code)]
            case = ET.SubElement(cases, "testcase", classname=_clean(path), name=f"{code} {rules[code]}")
            failed = [fails(f) for f in found]
            failing = [f for f, fails_run in zip(found, failed, strict=True) if fails_run]
            passing = [f for f, fails_run in zip(found, failed, strict=True) if not fails_run]
            if failing:
                failures += 1
                ET.SubElement(
                    case,
                    "failure",
                    type=code,
                    message=_clean(
                        f"{len(failing)} × {failing[0].message}" if len(failing) > 1 else failing[0].message
                    ),
                ).text = _clean(_lines(failing))
            if passing:
                ET.SubElement(case, "system-out").text = _clean(_lines(passing))
    if not paths:
        ET.SubElement(cases, "testcase", classname="mtqa", name="mtqa")
    thresholds = [f"threshold failed: {t.message}" for t in report.thresholds_failed]
    if thresholds:
        case = ET.SubElement(cases, "testcase", classname="mtqa", name="score thresholds")
        ET.SubElement(case, "failure", type="threshold", message=_clean(thresholds[0])).text = _clean(
            "\n".join(thresholds)
        )
        failures += 1
    for p in report.problems:
        case = ET.SubElement(cases, "testcase", classname=_clean(p.path), name="input")
        ET.SubElement(case, "error", type="input", message=_clean(p.message))
    cases.set("tests", str(len(cases.findall("testcase"))))
    cases.set("failures", str(failures))
    cases.set("errors", str(len(report.problems)))
    root = ET.Element(
        "testsuites",
        name="mtqa",
        tests=cases.get("tests", "0"),
        failures=str(failures),
        errors=str(len(report.problems)),
    )
    root.append(cases)
    return root


def render(report, fail_on: str | Mapping[str, str] = "error", **_options) -> str:
    root = build(report, fail_on)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
