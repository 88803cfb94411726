"""JUnit XML for CI test dashboards: one testcase per file and rule, a passing testcase per clean file.

Files without findings are known only when the engine recorded the documents (Report.documents);
otherwise a clean run is one passing testcase for the whole run.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

_XML_INVALID = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], "\ufffd")


def _clean(value: str) -> str:
    """XML 1.0 cannot carry most control characters even escaped; show them as U+FFFD."""
    return str(value).translate(_XML_INVALID)


def build(report) -> ET.Element:
    by_case: dict[tuple[str, str], list] = defaultdict(list)
    for f in report.findings:
        by_case[(f.path, f.code)].append(f)
    paths = list(
        dict.fromkeys(
            [d["path"] for d in report.documents if "path" in d] + [f.path for f in report.findings]
        )
    )
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
            failures += 1
            body = "\n".join(
                f"{f.path}:{f.line}:{f.column} {f.code} {f.severity} {f.message}"
                + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                + f"\n    {f.text!r}"
                for f in found
            )
            ET.SubElement(
                case,
                "failure",
                type=code,
                message=_clean(f"{len(found)} × {found[0].message}" if len(found) > 1 else found[0].message),
            ).text = _clean(body)
    if not paths:
        ET.SubElement(cases, "testcase", classname="mtqa", name="mtqa")
    thresholds = [n for n in report.notes if n.startswith("threshold failed:")]
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
        tests=cases.get("tests"),
        failures=str(failures),
        errors=str(len(report.problems)),
    )
    root.append(cases)
    return root


def render(report, **_options) -> str:
    root = build(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
