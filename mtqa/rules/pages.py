"""Documentation pages generated from the rule declarations: `mtqa explain CODE`, docs/rules/MTQxxx.md
and the docs/rules/README.md index are the same text, so they cannot drift from the code.

    python -m mtqa.rules.pages docs/rules      # regenerate the committed pages
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

from mtqa.rules.base import Example, Input, Rule

ROOT = Path(__file__).resolve().parent.parent.parent


def module_path(rule: Rule) -> str:
    return rule.check.__module__.replace(".", "/") + ".py"


def tests_path(rule: Rule) -> str:
    """tests/rules/test_<module>.py: the tests of a rule family are named after its module."""
    return f"tests/rules/test_{rule.check.__module__.rsplit('.', 1)[-1]}.py"


def _examples(examples: tuple[Example, ...]) -> list[str]:
    out = []
    for e in examples:
        out.append(f"    [{e.lang}] {e.text}")
        if e.source:
            out.append(f"        source: {e.source}")
        if e.reference:
            out.append(f"        reference: {e.reference}")
        if e.spans:
            out.append("        spans: " + ", ".join(repr(s) for s in e.spans))
    return out


def _alignment_lines() -> list[str]:
    from mtqa.align import ALIGN

    return [f"    {f.name} = {getattr(ALIGN, f.name)!r}: {f.metadata['doc']}" for f in fields(ALIGN)]


def rule_page(rule: Rule) -> str:
    """A rule's page: what `mtqa explain` prints and docs/rules/<code>.md holds."""
    langs = ", ".join(sorted(rule.languages)) if rule.languages else "all"
    inputs = ", ".join(sorted(str(i) for i in rule.inputs))
    lines = [
        f"{rule.code} {rule.name}",
        f"Category: {rule.category}   Default severity: {rule.severity}   Languages: {langs}   "
        f"Enabled by default: {'yes' if rule.default_enabled else 'no'}",
        f"Inputs: {inputs}",
    ]
    if rule.supersedes:
        lines.append(f"Supersedes: {', '.join(rule.supersedes)} (where both report the same span)")
    lines += ["", "What it finds", f"    {rule.summary}", "", "Why it matters", f"    {rule.why}", ""]
    lines.append("Parameters")
    lines += [f"    {p.name} = {p.default!r}: {p.doc}" for p in rule.parameters] or ["    (none)"]
    if rule.parameters:
        lines.append(
            f"    (set them in [tool.mtqa.parameters.{rule.code}] or [tool.mtqa.parameters.{rule.name}])"
        )
    if Input.SOURCE in rule.inputs:
        lines += ["", "Alignment parameters (mtqa.align.ALIGN, shared by every source-aware rule)"]
        lines += _alignment_lines()
    lines += ["", "Data files"]
    lines += [
        f"    mtqa/data/{f.lang}/{f.filename}" + (f" ({f.columns} columns)" if f.columns else "")
        for f in rule.data_files
    ] or ["    (none)"]
    lines += ["", "Flagged", *_examples(rule.flagged), "", "Passes", *_examples(rule.passing), ""]
    lines += ["Where", f"    module: {module_path(rule)}", f"    tests: {tests_path(rule)}"]
    precision = f"docs/precision/{rule.code}.md"
    if (ROOT / precision).is_file():
        lines.append(f"    precision: {precision}")
    return "\n".join(lines) + "\n"


def markdown_page(rule: Rule) -> str:
    return f"# {rule.code} {rule.name}\n\n```text\n{rule_page(rule)}```\n"


def index_page(rules: tuple[Rule, ...]) -> str:
    rows = [
        "# Rules",
        "",
        "Generated from the declarations by `python -m mtqa.rules.pages docs/rules`; do not edit.",
        "",
        "| Code | Name | Module | Data | Doc | Tests |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        data = "<br>".join(f"`{f.lang}/{f.filename}`" for f in r.data_files) or "-"
        rows.append(
            f"| {r.code} | {r.name} | `{module_path(r)}` | {data} | [{r.code}.md]({r.code}.md) | "
            f"`{tests_path(r)}` |"
        )
    return "\n".join(rows) + "\n"


def pages(rules: tuple[Rule, ...]) -> dict[str, str]:
    """file name -> content of every generated page."""
    out = {f"{r.code}.md": markdown_page(r) for r in rules}
    out["README.md"] = index_page(rules)
    return out


def main(argv: list[str]) -> int:
    from mtqa.rules import ALL_RULES

    target = Path(argv[0] if argv else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages(ALL_RULES).items():
        (target / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
