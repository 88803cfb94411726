"""bench/bench_jobs_work.py counts, under callgrind, the check of a corpus in one process and in the
two halves `--jobs 2` deals out; the halves cover every document, so they cost at least the whole."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed"),
]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_jobs_work", ROOT / "bench" / "bench_jobs_work.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_halves_redo_the_warm_up_the_whole_did_once(bench, capsys):
    from mtqa.batches import BATCH_SEGMENTS

    assert bench.main(["--segments", str(2 * BATCH_SEGMENTS + 100)]) == 0  # three batches, two halves
    out = capsys.readouterr().out
    assert float(re.search(r"one process: +([\d.]+) G", out).group(1)) > 0  # the check is counted
    added = float(re.search(r"work added by splitting: ([+-][\d.]+)%", out).group(1))
    assert added > 0  # each process warms its own memos: more work than one process, never less
