"""check(documents, rules, config) -> Report. Pure: it never prints and never exits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from mtqa import suppress
from mtqa.align import METHOD as ALIGN_METHOD
from mtqa.config import Config
from mtqa.model import (
    AlignedBead,
    AlignedSentence,
    Category,
    CheckSignature,
    Document,
    DocumentAlignment,
    DocumentRecord,
    DocumentText,
    Finding,
    InputProblem,
    Note,
    Report,
    SegmentText,
    Severity,
)
from mtqa.rules import Rule, select_rules
from mtqa.rules.base import Context, Hit, Input
from mtqa.selectors import severity_override
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


def _has(doc: Document, need: Input, config: Config | None = None) -> bool:
    if need is Input.GLOSSARY:  # house-style glossary files from the configuration (--glossary)
        return bool(config is not None and config.options.get("glossary"))
    if need is Input.SOURCE:
        return doc.source is not None or any(s.src for s in doc.segments)
    if need is Input.REFERENCE:
        return any(s.ref for s in doc.segments)
    # Input.COMET_MODEL: the engine loads no model; `mtqa score` and `check --ref` build those
    # findings from the model's output (mtqa.scoring.findings), from the same declaration.
    return need is Input.TARGET


def rule_context(rule: Rule, ctx: Context, config: Config) -> Context:
    """The context one rule runs with: its declared parameters, with the configuration's overrides
    (options["parameters"][code]; an unknown name raises ValueError)."""
    overrides = (config.options.get("parameters") or {}).get(rule.code)
    # Built directly: dataclasses.replace costs several times more, once per rule and document.
    return Context(ctx.lang, ctx.document, ctx.options, rule.parameter_values(overrides))


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
        severity=severity_override(config.severity, rule) or hit.severity or rule.severity,
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
    notes: set[Note],
    documents: list[DocumentRecord] | None = None,
    skipped: dict[str, set[str]] | None = None,
) -> list[Finding]:
    """Findings of `rules` on one document. Notes and rules skipped for a missing input (by the
    input's name) are added to `notes` and `skipped`."""
    skipped = {} if skipped is None else skipped
    lang = document_language(doc, config)
    if lang is None:
        notes.add(Note(UNKNOWN_LANGUAGE_NOTE, "language"))
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
        rule_ctx = rule_context(rule, ctx, config)
        findings.extend(_finding(rule, hit, view, config) for hit in _run(rule, view, rule_ctx))
    if view.__dict__.get("alignment") is not None:
        # source-aware rules skipped for a language's resources
        notes.update(Note(n, "alignment") for n in view.alignment.notes)
        if documents is not None and config.keep_alignment:
            # Source-aware rules aligned the document: the alignment is part of the report.
            documents.append(alignment_record(doc, view.alignment))
    findings = _drop_inside_debris(findings)
    findings = suppress.apply(doc, findings, rules, config)  # per-path settings, inline/sidecar suppressions
    # After suppression: a directive naming the superseded code still silences it, and is not unused.
    findings = _fold_superseded(findings, rules)
    findings.sort(key=Finding.sort_key)
    return findings


def document_text_record(doc: Document) -> DocumentText:
    """What the HTML report needs to show a document: its text (articles) or its segments (JSONL)."""
    if doc.text is not None:
        return DocumentText(doc.path, doc.doc_id, doc.kind, text=doc.text)
    segments = tuple(SegmentText(s.index, s.id, s.line, s.text) for s in doc.segments)
    return DocumentText(doc.path, doc.doc_id, doc.kind, segment_texts=segments)


def alignment_record(doc: Document, al) -> DocumentAlignment:
    """The report's record of a document's alignment with its source (a mtqa.align.Alignment)."""

    def sentences(items) -> tuple[AlignedSentence, ...]:
        return tuple(AlignedSentence(s.segment, s.start, s.end, s.text) for s in items)

    return DocumentAlignment(
        path=doc.path,
        doc_id=doc.doc_id,
        method=ALIGN_METHOD,
        status=al.status,
        reason=al.reason,
        confidence=round(al.confidence, 3),
        source_path=al.source_path,
        source_lang=al.source_lang,
        source_sentences=sentences(al.source),
        target_sentences=sentences(al.target),
        beads=tuple(AlignedBead(tuple(b.src), tuple(b.tgt), b.kind, round(b.cost, 2)) for b in al.beads),
    )


@dataclass(frozen=True)
class DocumentResult:
    """What checking one document adds to the report; picklable, so a process pool or a Dask worker
    can compute it (mtqa.parallel, mtqa.distributed) and the parent folds the results in order, or
    hands them to streaming writers as they come (mtqa.reporters.stream)."""

    path: str
    segments: int
    findings: tuple[Finding, ...]
    notes: frozenset[Note]
    documents: tuple[DocumentRecord, ...]  # the document's alignment and text records
    skipped: tuple[tuple[str, frozenset[str]], ...]  # (missing input, codes of the rules skipped)


def document_result(
    item: Document | InputProblem, rules: tuple[Rule, ...], config: Config
) -> DocumentResult | InputProblem:
    """One input's contribution to the report (an InputProblem passes through unchanged)."""
    if isinstance(item, InputProblem):
        return item
    notes: set[Note] = set()
    skipped: dict[str, set[str]] = {}
    records: list[DocumentRecord] = []
    findings = check_document(item, rules, config, notes, records, skipped)
    if config.keep_text:
        records.append(document_text_record(item))
    return DocumentResult(
        path=item.path,
        segments=len(item.segments),
        findings=tuple(findings),
        notes=frozenset(notes),
        documents=tuple(records),
        skipped=tuple((need, frozenset(codes)) for need, codes in skipped.items()),
    )


class ReportBuilder:
    """Folds per-document results, in input order, into a Report. With `keep=False` it keeps only
    what the end of a report needs (counts, notes, problems, the worst severity): streaming
    writers take the findings and documents as they come, so memory does not grow with the corpus."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.findings: list[Finding] = []
        self.documents: list[DocumentRecord] = []
        self.problems: list[InputProblem] = []
        self.notes: set[Note] = set()
        self.skipped: dict[str, set[str]] = {}
        self.paths: set[str] = set()
        self.segments = 0
        self.worst: Severity | None = None

    def add(self, result: DocumentResult | InputProblem) -> None:
        if isinstance(result, InputProblem):
            self.problems.append(result)
            return
        self.paths.add(result.path)
        self.segments += result.segments
        if result.findings:
            worst = max(f.severity for f in result.findings)
            self.worst = worst if self.worst is None else max(self.worst, worst)
        if self.keep:
            self.findings.extend(result.findings)
            self.documents.extend(result.documents)
        self.notes.update(result.notes)
        for need, codes in result.skipped:
            self.skipped.setdefault(need, set()).update(codes)

    def build(self, signature: CheckSignature | None = None) -> Report:
        skipped = {
            Note(
                f"{len(codes)} rule{'s' if len(codes) > 1 else ''} skipped where there is no {need}: "
                + ", ".join(sorted(codes)),
                "skipped",
            )
            for need, codes in self.skipped.items()
        }
        return Report(
            findings=tuple(self.findings),
            problems=tuple(self.problems),
            documents=tuple(self.documents),
            notes=tuple(sorted(self.notes | skipped, key=lambda n: n.text)),
            files_checked=len(self.paths),
            segments_checked=self.segments,
            signature=signature,
        )


def fold(results: Iterable[DocumentResult | InputProblem], signature: CheckSignature | None = None) -> Report:
    """The report of a run from its per-document results, in input order."""
    builder = ReportBuilder()
    for result in results:
        builder.add(result)
    return builder.build(signature)


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
    from mtqa.signature import check_signature

    rules, config = resolve_rules(rules, config)
    return fold((document_result(item, rules, config) for item in inputs), check_signature(rules, config))
