"""check(documents, rules, config) -> Report. Pure: it never prints and never exits."""

from __future__ import annotations

from collections.abc import Iterable

from mtqa.config import Config
from mtqa.model import Category, Document, Finding, InputProblem, Report
from mtqa.rules import Rule, select_rules
from mtqa.rules.base import Context, Hit
from mtqa.text import lang as langid
from mtqa.text.analysis import DocumentView

_SAMPLE_CHARS = 2000


def document_language(doc: Document, config: Config) -> str | None:
    if config.lang:
        return config.lang
    if doc.lang:
        return doc.lang
    sample = []
    size = 0
    for seg in sorted(doc.segments, key=lambda s: -len(s.text))[:8]:
        sample.append(seg.text)
        size += len(seg.text)
        if size > _SAMPLE_CHARS:
            break
    return langid.detect("\n".join(sample)[:_SAMPLE_CHARS])


def _has(doc: Document, need: str) -> bool:
    if need == "source":
        return doc.source is not None or any(s.src for s in doc.segments)
    if need == "reference":
        return any(s.ref for s in doc.segments)
    return False


def _finding(rule: Rule, hit: Hit, view: DocumentView, config: Config) -> Finding:
    seg_view = view.segments[hit.segment]
    seg = seg_view.segment
    line, column = seg.position(hit.start)
    a, b = seg_view.sentence_at(hit.start)
    if not (a <= hit.start and hit.end <= b):
        a, b = min(a, hit.start), max(b, hit.end)
    return Finding(
        code=rule.code,
        rule=rule.name,
        category=rule.category,
        severity=config.severity.get(rule.code, hit.severity or rule.severity),
        message=hit.message,
        suggestion=hit.suggestion,
        path=view.document.path,
        start=seg.offset + hit.start,
        end=seg.offset + hit.end,
        text=seg.text[hit.start:hit.end],
        line=line,
        column=column,
        doc_id=view.document.doc_id,
        segment_id=seg.id,
        segment_index=seg.index,
        context=seg.text[a:b],
        context_start=seg.offset + a,
        extra=hit.extra,
    )


def _run(rule: Rule, view: DocumentView, ctx: Context) -> Iterable[Hit]:
    if rule.scope == "document":
        yield from rule.check(view, ctx)
        return
    for i, seg in enumerate(view.segments):
        for hit in rule.check(seg, ctx):
            yield hit if hit.segment == i else Hit(**{**hit.__dict__, "segment": i})


def _drop_inside_debris(findings: list[Finding]) -> list[Finding]:
    """Debris is reported once, as debris: other rules' findings on the same text are dropped."""
    debris = [(f.segment_index, f.start, f.end) for f in findings if f.category is Category.BOILERPLATE]
    if not debris:
        return findings
    return [
        f for f in findings
        if f.category is Category.BOILERPLATE
        or not any(s == f.segment_index and a < f.end and f.start < b for s, a, b in debris)
    ]


def check_document(doc: Document, rules: tuple[Rule, ...], config: Config, notes: set[str]) -> list[Finding]:
    lang = document_language(doc, config)
    view = DocumentView(doc, lang)
    ctx = Context(lang=lang, document=view, options=config.options)
    findings: list[Finding] = []
    for rule in rules:
        if not rule.applies_to(lang):
            continue
        missing = [need for need in rule.requires if not _has(doc, need)]
        if missing:
            notes.add(f"{rule.code} {rule.name} skipped where there is no {' or '.join(missing)}")
            continue
        findings.extend(_finding(rule, hit, view, config) for hit in _run(rule, view, ctx))
    findings = _drop_inside_debris(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def check(
    inputs: Iterable[Document | InputProblem],
    rules: tuple[Rule, ...] | None = None,
    config: Config | None = None,
) -> Report:
    config = config or Config()
    if rules is None:
        rules = select_rules(config.select, config.ignore, config.extend_select)
    report = Report()
    notes: set[str] = set()
    seen_paths: set[str] = set()
    for item in inputs:
        if isinstance(item, InputProblem):
            report.problems.append(item)
            continue
        seen_paths.add(item.path)
        report.segments_checked += len(item.segments)
        report.findings.extend(check_document(item, rules, config, notes))
    report.files_checked = len(seen_paths)
    report.notes = sorted(notes)
    return report
