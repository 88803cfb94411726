"""What checking a corpus in two processes costs more than in one, counted in instructions.

    python bench/bench_jobs_work.py [--segments 10000] [--with-src]

Wall-clock speed-ups on a shared machine vary by a third from run to run; instruction counts do not.
This runs the check of the bench corpus (bench/bench_check.py) and of the two halves `--jobs 2` would
give its workers (bench/bench_issue11.py's split_by_batch) under valgrind's callgrind, each once with
the corpus's first document and then every document of the file, and once with that first document
only (imports, word data, reading): the difference is the check a worker does. The halves' sum over
the whole is the work each process does again for itself (the memos it warms), what a process pool
adds whatever the machine. Needs valgrind (apt install valgrind); about ten minutes for 10,000
segments.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each run first checks the whole corpus's first document, as `--jobs 2` does before it forks (the
# word data loaded, the memos of that document warm), then every document of its file, or none: the
# difference is the check that a worker does.
_CHECK = """import sys
from mtqa.config import Config
from mtqa.engine import document_result, resolve_rules
from mtqa.io.segments import read_jsonl
rules, config = resolve_rules(None, Config())
documents = list(read_jsonl(sys.argv[1]))
document_result(next(read_jsonl(sys.argv[3])), rules, config)
for document in documents if sys.argv[2] == "all" else ():
    document_result(document, rules, config)
"""


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ENV = {**os.environ, "PYTHONHASHSEED": "0"}  # the same set orders, so the same count every run


def instructions(path: Path, mode: str, first_of: Path) -> int:
    """Instructions callgrind counts for the check of `path`: after the first document of
    `first_of`, "all" its documents or "none"."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _CHECK]
    args = [str(path), mode, str(first_of)]
    done = subprocess.run([*cmd, *args], cwd=ROOT, env=_ENV, capture_output=True, text=True, check=True)
    found = re.search(r"refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from callgrind: {done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--with-src", action="store_true", help="rows carry their source")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        whole, first, second = (Path(tmp) / f"{name}.jsonl" for name in ("whole", "a", "b"))
        rows, docs = _bench("bench_check").make_corpus(whole, args.segments, with_src=args.with_src)
        _bench("bench_issue11").split_by_batch(whole, first, second)
        # once outside valgrind first: a user cache built during a count would dwarf the check
        subprocess.run(
            [sys.executable, "-c", _CHECK, str(whole), "all", str(whole)], cwd=ROOT, env=_ENV, check=True
        )
        runs = [(path, mode, whole) for path in (whole, first, second) for mode in ("all", "none")]
        with ThreadPoolExecutor(max_workers=2) as pool:  # counts do not depend on what runs beside
            counts = dict(zip(runs, pool.map(lambda run: instructions(*run), runs), strict=True))
    check = {
        path.stem: counts[path, "all", whole] - counts[path, "none", whole] for path in (whole, first, second)
    }
    halves = check["a"] + check["b"]
    print(f"corpus: {rows:,} segments in {docs:,} documents{' with sources' if args.with_src else ''}")
    print(f"one process:   {check['whole'] / 1e9:.2f} G instructions to check it")
    print(f"two processes: {check['a'] / 1e9:.2f} G + {check['b'] / 1e9:.2f} G = {halves / 1e9:.2f} G")
    print(f"work added by splitting: {halves / check['whole'] - 1:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
