"""One self-contained HTML page for one article or a batch of hundreds: a summary table of the files
(sorted by their worst finding, counts per severity and rule, each linking to its article), filters
by rule and severity, labelled charts (findings per category; each metric per segment when the
report has segment scores), the articles with every finding highlighted in place (clean ones
collapsed; Markdown shown as styled text), a popup per finding (message, suggestion, aligned source
sentence, link to the rule's documentation, which the page carries), and the table of all findings.

Every piece of text from the input goes through `html.escape` (quotes included) and sits in element
content or double-quoted attributes; the script is pinned by a Content-Security-Policy hash, so even
markup that slipped through could not run a script or load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict

from mtqa.reporters.html_assets import CSS, JS
from mtqa.reporters.html_charts import category_chart, segment_score_chart
from mtqa.reporters.html_text import _e, highlight, is_markdown, markdown_styles
from mtqa.version import __version__

__all__ = ["category_chart", "highlight", "render", "segment_score_chart"]

_SEVERITIES = ("error", "warning", "info")
# A batch page stays short: the worst articles open, the others (and every clean one) collapsed
# behind their row in the summary table, which opens them; a long findings table collapsed too.
OPEN_ARTICLES = 20
OPEN_TABLE_ROWS = 500


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _title(f) -> str:
    return f"{f.code} {f.rule} ({f.severity}): {f.message}" + (f" → {f.suggestion}" if f.suggestion else "")


def _key(record) -> tuple:
    return (record.path, record.doc_id)


def _label(key) -> str:
    return str(key[0]) + (f" — {key[1]}" if key[1] else "")


def _worst(found) -> int:
    return max((int(f.severity) for _, f in found), default=0)


def _ordered(report, by_doc) -> list[tuple[tuple, dict | None]]:
    """Every document (recorded or only named by findings), worst first, then most findings, then path."""
    keys = {_key(r): r for r in report.texts}
    for k in by_doc:
        keys.setdefault(k, None)
    return sorted(
        keys.items(),
        key=lambda kv: (-_worst(by_doc.get(kv[0], [])), -len(by_doc.get(kv[0], [])), _label(kv[0])),
    )


def _summary(report, by_doc, ordered, anchors) -> str:
    rows, clean = [], []
    for key, _record in ordered:
        found = by_doc.get(key, [])
        link = f'<a href="#{anchors[key]}">{_e(_label(key))}</a>' if key in anchors else _e(_label(key))
        if not found:
            clean.append(f"<li>{link}</li>")
            continue
        sev = Counter(str(f.severity) for _, f in found)
        rules = Counter(f.code for _, f in found)
        worst = str(max(f.severity for _, f in found))
        rule_cells = " ".join(
            f'<span class="code" title="{n} finding{"s" if n != 1 else ""}">{_e(c)}'
            + (f"&#xd7;{n}" if n > 1 else "")
            + "</span>"
            for c, n in sorted(rules.items())
        )
        rows.append(
            f'<tr class="file sev-{worst}" data-worst="{worst}"><td>{link}</td><td class="sev">{worst}</td>'
            + "".join(f'<td class="num">{sev[s] or ""}</td>' for s in _SEVERITIES)
            + f"<td>{rule_cells}</td></tr>"
        )
    total = Counter(str(f.severity) for f in report.findings)
    head = "".join(f"<th>{h}</th>" for h in ("File", "Worst", "Errors", "Warnings", "Info", "Rules"))
    foot = (
        f"<tr><th>{len(rows)} file{'s' if len(rows) != 1 else ''} with findings</th><th></th>"
        + "".join(f'<th class="num">{total[s]}</th>' for s in _SEVERITIES)
        + "<th></th></tr>"
    )
    table = (
        f'<table id="files"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        f"<tfoot>{foot}</tfoot></table>"
        if rows
        else '<p class="notes">No findings.</p>'
    )
    clean_list = (
        f'<details id="clean-files"><summary>{len(clean)} clean file{"s" if len(clean) != 1 else ""}'
        f"</summary><ul>{''.join(clean)}</ul></details>"
        if clean
        else ""
    )
    return f'<section id="summary"><h2>Files</h2>{table}{clean_list}</section>'


def _documents(ordered, by_doc, anchors) -> str:
    parts = []
    missing = []
    opened = 0
    for key, record in ordered:
        if record is None:
            missing.append(key)
            continue
        found = by_doc.get(key, [])
        body = []
        if record.text is not None:
            spans = [(i, f.start, f.end, str(f.severity), _title(f)) for i, f in found]
            styles = markdown_styles(record.text) if is_markdown(key[0]) else []
            body.append(f'<pre class="text">{highlight(record.text, spans, styles)}</pre>')
        else:
            for seg in record.segment_texts:
                spans = [
                    (i, f.start, f.end, str(f.severity), _title(f))
                    for i, f in found
                    if f.segment_index == seg.index
                ]
                seg_label = seg.id if seg.id is not None else f"line {seg.line}"
                body.append(
                    f'<div class="seg"><span class="seg-id">{_e(seg_label)}</span>'
                    f'<pre class="text">{highlight(seg.text, spans)}</pre></div>'
                )
        state = " open" if found and opened < OPEN_ARTICLES else ""
        opened += bool(state)
        cls = "doc" if found else "doc clean"
        parts.append(
            f'<article class="{cls}" id="{anchors[key]}" data-path="{_e(key[0])}"><details{state}><summary>'
            f"<h2>{_e(_label(key))} <small>({len(found)} finding{'s' if len(found) != 1 else ''})</small>"
            "</h2>"
            "</summary>" + "".join(body) + "</details></article>"
        )
    if missing:
        parts.append(
            '<p class="notes">Text not recorded for: '
            + ", ".join(_e(k[0]) for k in missing)
            + " (findings listed below).</p>"
        )
    return "\n".join(parts)


def _rules(report) -> str:
    """Each reported rule's documentation (what `mtqa explain CODE` prints), for the popups to link to."""
    from mtqa.rules import BY_CODE
    from mtqa.rules.pages import rule_page

    items = []
    for code in sorted({f.code for f in report.findings}):
        rule = BY_CODE.get(code)
        doc = rule_page(rule) if rule is not None else "No documentation: not a catalogue rule."
        items.append(
            f'<details class="rule" id="rule-{_e(code)}"><summary>{_e(code)}'
            f"{' ' + _e(rule.name) if rule is not None else ''}</summary><pre>{_e(doc)}</pre></details>"
        )
    return f'<section id="rules"><h2>Rules</h2>{"".join(items)}</section>' if items else ""


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


