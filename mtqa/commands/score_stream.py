"""`mtqa score` reports written without holding the segment scores: one Score per segment and metric
(400,000 of them for BLEU+chrF+chrF++ +TER on 100k lines) is made, written and dropped in turn.

The report is rendered by the same streaming writers as ever (mtqa.reporters.stream), from a Report
that holds the corpus and document scores followed by one placeholder score. The writer's output
passes through `_Splice`, which writes the segment scores where the placeholder's text would be, with
the separator that format puts between two list items; so the report is the same text as the one
rendered from a whole Report (tests/test_score_stream.py compares them). The text report prints no
segment score, so it gets no placeholder at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from mtqa.model import Report, Score
from mtqa.reporters.stream import dump

# Formats written this way: how each writes one item of the "scores" list, and what it puts between two.
_ITEM: dict[str, tuple[Callable[[dict[str, Any]], str], str]] = {
    "jsonl": (lambda d: json.dumps(d, ensure_ascii=False), ", "),  # the summary line's json.dumps
    "json": (lambda d: dump(d, 2), ",\n    "),  # a list item two levels deep, indent=2
}
STREAMED = ("text", *_ITEM)
# No real score has a metric name holding NUL characters.
_PLACEHOLDER = Score("\x00segment scores\x00", 0.0, "", "segment")


class _Splice:
    """A text output that writes `items()` in place of `marker`, one item at a time."""

    def __init__(self, out: Any, marker: str, items: Callable[[], Iterator[str]], separator: str) -> None:
        self.out, self.marker, self.items, self.separator = out, marker, items, separator

    def write(self, text: str) -> int:
        at = text.find(self.marker)
        if at < 0:
            return self.out.write(text)
        self.out.write(text[:at])
        for k, item in enumerate(self.items()):
            self.out.write(self.separator + item if k else item)
        self.out.write(text[at + len(self.marker) :])
        return len(text)

    def flush(self) -> None:
        flush = getattr(self.out, "flush", None)
        if flush is not None:
            flush()


def write_streamed(
    report: Report,
    segment_scores: Callable[[], Iterable[Score]],
    targets: Iterable[tuple[str, str | None]],
    options: Callable[[str, str | None], dict[str, Any]],
) -> None:
    """Write `report` (which holds no segment score) once per (format in STREAMED, path), with the
    scores `segment_scores()` yields written after its own, as they come."""
    from mtqa.commands.exits import UsageError
    from mtqa.reporters.stream import make_writer, open_output, write_report

    any_segment = next(iter(segment_scores()), None) is not None
    for fmt, path in targets:
        try:
            with open_output(path) as out:
                sink: Any = out
                whole = report
                if fmt in _ITEM and any_segment:
                    item, separator = _ITEM[fmt]
                    marker = item(_PLACEHOLDER.to_dict())
                    lines = lambda item=item: (item(s.to_dict()) for s in segment_scores())  # noqa: E731
                    sink = _Splice(out, marker, lines, separator)
                    whole = replace(report, scores=(*report.scores, _PLACEHOLDER))
                write_report(make_writer(fmt, sink, **options(fmt, path)), whole)
        except BrokenPipeError:
            raise  # the reader went away (| head): cli.main ends quietly
        except OSError as exc:
            raise UsageError(f"cannot write {path or 'stdout'}: {exc.strerror or exc}") from None
