"""Human report: `path:line:col  CODE  severity  message`, the sentence with the span marked,
the suggestion, then a summary per rule. Colour through rich on a terminal, plain text otherwise."""

from __future__ import annotations

import io
import textwrap
from collections import Counter

from mtqa.terminal import visible

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTEXT_WIDTH = 160


def _excerpt(f, width: int | None = None) -> tuple[str, int, int]:
    """The context sentence cut around the span, with the span's local start and end; at most
    `width` characters (ellipses included) when a width is given."""
    ctx = f.context
    a, b = f.start - f.context_start, f.end - f.context_start
    if width is not None and len(ctx) > width:
        lo = max(0, min(a - width // 3, len(ctx) - width + 2))
        hi = min(len(ctx), lo + width - 2)  # room for the two ellipses
        prefix = "…" if lo > 0 else ""
        ctx = prefix + ctx[lo:hi] + ("…" if hi < len(f.context) else "")
        a, b = a - lo + len(prefix), min(b, hi) - lo + len(prefix)
        return ctx, a, max(a, b)
    if len(ctx) > _CONTEXT_WIDTH:
        lo = max(0, a - 60)
        hi = min(len(ctx), max(b + 60, lo + _CONTEXT_WIDTH))
        prefix = "…" if lo > 0 else ""
        ctx = prefix + ctx[lo:hi] + ("…" if hi < len(f.context) else "")
        a, b = a - lo + len(prefix), b - lo + len(prefix)
    return ctx, a, b


def _one_line(s: str) -> str:
    """One terminal line: a newline shown as ⏎, a tab as a space, every other control character
    as an escape (never interpreted). The caret line is measured on this same text."""
    return visible(s.replace("\n", "⏎").replace("\t", " "))


class _Lines:
    """Styled lines: through rich for a colour terminal, plain strings otherwise (rich costs about a
    millisecond a line, minutes for the hundreds of thousands of findings of a huge input)."""

    def __init__(self, color: bool, width: int, out=None) -> None:
        self.buf = io.StringIO() if out is None else out
        self.console = None
        if color:
            from rich.console import Console  # imported for colour only: a pipe or file never pays for it

            self.console = Console(
                file=self.buf,
                force_terminal=True,
                no_color=False,
                width=width,
                highlight=False,
                soft_wrap=True,
            )

    def line(self, *parts: tuple[str, str]) -> None:
        """One line of (text, style) parts; the text is already made visible."""
        if self.console is None:
            self.buf.write("".join(text for text, _ in parts) + "\n")
            return
        from rich.text import Text

        out = Text()
        for text, style in parts:
            out.append(text, style=style or None)
        self.console.print(out)


def _wrap(text: str, width: int | None, first: int, indent: int) -> list[str]:
    """`text` (one visible line) cut into lines of `width` columns: the first starts after `first`
    columns already written, the others after `indent` blanks. No width: one line."""
    if width is None or first + len(text) <= width:
        return [text]
    pad = " " * indent
    if first > width - 20:  # a long path: the whole text on the lines below
        return ["", *textwrap.wrap(text, width, initial_indent=pad, subsequent_indent=pad)]
    lines = textwrap.wrap(" " * first + text, width, subsequent_indent=pad, break_on_hyphens=False)
    lines[0] = lines[0][first:]
    return lines or [text]


class Writer:
    """The text report written as the run goes: each finding as it comes, then the scores, the
    summary per rule (a count per rule is all it keeps), the totals and the notes.
    `width`: columns to fit (a terminal's), None for no limit; `listing` False with `statistics`
    prints the `count code name` table alone (`mtqa check --statistics`, as ruff)."""

    def __init__(
        self,
        out,
        color: bool = False,
        statistics: bool = True,
        width: int | None = None,
        listing: bool = True,
        **_options,
    ) -> None:
        self.out = _Lines(color, width or 120, out)
        self.color, self.width, self.statistics, self.listing = color, width, statistics, listing
        self.counts: Counter = Counter()

    def document(self, record) -> None:
        """Document records are not part of the text report."""

    def finding(self, f) -> None:
        self.counts[(f.code, f.rule, str(f.severity))] += 1
        if self.listing:
            _write_finding(self.out, f, self.color, self.width)

    def close(self, report) -> None:
        out, width = self.out, self.width
        if report.scores:  # corpus figures with signatures, then the weakest segments first
            from mtqa.scoring.render import score_lines

            for text, style in score_lines(report):  # segment texts and paths: made visible
                out.line((_one_line(text), style))
        if self.statistics and self.counts:
            out.line(("Summary", "bold"))
            for (code, rule, sev), n in sorted(self.counts.items()):
                out.line((f"  {n:5d}  {code}  {rule} ({sev})", ""))
        n = sum(self.counts.values())
        out.line(
            (
                f"{n} finding{'s' if n != 1 else ''} in {report.files_checked} file"
                f"{'s' if report.files_checked != 1 else ''} ({report.segments_checked} segments).",
                "",
            )
        )
        for note in report.notes:
            for line in _wrap(f"note: {_one_line(note.text)}", width, 0, indent=6):
                out.line((line, "dim"))


def _write_finding(out: _Lines, f, color: bool, width: int | None) -> None:
    sev = str(f.severity)
    where = f"{visible(f.path)}:{f.line}:{f.column}"
    message, *more = _wrap(_one_line(f.message), width, len(where) + len(f.code) + len(sev) + 6, indent=4)
    out.line(
        (where, "bold"),
        ("  ", ""),
        (f.code, "bold magenta"),
        ("  ", ""),
        (sev, _STYLE[sev]),
        (f"  {message}" if message else "", ""),
    )
    for line in more:
        out.line((line, ""))
    ctx, a, b = _excerpt(f, None if width is None else max(20, width - 4))
    # Escapes lengthen the text: each part is made visible on its own, so the marks stay aligned.
    before, span, after = _one_line(ctx[:a]), _one_line(ctx[a:b]), _one_line(ctx[b:])
    out.line(("    " + before, ""), (span or " ", "reverse " + _STYLE[sev]), (after, ""))
    if not color:
        out.line(("    " + " " * len(before) + "^" * max(1, len(span)), ""))
    if f.suggestion:
        first, *more = _wrap(_one_line(f.suggestion), width, 16, indent=6)
        out.line(("    suggestion: ", "green"), (first, ""))
        for line in more:
            out.line((line, ""))
    if f.extra.get("source"):  # source-aware findings: the aligned source sentence(s)
        first, *more = _wrap(_one_line(str(f.extra["source"])), width, 12, indent=6)
        out.line(("    source: ", "blue"), (first, ""))
        for line in more:
            out.line((line, ""))
    out.line()


def render(report, **options) -> str:
    """The whole report as text (options as Writer's)."""
    from mtqa.reporters.stream import write_report

    buf = io.StringIO()
    write_report(Writer(buf, **options), report)
    return buf.getvalue()
