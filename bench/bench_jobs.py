"""`mtqa check --jobs N`: wall time of the whole command on 1 and on N processes, and the speed-up.

    python bench/bench_jobs.py [--segments 10000] [--jobs 2] [--repeat 3] [--with-src]

The corpus is bench/bench_check.py's generated JSONL (documents of 5 to 30 segments). Each run is a
fresh `python -m mtqa check CORPUS --format json --output FILE -q --jobs J` (start-up included, as a
user sees it); runs of 1 and N jobs are interleaved and the medians compared. The two JSON reports
must be identical. Wall time, not CPU time: the point is the cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _make_corpus():
    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus


def run_once(corpus: Path, jobs: int, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its worker processes)."""
    cmd = [sys.executable, "-m", "mtqa", "check", str(corpus), "--format", "json", "--output", str(out)]
    cmd += ["-q", "--isolated", "--exit-zero", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"mtqa check --jobs {jobs} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--segments", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--with-src", action="store_true", help="rows carry their source (source-aware rules)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        rows, docs = _make_corpus()(corpus, args.segments, with_src=args.with_src)
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        cpus: dict[int, list[float]] = {1: [], args.jobs: []}
        outs = {j: Path(tmp) / f"report{j}.json" for j in times}
        for _ in range(args.repeat):
            for jobs in times:
                wall, cpu = run_once(corpus, jobs, outs[jobs])
                times[jobs].append(wall)
                cpus[jobs].append(cpu)
        identical = outs[1].read_bytes() == outs[args.jobs].read_bytes()
    one, many = statistics.median(times[1]), statistics.median(times[args.jobs])
    print(f"corpus: {rows} segments in {docs} documents; {len(os.sched_getaffinity(0))} cores available")
    print(f"--jobs 1: {one:.2f} s ({rows / one:,.0f} seg/s), runs {', '.join(f'{t:.2f}' for t in times[1])}")
    print(
        f"--jobs {args.jobs}: {many:.2f} s ({rows / many:,.0f} seg/s), "
        f"runs {', '.join(f'{t:.2f}' for t in times[args.jobs])}"
    )
    print(
        f"CPU time (all processes), medians: {statistics.median(cpus[1]):.2f} s on 1 job, "
        f"{statistics.median(cpus[args.jobs]):.2f} s on {args.jobs}; load average before the runs "
        f"{os.getloadavg()[0]:.2f} (other work on the cores makes the wall times meaningless)"
    )
    print(f"speed-up: {one / many:.2f}x; reports identical: {identical}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
