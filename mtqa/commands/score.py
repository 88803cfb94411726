"""`mtqa score HYP --ref REF`: BLEU, chrF, chrF++, TER (sacrebleu) and COMET against references.

The scoring options are shared with `mtqa check --ref` (add_scoring_options / score_into_report).
"""

from __future__ import annotations

import sys

_FLOORS = (  # option suffix, metric key, corpus bound kind
    ("bleu", "bleu", "min"),
    ("chrf", "chrf", "min"),
    ("chrfpp", "chrf++", "min"),
    ("ter", "ter", "max"),
    ("comet", "comet", "min"),
)


def add_scoring_options(p, for_check: bool = False) -> None:
    g = p.add_argument_group("scores against references (sacrebleu, COMET)")
    g.add_argument(
        "--ref",
        action="append",
        dest="refs",
        metavar="REF",
        default=None,
        help="reference translation (repeat for several): line-aligned file or article",
    )
    if not for_check:
        g.add_argument("--source", metavar="SRC", help="source text: line-aligned file or article")
    g.add_argument(
        "--metrics",
        metavar="LIST",
        help="comma-separated: bleu,chrf,chrf++,ter,comet (default: the four sacrebleu metrics, "
        "plus comet with --comet-model)",
    )
    g.add_argument(
        "--align",
        choices=("auto", "lines", "articles"),
        default="auto",
        help="how HYP and REF correspond: by line, or as whole articles aligned by sentence",
    )
    for suffix, key, kind in _FLOORS:
        g.add_argument(
            f"--{kind}-{suffix}",
            type=float,
            metavar="X",
            help=f"exit 1 when the corpus {key} is {'below' if kind == 'min' else 'above'} X",
        )
    for suffix, key, kind in _FLOORS:
        g.add_argument(
            f"--seg-{kind}-{suffix}",
            type=float,
            metavar="X",
            help=f"report each segment whose {key} is {'below' if kind == 'min' else 'above'} X (MTQ951)",
        )
    g.add_argument(
        "--comet-model",
        metavar="PATH|NAME",
        help="COMET checkpoint directory or .ckpt, or a model name already in the local HF cache",
    )
    g.add_argument("--gpus", type=int, default=0, metavar="N", help="GPUs for COMET (default 0: CPU)")
    g.add_argument("--batch-size", type=int, default=16, metavar="N", help="COMET batch size (default 16)")
    g.add_argument(
        "--weakest", type=int, default=10, metavar="N", help="list the N weakest segments (default 10)"
    )
    g.add_argument("--width", type=int, default=2, metavar="N", help="decimals printed (default 2)")
    g.add_argument(
        "--save-aligned",
        metavar="DIR",
        help="write the scored segments as line files (hyp.txt, ref1.txt...) to re-run sacrebleu on",
    )


def add_parser(sub) -> None:
    p = sub.add_parser("score", help="score a translation against references (BLEU, chrF, TER, COMET)")
    p.add_argument(
        "hyp", metavar="HYP", help="translation: line-aligned file, .jsonl (mt/ref/src) or article"
    )
    add_scoring_options(p)
    p.add_argument("--format", action="append", dest="formats", metavar="FMT", help="text (default) or json")
    p.add_argument(
        "--output", action="append", dest="outputs", metavar="FILE", help="write the report to FILE"
    )
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="lowest finding severity that makes the exit code 1 (thresholds always do)",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when thresholds or findings fail")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(run=run)


def options_from_args(args):
    from mtqa.scoring.run import DEFAULT_METRICS, ScoreOptions, parse_metrics

    metrics = parse_metrics(args.metrics) if args.metrics else DEFAULT_METRICS
    if args.comet_model and "comet" not in metrics:
        metrics = (*metrics, "comet") if not args.metrics else metrics
    corpus_min, corpus_max, floors = {}, {}, {}
    for suffix, key, kind in _FLOORS:
        bound = getattr(args, f"{kind}_{suffix}")
        if bound is not None:
            (corpus_min if kind == "min" else corpus_max)[key] = bound
        floor = getattr(args, f"seg_{kind}_{suffix}")
        if floor is not None:
            floors[key] = floor
    if args.batch_size < 1 or args.gpus < 0 or args.weakest < 0 or not 0 <= args.width <= 8:
        raise ValueError("--batch-size must be >= 1, --gpus and --weakest >= 0, --width between 0 and 8")
    return ScoreOptions(
        metrics=metrics,
        comet_model=args.comet_model,
        batch_size=args.batch_size,
        gpus=args.gpus,
        progress=sys.stderr.isatty(),
        corpus_min=corpus_min,
        corpus_max=corpus_max,
        segment_floors=floors,
        weakest=args.weakest,
        width=args.width,
    )


