"""Issue 11's table again: mtqa against its peer on the same work, in the same run, and the growth series.

    .venv/bin/python bench/bench_issue11.py [--quick] [--repeat 3] [--only LINE,...] [--no-growth]

Each line runs mtqa and its peer as whole processes (start-up included, as a user runs them),
interleaved, --repeat times; it prints the medians of CPU time (user + system of the process and its
children, read with wait4: on shared cores wall time counts the neighbours), mtqa/peer as the ratio,
and each side's peak resident memory (the process's own ru_maxrss, started from a small launcher so
that the bench's own memory does not count). Lines (--only takes their keys):
- target: target-only rules on 10,000 JSONL rows (bench/bench_check.py's corpus); the peer is
  pofilter (translate-toolkit, default checks) on a PO file with each row's text as msgstr, and as
  msgid too (a row has no source; pofilter needs one);
- source: the same with the source (`src` in rows: the dev MT rows with their English source);
  pofilter on msgid = source, msgstr = translation;
- news: real news with its source, every row of the dev news sets (../shared/dev/news_*_wmt22.jsonl:
  de->fr, ru->en, ja->en, 22,161 rows, 18,302 distinct translations), as they are; the source line's
  corpus draws 10,000 rows from 2,768 product texts, so work cached per distinct text counts more
  there than on real news; pofilter on msgid = source, msgstr = translation (its Language header fr);
- seed: `mtqa check seeds/000_...txt` against pofilter on the seed's paragraphs (msgid = msgstr);
- score: BLEU + chrF, corpus and per segment, 100,000 lines: `mtqa score HYP --ref REF --metrics
  bleu,chrf` against the sacrebleu command (`sacrebleu REF -i HYP -m bleu chrf`, then the same with
  --sentence-level: its CPU times added, the larger peak);
- comet: 2,000 segments on the tiny test model (tests/comet_tiny.py), then --comet-large segments
  (100) on a model of the real architecture (XLM-R large encoder, random weights, built offline;
  one run: a run takes minutes): mtqa's predict against COMET's own predict() (bench/bench_comet.py's
  processes), and mtqa with --comet-quantize, with the correlation of the scores with COMET's own;
- jobs: `mtqa check --jobs 2` against --jobs 1 on the bench corpus (without, then with sources) and
  on the dev news rows (wall time here: the point is the cores; bench/bench_jobs.py), reports
  compared byte for byte; the peer is two independent `--jobs 1` processes, started together, on
  the corpus's batches dealt in turn into two files (splitting the input without the pool); the
  same two processes run one after the other measure what the machine gives two processes at all.
A peer that is not installed (pip install translate-toolkit; sacrebleu, COMET: mtqa's extras) is
reported as missing, not guessed. Then the growth series of bench/bench_scale.py (rows 1k/10k/100k,
one document 2k/8k/20k rows, articles 1k/5k/20k sentences) with their fitted exponents.
--quick: a tenth of the sizes, one repetition (a smoke run, not the figures to quote).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
SEED = ROOT / "seeds" / "000_d71c614b73ba7402.txt"
LINES = ("target", "source", "news", "seed", "score", "comet", "jobs")
NEWS = sorted(Path("/work/shared/dev").glob("news_*_wmt22.jsonl"))


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- one process, measured ---------------------------------------------------------------------


# Runs the command as its child and writes [exit code, CPU s, wall s, peak KiB] to argv[1]. Linux
# starts a child's ru_maxrss at its parent's high-water mark (the address space is copied, then
# replaced at exec): measured straight from this bench process, which holds the corpora it wrote, a
# small command would report the bench's own peak. This launcher is a fresh, small interpreter.
_LAUNCH = """import json, os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as fh:
    json.dump([code, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss], fh)
