"""`mtqa compare SYS_A SYS_B --ref REF`: which translation of the same segments is better.

sacrebleu's paired bootstrap resampling (default) or approximate randomisation gives a p-value for
each metric, SYS_A being the baseline; with --comet-model, COMET's paired bootstrap counts how often
each system wins on resampled test sets. The systems must be segment-aligned (line files or JSONL).
"""

from __future__ import annotations

import json
import sys

SCHEMA_VERSION = "1.0"


def add_parser(sub) -> None:
    p = sub.add_parser("compare", help="compare two translations of the same text, with paired significance")
    p.add_argument("sys_a", metavar="SYS_A", help="baseline translation (line file or .jsonl)")
    p.add_argument("sys_b", metavar="SYS_B", help="the other translation, segment-aligned with SYS_A")
    p.add_argument(
        "--ref",
        action="append",
        dest="refs",
        metavar="REF",
        required=True,
        help="reference translation, line-aligned (repeat for several)",
    )
    p.add_argument("--source", metavar="SRC", help="source text, line-aligned (for COMET)")
    p.add_argument(
        "--metrics",
        default="bleu,chrf,ter",
        metavar="LIST",
        help="comma-separated sacrebleu metrics (default bleu,chrf,ter)",
    )
    p.add_argument(
        "--test",
        choices=("bs", "ar"),
        default="bs",
        help="paired bootstrap resampling (bs, default) or approximate randomisation (ar)",
    )
    p.add_argument(
        "--samples",
        type=int,
        default=0,
        metavar="N",
        help="resamples (bs: 1000) or trials (ar: 10000); 0 for sacrebleu's defaults",
    )
    p.add_argument(
        "--comet-model", metavar="PATH|NAME", help="also run COMET's paired bootstrap with this model"
    )
    p.add_argument("--gpus", type=int, default=0, metavar="N")
    p.add_argument("--batch-size", type=int, default=16, metavar="N")
    p.add_argument("--alpha", type=float, default=0.05, help="significance level (default 0.05)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def _load_pair(args):
    from mtqa.scoring.inputs import load
    from mtqa.scoring.units import ScoringInputError

    a = load(args.sys_a, args.refs, args.source, align="lines")
    b = load(args.sys_b, args.refs, args.source, align="lines")
    if len(a.units) != len(b.units):
        raise ScoringInputError(
            f"{args.sys_b} has {len(b.units)} segments but {args.sys_a} has {len(a.units)}"
        )
    return a, b


def _comet(args, a, b) -> dict:
    from mtqa.scoring import comet_metric
    from mtqa.scoring.run import PROGRESS_FROM

    loaded = comet_metric.load(args.comet_model)
    refs = [next((r for r in u.refs if r is not None), None) for u in a.units]
    srcs = [u.src or "" for u in a.units] if a.has_source else None
    progress = sys.stderr.isatty() and len(a.units) >= PROGRESS_FROM
    out_a = comet_metric.predict(loaded, a.hyps, refs, srcs, args.batch_size, args.gpus, progress)
    out_b = comet_metric.predict(loaded, b.hyps, refs, srcs, args.batch_size, args.gpus, progress)
    stats = comet_metric.paired_bootstrap(
        list(out_a.result.segments), list(out_b.result.segments), n_samples=args.samples or 1000
    )
    return {
        "model": out_a.model_name,
        "kind": out_a.kind,
        "signature": out_a.result.signature,
        "a": out_a.result.corpus,
        "b": out_b.result.corpus,
        "bootstrap": stats,
    }


def _num(x) -> float | None:
    """sacrebleu's statistics may be numpy scalars, which JSON cannot write."""
    return None if x is None else float(x)


def compare(args) -> dict:
    from mtqa.scoring.run import parse_metrics
    from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS, paired_test

    keys = [k for k in parse_metrics(args.metrics) if k in SACREBLEU_METRICS]
    a, b = _load_pair(args)
    signatures, results = paired_test(
        keys,
        [(args.sys_a, a.hyps), (args.sys_b, b.hyps)],
        a.ref_streams,
        test=args.test,
        n_samples=args.samples,
    )
    metrics = []
    for name, (base, other) in ((k, v) for k, v in results.items() if k != "System"):
        higher_better = not name.startswith("TER")
        better = (other.score > base.score) == higher_better and other.score != base.score
        metrics.append(
            {
                "metric": name,
                "signature": signatures[name].format(),
                "a": {"score": _num(base.score), "mean": _num(base.mean), "ci": _num(base.ci)},
                "b": {
                    "score": _num(other.score),
                    "mean": _num(other.mean),
                    "ci": _num(other.ci),
                    "p_value": _num(other.p_value),
                },
                "better": args.sys_b if better else (args.sys_a if other.score != base.score else None),
                "significant": other.p_value is not None and other.p_value < args.alpha,
            }
        )
    out = {
        "schema_version": SCHEMA_VERSION,
        "tool": "mtqa",
        "command": "compare",
        "systems": {"a": args.sys_a, "b": args.sys_b},
        "references": args.refs,
        "segments": len(a.units),
        "test": "paired bootstrap" if args.test == "bs" else "approximate randomisation",
        "alpha": args.alpha,
        "metrics": metrics,
        "comet": None,
    }
    if args.comet_model:
        out["comet"] = _comet(args, a, b)
    return out


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def render_text(out: dict) -> str:
    lines = [
        f"Comparing A={out['systems']['a']} (baseline) with B={out['systems']['b']} on {out['segments']} "
        f"segments ({out['test']}, alpha {out['alpha']:g})"
    ]
    for m in out["metrics"]:
        a, b = m["a"], m["b"]
        ci_a = f" ({_fmt(a['mean'])} ± {_fmt(a['ci'])})" if a["ci"] is not None else ""
        ci_b = f" ({_fmt(b['mean'])} ± {_fmt(b['ci'])})" if b["ci"] is not None else ""
        verdict = (
            "B is better" if m["better"] == out["systems"]["b"] else "A is better" if m["better"] else "tie"
        )
        verdict += ", significant" if m["significant"] else ", not significant"
        lines.append(f"{m['metric']}|{m['signature']}")
        lines.append(
            f"    A {_fmt(a['score'])}{ci_a}   B {_fmt(b['score'])}{ci_b}   "
            f"p = {b['p_value']:.4f}   {verdict}"
        )
    c = out["comet"]
    if c:
        s = c["bootstrap"]
        lines.append(f"COMET|{c['signature']}  ({c['kind']})")
        lines.append(
            f"    A {c['a']:.4f}   B {c['b']:.4f}   paired bootstrap ({s['n_samples']} resamples): "
            f"A wins {s['a_wins']:.1%}, B wins {s['b_wins']:.1%}, ties {s['ties']:.1%}"
        )
    return "\n".join(lines) + "\n"


def run(args) -> int:
    from mtqa.scoring.comet_metric import CometError
    from mtqa.scoring.units import ScoringInputError

    if args.samples < 0 or args.batch_size < 1 or args.gpus < 0:
        print("mtqa: error: --samples and --gpus must be >= 0, --batch-size >= 1", file=sys.stderr)
        return 2
    try:
        out = compare(args)
    except (ScoringInputError, CometError, ValueError, OSError) as exc:
        print(f"mtqa: error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render_text(out) if args.format == "text" else json.dumps(out, indent=2) + "\n")
    return 0
