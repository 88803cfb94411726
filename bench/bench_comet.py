"""COMET on CPU: mtqa's predict (duplicate cache, length buckets, optional int8 quantisation) against
COMET's own `predict()` on the same checkpoint.

    python bench/bench_comet.py [--sizes tiny,base,large] [--segments 200] [--threads 1]

Models: a reference-based COMET (RegressionMetric) over an XLM-R encoder built offline with random
(seeded) weights, as tests/comet_tiny.py builds its tiny ones: "tiny" (2 layers, 32 wide), "base"
(XLM-R base: 12 layers, 768 wide, 250,002-token embeddings) and "large" (XLM-R large, the encoder of
wmt22-comet-da: 24 layers, 1024 wide). The tokenizer is the tiny test one (400 pieces), so a
sentence makes more tokens than with XLM-R's own: absolute speeds are low, the ratios are the point.
Data: distinct (src, mt, ref) rows of ../shared/dev/frEn_biomqm.jsonl (else tests/data/scoring).

Each configuration runs in its own process (peak RSS is per process: ru_maxrss), loading the model,
then timing one scoring pass:
- "comet predict": the model's own predict() (its length batching, batch 16), float weights;
- "mtqa": mtqa.scoring.comet_metric.predict, float weights;
- "mtqa int8": the same after `load(..., quantize=True)`.
It prints segments per CPU second, the speed-up over COMET's predict (CPU time: on shared cores wall
time counts the neighbours), the Pearson correlation of each configuration's segment scores with
COMET's own, peak RSS after loading, RSS after loading (after gc.collect()) and peak RSS at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev" / "frEn_biomqm.jsonl"
SIZES = {
    "tiny": None,  # tests/comet_tiny.py's config
    "base": dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072),
    "large": dict(hidden_size=1024, num_hidden_layers=24, num_attention_heads=16, intermediate_size=4096),
}
CONFIGS = ("comet predict", "mtqa", "mtqa int8")


def _triples(n: int) -> list[tuple[str, str, str]]:
    flat = " ".join
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        triples = [
            (flat(r["src"].split()), flat(r["mt"].split()), flat(r["ref"].split()))
            for r in rows
            if r.get("ref")
        ]
    else:
        data = ROOT / "tests" / "data" / "scoring"
        cols = [
            (data / f).read_text(encoding="utf-8").splitlines()
            for f in ("src.en.txt", "hyp.fr.txt", "ref1.fr.txt")
        ]
        triples = list(zip(*cols, strict=False))
    distinct = list(dict.fromkeys(t for t in triples if all(t)))
    return distinct[:n]


def build(size: str, root: Path) -> Path:
    """A reference-based COMET model of `size` in root/size (built once)."""
    from tests.comet_tiny import build_encoder, build_model

    target = root / size
    if (target / "checkpoints" / "model.ckpt").is_file():
        return target
    encoder = root / "encoder-tiny"
    if not encoder.exists():
        build_encoder(encoder)
    if SIZES[size] is not None:
        from transformers import XLMRobertaConfig

        sized = root / f"encoder-{size}"
        if not sized.exists():
            import shutil

            shutil.copytree(encoder, sized)
            config = XLMRobertaConfig.from_pretrained(str(encoder))
            for key, value in dict(SIZES[size], vocab_size=250002).items():
                setattr(config, key, value)
            config.save_pretrained(str(sized))
        encoder = sized
    return build_model(target, "reference", encoder)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mib() -> float:
    """Resident memory now (Linux), to show what gc.collect() after loading gives back."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def one(model_dir: str, config: str, n: int, threads: int, batch: int) -> dict:
    """One configuration, in this process: load, score, report."""
    import torch

    from mtqa.scoring import comet_metric

    torch.set_num_threads(threads)
    triples = _triples(n)
    t0 = time.perf_counter()
    loaded = comet_metric.load(model_dir, quantize=config == "mtqa int8")
    load_s = time.perf_counter() - t0
    after_load = _peak_mib()
    rss_load = _rss_mib()
    srcs, hyps, refs = (list(x) for x in zip(*triples, strict=True))
    t0, c0 = time.perf_counter(), time.process_time()
    if config == "comet predict":
        samples = [{"src": s, "mt": m, "ref": r} for s, m, r in triples]
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = loaded.model.predict(samples, batch_size=batch, gpus=0, progress_bar=False, num_workers=0)
        scores = [float(x) for x in out.scores]
    else:
        scores = list(comet_metric.predict(loaded, hyps, refs, srcs, batch_size=batch).result.segments)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return dict(
        config=config,
        n=len(scores),
        load_s=load_s,
        wall_s=wall,
        cpu_s=cpu,
        peak_load_mib=after_load,
        rss_load_mib=rss_load,
        peak_mib=_peak_mib(),
        scores=scores,
        quant=loaded.quantized,
    )


def _pearson(a: list[float], b: list[float]) -> float:
    import numpy as np

    return float(np.corrcoef(np.array(a), np.array(b))[0, 1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="tiny,base,large")
    parser.add_argument("--segments", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1: shared cores)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--models", help="directory to build/keep the models in (default: a temporary one)")
    parser.add_argument("--one", nargs=2, metavar=("MODEL_DIR", "CONFIG"), help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, metavar=("SIZE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:  # bench_issue11.py builds its models in a child process
        print(build(args.build[0], Path(args.build[1])))
        return 0
    if args.one:
        result = one(args.one[0], args.one[1], args.segments, args.threads, args.batch_size)
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.models or tmp)
        root.mkdir(parents=True, exist_ok=True)
        print(f"{args.segments} distinct segments, batch {args.batch_size}, torch threads {args.threads}")
        for size in args.sizes.split(","):
            t0 = time.perf_counter()
            model_dir = build(size, root)
            print(f"\n{size}: built in {time.perf_counter() - t0:.1f} s")
            print(
                f"  {'configuration':<15} {'seg/cpu-s':>9} {'cpu s':>8} {'wall s':>8} {'speed-up':>9} "
                f"{'r vs comet':>10} {'peak load MiB':>14} {'RSS loaded':>10} {'peak MiB':>9}"
            )
            results = {}
            for config in CONFIGS:
                env = dict(os.environ, PYTHONWARNINGS="ignore")
                proc = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--one",
                        str(model_dir),
                        config,
                        "--segments",
                        str(args.segments),
                        "--threads",
                        str(args.threads),
                        "--batch-size",
                        str(args.batch_size),
                    ],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=False,
                )
                if proc.returncode:
                    print(f"  {config}: failed\n{proc.stderr[-2000:]}")
                    continue
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                results[config] = r
                base = results.get("comet predict")
                # CPU time: on shared cores wall time measures the neighbours too (1 thread: cpu ~ wall)
                speed = base["cpu_s"] / r["cpu_s"] if base else float("nan")
                corr = _pearson(r["scores"], base["scores"]) if base else float("nan")
                print(
                    f"  {config:<15} {r['n'] / r['cpu_s']:>9.2f} {r['cpu_s']:>8.2f} {r['wall_s']:>8.2f} "
                    f"{speed:>8.2f}x {corr:>10.4f} {r['peak_load_mib']:>14.0f} {r['rss_load_mib']:>10.0f} "
                    f"{r['peak_mib']:>9.0f}"
                )
            if "mtqa" in results and "mtqa int8" in results:
                r = _pearson(results["mtqa int8"]["scores"], results["mtqa"]["scores"])
                print(f"  int8 vs float (mtqa): r = {r:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
