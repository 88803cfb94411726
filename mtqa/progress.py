"""A progress bar for long runs, on stderr, only when stderr is a terminal.

`mtqa check` over many documents shows one once the run has read PROGRESS_FROM documents (a short
run never flickers a bar); `-q/--quiet`, a pipe or a file, and TERM=dumb keep the run silent. The bar
is transient: it is erased when the run ends, so the report that follows stands alone. Standard
output is never touched, so a machine report on stdout stays intact.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

PROGRESS_FROM = 20  # documents; fewer take a second or two


def wanted(quiet: bool = False, stream=None) -> bool:
    """Whether a progress bar may be drawn on `stream` (default stderr)."""
    stream = sys.stderr if stream is None else stream
    if quiet or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def track(
    items: Iterable[T],
    description: str,
    *,
    enabled: bool,
    total: int | None = None,
    start_after: int = PROGRESS_FROM,
    stream=None,
) -> Iterator[T]:
    """Yield `items`; once `start_after` of them have passed (and when `enabled`), show a
    rich.progress bar on `stream` (default stderr), counting them, against `total` when known."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if not enabled or not wanted(stream=stream) or (total is not None and total < start_after):
        yield from items
        return
    bar = None
    task = None
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            if bar is None and done >= start_after:
                bar, task = _start(description, total, done, stream)
            elif bar is not None:
                bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()


def _start(description: str, total: int | None, done: int, stream):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=sys.stderr if stream is None else stream, stderr=stream is None)
    count = MofNCompleteColumn() if total is not None else TextColumn("{task.completed}")
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        count,
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task(description, total=total, completed=done)
    bar.start()
    return bar, task
