"""Speed of `mtqa score`: the sacrebleu path against sacrebleu called directly, and COMET on CPU.

    python bench/bench_score.py [--segments 10000] [--comet-segments 1000] [--repeat 2]
    python bench/bench_score.py --memory --segments 100000 --metrics bleu,chrf --comet-segments 0

Data: the (mt, ref) rows of ../shared/dev/frEn_biomqm.jsonl (real MT with human references),
cycled up to --segments lines and written as line files; without the dev set, the line files of
tests/data/scoring are cycled instead.

sacrebleu path, best of --repeat interleaved runs, BLEU + chrF + chrF++ + TER, corpus and per segment:
- "sacrebleu direct": read the files as the sacrebleu command does, `corpus_score` for each metric
  and `sentence_score` for each segment (what a script needing both would call);
- "sacrebleu corpus only": `corpus_score` alone (a lower bound: no segment scores at all);
- "mtqa": mtqa.scoring.inputs.load + score_set + add_to_report, i.e. everything `mtqa score` does
  except printing. Target: within 1.2x of "sacrebleu direct".
COMET: a tiny model built offline (tests/comet_tiny.py), reference-based, CPU, batch 16.
--long-line N: TER on one line of N unrelated words (its worst case), sacrebleu's TER against
`mtqa score`, which leaves such a segment out of TER above --ter-max-words (default 1000).
--memory: instead of the timing rounds, the mtqa path once in a fresh child process, with its CPU
time and peak resident memory (the child's own maximum RSS, start-up included), and the same for
sacrebleu's corpus_score + sentence_score; `mtqa score` keeps a few numbers per segment and metric
(mtqa.scoring.statistics), so its peak grows by about 1 KB a segment, not 49 KB as it did. Then the
whole `mtqa score` command per output format (report thrown away). Measured (100k lines, bleu,chrf,
shared 2-core machine): before streaming jsonl 306 MB, json 408 MB, text 221 MB; after: see the
report of issue 11 (text, JSON and JSON Lines write one segment score at a time).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev" / "frEn_biomqm.jsonl"
METRICS = ("bleu", "chrf", "chrf++", "ter")


def _pairs() -> list[tuple[str, str, str]]:
    """(src, mt, ref) triples, one line each."""
    flat = " ".join
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [
            (flat(r["src"].split()), flat(r["mt"].split()), flat(r["ref"].split()))
            for r in rows
            if r.get("ref")
        ]
    data = ROOT / "tests" / "data" / "scoring"
    cols = [
        (data / n).read_text(encoding="utf-8").splitlines()
        for n in ("src.en.txt", "hyp.fr.txt", "ref1.fr.txt")
    ]
    return list(zip(*cols, strict=False))


def _write(directory: Path, n: int) -> tuple[str, str, str]:
    triples = list(islice(cycle(_pairs()), n))
    paths = []
    for k, name in enumerate(("src.txt", "hyp.txt", "ref.txt")):
        path = directory / name
        path.write_text("".join(t[k] + "\n" for t in triples), encoding="utf-8")
        paths.append(str(path))
    return paths[0], paths[1], paths[2]


def _read(path: str) -> list[str]:
    with open(path, encoding="utf-8", newline="\n") as fh:
        return [line.rstrip() for line in fh]


def sacrebleu_direct(hyp: str, ref: str, segments: bool = True) -> None:
    from mtqa.scoring.sacrebleu_metrics import make_metric

    hyps, refs = _read(hyp), _read(ref)
    for key in METRICS:
        make_metric(key).corpus_score(hyps, [refs])
        if segments:
            sentence = make_metric(key, sentence=True)
            for h, r in zip(hyps, refs, strict=False):
                sentence.sentence_score(h, [r])


def mtqa_path(hyp: str, ref: str, metrics: tuple[str, ...] = METRICS) -> None:
    from mtqa.model import Report
    from mtqa.scoring.inputs import load
    from mtqa.scoring.run import ScoreOptions, add_to_report, score_set

    options = ScoreOptions(metrics=metrics)
    run = score_set(load(hyp, [ref]), options)
    add_to_report(run, Report(), options)


def in_child(call: str) -> tuple[float, float]:
    """(CPU seconds, peak resident MiB) of `call` (Python, with this module imported as bench)
    run in a fresh interpreter: its own peak, not this process's."""
    import os
    import subprocess

    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import bench.bench_score as bench; {call}"
    child = subprocess.Popen([sys.executable, "-c", code])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"child failed ({child.returncode}): {call}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: kilobytes


def sacrebleu_metrics_direct(hyp: str, ref: str, metrics: tuple[str, ...]) -> None:
    """corpus_score and sentence_score of `metrics`, as a script needing both would call them."""
    from mtqa.scoring.sacrebleu_metrics import make_metric

    hyps, refs = _read(hyp), _read(ref)
    for key in metrics:
        make_metric(key).corpus_score(hyps, [refs])
        sentence = make_metric(key, sentence=True)
        for h, r in zip(hyps, refs, strict=False):
            sentence.sentence_score(h, [r])


