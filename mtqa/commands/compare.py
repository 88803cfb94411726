"""`mtqa compare BASELINE SYSTEM... --ref REF`: which translations of the same segments are better.

Every SYSTEM is compared with BASELINE, as `sacrebleu REF -i BASELINE SYSTEM... --paired-bs` (or
`--paired-ar`) does: a p-value per metric and system, with sacrebleu's metric options. With
--comet-model, the statistics of `comet-compare` on mtqa's own COMET segment scores (those of
`predict()`): bootstrap resampling with its sample ratio, number of splits, seed and tie threshold,
and the paired t-test. The systems must be segment-aligned (line files or JSONL).
"""

from __future__ import annotations

import json
import sys

from mtqa.commands.exits import EXIT_CLEAN, UsageError

SCHEMA_VERSION = "2.0"  # 2.0: several systems against one baseline; comet-compare's statistics


def add_parser(sub) -> None:
    from mtqa.commands.score import add_reading_options
    from mtqa.scoring.settings import add_arguments

    p = sub.add_parser(
        "compare", help="compare translations of the same text with a baseline, with paired significance"
    )
    p.add_argument("baseline", metavar="BASELINE", help="baseline translation (line file or .jsonl)")
    p.add_argument(
        "systems", metavar="SYSTEM", nargs="+", help="other translations, segment-aligned with BASELINE"
    )
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
    p.add_argument("--comet-model", metavar="PATH|NAME", help="also compare COMET scores with this model")
    p.add_argument(
        "--num-splits", type=int, default=300, metavar="N", help="COMET bootstrap splits (comet-compare: 300)"
    )
    p.add_argument(
        "--sample-ratio",
        type=float,
        default=0.4,
        metavar="R",
        help="COMET bootstrap sample size as a share of the segments (comet-compare: 0.4)",
    )
    p.add_argument(
        "--t-test-alternative",
        choices=("two-sided", "less", "greater"),
        default="two-sided",
        help="alternative hypothesis of the COMET paired t-test (comet-compare: two-sided)",
    )
    p.add_argument("--seed", type=int, default=1, help="COMET bootstrap seed (comet-compare: 1)")
    p.add_argument("--gpus", type=int, default=0, metavar="N")
    p.add_argument("--batch-size", type=int, default=16, metavar="N")
    p.add_argument("--alpha", type=float, default=0.05, help="significance level (default 0.05)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--config", metavar="FILE", help="read [tool.mtqa] from FILE (default: the nearest one)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    g = p.add_argument_group("reading and sacrebleu metric options (as `mtqa score`)")
    add_reading_options(g)
    add_arguments(g)
    p.set_defaults(run=run)


def _names(args) -> list[str]:
    return [args.baseline, *args.systems]


def _load_all(args):
    from mtqa.commands.score import reading
    from mtqa.scoring.inputs import load
    from mtqa.scoring.units import ScoringInputError

    names = _names(args)
    if len(set(names)) != len(names):
        raise ScoringInputError("a system is given twice (each SYSTEM must be another file)")
    sets = [load(n, args.refs, args.source, align="lines", **reading(args)) for n in names]
    for s in sets[1:]:
        if len(s.units) != len(sets[0].units):
            raise ScoringInputError(
                f"{s.hyp_path} has {len(s.units)} segments but {args.baseline} has {len(sets[0].units)}"
            )
    return sets


def _comet(args, sets) -> dict:
    from mtqa.scoring import comet_metric
    from mtqa.scoring.run import PROGRESS_FROM

    loaded = comet_metric.load(args.comet_model)
    first = sets[0]
    refs = [next((r for r in u.refs if r is not None), None) for u in first.units]
    srcs = [u.src or "" for u in first.units] if first.has_source else None
    progress = sys.stderr.isatty() and len(first.units) >= PROGRESS_FROM
    outs = [
        comet_metric.predict(loaded, s.hyps, refs, srcs, args.batch_size, args.gpus, progress) for s in sets
    ]
    pairs = comet_metric.compare_statistics(
        [[s for s in o.result.segments if s is not None] for o in outs],  # COMET leaves no unit out
        num_splits=args.num_splits,
        sample_ratio=args.sample_ratio,
        seed=args.seed,
        alternative=args.t_test_alternative,
    )
    names = _names(args)
    return {
        "model": outs[0].model_name,
        "kind": outs[0].kind,
        "signature": outs[0].result.signature,
        "scores": {n: o.result.corpus for n, o in zip(names, outs, strict=True)},
        "num_splits": args.num_splits,
        "sample_ratio": args.sample_ratio,
        "seed": args.seed,
        "t_test_alternative": args.t_test_alternative,
        "pairs": [
            {
                "x": args.baseline,
                "y": names[j],
                **stats,
                "significant": stats["paired_t-test"]["p_value"] < args.alpha,
            }
            for j, stats in pairs
        ],
    }


def _key(name: str) -> str:
    """The metric key of a sacrebleu score name ("BLEU", "chrF2++", "TER")."""
    return "bleu" if name == "BLEU" else "ter" if name == "TER" else "chrf"


def _num(x) -> float | None:
    """sacrebleu's statistics may be numpy scalars, which JSON cannot write."""
    return None if x is None else float(x)


def compare(args, table: dict | None = None) -> dict:
    from mtqa.commands.score import sacrebleu_settings
    from mtqa.scoring.run import parse_metrics
    from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS, paired_test

    keys = [k for k in parse_metrics(args.metrics) if k in SACREBLEU_METRICS]
    settings = sacrebleu_settings(args, table)
    sets = _load_all(args)
    names = _names(args)
    metrics = []
    if keys:
        signatures, results = paired_test(
            keys,
            [(n, s.hyps) for n, s in zip(names, sets, strict=True)],
            sets[0].ref_streams,
            test=args.test,
            n_samples=args.samples,
            settings=settings,
        )
        for name, (base, *others) in ((k, v) for k, v in results.items() if k != "System"):
            higher_better = not name.startswith("TER")
            entries = []
            for system, other in zip(args.systems, others, strict=True):
                better = None
                if other.score != base.score:
                    better = system if (other.score > base.score) == higher_better else args.baseline
                entries.append(
                    {
                        "name": system,
                        "score": _num(other.score),
                        "mean": _num(other.mean),
                        "ci": _num(other.ci),
                        "p_value": _num(other.p_value),
                        "better": better,
                        "significant": other.p_value is not None and other.p_value < args.alpha,
                    }
                )
            metrics.append(
                {
                    "metric": name,
                    "signature": signatures[name].format() + settings.signature_suffix(_key(name)),
                    "baseline": {"score": _num(base.score), "mean": _num(base.mean), "ci": _num(base.ci)},
                    "systems": entries,
                }
            )
    out = {
        "schema_version": SCHEMA_VERSION,
        "tool": "mtqa",
        "command": "compare",
        "baseline": args.baseline,
        "systems": list(args.systems),
        "references": args.refs,
        "segments": len(sets[0].units),
        "test": "paired bootstrap" if args.test == "bs" else "approximate randomisation",
        "alpha": args.alpha,
        "metrics": metrics,
        "comet": None,
    }
    if args.comet_model:
        out["comet"] = _comet(args, sets)
    return out


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def render_text(out: dict) -> str:
    lines = [
        f"Comparing {', '.join(out['systems'])} with the baseline {out['baseline']} on {out['segments']} "
        f"segments ({out['test']}, alpha {out['alpha']:g})"
    ]
    for m in out["metrics"]:
        base = m["baseline"]
        ci = f" ({_fmt(base['mean'])} ± {_fmt(base['ci'])})" if base["ci"] is not None else ""
        lines.append(f"{m['metric']}|{m['signature']}")
        lines.append(f"    baseline {_fmt(base['score'])}{ci}   {out['baseline']}")
        for s in m["systems"]:
            ci = f" ({_fmt(s['mean'])} ± {_fmt(s['ci'])})" if s["ci"] is not None else ""
            verdict = "better" if s["better"] == s["name"] else "worse" if s["better"] else "tie"
            verdict += ", significant" if s["significant"] else ", not significant"
            lines.append(f"    {_fmt(s['score'])}{ci}   p = {s['p_value']:.4f}   {verdict}   {s['name']}")
    c = out["comet"]
    if c:
        lines.append(
            f"COMET|{c['signature']}  ({c['kind']}; comet-compare statistics: {c['num_splits']} splits of "
            f"{c['sample_ratio']:g} of the segments, seed {c['seed']}, "
            f"paired t-test {c['t_test_alternative']})"
        )
        lines.append(f"    baseline {c['scores'][out['baseline']]:.4f}   {out['baseline']}")
        for pair in c["pairs"]:
            b, t = pair["bootstrap_resampling"], pair["paired_t-test"]
            lines.append(
                f"    {c['scores'][pair['y']]:.4f}   baseline wins {b['x_wins (%)']:.1%}, "
                f"system wins {b['y_wins (%)']:.1%}, ties {b['ties (%)']:.1%}   t-test p = {t['p_value']:.4f}"
                f"{', significant' if pair['significant'] else ', not significant'}   {pair['y']}"
            )
    return "\n".join(lines) + "\n"


def run(args) -> int:
    from mtqa.commands.score import configured
    from mtqa.scoring.comet_metric import CometError
    from mtqa.scoring.units import ScoringInputError

    if args.samples < 0 or args.batch_size < 1 or args.gpus < 0 or args.num_splits < 1:
        raise UsageError("--samples and --gpus must be >= 0, --batch-size and --num-splits >= 1")
    if not 0 < args.sample_ratio <= 1:
        raise UsageError("--sample-ratio must be in (0, 1]")
    try:
        out = compare(args, configured(args))
    except (ScoringInputError, CometError, ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(render_text(out) if args.format == "text" else json.dumps(out, indent=2) + "\n")
    return EXIT_CLEAN
