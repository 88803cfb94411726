"""One self-contained HTML page: the articles with every finding highlighted in place (message on
hover and on click), filters by rule and severity, a chart of findings per category and, when the
report has per-segment scores, a chart of them.

Every piece of text from the input goes through `html.escape` (quotes included) and sits in element
content or double-quoted attributes; the script is pinned by a Content-Security-Policy hash, so even
markup that slipped through could not run a script or load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from html import escape

from mtqa import __version__
from mtqa.reporters.html_assets import CSS, JS

_ORDER = {"error": 0, "warning": 1, "info": 2}
_COLOR = {"error": "#c62828", "warning": "#ef8f00", "info": "#1e78c8"}


def _e(value) -> str:
    return escape(str(value), quote=True)


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def highlight(text: str, spans: list[tuple[int, int, int, str, str]]) -> str:
    """`text` escaped, with <mark> around every piece covered by findings (id, start, end, sev, title).

    Overlapping findings split the text at every boundary; a piece covered by several findings is
    one mark listing all of them, coloured by the most severe. An empty span is a caret mark.
    """
    n = len(text)
    cuts = sorted(
        {
            0,
            n,
            *(max(0, min(n, s)) for _, s, _, _, _ in spans),
            *(max(0, min(n, e)) for _, _, e, _, _ in spans),
        }
    )
    empties = defaultdict(list)
    for span in spans:
        if span[1] >= span[2]:
            empties[max(0, min(n, span[1]))].append(span)
    out = []
    for a, b in zip(cuts, cuts[1:] + [n + 1], strict=True):
        if a in empties:
            out.append(_mark(empties[a], "", caret=True))
        if a >= n:
            break
        covering = [s for s in spans if s[1] <= a and b <= s[2] and s[1] < s[2]]
        piece = text[a:b]
        out.append(_mark(covering, _e(piece)) if covering else _e(piece))
    return "".join(out)


def _mark(spans, inner: str, caret: bool = False) -> str:
    sev = min((s[3] for s in spans), key=_ORDER.__getitem__)
    ids = " ".join(f"f{s[0]}" for s in spans)
    title = "\n".join(s[4] for s in spans)
    cls = f"f sev-{sev}" + (" caret" if caret else "")
    return f'<mark class="{cls}" data-fids="{ids}" tabindex="0" title="{_e(title)}">{inner}</mark>'


def _title(f) -> str:
    return f"{f.code} {f.rule} ({f.severity}): {f.message}" + (f" → {f.suggestion}" if f.suggestion else "")


def _documents(report, numbered) -> str:
    by_doc = defaultdict(list)
    for i, f in numbered:
        by_doc[(f.path, f.doc_id)].append((i, f))
    parts = []
    recorded = set()
    for record in report.documents:
        # Records of other kinds (alignment, scoring) share the list: only text records are shown.
        if not isinstance(record.get("text"), str) and not isinstance(record.get("segment_texts"), list):
            continue
        key = (record.get("path"), record.get("doc_id"))
        recorded.add(key)
        label = key[0] + (f" — {key[1]}" if key[1] else "")
        found = by_doc.get(key, [])
        body = []
        if isinstance(record.get("text"), str):
            spans = [(i, f.start, f.end, str(f.severity), _title(f)) for i, f in found]
            body.append(f'<pre class="text">{highlight(record["text"], spans)}</pre>')
        else:
            for seg in record["segment_texts"]:
                spans = [
                    (i, f.start, f.end, str(f.severity), _title(f))
                    for i, f in found
                    if f.segment_index == seg["index"]
                ]
                seg_label = seg.get("id") if seg.get("id") is not None else f"line {seg.get('line')}"
                body.append(
                    f'<div class="seg"><span class="seg-id">{_e(seg_label)}</span>'
                    f'<pre class="text">{highlight(seg["text"], spans)}</pre></div>'
                )
        parts.append(
            f'<article class="doc" data-path="{_e(key[0])}"><h2>{_e(label)} '
            f"<small>({len(found)} finding{'s' if len(found) != 1 else ''})</small></h2>"
            + "".join(body)
            + "</article>"
        )
    missing = sorted({k for k in by_doc if k not in recorded}, key=lambda k: (k[0], k[1] or ""))
    if missing:
        parts.append(
            '<p class="notes">Text not recorded for: '
            + ", ".join(_e(k[0]) for k in missing)
            + " (findings listed below).</p>"
        )
    return "\n".join(parts)


def _filters(report) -> str:
    sev_counts = Counter(str(f.severity) for f in report.findings)
    code_counts = Counter((f.code, f.rule) for f in report.findings)
    sev = "".join(
        f'<label><input type="checkbox" class="flt" data-kind="sev" value="{s}" checked> '
        f'<span class="sev {s}">{s}</span> ({sev_counts[s]})</label>'
        for s in ("error", "warning", "info")
        if sev_counts[s]
    )
    codes = "".join(
        f'<label><input type="checkbox" class="flt" data-kind="code" value="{_e(c)}" checked> '
        f"{_e(c)} {_e(r)} ({n})</label>"
        for (c, r), n in sorted(code_counts.items())
    )
    return (
        f'<fieldset id="filter-severity"><legend>Severity</legend>{sev}</fieldset>'
        f'<fieldset id="filter-rule"><legend>Rule</legend>{codes}</fieldset>'
    )


def category_chart(report) -> str:
    counts = Counter(str(f.category) for f in report.findings)
    if not counts:
        return '<p class="notes">No findings.</p>'
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(counts.values())
    bar_h, label_w, width = 22, 110, 420
    svg = [
        f'<svg id="category-chart" xmlns="http://www.w3.org/2000/svg" width="{label_w + width + 40}" '
        f'height="{bar_h * len(rows) + 4}" role="img" aria-label="findings per category">'
    ]
    for k, (cat, n) in enumerate(rows):
        y = k * bar_h + 2
        w = max(2, round(width * n / top))
        svg.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{_e(cat)}</text>'
            f'<rect class="bar" data-category="{_e(cat)}" x="{label_w}" y="{y}" width="{w}" '
            f'height="{bar_h - 6}" fill="#5c6bc0"><title>{_e(cat)}: {n}</title></rect>'
            f'<text x="{label_w + w + 4}" y="{y + 14}" font-size="12">{n}</text>'
        )
    svg.append("</svg>")
    return "".join(svg)


def segment_score_chart(report) -> str:
    by_metric = defaultdict(list)
    for s in report.scores:
        if s.scope == "segment":
            by_metric[s.metric].append(s)
    if not by_metric:
        return ""
    charts = []
    for metric, scores in sorted(by_metric.items()):
        top = max(max(s.value for s in scores), 1e-9)
        if top <= 1.0:
            top = 1.0  # COMET-like scores in [0, 1]
        elif top <= 100.0:
            top = 100.0
        step, height = 6, 120
        width = max(300, step * len(scores) + 40)
        svg = [
            f'<svg class="segment-scores" data-metric="{_e(metric)}" xmlns="http://www.w3.org/2000/svg" '
            f'width="{width}" height="{height + 20}" role="img" aria-label="{_e(metric)} per segment">'
            f'<line x1="30" y1="{height}" x2="{width}" y2="{height}" stroke="#999"/>'
            f'<text x="0" y="12" font-size="11">{top:g}</text>'
            f'<text x="0" y="{height}" font-size="11">0</text>'
        ]
        for k, s in enumerate(scores):
            h = max(1, round(height * max(0.0, s.value) / top))
            label = next((x for x in (s.segment_id, s.segment_index) if x is not None), k)
            where = f"{s.path or ''} {label}".strip()
            svg.append(
                f'<rect class="seg-bar" x="{32 + k * step}" y="{height - h}" width="{step - 1}" '
                f'height="{h}" fill="#26a69a"><title>{_e(where)}: {s.value:.2f}</title></rect>'
            )
        svg.append("</svg>")
        signature = _e(scores[0].signature)
        charts.append(
            f'<figure><figcaption>{_e(metric)} per segment</figcaption><div class="scroll">'
            + "".join(svg)
            + f'</div><p class="notes">{signature}</p></figure>'
        )
    return "".join(charts)


def _table(numbered) -> str:
    rows = []
    for i, f in numbered:
        sugg = _e(f.suggestion) if f.suggestion else ""
        rows.append(
            f'<tr class="finding sev-{f.severity}" data-fid="f{i}" data-code="{_e(f.code)}" '
            f'data-sev="{f.severity}" data-category="{_e(f.category)}">'
            f"<td>{_e(f.path)}:{f.line}:{f.column}</td><td>{_e(f.code)}<br><small>{_e(f.rule)}</small></td>"
            f'<td class="sev">{f.severity}</td><td class="msg">{_e(f.message)}</td>'
            f'<td class="span">{_e(f.text)}</td><td>{sugg}</td></tr>'
        )
    head = "".join(f"<th>{h}</th>" for h in ("Where", "Rule", "Severity", "Message", "Text", "Suggestion"))
    head = f"<tr>{head}</tr>"
    return f'<table id="findings"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def render(report, title: str = "mtqa report", **_options) -> str:
    numbered = list(enumerate(report.findings))
    n = len(report.findings)
    corpus = "".join(
        f"<li>{_e(s.metric)} = {s.value:.2f} <small>{_e(s.signature)}</small></li>"
        for s in report.scores
        if s.scope == "corpus"
    )
    problems = "".join(f"<li>{_e(p)}</li>" for p in report.problems)
    notes = "".join(f"<li>{_e(x)}</li>" for x in report.notes)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_csp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mtqa {_e(__version__)}">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_e(title)}</h1>
<p class="summary"><span id="shown">{n}</span> of {n} finding{"s" if n != 1 else ""} shown;
{report.files_checked} file{"s" if report.files_checked != 1 else ""},
{report.segments_checked} segments checked.</p>
</header>
<main>
<section id="filters">{_filters(report)}</section>
<section class="charts">
<figure><figcaption>Findings per category</figcaption>{category_chart(report)}</figure>
{segment_score_chart(report)}
</section>
{f'<ul id="scores">{corpus}</ul>' if corpus else ""}
{f'<ul id="problems" class="notes">{problems}</ul>' if problems else ""}
<section id="documents">
{_documents(report, numbered)}
</section>
<section><h2>All findings</h2>
{_table(numbered)}
</section>
{f'<ul class="notes">{notes}</ul>' if notes else ""}
</main>
<aside id="detail" hidden></aside>
<script>{JS}</script>
</body>
</html>
"""
