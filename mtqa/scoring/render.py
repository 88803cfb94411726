"""Text rendering of the scores in a Report: corpus figures in sacrebleu's own text format
(`NAME|signature = value`), then the weakest segments first. Reads only the report."""

from __future__ import annotations

_EXCERPT = 110


def _excerpt(text: str | None) -> str:
    text = " ".join((text or "").split())
    if not text:
        return "(nothing)"
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def score_lines(report) -> list[tuple[str, str]]:
    """(text, style) lines for every scored hypothesis in the report."""
    out: list[tuple[str, str]] = []
    entries = report.document_scores
    if not entries:  # scores that came without their metadata: the plain form
        return [
            (f"{s.metric} = {s.value:.2f}  ({s.signature})", "") for s in report.scores if s.scope == "corpus"
        ]
    for entry in entries:
        width = entry.width
        if entry.references:
            against = f"against {', '.join(entry.references)}"
        elif entry.source:  # a reference-free (QE) COMET model reads the source alone
            against = f"against the source {entry.source}, no reference"
        else:
            against = "without reference"
        out.append((f"Scores: {entry.path} {against} ({entry.mode}, {entry.segments} segments)", "bold"))
        for c in entry.corpus:
            detail = f" {c.detail}" if c.detail else ""
            if c.mean is not None:  # --confidence, printed as sacrebleu prints it
                detail = f" (μ = {c.mean:.{width}f} ± {c.ci:.{width}f}){detail}"
            out.append((f"{c.metric}|{c.signature} = {c.value:.{width}f}{detail}", ""))
        if entry.comet:
            out.append((f"COMET model: {entry.comet[0]} ({entry.comet[1]})", ""))
        for failure in entry.thresholds_failed:
            out.append((f"threshold failed: {failure.message}", "bold red"))
        out.extend(_document_lines(report, entry))
        if entry.weakest:
            out.append((f"Weakest segments (by {entry.ranked_by}), weakest first:", "bold"))
        for u in entry.weakest:
            figures = "  ".join(f"{k} {v:.{width}f}" for k, v in u.scores)
            where = f"{u.path}:{u.line}:{u.column}"
            if u.segment_id:
                where += f" [{u.segment_id}]"
            align = f"  ({u.alignment})" if entry.mode == "articles" and u.alignment != "1-1" else ""
            out.append((f"  {where}  {figures}{align}", ""))
            out.append((f"      hyp: {_excerpt(u.hyp)}", ""))
            if entry.references:
                out.append((f"      ref: {_excerpt(next((r for r in u.refs if r), None))}", "dim"))
        out.append(("", ""))
    return out


def _document_lines(report, entry) -> list[tuple[str, str]]:
    """Per-document figures (JSONL rows of several documents), weakest first."""
    by_doc: dict[str, dict[str, float]] = {}
    for s in report.scores:
        if s.scope == "document" and s.path == entry.path:
            by_doc.setdefault(s.doc_id, {})[s.metric] = s.value
    if not by_doc:
        return []
    rank = entry.ranked_by
    sign = -1 if rank == "TER" else 1
    docs = sorted(by_doc.items(), key=lambda kv: (sign * kv[1].get(rank, 0.0), kv[0]))[: entry.limit]
    width = entry.width
    lines = [(f"Documents (by {rank}), weakest first:", "bold")]
    for doc, figures in docs:
        lines.append((f"  {doc}  " + "  ".join(f"{k} {v:.{width}f}" for k, v in figures.items()), ""))
    return lines
