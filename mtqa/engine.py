"""check(documents, rules, config) -> Report. Pure: it never prints and never exits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from mtqa import suppress
from mtqa.config import Config
from mtqa.model import Category, Document, Finding, InputProblem, Report
from mtqa.rules import Rule, select_rules
from mtqa.rules.base import Context, Hit
from mtqa.text import lang as langid
from mtqa.text.analysis import DocumentView
from mtqa.text.positions import line_col

_SAMPLE_CHARS = 2000
_CONTEXT_REACH = 400  # characters of context kept on each side of a finding's span
# Below this many letters the detector guesses: on the dev data's short documents (product titles)
# it is wrong 52 times in 651 with no floor, 2 times in 525 with this one. A wrong language is worse
# than none (French rules on English text), so short undeclared documents get no language.
_MIN_LETTERS = 80
UNKNOWN_LANGUAGE_NOTE = (
    "language not detected where a document has too little text (give --lang): "
    "only language-independent rules ran there"
)


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
    text = "\n".join(sample)[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        return None
    # Any of lingua's 75 languages: a Turkish article is Turkish (language-independent rules only),
    # not "Spanish" with Spanish rules. Only models of the text's script are loaded.
    return langid.identify(text)


def _has(doc: Document, need: str, config: Config | None = None) -> bool:
    if need == "glossary":  # house-style glossary files from the configuration (--glossary)
        return bool(config is not None and config.options.get("glossary"))
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
    # A run-on "sentence" (a decoder loop, a page without full stops) is shown around the span only:
    # copying all of it into each of its findings would make the report quadratic.
    a, b = max(a, hit.start - _CONTEXT_REACH), min(b, hit.end + _CONTEXT_REACH)
    text, context = seg.text[hit.start : hit.end], seg.text[a:b]
    whole = view.document.text
    if whole is not None and (hit.start < 0 or hit.end > len(seg.text)):
        # A span between paragraphs (a run of blank lines left by a removed embed) lies outside every
        # segment: read it, and place it, in the whole file.
        start = seg.offset + hit.start
        line, column = line_col(whole, start)
        text = context = whole[start : seg.offset + hit.end]
        a = hit.start
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
        text=text,
        line=line,
        column=column,
        doc_id=view.document.doc_id,
        segment_id=seg.id,
        segment_index=seg.index,
        context=context,
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
        f
        for f in findings
        if f.category is Category.BOILERPLATE
        or not any(s == f.segment_index and a < f.end and f.start < b for s, a, b in debris)
    ]


def _overlap(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end or (a.start, a.end) == (b.start, b.end)


def _fold_superseded(findings: list[Finding], rules: tuple[Rule, ...]) -> list[Finding]:
    """One defect, one finding: a finding of a rule that another rule supersedes (`Rule.supersedes`:
    a target-only rule under the source-aware rule that sees the same defect with the source as
    evidence) is folded into an overlapping finding of the superseding rule in the same segment. The
    kept finding lists the folded codes in extra["also"] and keeps the worse severity of the two, so
    giving a source never lowers the gate."""
    superseded_by = {r.code: frozenset(r.supersedes) for r in rules if r.supersedes}
    if not superseded_by:
        return findings
    targets = frozenset().union(*superseded_by.values())
    candidates: dict[int, list[int]] = {}  # segment index -> positions of findings that may be folded
    for i, f in enumerate(findings):
        if f.code in targets:
            candidates.setdefault(f.segment_index, []).append(i)
    folded: set[int] = set()
    kept: dict[int, Finding] = {}
    for i, f in enumerate(findings):
        codes = superseded_by.get(f.code)
        if not codes:
            continue
        mine = [
            j
            for j in candidates.get(f.segment_index, ())
            if j not in folded and j != i and findings[j].code in codes and _overlap(f, findings[j])
        ]
        if not mine:
            continue
        folded.update(mine)
        also = sorted({*f.extra.get("also", ()), *(findings[j].code for j in mine)})
        severity = max(f.severity, *(findings[j].severity for j in mine))
        kept[i] = replace(f, severity=severity, extra={**f.extra, "also": also})
    return [kept.get(i, f) for i, f in enumerate(findings) if i not in folded]


def check_document(
    doc: Document,
    rules: tuple[Rule, ...],
    config: Config,
    notes: set[str],
    documents: list[dict] | None = None,
    skipped: dict[str, set[str]] | None = None,
) -> list[Finding]:
    """Findings of `rules` on one document. Notes and rules skipped for a missing input (by the
    input's name) are added to `notes` and `skipped`."""
    skipped = {} if skipped is None else skipped
    lang = document_language(doc, config)
    if lang is None:
        notes.add(UNKNOWN_LANGUAGE_NOTE)
    view = DocumentView(doc, lang)
    ctx = Context(lang=lang, document=view, options=config.options)
    findings: list[Finding] = []
    for rule in rules:
        if not rule.applies_to(lang):
            continue
        missing = [need for need in rule.requires if not _has(doc, need, config)]
        if missing:
            skipped.setdefault(" or ".join(missing), set()).add(rule.code)
            continue
        findings.extend(_finding(rule, hit, view, config) for hit in _run(rule, view, ctx))
    if view.__dict__.get("alignment") is not None:
        notes.update(view.alignment.notes)  # source-aware rules skipped for a language's resources
    if documents is not None and view.__dict__.get("alignment") is not None:
        # Source-aware rules aligned the document: the alignment is part of the report.
        documents.append({"path": doc.path, "doc_id": doc.doc_id, "alignment": view.alignment.to_dict()})
    findings = _drop_inside_debris(findings)
    findings = suppress.apply(doc, findings, rules, config)  # per-path settings, inline/sidecar suppressions
    # After suppression: a directive naming the superseded code still silences it, and is not unused.
    findings = _fold_superseded(findings, rules)
    findings.sort(key=Finding.sort_key)
    return findings


def document_text_record(doc: Document) -> dict:
    """What the HTML report needs to show a document: its text (articles) or its segments (JSONL)."""
    record = {"path": doc.path, "doc_id": doc.doc_id, "kind": doc.kind}
    if doc.text is not None:
        record["text"] = doc.text
    else:
        record["segment_texts"] = [
            {"index": s.index, "id": s.id, "line": s.line, "text": s.text} for s in doc.segments
        ]
    return record


@dataclass(frozen=True)
class DocumentResult:
    """What checking one document adds to the report; picklable, so a process pool or a Dask worker
    can compute it (mtqa.parallel, mtqa.distributed) and the parent folds the results in order."""

    path: str
    segments: int
    findings: list[Finding]
    notes: frozenset[str]
    documents: list[dict]  # the document's alignment and text records, as Report.documents holds them
    skipped: dict[str, frozenset[str]]


def document_result(
    item: Document | InputProblem, rules: tuple[Rule, ...], config: Config
) -> DocumentResult | InputProblem:
    """One input's contribution to the report (an InputProblem passes through unchanged)."""
    if isinstance(item, InputProblem):
        return item
    notes: set[str] = set()
    skipped: dict[str, set[str]] = {}
    records: list[dict] = []
    findings = check_document(item, rules, config, notes, records, skipped)
    if config.keep_text:
        records.append(document_text_record(item))
    return DocumentResult(
        path=item.path,
        segments=len(item.segments),
        findings=findings,
        notes=frozenset(notes),
        documents=records,
        skipped={need: frozenset(codes) for need, codes in skipped.items()},
    )


def fold(results: Iterable[DocumentResult | InputProblem]) -> Report:
    """The report of a run from its per-document results, in input order."""
    report = Report()
    notes: set[str] = set()
    skipped: dict[str, set[str]] = {}
    seen_paths: set[str] = set()
    for result in results:
        if isinstance(result, InputProblem):
            report.problems.append(result)
            continue
        seen_paths.add(result.path)
        report.segments_checked += result.segments
        report.findings.extend(result.findings)
        report.documents.extend(result.documents)
        notes.update(result.notes)
        for need, codes in result.skipped.items():
            skipped.setdefault(need, set()).update(codes)
    report.files_checked = len(seen_paths)
    notes.update(
        f"{len(codes)} rule{'s' if len(codes) > 1 else ''} skipped where there is no {need}: "
        + ", ".join(sorted(codes))
        for need, codes in skipped.items()
    )
    report.notes = sorted(notes)
    return report


def resolve_rules(rules: tuple[Rule, ...] | None, config: Config | None) -> tuple[tuple[Rule, ...], Config]:
    config = config or Config()
    if rules is None:
        rules = select_rules(config.select, config.ignore, config.extend_select)
    return rules, config


def check(
    inputs: Iterable[Document | InputProblem],
    rules: tuple[Rule, ...] | None = None,
    config: Config | None = None,
) -> Report:
    rules, config = resolve_rules(rules, config)
    return fold(document_result(item, rules, config) for item in inputs)
