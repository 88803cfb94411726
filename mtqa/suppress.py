"""Per-path settings and suppressions, applied to one document's findings after the rules ran.

- Per-path overrides from the configuration (`[tool.mtqa.per-path."glob"]`): ignore rules, change
  severities for the files a glob matches. Where several globs match a file, the later table's
  severity wins; within a table, the most specific selector (mtqa.selectors).
- Inline directives that survive in Markdown/HTML content: `<!-- mtqa: ignore MTQ101 -->` silences
  the listed rules (selectors as in mtqa.selectors: ALL, codes, prefixes or names; none listed:
  every rule) in the next paragraph;
  `<!-- mtqa: ignore-file MTQ101 -->` in the whole file. Findings inside a directive are dropped
  (a directive is markup, not article text).
- A sidecar allow-list for plain text and JSONL, `<file>.mtqa-allow`: one entry a line,
  `CODES [TEXT]` (selectors comma-separated, `*` or ALL for all); with TEXT, only findings lying inside an
  occurrence of TEXT are allowed, so the entry keeps working when other lines change.
- A directive or allow-list entry that silenced nothing is reported as MTQ001 unused-suppression
  (info), when MTQ001 is selected.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mtqa.model import Category, Document, Finding
from mtqa.selectors import matches_any, most_specific, severity_override
from mtqa.text.positions import line_col

DIRECTIVE = re.compile(r"<!--\s*mtqa:\s*(ignore-file|ignore)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE)
SIDECAR_SUFFIX = ".mtqa-allow"
UNUSED = "MTQ001"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass
class Suppression:
    codes: tuple[str, ...]  # empty: every rule
    ranges: tuple[tuple[int, int, int | None], ...]  # (start, end, segment index or None: file offsets)
    path: str  # where the suppression is written (the article, or its sidecar)
    start: int
    end: int
    line: int
    column: int
    source_text: str
    used: bool = False

    def covers(self, f: Finding) -> bool:
        if self.codes and not matches_any(self.codes, f.code, f.rule):
            return False
        return any(
            (seg is None or seg == f.segment_index) and a <= f.start and f.end <= b
            for a, b, seg in self.ranges
        )


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,]+", raw.strip()) if c and c != "*")


def inline_directives(doc: Document) -> tuple[list[Suppression], list[tuple[int, int]]]:
    """Directives in an article, and the spans of the directive comments themselves."""
    text = doc.text
    if not text or "mtqa" not in text:
        return [], []
    out, spans = [], []
    for m in DIRECTIVE.finditer(text):
        spans.append((m.start(), m.end()))
        if m.group(1).lower() == "ignore-file":
            target = (0, len(text), None)
        else:
            pos = m.end()
            while True:  # the next paragraph, skipping other directives stacked on top of it
                while pos < len(text) and text[pos].isspace():
                    pos += 1
                nxt = DIRECTIVE.match(text, pos)
                if not nxt:
                    break
                pos = nxt.end()
            blank = _BLANK_LINE.search(text, pos)
            target = (pos, blank.start() if blank else len(text), None)
        line, col = line_col(text, m.start())
        out.append(
            Suppression(
                _codes(m.group("codes")), (target,), doc.path, m.start(), m.end(), line, col, m.group()
            )
        )
    return out, spans


def sidecar_entries(doc: Document) -> list[Suppression]:
    sidecar = Path(doc.path + SIDECAR_SUFFIX)
    if doc.path.startswith("<") or not sidecar.is_file():
        return []
    raw = sidecar.read_text(encoding="utf-8", errors="replace")
    out = []
    offset = 0
    for lineno, line in enumerate(raw.splitlines(keepends=True), start=1):
        start, offset = offset, offset + len(line)
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        codes_raw, _, needle = body.partition(" ")
        needle = needle.strip()
        ranges = []
        for seg in doc.segments:
            if not needle:
                ranges.append((seg.offset, seg.offset + len(seg.text), seg.index))
                continue
            for m in re.finditer(re.escape(needle), seg.text):
                ranges.append((seg.offset + m.start(), seg.offset + m.end(), seg.index))
        codes = tuple(c for c in codes_raw.split(",") if c and c != "*")
        out.append(
            Suppression(
                codes,
                tuple(ranges),
                str(sidecar),
                start,
                start + len(line.rstrip("\r\n")),
                lineno,
                1,
                line.rstrip("\r\n"),
            )
        )
    return out


def _path_settings(findings: list[Finding], doc: Document, config) -> list[Finding]:
    from mtqa.config import path_overrides

    overrides = path_overrides(config, doc.path)
    if not overrides:
        return findings
    out = []
    for f in findings:
        if any(matches_any(o.ignore, f.code, f.rule) for o in overrides):
            continue
        severity = next(
            (s for o in reversed(overrides) if (s := most_specific(o.severity, f.code, f.rule)) is not None),
            None,
        )
        out.append(replace(f, severity=severity) if severity is not None else f)
    return out


def _unused_finding(s: Suppression, rule, config) -> Finding:
    what = ", ".join(s.codes) if s.codes else "every rule"
    return Finding(
        code=rule.code,
        rule=rule.name,
        category=Category.OTHER,
        severity=severity_override(config.severity, rule) or rule.severity,
        message=f"unused suppression ({what}): nothing here was reported",
        suggestion="delete the suppression",
        path=s.path,
        start=s.start,
        end=s.end,
        text=s.source_text,
        line=s.line,
        column=s.column,
        context=s.source_text,
        context_start=s.start,
    )


def apply(doc: Document, findings: list[Finding], rules, config) -> list[Finding]:
    """The findings that survive per-path settings and suppressions, plus MTQ001 for unused ones."""
    findings = _path_settings(findings, doc, config)
    directives, comment_spans = inline_directives(doc)
    suppressions = directives + sidecar_entries(doc)
    if comment_spans:
        starts = [a for a, _ in comment_spans]

        def in_comment(f: Finding) -> bool:
            k = bisect.bisect_right(starts, f.start) - 1
            return k >= 0 and f.start < comment_spans[k][1]

        findings = [f for f in findings if not in_comment(f)]
    if not suppressions:
        return findings
    kept = []
    for f in findings:
        hits = [s for s in suppressions if s.covers(f)]
        for s in hits:
            s.used = True
        if not hits:
            kept.append(f)
    unused_rule = next((r for r in rules if r.code == UNUSED), None)
    if unused_rule is not None:
        kept.extend(_unused_finding(s, unused_rule, config) for s in suppressions if not s.used)
    return kept


__all__ = ["DIRECTIVE", "SIDECAR_SUFFIX", "apply", "inline_directives", "sidecar_entries"]