sys.exit(code if code >= 0 else 1)
"""


# The check alone, timed inside a fresh process once mtqa is imported: start-up (the interpreter,
# the imports) is the same on any number of cores, and the issue's own rows time the check this way.
_CHECK_ALONE = """import sys, time
from mtqa.config import Config
from mtqa.engine import resolve_rules
from mtqa.io.segments import read_jsonl
from mtqa.parallel import run_checks
rules, config = resolve_rules(None, Config())
start = time.perf_counter()
report = run_checks(read_jsonl(sys.argv[1]), rules, config, int(sys.argv[2]))
print(time.perf_counter() - start, len(report.findings))
"""


def check_alone(path: Path, jobs: int) -> tuple[float, int]:
    """(wall seconds, findings) of the check of `path` on `jobs` processes, start-up excluded."""
    out = subprocess.run([sys.executable, "-c", _CHECK_ALONE, str(path), str(jobs)],
                         cwd=ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    wall, findings = out.stdout.split()
    return float(wall), int(findings)


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MiB) of `cmd` run to completion (its output discarded)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        child = subprocess.run(
            [sys.executable, "-c", _LAUNCH, report.name, *cmd],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        code, cpu, wall, peak_kib = json.loads(Path(report.name).read_text())
    if code not in (0, 1):  # 1: findings (mtqa) or failed checks (pofilter)
        err = child.stderr.decode(errors="replace")
        raise RuntimeError(f"{' '.join(cmd[:3])}... failed ({code}): {err[-500:]}")
    return cpu, wall, peak_kib / 1024


def compare(ours: list[list[str]], peer: list[list[str]] | None, repeat: int) -> dict:
    """Medians of mtqa's and the peer's runs, interleaved. Each side is a list of commands run in
    turn (their CPU times added, the largest peak kept)."""
    runs: dict[str, list[tuple[float, float, float]]] = {"mtqa": [], "peer": []}
    for _ in range(repeat):
        for side, cmds in (("mtqa", ours), ("peer", peer)):
            if cmds is None:
                continue
            parts = [measure(c) for c in cmds]
            runs[side].append((sum(p[0] for p in parts), sum(p[1] for p in parts), max(p[2] for p in parts)))
    out = {}
    for side, values in runs.items():
        if values:
            out[side] = tuple(statistics.median(v[k] for v in values) for k in range(3))
    return out


def line(label: str, result: dict, unit: str = "", per: int | None = None, note: str = "") -> None:
    cpu, _, peak = result["mtqa"]
    rate = f" ({per / cpu:,.0f} {unit}/s)" if per else ""
    ours = f"{cpu:7.2f} s{rate}, {peak:,.0f} MiB"
    if "peer" in result:
        pcpu, _, ppeak = result["peer"]
        peer, ratio = f"{pcpu:7.2f} s, {ppeak:,.0f} MiB", f"{cpu / pcpu:5.2f}"
    else:
        peer, ratio = "missing", "  -  "
    print(f"| {label} | {ours} | {peer} | {ratio} |{' ' + note if note else ''}", flush=True)


# ---- inputs --------------------------------------------------------------------------------------


def _po_string(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{body}"'


def write_po(path: Path, pairs: list[tuple[str, str, str]]) -> None:
    """A PO file of (context, msgid, msgstr) entries, French target, for pofilter."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n')
        for ctx, src, tgt in pairs:
            fh.write(f"msgctxt {_po_string(ctx)}\nmsgid {_po_string(src)}\nmsgstr {_po_string(tgt)}\n\n")


def po_of_rows(jsonl: Path, po: Path, with_src: bool) -> None:
    rows = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines() if x.strip()]
    write_po(po, [(r["id"], r["src"] if with_src else r["mt"], r["mt"]) for r in rows])


def _mtqa_check(path: Path, out: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "mtqa", "check", str(path), "--format", "json", "--output", str(out),
            "-q", "--isolated", "--exit-zero", "--jobs", str(jobs)]  # fmt: skip


def _pofilter(po: Path, out: Path) -> list[list[str]] | None:
    exe = BIN / "pofilter" if (BIN / "pofilter").exists() else shutil.which("pofilter")
    return [[str(exe), "--progress=none", str(po), str(out)]] if exe else None


# ---- the lines -----------------------------------------------------------------------------------


def bench_rows(tmp: Path, n: int, with_src: bool, repeat: int) -> None:
    corpus, po = tmp / f"rows{int(with_src)}.jsonl", tmp / f"rows{int(with_src)}.po"
    rows, docs = _bench("bench_check").make_corpus(corpus, n, with_src=with_src)
    po_of_rows(corpus, po, with_src)
    result = compare([_mtqa_check(corpus, tmp / "out.json")], _pofilter(po, tmp / "out.po"), repeat)
    label = f"{'with the source' if with_src else 'target-only rules'}, {rows:,} segments ({docs} documents)"
    line(label, result, "seg", rows)


