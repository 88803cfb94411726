"""Speed and memory of the default rule set, and `mtqa --help` start-up time.

    python bench/bench_check.py [--segments 12000] [--no-profile]

The corpus (at least 10,000 segments) is generated on the fly: the MT rows of the en->fr dev set and
the paragraphs of the clean corpora, re-mixed into documents of 5 to 30 segments under fresh doc_ids
and repeated until the target is reached, written to a temporary JSONL file (every row carries
tgt_lang, as MT toolkits write it; language detection is timed separately). Everything runs in one
process pinned to one core.

Memory: the same run on N and on 4N documents in fresh subprocesses; peak RSS must not grow with the
number of documents (JSONL is streamed document by document).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev" / "enfr_wmtqe_train_mqm.jsonl"
CLEAN = ROOT / "tests" / "data" / "clean"


def _pool(with_src: bool) -> list[tuple[str, str, str | None]]:
    """(text, lang, source) units to draw segments from: the dev MT rows (with their English source)
    and the clean corpora; with_src keeps only the units that have a source."""
    pool: list[tuple[str, str, str | None]] = []
    if DEV.exists():
        with open(DEV, encoding="utf-8") as fh:
            pool += [(row["mt"], "fr", row.get("src")) for row in map(json.loads, fh)]
    if not with_src:
        for name, lang in (("fr_news.txt", "fr"), ("en_news.txt", "en")):
            text = (CLEAN / name).read_text(encoding="utf-8")
            pool += [(p, lang, None) for p in text.split("\n\n") if p.strip()] * 5
    return pool


def make_corpus(
    path: Path, segments: int, seed: int = 7, with_lang: bool = True, with_src: bool = False
) -> tuple[int, int]:
    """Write a JSONL corpus of about `segments` rows; returns (rows, documents)."""
    rng = random.Random(seed)
    pool = _pool(with_src)
    langs = ("fr",) if with_src else ("fr", "fr", "fr", "en")
    rows = docs = 0
    with open(path, "w", encoding="utf-8") as fh:
        while rows < segments:
            size = min(rng.randint(5, 30), segments - rows)
            lang = rng.choice(langs)
            units = [(t, src) for t, lg, src in pool if lg == lang]
            for i in range(size):
                text, src = rng.choice(units)
                row = {"id": f"d{docs}:{i}", "doc_id": f"d{docs}", "seg_idx": i, "mt": text}
                if with_lang:
                    row["tgt_lang"] = lang
                if with_src and src:
                    row["src"], row["src_lang"] = src, "en"
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += size
            docs += 1
    return rows, docs


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def run_check(path: Path, rules=None):
    from mtqa.config import Config
    from mtqa.engine import check
    from mtqa.io import read_jsonl

    return check(read_jsonl(path), rules, Config())


def timed_rules(rules, totals: dict[str, float]):
    """Copies of `rules` whose check functions add their own run time to `totals` (generators are
    drained inside the timer, so lazy rules are charged for their work)."""

    def wrap(rule):
        fn = rule.check

        def check(*args):
            t = time.perf_counter()
            out = list(fn(*args))
            totals[f"{rule.code} {rule.name}"] += time.perf_counter() - t
            return out

        return dataclasses.replace(rule, check=check)

    return tuple(wrap(r) for r in rules)


def child(path: str) -> None:
    """Subprocess entry: check `path`; print segments, peak RSS (KiB) and the peak of memory
    allocated during the check itself (tracemalloc, after a warm-up has loaded lexicons and models)."""
    import tracemalloc

    pin_one_core()
    warm = Path(path).with_suffix(".warm.jsonl")
    make_corpus(warm, 300, seed=1)
    run_check(warm)
    tracemalloc.start()
    t = time.perf_counter()
    report = run_check(Path(path))
    elapsed = time.perf_counter() - t
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "segments": report.segments_checked,
                "seconds": elapsed,
                "traced_peak_kib": traced_peak // 1024,
                "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


def measure_in_child(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout)


def help_time(runs: int = 7) -> float:
    """Best wall time of `mtqa --help` (the console script when installed, else python -m mtqa)."""
    script = Path(sys.executable).parent / "mtqa"
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "mtqa", "--help"]
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--segments", type=int, default=12000)
    ap.add_argument("--no-profile", action="store_true", help="skip the per-rule profile")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    if args.segments < 10000:
        print("bench_check: note: fewer than 10,000 segments requested", file=sys.stderr)

    try:
        print(f"mtqa --help: {help_time() * 1000:.0f} ms (best of 7; target < 300 ms)")
    except subprocess.CalledProcessError as exc:
        print(f"mtqa --help: FAILED ({exc.stderr.decode(errors='replace').strip().splitlines()[-1]})")
    where = pin_one_core()
    from mtqa.rules import select_rules

    rules = select_rules()
    print(f"default rules: {len(rules)} ({', '.join(r.code for r in rules)}); {where}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        rows, docs = make_corpus(corpus, args.segments)
        run_check(corpus)  # warm-up: data files, lexicons and caches load once per process
        t, cpu = time.perf_counter(), time.process_time()
        report = run_check(corpus, rules)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"corpus: {rows} segments in {docs} documents, {corpus.stat().st_size / 1e6:.1f} MB")
        print(
            f"check: {elapsed:.2f} s wall, {cpu:.2f} s CPU: {rows / elapsed:,.0f} segments/s wall, "
            f"{rows / cpu:,.0f} segments/s of CPU time on one core (target >= 5,000); "
            f"{len(report.findings)} findings"
        )
        if os.getloadavg()[0] > (os.cpu_count() or 1) * 0.75:
            print(f"  note: machine busy (load {os.getloadavg()[0]:.1f}): trust the CPU-time figure")

        sourced = Path(tmp) / "sourced.jsonl"
        n_src, _ = make_corpus(sourced, args.segments, with_src=True)
        run_check(sourced)
        t, cpu = time.perf_counter(), time.process_time()
        report = run_check(sourced, rules)
        elapsed_src, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(
            f"with source (dev rows with src, so the source-aware rules run too): {elapsed_src:.2f} s "
            f"wall, {n_src / elapsed_src:,.0f} segments/s wall, {n_src / cpu:,.0f} segments/s of CPU time"
        )

        t = time.perf_counter()
        run_check(corpus, ())
        base = time.perf_counter() - t
        print(f"  reading + engine with no rules: {base:.2f} s ({rows / base:,.0f} segments/s)")

        untagged = Path(tmp) / "untagged.jsonl"
        make_corpus(untagged, 2000, with_lang=False)
        t = time.perf_counter()
        run_check(untagged, ())
        print(
            f"  language detection (no tgt_lang, no rules): {(time.perf_counter() - t) / 2000 * 1e6:.0f} "
            f"us/segment"
        )

        if not args.no_profile:
            for label, path, n, total in (
                ("target only", corpus, rows, elapsed),
                ("with source", sourced, n_src, elapsed_src),
            ):
                totals: dict[str, float] = defaultdict(float)
                run_check(path, timed_rules(rules, totals))
                print(
                    f"per rule, {label}, in one run (the first rule to ask for sentences, quotes or words "
                    "pays for them):"
                )
                for name, secs in sorted(totals.items(), key=lambda kv: -kv[1]):
                    if secs >= 0.005:
                        print(
                            f"  {name:<34} {secs:6.2f} s  {100 * secs / total:5.1f}%  "
                            f"{n / secs:>10,.0f} seg/s alone"
                        )

        small, big = Path(tmp) / "n.jsonl", Path(tmp) / "4n.jsonl"
        n_rows = max(2500, args.segments // 4)
        make_corpus(small, n_rows)
        make_corpus(big, 4 * n_rows)
        a, b = measure_in_child(small), measure_in_child(big)
        growth = b["maxrss_kib"] / a["maxrss_kib"]
        print(
            f"peak RSS: {a['maxrss_kib'] / 1024:.0f} MiB for {a['segments']} segments, "
            f"{b['maxrss_kib'] / 1024:.0f} MiB for {b['segments']} segments (x{growth:.2f}; "
            f"{'flat' if growth < 1.15 else 'GROWS'})"
        )
        traced = b["traced_peak_kib"] / max(1, a["traced_peak_kib"])
        print(
            f"peak memory allocated while checking (tracemalloc): {a['traced_peak_kib'] / 1024:.1f} MiB "
            f"vs {b['traced_peak_kib'] / 1024:.1f} MiB (x{traced:.2f}; the findings list grows with the "
            f"corpus, the documents must not)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
