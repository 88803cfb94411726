"""bench/bench_scale.py keeps working: its inputs have the shape it claims and its fit is right."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "bench_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_exponent_of_a_power_law(bench):
    assert bench.exponent([1_000, 10_000], [0.5, 5.0]) == pytest.approx(1.0)
    assert bench.exponent([1_000, 2_000, 4_000], [1.0, 4.0, 16.0]) == pytest.approx(2.0)


def test_align_input_drifts_from_the_diagonal(bench):
    src, tgt = bench.align_input(2_000)
    assert len(src) == 2_000
    assert len(tgt) - len(src) > 20  # splits outnumber merges and drops
    assert [s.segment for s in tgt] == list(range(len(tgt)))


def test_one_document_with_a_name_spelled_two_ways(bench, tmp_path):
    path = tmp_path / "one.jsonl"
    bench.write_one_doc(path, 200)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 200 and {r["doc_id"] for r in rows} == {"big"}
    text = " ".join(r["mt"] for r in rows)
    assert text.count("Zelensky") == 18 and text.count("Zelenski ") == 2