def bench_news(tmp: Path, quick: bool, repeat: int) -> None:
    if not NEWS:
        print("| real news with sources | skipped: ../shared/dev/news_*_wmt22.jsonl not found | | |")
        return
    corpus, po = tmp / "news.jsonl", tmp / "news.po"
    lines = [x for path in NEWS for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = lines[:: 10 if quick else 1]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    po_of_rows(corpus, po, True)
    result = compare([_mtqa_check(corpus, tmp / "news.json")], _pofilter(po, tmp / "news.out.po"), repeat)
    docs = len({json.loads(x)["doc_id"] for x in lines})
    line(f"real news with sources, {len(lines):,} segments ({docs} documents)", result, "seg", len(lines))


def bench_seed(tmp: Path, repeat: int) -> None:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    po = tmp / "seed.po"
    write_po(po, [(str(k), p, p) for k, p in enumerate(paragraphs)])
    ours = [sys.executable, "-m", "mtqa", "check", str(SEED), "-q", "--isolated", "--exit-zero"]
    result = compare([ours], _pofilter(po, tmp / "seed.out.po"), max(repeat, 5))
    wall = result["mtqa"][1]
    line("`mtqa check` on the seed, whole process", result, note=f"(mtqa wall {wall:.2f} s; target 0.3 s)")


def bench_score(tmp: Path, n: int, repeat: int) -> None:
    _, hyp, ref = _bench("bench_score")._write(tmp, n)
    ours = [sys.executable, "-m", "mtqa", "score", hyp, "--ref", ref, "--metrics", "bleu,chrf", "--format",
            "json", "--output", str(tmp / "score.json"), "-q", "--isolated", "--exit-zero"]  # fmt: skip
    exe = BIN / "sacrebleu" if (BIN / "sacrebleu").exists() else shutil.which("sacrebleu")
    peer = None
    if exe:
        base = [str(exe), ref, "-i", hyp, "-m", "bleu", "chrf"]
        peer = [base, base + ["--sentence-level"]]
    result = compare([ours], peer, repeat)
    note = "(peer: sacrebleu CLI, corpus and -sl)"
    line(f"BLEU+chrF corpus+segment, {n:,} lines", result, "lines", n, note)


def bench_comet(tmp: Path, sizes: dict[str, int], repeat: int) -> None:
    """Per model size: COMET's own predict(), mtqa's predict and mtqa with --comet-quantize, each in
    its own process (bench/bench_comet.py --one), interleaved; the speed-up, the Pearson correlation
    of the segment scores with COMET's own, and the peaks."""
    if importlib.util.find_spec("comet") is None:  # not imported here: torch would stay in this process
        print("| COMET | skipped: unbabel-comet not installed | | |")
        return
    module = _bench("bench_comet")
    for size, n in sizes.items():
        model = _comet_build(size, tmp / "comet")
        n = min(n, len(module._triples(n)))
        runs: dict[str, list[dict]] = {c: [] for c in module.CONFIGS}
        for _ in range(1 if size != "tiny" else repeat):
            for config in module.CONFIGS:
                runs[config].append(_comet_run(model, config, n))
        peer = runs["comet predict"][-1]["scores"]
        what = "tiny test model" if size == "tiny" else f"XLM-R {size} architecture, random weights"
        for ours in ("mtqa", "mtqa int8"):
            r = module._pearson(runs[ours][-1]["scores"], peer)
            result = {"mtqa": _comet_figures(runs[ours]), "peer": _comet_figures(runs["comet predict"])}
            speed = result["peer"][0] / result["mtqa"][0]
            rss = runs[ours][-1]["rss_load_mib"]
            note = f"({speed:.2f}x COMET's own predict(), r = {r:.4f} with its scores; {rss:,.0f} MiB loaded)"
            line(f"COMET ({ours}), {n:,} segments, {what}", result, "seg", n, note)


def _comet_build(size: str, root: Path) -> Path:
    """bench/bench_comet.py's model of `size`, built in a child process: a process that held the 2 GB
    of a large model would hand that peak down to the children measured after it (Linux keeps the
    parent's high-water mark in a forked child's ru_maxrss)."""
    cmd = [sys.executable, str(ROOT / "bench" / "bench_comet.py"), "--build", size, str(root)]
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return Path(out.stdout.strip().splitlines()[-1])


def _comet_run(model: Path, config: str, n: int) -> dict:
    """One configuration of bench/bench_comet.py in its own process (its JSON line)."""
    cmd = [sys.executable, str(ROOT / "bench" / "bench_comet.py"), "--one", str(model), config,
           "--segments", str(n), "--threads", "1"]  # fmt: skip
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _comet_figures(runs: list[dict]) -> tuple[float, ...]:
    return tuple(statistics.median(r[k] for r in runs) for k in ("cpu_s", "wall_s", "peak_mib"))


def split_by_batch(path: Path, first: Path, second: Path) -> None:
    """The JSONL rows of `path` in two files as `--jobs 2` shares them out: mtqa's own batches
    (mtqa.batches), taken in turn (the pool hands the next batch to whichever worker is free)."""
    from mtqa.batches import batches
    from mtqa.io.segments import read_jsonl

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    halves: tuple[list[str], list[str]] = ([], [])
    for i, batch in enumerate(batches(read_jsonl(path))):
        halves[i % 2].extend(lines[s.line - 1] for doc in batch for s in doc.segments)
    first.write_text("".join(halves[0]), encoding="utf-8")
    second.write_text("".join(halves[1]), encoding="utf-8")


def concurrent_wall(cmds: list[list[str]]) -> float:
    """Wall seconds of the commands started together, until the last one ends."""
    start = time.perf_counter()
    pipes = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    children = [subprocess.Popen(c, cwd=ROOT, **pipes) for c in cmds]
    for child in children:
        _, err = child.communicate()
        if child.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(child.args[:4])}... failed: {err.decode(errors='replace')[-500:]}")
    return time.perf_counter() - start


