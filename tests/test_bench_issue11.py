"""bench/bench_issue11.py keeps working: the PO file it gives pofilter holds each row as written
(quotes, backslashes, newlines, tabs), and a line of its table shows both sides and their ratio."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_issue11", ROOT / "bench" / "bench_issue11.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = [
    {"id": "d0:0", "src": 'He said "no" \\ then left.', "mt": "Il a dit « non » \\ puis il est parti."},
    {"id": "d0:1", "src": "Two\nlines\twith a tab", "mt": "Deux\nlignes\tavec une tabulation"},
]


def test_po_file_holds_each_row_as_written(bench, tmp_path):
    po_storage = pytest.importorskip("translate.storage.po", reason="translate-toolkit is not installed")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    for with_src in (True, False):
        po = tmp_path / f"rows{with_src}.po"
        bench.po_of_rows(rows, po, with_src)
        units = [u for u in po_storage.pofile.parsefile(str(po)).units if not u.isheader()]
        assert [(u.getcontext(), u.source, u.target) for u in units] == [
            (r["id"], r["src"] if with_src else r["mt"], r["mt"]) for r in ROWS
        ]


def test_a_table_line_shows_both_sides_and_the_ratio(bench, capsys):
    bench.line("work", {"mtqa": (2.0, 2.5, 100.0), "peer": (4.0, 4.5, 50.0)}, "seg", 10_000)
    out = capsys.readouterr().out
    assert out.startswith("| work |") and "5,000 seg/s" in out and "4.00 s, 50 MiB" in out
    assert out.rstrip().endswith("|  0.50 |")
    bench.line("work", {"mtqa": (2.0, 2.5, 100.0)})
    assert "missing" in capsys.readouterr().out


def test_a_command_peak_is_its_own_not_the_bench_process(bench):
    held = bytearray(300 * 2**20)  # the bench holding its corpora
    held[::4096] = b"\x01" * len(range(0, len(held), 4096))
    cpu, wall, peak = bench.measure([sys.executable, "-c", "pass"])
    assert peak < 100  # an interpreter that does nothing, not the 300 MB above
    assert 0 < cpu <= wall + 0.5
    with pytest.raises(RuntimeError, match="failed \\(3\\)"):
        bench.measure([sys.executable, "-c", "import sys; sys.exit(3)"])
    del held


def test_the_split_peer_deals_the_batches_of_jobs_in_turn(bench, tmp_path):
    from mtqa.batches import BATCH_SEGMENTS

    sizes = [BATCH_SEGMENTS // 2 + 1] * 5  # two documents fill a batch
    rows = [{"doc_id": f"d{d}", "mt": f"text {d}.{i}"} for d, size in enumerate(sizes) for i in range(size)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    bench.split_by_batch(corpus, first, second)
    halves = [[json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()] for p in (first, second)]
    docs = [sorted({r["doc_id"] for r in half}) for half in halves]
    assert docs == [["d0", "d1", "d4"], ["d2", "d3"]]  # batches (d0 d1) (d2 d3) (d4), dealt in turn
    assert sorted(halves[0] + halves[1], key=rows.index) == rows


def test_the_split_peer_runs_its_commands_together(bench, tmp_path):
    marks = [tmp_path / "a", tmp_path / "b"]
    # each command waits for the other's mark: run one after the other, the first would wait forever
    wait = "import pathlib, sys, time; pathlib.Path(sys.argv[1]).touch()\n" + (
        "deadline = time.time() + 20\n"
        "while not pathlib.Path(sys.argv[2]).exists():\n"
        "    if time.time() > deadline:\n"
        "        sys.exit(3)  # alone: concurrent_wall reports the failure\n"
        "    time.sleep(0.01)"
    )
    cmds = [[sys.executable, "-c", wait, str(a), str(b)] for a, b in (marks, marks[::-1])]
    wall = bench.concurrent_wall(cmds)
    assert wall < 20
    with pytest.raises(RuntimeError, match="failed"):
        bench.concurrent_wall([[sys.executable, "-c", "import sys; sys.exit(3)"]])


def test_the_check_alone_counts_the_same_findings_on_one_and_two_jobs(bench, tmp_path):
    from mtqa.batches import BATCH_SEGMENTS

    # two batches of documents, so that --jobs 2 starts its pool; the debris row gives findings
    rows = [
        {"doc_id": f"d{d}", "mt": "Partager sur Facebook" if i == 0 else f"Le texte numéro {i}."}
        for d in range(4)
        for i in range(BATCH_SEGMENTS // 2 + 1)
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (wall1, found1), (wall2, found2) = bench.check_alone(corpus, 1), bench.check_alone(corpus, 2)
    assert found1 == found2 > 0
    assert wall1 > 0 and wall2 > 0