def bench_memory(hyp: str, ref: str, n: int, metrics: tuple[str, ...]) -> None:
    print(f"{'+'.join(metrics)}, corpus and per segment, {n} lines, each in a fresh process:")
    _, start = in_child("import mtqa.scoring.run, sacrebleu.metrics")  # start-up: not per line
    print(f"  {'start-up':<18} {'':>14}  {start:8.0f} MiB peak")
    for name, call in (
        ("sacrebleu direct", f"bench.sacrebleu_metrics_direct({hyp!r}, {ref!r}, {metrics!r})"),
        ("mtqa", f"bench.mtqa_path({hyp!r}, {ref!r}, {metrics!r})"),
    ):
        cpu, peak = in_child(call)
        per_line = (peak - start) * 1024 / n
        print(f"  {name:<18} {cpu:8.1f} s CPU {peak:8.0f} MiB peak ({per_line:6.1f} KiB/line over start-up)")
    for fmt in ("jsonl", "json", "text"):
        cpu, peak = command_peak(hyp, ref, metrics, fmt)
        per_line = (peak - start) * 1024 / n
        name = f"mtqa score {fmt}"
        print(f"  {name:<18} {cpu:8.1f} s CPU {peak:8.0f} MiB peak ({per_line:6.1f} KiB/line over start-up)")


def command_peak(hyp: str, ref: str, metrics: tuple[str, ...], fmt: str) -> tuple[float, float]:
    """(CPU seconds, peak resident MiB) of the whole `mtqa score --format FMT` command, report thrown
    away: text, JSON and JSON Lines are written one segment score at a time (mtqa.commands.score_stream)."""
    import os
    import subprocess

    cmd = [sys.executable, "-m", "mtqa", "score", hyp, "--ref", ref, "--isolated", "-q"]
    cmd += ["--metrics", ",".join(metrics), "--format", fmt]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"mtqa score failed: {' '.join(cmd)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best_of(repeat: int, variants: dict) -> dict[str, float]:
    """Best time of each variant; rounds interleave the variants, so load from other processes
    on the machine weighs on all of them alike."""
    best = {name: float("inf") for name in variants}
    for _ in range(repeat):
        for name, (fn, *args) in variants.items():
            start = time.perf_counter()
            fn(*args)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def bench_comet(directory: Path, src: str, hyp: str, ref: str, n: int) -> tuple[float, float]:
    from tests.comet_tiny import build_encoder, build_model

    start = time.perf_counter()
    model_dir = build_model(directory / "comet", "reference", build_encoder(directory / "encoder"))
    build = time.perf_counter() - start
    from mtqa.scoring import comet_metric

    loaded = comet_metric.load(str(model_dir))
    hyps, refs, srcs = _read(hyp)[:n], _read(ref)[:n], _read(src)[:n]
    start = time.perf_counter()
    comet_metric.predict(loaded, hyps, refs, srcs, batch_size=16, gpus=0)
    return build, time.perf_counter() - start


def bench_long_line(directory: Path, words: int) -> tuple[float, float]:
    """Seconds for sacrebleu's TER and for the whole mtqa path on one `words`-word line."""
    from sacrebleu.metrics import TER

    hyp_words = [f"w{i % 97}x{i % 13}" for i in range(words)]
    hyp, ref = " ".join(hyp_words), " ".join(reversed(hyp_words))
    start = time.perf_counter()
    TER().corpus_score([hyp], [[ref]])
    t_sacrebleu = time.perf_counter() - start
    (directory / "long.hyp.txt").write_text(hyp + "\n", encoding="utf-8")
    (directory / "long.ref.txt").write_text(ref + "\n", encoding="utf-8")
    start = time.perf_counter()
    mtqa_path(str(directory / "long.hyp.txt"), str(directory / "long.ref.txt"))
    return t_sacrebleu, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10000)
    parser.add_argument("--comet-segments", type=int, default=1000, help="0 to skip COMET")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--long-line", type=int, default=0, metavar="N", help="words (0 to skip)")
    parser.add_argument("--memory", action="store_true", help="CPU time and peak memory, in a child")
    parser.add_argument("--metrics", default=",".join(METRICS), help="for --memory (default: all four)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        src, hyp, ref = _write(directory, args.segments)
        if args.memory:
            bench_memory(hyp, ref, args.segments, tuple(args.metrics.split(",")))
            return
        mtqa_path(hyp, ref)  # warm-up: imports, regex compilation
        n = args.segments
        t = best_of(
            args.repeat,
            {
                "direct": (sacrebleu_direct, hyp, ref),
                "corpus": (sacrebleu_direct, hyp, ref, False),
                "mtqa": (mtqa_path, hyp, ref),
            },
        )
        t_direct, t_corpus, t_mtqa = t["direct"], t["corpus"], t["mtqa"]
        print(
            f"sacrebleu path, {n} segments, {'+'.join(METRICS)}, corpus and per segment "
            f"(best of {args.repeat}):"
        )
        print(f"  sacrebleu direct       {t_direct:7.2f} s  {n / t_direct:8.0f} segments/s")
        print(
            f"  sacrebleu corpus only  {t_corpus:7.2f} s  {n / t_corpus:8.0f} segments/s  (no segment scores)"
        )
        print(
            f"  mtqa                   {t_mtqa:7.2f} s  {n / t_mtqa:8.0f} segments/s  "
            f"({t_mtqa / t_direct:.2f}x sacrebleu direct, {t_mtqa / t_corpus:.2f}x corpus only; "
            "target <= 1.2x)"
        )
        if args.comet_segments:
            build, t_comet = bench_comet(directory, src, hyp, ref, min(args.comet_segments, n))
            m = min(args.comet_segments, n)
            print(f"COMET, tiny reference-based model (built in {build:.1f} s), CPU, batch 16, {m} segments:")
            print(f"  {t_comet:7.2f} s  {m / t_comet:8.0f} segments/s")
        if args.long_line:
            t_sacrebleu, t_mine = bench_long_line(directory, args.long_line)
            print(f"One line of {args.long_line} unrelated words:")
            print(f"  sacrebleu TER          {t_sacrebleu:7.2f} s")
            print(f"  mtqa (4 metrics)       {t_mine:7.2f} s  (TER leaves it out above --ter-max-words)")


if __name__ == "__main__":
    main()