def _save_aligned(directory: str, sset) -> None:
    from pathlib import Path

    from mtqa.commands.output import write_atomic

    Path(directory).mkdir(parents=True, exist_ok=True)
    write_atomic(f"{directory}/hyp.txt", "".join(" ".join(h.split()) + "\n" for h in sset.hyps))
    for k, stream in enumerate(sset.ref_streams, start=1):
        write_atomic(f"{directory}/ref{k}.txt", "".join(" ".join((r or "").split()) + "\n" for r in stream))
    if sset.has_source:
        write_atomic(f"{directory}/src.txt", "".join(" ".join(u.src.split()) + "\n" for u in sset.units))


def score_into_report(args, report, hyp: str, source: str | None) -> int | None:
    """Score `hyp` and add everything to `report`. Returns 2 after printing a one-line error,
    1 when a corpus threshold fails, None otherwise."""
    from mtqa.scoring.comet_metric import CometError
    from mtqa.scoring.inputs import load
    from mtqa.scoring.run import add_to_report, score_set
    from mtqa.scoring.units import ScoringInputError

    try:
        options = options_from_args(args)
        from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS

        need_refs = any(k in SACREBLEU_METRICS for k in options.metrics)
        sset = load(hyp, args.refs or (), source, align=args.align, need_refs=need_refs)
        run_ = score_set(sset, options)
        if args.save_aligned:
            _save_aligned(args.save_aligned, sset)
    except (ScoringInputError, CometError, ValueError, OSError) as exc:
        print(f"mtqa: error: {exc}", file=sys.stderr)
        return 2
    add_to_report(run_, report, options)
    return 1 if run_.failures else None


def wants_scores(args) -> bool:
    return bool(args.refs or args.metrics or args.comet_model)


def score_check_paths(args, report) -> int | None:
    """`mtqa check PATH --ref REF`: score the one checked file into the same report."""
    from pathlib import Path

    if len(args.paths) != 1 or not Path(args.paths[0]).is_file():
        print(
            "mtqa: error: --ref, --metrics and --comet-model need exactly one PATH, a file", file=sys.stderr
        )
        return 2
    source = getattr(args, "source", None)  # mtqa check --source, when given a file
    source = source if isinstance(source, str) and Path(source).is_file() else None
    return score_into_report(args, report, args.paths[0], source)


def run(args) -> int:
    from mtqa.commands.check import exit_code
    from mtqa.commands.output import emit
    from mtqa.model import Report
    from mtqa.reporters import FORMATS, render

    formats = args.formats or ["text"]
    outputs = args.outputs or []
    bad = [f for f in formats if f not in FORMATS]
    if bad or len(outputs) > len(formats):
        what = f"unknown format {bad[0]!r}" if bad else "more --output than --format options"
        print(f"mtqa: error: {what}", file=sys.stderr)
        return 2
    report = Report()
    status = score_into_report(args, report, args.hyp, args.source)
    if status == 2:
        return 2
    report.files_checked = 1
    report.segments_checked = sum(d["segments"] for d in report.documents if d.get("kind") == "scores")
    for i, fmt in enumerate(formats):
        path = outputs[i] if i < len(outputs) else None
        opts = {}
        if fmt == "text":
            tty = path is None and sys.stdout.isatty()
            opts = {"color": args.color == "always" or (args.color == "auto" and tty), "statistics": True}
        emit(render(fmt, report, **opts), path)
    code = max(exit_code(report, args.fail_on), status or 0)
    return 0 if args.exit_zero and code == 1 else code