def _table(numbered) -> str:
    rows = []
    for i, f in numbered:
        sugg = _e(f.suggestion) if f.suggestion else ""
        source = _e(f.extra.get("source") or "")
        rows.append(
            f'<tr class="finding sev-{f.severity}" data-fid="f{i}" data-code="{_e(f.code)}" '
            f'data-sev="{f.severity}" data-category="{_e(f.category)}">'
            f"<td>{_e(f.path)}:{f.line}:{f.column}</td>"
            f'<td><a href="#rule-{_e(f.code)}">{_e(f.code)}</a><br><small>{_e(f.rule)}</small></td>'
            f'<td class="sev">{f.severity}</td><td class="msg">{_e(f.message)}</td>'
            f'<td class="span">{_e(f.text)}</td><td class="sugg">{sugg}</td>'
            f'<td class="src">{source}</td></tr>'
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("Where", "Rule", "Severity", "Message", "Text", "Suggestion", "Source")
    )
    head = f"<tr>{head}</tr>"
    return f'<table id="findings"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def render(report, title: str = "mtqa report", **_options) -> str:
    numbered = list(enumerate(report.findings))
    n = len(report.findings)
    by_doc = defaultdict(list)
    for i, f in numbered:
        by_doc[(f.path, f.doc_id)].append((i, f))
    ordered = _ordered(report, by_doc)
    anchors = {key: f"doc-{k}" for k, (key, record) in enumerate(ordered) if record is not None}
    corpus = "".join(
        f"<li>{_e(s.metric)} = {s.value:.2f} <small>{_e(s.signature)}</small></li>"
        for s in report.scores
        if s.scope == "corpus"
    )
    problems = "".join(f"<li>{_e(p)}</li>" for p in report.problems)
    notes = "".join(f"<li>{_e(x.text)}</li>" for x in report.notes)
    table_state = " open" if n <= OPEN_TABLE_ROWS else ""
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
{_summary(report, by_doc, ordered, anchors)}
{f'<ul id="problems" class="notes">{problems}</ul>' if problems else ""}
<section id="filters">{_filters(report)}</section>
<section class="charts">
<figure class="wide"><figcaption>Findings per category</figcaption>{category_chart(report)}</figure>
{segment_score_chart(report)}
</section>
{f'<ul id="scores">{corpus}</ul>' if corpus else ""}
<section id="documents"><h2>Articles</h2>
{_documents(ordered, by_doc, anchors)}
</section>
<section><details id="all-findings"{table_state}><summary><h2>All findings</h2></summary>
{_table(numbered)}
</details></section>
{_rules(report)}
{f'<ul class="notes">{notes}</ul>' if notes else ""}
</main>
<aside id="detail" hidden></aside>
<script>{JS}</script>
</body>
</html>
"""
