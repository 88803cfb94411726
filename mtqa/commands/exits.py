"""Exit codes, and the one exception a command raises for a usage or input error.

As ruff and Vale: 0 clean, 1 findings (or a score threshold) at or above the threshold, 2 usage or
input error. A command raises UsageError with a one-line message; mtqa.cli.main prints it as
`mtqa: error: MESSAGE` and returns EXIT_USAGE, so no command prints an error and returns 2 by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mtqa.model import Report, Severity

EXIT_CLEAN = 0
EXIT_FAILED = 1  # findings at or above --fail-on, or a failed score threshold
EXIT_USAGE = 2  # a usage error, or an input that could not be read
EXIT_INTERRUPTED = 130  # 128 + SIGINT (Ctrl-C), as a shell reports it
EXIT_TERMINATED = 143  # 128 + SIGTERM


class UsageError(Exception):
    """A usage or input error that ends the command: `message` is one line, without the
    `mtqa: error:` prefix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def exit_code(report: Report, fail_on: str) -> int:
    """EXIT_USAGE when an input could not be read, else EXIT_FAILED when a finding is at or above
    `fail_on` ("never": none is), else EXIT_CLEAN."""
    return severity_code(report.worst(), bool(report.problems), fail_on)


def severity_code(worst: Severity | None, problems: bool, fail_on: str) -> int:
    """exit_code from what a run saw (its worst severity, whether an input failed), for a run that
    keeps no Report's findings (mtqa.commands.check_stream)."""
    from mtqa.model import Severity

    if problems:
        return EXIT_USAGE
    if fail_on == "never" or worst is None:
        return EXIT_CLEAN
    return EXIT_FAILED if worst >= Severity.parse(fail_on) else EXIT_CLEAN


def final_code(code: int, exit_zero: bool) -> int:
    """--exit-zero turns a failed run into a clean one; usage and input errors still exit 2."""
    return EXIT_CLEAN if exit_zero and code == EXIT_FAILED else code


__all__ = [
    "EXIT_CLEAN",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "UsageError",
    "exit_code",
    "final_code",
    "severity_code",
]
