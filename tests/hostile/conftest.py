"""Hostile inputs (issue 10): helpers that run the real command line and read what it said.

Large or binary inputs are built here at test time, never stored in the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import configuration

from mtqa.cli import main

# hypothesis keeps caches (Unicode tables) in ./.hypothesis by default: not in the checkout.
configuration.set_hypothesis_home_dir(tempfile.mkdtemp(prefix="mtqa-hypothesis-"))

ROOT = Path(__file__).resolve().parents[2]
# A real artifact every good input carries, so a test can see that it was still checked.
GOOD_TEXT = "Le chat dort le le matin.\n"
# A blow-up is minutes; this catches it on a slow CI machine. Speed lives in bench/bench_hostile.py.
HANG_TIMEOUT = 60


@pytest.fixture
def good(tmp_path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD_TEXT, encoding="utf-8")
    return p


def run_json(argv: list[str], capsys) -> tuple[int, dict, list[str]]:
    """`mtqa check --isolated --lang fr ARGV --format json` in-process: exit code, report, stderr lines."""
    code = main(["check", "--isolated", "--lang", "fr", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err.splitlines()


def run_process(
    argv: list[str], cwd: Path | None = None, stdin=subprocess.DEVNULL
) -> subprocess.CompletedProcess:
    """mtqa in a child process, for inputs that could hang or kill the interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "mtqa", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=HANG_TIMEOUT,
        cwd=cwd,
        stdin=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def paths_reported(report: dict) -> set[str]:
    return {f["path"] for f in report["findings"]}


def assert_one_error(err_lines: list[str], *needles: str) -> None:
    """Exactly one stderr line, an `mtqa: error:` line holding every needle, and no traceback."""
    assert len(err_lines) == 1, err_lines
    assert err_lines[0].startswith("mtqa: error: "), err_lines
    assert "Traceback" not in err_lines[0]
    for needle in needles:
        assert needle in err_lines[0], (needle, err_lines[0])
