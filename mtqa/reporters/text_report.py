"""Human report: `path:line:col  CODE  severity  message`, the sentence with the span marked,
the suggestion, then a summary per rule. Colour through rich on a terminal, plain text otherwise."""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.text import Text

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTEXT_WIDTH = 160


def _excerpt(f) -> tuple[str, int, int]:
    """The context sentence cut around the span, with the span's local start and end."""
    ctx = f.context
    a, b = f.start - f.context_start, f.end - f.context_start
    if len(ctx) > _CONTEXT_WIDTH:
        lo = max(0, a - 60)
        hi = min(len(ctx), max(b + 60, lo + _CONTEXT_WIDTH))
        prefix = "…" if lo > 0 else ""
        ctx = prefix + ctx[lo:hi] + ("…" if hi < len(f.context) else "")
        a, b = a - lo + len(prefix), b - lo + len(prefix)
    return ctx, a, b


def _one_line(s: str) -> str:
    return s.replace("\n", "⏎").replace("\t", " ")


def render(report, color: bool = False, statistics: bool = True, width: int = 120) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True
    )
    for f in report.findings:
        sev = str(f.severity)
        head = Text()
        head.append(f"{f.path}:{f.line}:{f.column}", style="bold")
        head.append("  ")
        head.append(f.code, style="bold magenta")
        head.append("  ")
        head.append(sev, style=_STYLE[sev])
        head.append(f"  {f.message}")
        console.print(head)
        ctx, a, b = _excerpt(f)
        ctx = _one_line(ctx)
        line = Text("    ")
        line.append(ctx[:a])
        line.append(ctx[a:b] or " ", style="reverse " + _STYLE[sev])
        line.append(ctx[b:])
        console.print(line)
        if not color:
            console.print("    " + " " * len(ctx[:a]) + "^" * max(1, b - a))
        if f.suggestion:
            console.print(Text("    suggestion: ", style="green").append(f.suggestion))
        if f.extra.get("source"):  # source-aware findings: the aligned source sentence(s)
            console.print(Text("    source: ", style="blue").append(_one_line(str(f.extra["source"]))))
        console.print()
    if report.scores:  # corpus figures with signatures, then the weakest segments first
        from mtqa.scoring.render import print_scores

        print_scores(console, report)
    if statistics and report.findings:
        counts = Counter((f.code, f.rule, str(f.severity)) for f in report.findings)
        console.print(Text("Summary", style="bold"))
        for (code, rule, sev), n in sorted(counts.items()):
            console.print(f"  {n:5d}  {code}  {rule} ({sev})")
    n = len(report.findings)
    console.print(
        f"{n} finding{'s' if n != 1 else ''} in {report.files_checked} file"
        f"{'s' if report.files_checked != 1 else ''} ({report.segments_checked} segments)."
    )
    for note in report.notes:
        console.print(Text(f"note: {note}", style="dim"))
    return buf.getvalue()
