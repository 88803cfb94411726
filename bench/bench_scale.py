"""Growth series: time and peak memory as the input grows, and the fitted growth exponent.

    .venv/bin/python bench/bench_scale.py [--series align,one-doc,rows] [--limit 300] [--quick]

Series (each size runs in a fresh child process, so its peak memory is its own):
- align: one article of 1k / 5k / 20k source sentences and its translation, with 6% of the source
  sentences split in two by the translation (1-2), 2% merged (2-1), 3% dropped from the target and
  1% from the source, so the sentence counts drift apart as the article grows (about 3% of it)
  and the path leaves the diagonal (`mtqa.align.align_sentences` alone).
- one-doc: one JSONL document (one `doc_id`) of 2k / 8k / 20k rows in which a name is spelled two
  ways (Zelensky / Zelenski), checked by the whole engine (`mtqa check`, target-only rules).
- rows: 1k / 10k JSONL rows target-only, in documents of 5-30 rows (bench/bench_check.py's corpus).
Printed per size: seconds of the work itself (after imports and a warm-up check, so start-up is
not counted; `mtqa check --jobs 1` unless --jobs says otherwise, so a process pool's start is not
counted either), the child's peak RSS, its rise over the warmed-up baseline; per series the exponent b
of time ~ size^b fitted by least squares on the logs (linear code gives about 1; target <= 1.15).
A size that runs past --limit seconds is reported as such and ends its series.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERIES = {
    "align": (1_000, 5_000, 20_000),
    "one-doc": (2_000, 8_000, 20_000),
    "rows": (1_000, 10_000),
}
QUICK = {"align": (500, 2_000), "one-doc": (500, 2_000), "rows": (500, 2_000)}
TARGET_EXPONENT = 1.15

_FRENCH = (
    "Le conseil municipal a voté vendredi le budget de la ville après un long débat sur les transports.",
    "Les habitants du quartier ont manifesté devant la mairie pour demander plus de logements sociaux.",
    "Selon le ministère, le nombre de demandeurs d'emploi a baissé de 3 % au cours du trimestre.",
    "La ministre a promis une réponse rapide aux agriculteurs touchés par la sécheresse de l'été.",
    "Les écoles resteront fermées lundi en raison des inondations qui frappent la région depuis mardi.",
    "Le tribunal rendra sa décision le 14 mars, a indiqué l'avocat de la famille à la presse.",
    "Une enquête a été ouverte pour déterminer les causes de l'incendie qui a détruit l'entrepôt.",
    "Les négociations entre les syndicats et la direction doivent reprendre la semaine prochaine.",
)
_ENGLISH = (
    "The city council voted on the budget on Friday after a long debate about public transport.",
    "Residents of the district demonstrated outside the town hall to demand more social housing.",
    "According to the ministry, the number of jobseekers fell by 3% over the quarter.",
    "The minister promised a quick answer to the farmers hit by the summer drought.",
    "Schools will stay closed on Monday because of the floods that have hit the region since Tuesday.",
    "The court will give its decision on 14 March, the family's lawyer told the press.",
    "An investigation has been opened to find the causes of the fire that destroyed the warehouse.",
    "Talks between the unions and the management are due to resume next week.",
)


# ---- inputs -------------------------------------------------------------------------------------


def _pairs(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """n (English, French) sentence pairs: the dev rows where present, else the built-in ones, each
    with a number of its own so neighbouring sentences do not share every anchor."""
    dev = ROOT.parent / "shared" / "dev" / "enfr_wmtqe_train_mqm.jsonl"
    pool: list[tuple[str, str]] = []
    if dev.exists():
        with open(dev, encoding="utf-8") as fh:
            for row in map(json.loads, fh):
                if row.get("src") and row.get("mt") and "\n" not in row["src"] + row["mt"]:
                    pool.append((row["src"], row["mt"]))
    pool = pool or list(zip(_ENGLISH, _FRENCH, strict=True))
    out = []
    for k in range(n):
        en, fr = rng.choice(pool)
        out.append((f"{en} ({k})", f"{fr} ({k})"))
    return out


def align_input(n: int, seed: int = 11):
    """Source and target sentence lists of an article of about n source sentences (see the module
    docstring for the merges and drops)."""
    from mtqa.align import Sentence

    rng = random.Random(seed)
    pairs = _pairs(n + n // 10, rng)
    src: list[tuple[str, bool]] = []
    tgt: list[tuple[str, bool]] = []
    k = 0
    while len(src) < n and k + 1 < len(pairs):
        para = k % 3 == 0
        (s1, t1), (s2, t2) = pairs[k], pairs[k + 1]
        r = rng.random()
        if r < 0.06:
            src.append((s1 + " " + s2, para))
            tgt += [(t1, para), (t2, False)]
            k += 2
        elif r < 0.08:
            src += [(s1, para), (s2, False)]
            tgt.append((t1 + " " + t2, para))
            k += 2
        elif r < 0.11:
            src.append((s1, para))
            k += 1
        elif r < 0.12:
            tgt.append((t1, para))
            k += 1
        else:
            src.append((s1, para))
            tgt.append((t1, para))
            k += 1

    def sentences(units):
        return [Sentence(i, 0, len(t), t, p) for i, (t, p) in enumerate(units)]

    return sentences(src), sentences(tgt)


def write_one_doc(path: Path, n: int, seed: int = 13) -> None:
    """One JSONL document of n French rows; one row in ten names the president, spelled Zelensky in
    most and Zelenski in every seventh mention."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        mention = 0
        for k in range(n):
            if k % 10 == 0:
                name = "Zelenski" if mention % 7 == 6 else "Zelensky"
                mention += 1
                text = f"Le président Volodymyr {name} a rencontré les maires de la région ({k})."
            else:
                text = f"{rng.choice(_FRENCH)[:-1]} ({k})."
            row = {"id": f"big:{k}", "doc_id": "big", "seg_idx": k, "mt": text, "tgt_lang": "fr"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_rows(path: Path, n: int, seed: int = 7) -> None:
    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_corpus(path, n, seed=seed)


# ---- one measurement, in a child process ----------------------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _check_file(path: Path, jobs: int) -> None:
    import contextlib
    import io

    from mtqa.cli import main

    argv = ["check", str(path), "-q", "--fail-on", "never", "--format", "json"]
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv + (["--jobs", str(jobs)] if jobs else []))


