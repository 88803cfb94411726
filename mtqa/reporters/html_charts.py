"""The HTML report's SVG charts: findings per category, and each metric per segment.

Each chart is drawn in a fixed viewBox and scaled to the full width of the page (CSS `width: 100%`),
with a title, labelled axes and the value of every bar in its tooltip.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from mtqa.reporters.html_text import _e

VIEW_W = 1000


def category_chart(report) -> str:
    counts = Counter(str(f.category) for f in report.findings)
    if not counts:
        return '<p class="notes">No findings.</p>'
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(counts.values())
    bar_h, label_w, right = 26, 130, 60
    width = VIEW_W - label_w - right
    height = bar_h * len(rows) + 36
    svg = [
        f'<svg id="category-chart" class="chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {VIEW_W} {height}" role="img" aria-label="findings per category">'
    ]
    for k, (cat, n) in enumerate(rows):
        y = k * bar_h + 2
        w = max(2, round(width * n / top))
        svg.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="14">{_e(cat)}</text>'
            f'<rect class="bar" data-category="{_e(cat)}" x="{label_w}" y="{y}" width="{w}" '
            f'height="{bar_h - 6}" fill="#5c6bc0"><title>{_e(cat)}: {n}</title></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{n}</text>'
        )
    axis_y = bar_h * len(rows) + 4
    svg.append(
        f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + width}" y2="{axis_y}" stroke="#999"/>'
        f'<text x="{label_w}" y="{axis_y + 18}" font-size="13">0</text>'
        f'<text x="{label_w + width}" y="{axis_y + 18}" font-size="13" text-anchor="end">{top}</text>'
        f'<text class="axis-label" x="{label_w + width / 2:g}" y="{axis_y + 28}" font-size="13" '
        'text-anchor="middle">findings</text></svg>'
    )
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
        left, right, height, bottom = 64, 10, 160, 40
        plot_w = VIEW_W - left - right
        step = max(plot_w / len(scores), 2.0)  # past ~470 segments the chart scrolls sideways
        view_w = max(VIEW_W, round(left + step * len(scores) + right))
        svg = [
            f'<svg class="segment-scores" data-metric="{_e(metric)}" '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view_w} {height + bottom}" '
            f'role="img" aria-label="{_e(metric)} per segment"'
            + (f' style="width: {view_w}px"' if view_w > VIEW_W else "")
            + ">"
        ]
        for frac in (0.0, 0.5, 1.0):
            y = height - frac * (height - 10)
            svg.append(
                f'<line x1="{left}" y1="{y:g}" x2="{view_w - right}" y2="{y:g}" stroke="#ddd"/>'
                f'<text x="{left - 6}" y="{y + 4:g}" font-size="12" text-anchor="end">{top * frac:g}</text>'
            )
        svg.append(
            f'<text class="axis-label" transform="translate(14 {height / 2:g}) rotate(-90)" font-size="13" '
            f'text-anchor="middle">{_e(metric)}</text>'
            f'<text class="axis-label" x="{left + plot_w / 2:g}" y="{height + 32}" font-size="13" '
            f'text-anchor="middle">segment (1 to {len(scores)}, in report order)</text>'
        )
        for k, s in enumerate(scores):
            h = max(1.0, (height - 10) * max(0.0, s.value) / top)
            label = next((x for x in (s.segment_id, s.segment_index) if x is not None), k)
            where = f"{s.path or ''} {label}".strip()
            svg.append(
                f'<rect class="seg-bar" x="{left + k * step:.1f}" y="{height - h:.1f}" '
                f'width="{max(step - 1, 1):.1f}" height="{h:.1f}" fill="#26a69a">'
                f"<title>{_e(where)}: {s.value:.2f}</title></rect>"
            )
        svg.append("</svg>")
        signature = _e(scores[0].signature)
        charts.append(
            f'<figure class="wide"><figcaption>{_e(metric)} per segment</figcaption><div class="scroll">'
            + "".join(svg)
            + f'</div><p class="notes">{signature}</p></figure>'
        )
    return "".join(charts)
