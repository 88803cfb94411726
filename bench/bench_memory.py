"""Peak memory of `mtqa check` as the corpus grows: does it stay flat?

    .venv/bin/python bench/bench_memory.py [--cases t100k,t1m,s100k,para200k] [--formats jsonl,json]
                                           [--jobs 1] [--quick]

Each case is a generated input checked by a fresh `mtqa check` process under `/usr/bin/time -f %M`
(peak resident set of that process, in KiB; with --jobs above 1 the figure is the parent's alone,
each worker has its own), output thrown away:
- t100k / t1m: 100,000 and 1,000,000 JSONL rows, target only (bench/bench_check.py's corpus:
  documents of 5-30 rows drawn from the dev set and the clean corpora);
- s100k: 100,000 JSONL rows with their English source (`src`), so source-aware rules align each
  document;
- para200k: one article of 200,000 one-line paragraphs (bench/bench_hostile.py's case).
Target (issue 11): t1m and s100k under 500 MB. Prints a table: case, rows, format, seconds, peak MB,
exit code. No timing assertions anywhere: this is a measurement.

Measured on a shared 2-core machine (seconds are not comparable: other work ran alongside):
    before (Report built whole, --jobs 1):  t100k json 273 MB, t100k text 253 MB, t1m json 641 MB,
                                             s100k json 990 MB
    after (streamed):                        t1m jsonl 123 MB (--jobs 2), s100k json 240 MB (--jobs 1)
    para200k (one document, held whole):     1,007 MB (about 4.7 KB a paragraph) -> 823 MB (about
                                             3.8 KB) once per-segment caches are dropped after their
                                             last reader and repeated words and letter runs interned;
                                             677 -> 465 MB (json; about 2.1 KB a paragraph) with
                                             slots on Segment, Finding and the segment view and
                                             bare words interned
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 500


def _bench_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_case(name: str, path: Path, scale: float) -> int:
    """Write the input of case `name` to `path`; returns its rows (or paragraphs)."""
    if name == "para200k":
        n = max(1000, int(200_000 * scale))
        path.write_text(_bench_module("bench_hostile")._paragraphs(n), encoding="utf-8")
        return n
    size = {"t100k": 100_000, "t1m": 1_000_000, "s100k": 100_000}[name]
    n = max(1000, int(size * scale))
    rows, _docs = _bench_module("bench_check").make_corpus(path, n, with_src=name.startswith("s"))
    return rows


def measure(path: Path, fmt: str, jobs: int, lang: str | None) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one `mtqa check` process."""
    cmd = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "mtqa", "check", str(path), "-q"]
    cmd += ["--isolated", "--fail-on", "never", "--format", fmt, "--jobs", str(jobs)]
    cmd += ["--lang", lang] if lang else []
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    lines = proc.stderr.strip().splitlines()
    try:
        peak_kib = int(lines[-1])
    except (IndexError, ValueError):
        print(proc.stderr, file=sys.stderr)
        peak_kib = -1
    return seconds, peak_kib / 1024, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default="t100k,t1m,s100k,para200k")
    ap.add_argument("--formats", default="jsonl,json")
    ap.add_argument("--jobs", type=int, default=1, help="mtqa check --jobs (default 1: one process)")
    ap.add_argument("--quick", action="store_true", help="every size divided by 20")
    args = ap.parse_args(argv)
    scale = 0.05 if args.quick else 1.0
    print(f"{'case':<10}{'rows':>9}{'format':>8}{'seconds':>9}{'peak MB':>9}  exit  target")
    with tempfile.TemporaryDirectory() as tmp:
        for name in filter(None, args.cases.split(",")):
            path = Path(tmp, f"{name}.txt" if name == "para200k" else f"{name}.jsonl")
            rows = write_case(name, path, scale)
            for fmt in filter(None, args.formats.split(",")):
                seconds, peak, code = measure(path, fmt, args.jobs, "fr" if name == "para200k" else None)
                mark = "" if name not in ("t1m", "s100k") else ("ok" if 0 <= peak < TARGET_MB else "OVER")
                print(
                    f"{name:<10}{rows:>9}{fmt:>8}{seconds:>9.1f}{peak:>9.0f}  {code:>4}  {mark}", flush=True
                )
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