def child(series: str, n: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.jsonl"
        write_one_doc(warm, 20)
        with open(warm, "a", encoding="utf-8") as fh:  # the English word data too (the rows series)
            for k, text in enumerate(_ENGLISH):
                row = {"id": f"en:{k}", "doc_id": "en", "seg_idx": k, "mt": text, "tgt_lang": "en"}
                fh.write(json.dumps(row) + "\n")
        if series == "rows":  # documents of both languages, other draws of the same pool
            write_rows(warm, 300, seed=99)
        _check_file(warm, jobs)  # imports, word lists and language models: start-up, not growth
        if series == "align":
            from mtqa.align import align_sentences

            src, tgt = align_input(n)
            align_sentences(src[:40], tgt[:40], "en", "fr")
            base = _peak_mib()
            start = time.perf_counter()
            align_sentences(src, tgt, "en", "fr")
        else:
            path = Path(tmp) / "in.jsonl"
            (write_one_doc if series == "one-doc" else write_rows)(path, n)
            base = _peak_mib()
            start = time.perf_counter()
            _check_file(path, jobs)
        seconds = time.perf_counter() - start
    peak = _peak_mib()
    return {"seconds": seconds, "peak_mib": peak, "rise_mib": peak - base}


# ---- the series ---------------------------------------------------------------------------------


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """b of seconds ~ a * size^b, least squares on the logs."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def run_series(name: str, sizes: tuple[int, ...], limit: float, jobs: int) -> tuple[list[dict], float | None]:
    """Print each size's line and the fitted exponent; return ([{n, seconds, peak_mib, rise_mib}...],
    the exponent or None with fewer than two sizes done)."""
    done_sizes, times, results = [], [], []
    for n in sizes:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, str(n), "--jobs", str(jobs)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
        except subprocess.TimeoutExpired:
            print(f"{name:8} {n:>7,}  over the {limit:.0f} s limit", flush=True)
            break
        except subprocess.CalledProcessError as err:
            print(f"{name:8} {n:>7,}  failed: {err.stderr.strip().splitlines()[-1:]}", flush=True)
            break
        r = json.loads(out.stdout.strip().splitlines()[-1])
        done_sizes.append(n)
        times.append(r["seconds"])
        results.append(dict(r, n=n))
        print(
            f"{name:8} {n:>7,}  {r['seconds']:8.2f} s  peak {r['peak_mib']:7.0f} MiB"
            f"  (+{r['rise_mib']:.0f} MiB over start)  {n / max(r['seconds'], 1e-9):9,.0f} /s",
            flush=True,
        )
    if len(done_sizes) < 2:
        return results, None
    b = exponent(done_sizes, times)
    verdict = "ok" if b <= TARGET_EXPONENT else f"above the {TARGET_EXPONENT} target"
    print(f"{name:8} growth exponent {b:.2f} ({verdict})", flush=True)
    return results, b


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--series", default=",".join(SERIES), help="comma-separated: " + ", ".join(SERIES))
    ap.add_argument("--limit", type=float, default=300.0, help="seconds allowed to one size")
    ap.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="mtqa check --jobs (default 1: growth, not parallelism; 0: its default)",
    )
    ap.add_argument("--child", nargs=2, metavar=("SERIES", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.jobs)))
        return 0
    table = QUICK if args.quick else SERIES
    for name in args.series.split(","):
        if name not in table:
            ap.error(f"unknown series {name!r}")
        run_series(name, table[name], args.limit, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