def bench_jobs(tmp: Path, n: int, repeat: int, quick: bool) -> None:
    """Wall time of `mtqa check` on 1 and 2 processes: the bench corpus without and with sources,
    then the dev news rows (with their sources). Each round runs --jobs 1, --jobs 2 and the
    split peer, back to back; a speed-up is the median of the rounds' ratios (a neighbour slowing the
    machine for a while slows the whole round; single runs here vary by a third).

    The peer is what two cores give without the pool: the corpus's batches dealt into two files in
    turn, each checked by its own `mtqa check --jobs 1`, both started together (as a user splitting
    the file and running two checkers would; even the start-up runs in parallel, which --jobs cannot
    do, but each process loads the word data and warms its caches for itself). The same two
    halves are also run one after the other: their time in turn over their time together is what
    these cores give two processes with no pool, no sharing and nothing serial, the ceiling of any
    speed-up here (2.00x on cores that do not slow each other down). The check alone is also timed
    inside the process on 1 and 2 jobs, the start-up left out as in the issue's own rows."""
    inputs = []
    for with_src in (False, True):
        corpus = tmp / f"jobs{int(with_src)}.jsonl"
        rows, _ = _bench("bench_check").make_corpus(corpus, n, with_src=with_src)
        kind = "with sources" if with_src else "target only"
        inputs.append((f"{rows:,} segments ({kind}, bench corpus)", corpus))
    if NEWS:
        news = tmp / "jobs-news.jsonl"
        lines = [x for p in NEWS for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
        lines = lines[: len(lines) // 10 if quick else None]  # whole documents but the last
        news.write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs.append((f"{len(lines):,} segments (dev news, with sources)", news))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    for label, path in inputs:
        halves = (path.with_suffix(".a.jsonl"), path.with_suffix(".b.jsonl"))
        split_by_batch(path, *halves)
        pair = [_mtqa_check(h, h.with_suffix(".json")) for h in halves]
        walls: dict[str, list[float]] = {
            "1": [],
            "2": [],
            "split": [],
            "in turn": [],
            "check 1": [],
            "check 2": [],
        }
        found: set[int] = set()
        for _ in range(repeat):
            for jobs in (1, 2):
                walls[str(jobs)].append(measure(_mtqa_check(path, tmp / f"jobs{jobs}.json", jobs))[1])
            for jobs in (1, 2):
                wall, findings = check_alone(path, jobs)
                walls[f"check {jobs}"].append(wall)
                found.add(findings)
            walls["split"].append(concurrent_wall(pair))
            walls["in turn"].append(sum(measure(cmd)[1] for cmd in pair))
        same = (tmp / "jobs1.json").read_bytes() == (tmp / "jobs2.json").read_bytes()
        one, two = statistics.median(walls["1"]), statistics.median(walls["2"])
        ratios = [a / b for a, b in zip(walls["1"], walls["2"], strict=True)]
        split = statistics.median(a / b for a, b in zip(walls["1"], walls["split"], strict=True))
        # what these cores give two processes at all: the same two halves, together vs in turn
        machine = statistics.median(a / b for a, b in zip(walls["in turn"], walls["split"], strict=True))
        alone = statistics.median(a / b for a, b in zip(walls["check 1"], walls["check 2"], strict=True))
        print(
            f"| 2 cores vs 1, {label}, wall | {two:.2f} s vs {one:.2f} s | split in two: {split:.2f}x"
            f" (the halves together vs in turn: {machine:.2f}x) |"
            f" {statistics.median(ratios):.2f}x (the check alone, start-up excluded: {alone:.2f}x) |"
            f" rounds {min(ratios):.2f}-{max(ratios):.2f}x; reports identical: {same and len(found) == 1};"
            f" {cores} cores here, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def growth(quick: bool, limit: float) -> None:
    scale = _bench("bench_scale")
    sizes = {
        "rows": (1_000, 10_000, 100_000),
        "one-doc": (2_000, 8_000, 20_000),
        "align": (1_000, 5_000, 20_000),
    }
    if quick:
        sizes = {k: tuple(max(100, n // 10) for n in v) for k, v in sizes.items()}
    print("\ngrowth (seconds of the work after a warm-up, peak memory of its process):", flush=True)
    summary = []
    for name, ns in sizes.items():
        _, b = scale.run_series(name, ns, limit, 1)
        summary.append(f"{name} {'-' if b is None else f'{b:.2f}'}")
    print(f"exponents: {', '.join(summary)} (target <= {scale.TARGET_EXPONENT})", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes, one repetition")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved runs per line (median)")
    ap.add_argument("--only", default=",".join(LINES), help="comma-separated: " + ", ".join(LINES))
    ap.add_argument("--no-growth", action="store_true", help="skip the growth series")
    ap.add_argument("--growth-only", action="store_true", help="only the growth series")
    ap.add_argument("--comet-large", type=int, default=100, metavar="N",
                    help="segments for the COMET line on the XLM-R large architecture (0: skip it; "
                    "about 7 minutes for 100 on one core)")  # fmt: skip
    ap.add_argument("--limit", type=float, default=600.0, help="seconds allowed to one growth size")
    args = ap.parse_args(argv)
    repeat = 1 if args.quick else args.repeat
    scale = 10 if args.quick else 1
    only = set(args.only.split(","))
    if only - set(LINES):
        ap.error(f"unknown line(s): {', '.join(sorted(only - set(LINES)))}")
    if args.growth_only:
        growth(args.quick, args.limit)
        return 0
    print(
        f"bench_issue11: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, {repeat} run(s) per line, "
        "CPU time (user + system), medians\n"
    )
    print("| work | mtqa | peer, same run | ratio |\n|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "target" in only:
            bench_rows(tmp, 10_000 // scale, False, repeat)
        if "source" in only:
            bench_rows(tmp, 10_000 // scale, True, repeat)
        if "news" in only:
            bench_news(tmp, args.quick, repeat)
        if "seed" in only:
            bench_seed(tmp, repeat)
        if "score" in only:
            bench_score(tmp, 100_000 // scale, repeat)
        if "comet" in only:
            sizes = {"tiny": 2_000 // scale}
            if args.comet_large:
                sizes["large"] = args.comet_large // scale
            bench_comet(tmp, sizes, repeat)
        if "jobs" in only:
            bench_jobs(tmp, 10_000 // scale, repeat, args.quick)
    if not args.no_growth:
        growth(args.quick, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
