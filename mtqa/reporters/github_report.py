"""GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`, one per finding.

Escaping follows @actions/core (toolkit `command.ts`): in the message `%`, CR and LF are
percent-encoded; in property values `:` and `,` are too, since they delimit the properties.
"""

from __future__ import annotations

from mtqa.reporters.position import end_position, is_segment_file

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f) -> str:
    props = {"file": f.path, "line": f.line}
    if not is_segment_file(f):
        end_line, end_column = end_position(f)
        props["endLine"] = end_line
        props["col"] = f.column
        if end_line == f.line:  # GitHub ignores endColumn on multi-line annotations
            props["endColumn"] = end_column  # the column after the span, as ruff's github format does
    props["title"] = f"{f.code} {f.rule}"
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{LEVEL[str(f.severity)]} {head}::{escape_data(message)}"


class Writer:
    """One annotation per finding as it comes; input errors, scores and failed thresholds at the end."""

    def __init__(self, out, **_options) -> None:
        self.out = out

    def finding(self, f) -> None:
        self.out.write(annotation(f) + "\n")

    def document(self, record) -> None:
        """Document records are not annotated."""

    def close(self, report) -> None:
        lines = [
            f"::error file={escape_property(p.path)},title=mtqa input error::{escape_data(p.message)}"
            for p in report.problems
        ]
        # scores against references: corpus figures with their signatures, failed thresholds as errors
        lines += [
            f"::notice {_score_props(s)}::{escape_data(f'{s.metric} = {s.value:.2f} ({s.signature})')}"
            for s in report.scores
            if s.scope == "corpus"
        ]
        lines += [
            f"::error title=mtqa score threshold::{escape_data(f'threshold failed: {t.message}')}"
            for t in report.thresholds_failed
        ]
        self.out.write("".join(line + "\n" for line in lines))


def render(report, **_options) -> str:
    import io

    from mtqa.reporters.stream import write_report

    buf = io.StringIO()
    write_report(Writer(buf), report)
    return buf.getvalue()


def _score_props(score) -> str:
    props = (
        {"file": score.path, "title": f"mtqa score {score.metric}"}
        if score.path
        else {"title": f"mtqa score {score.metric}"}
    )
    return ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
