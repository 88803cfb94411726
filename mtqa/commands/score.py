"""`mtqa score HYP --ref REF`: BLEU, chrF, chrF++, TER (sacrebleu) and COMET against references.

The scoring options are shared with `mtqa check --ref` (add_scoring_options / score_into_report).
"""

from __future__ import annotations

import argparse
import sys

from mtqa.commands.exits import EXIT_FAILED, UsageError, exit_code, final_code
from mtqa.commands.output import add_terminal_options, check_requested_reports, text_options, write_reports

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
    g.add_argument(
        "--comet-quantize",
        action=argparse.BooleanOptionalAction,
        default=None,  # None: [tool.mtqa.score] comet-quantize decides (default off)
        help="int8 dynamic quantisation of the COMET encoder's Linear layers: faster on a CPU, "
        "scores correlating >= 0.99 with the float model's",
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
    add_reading_options(g)
    g.add_argument(
        "--confidence",
        "-ci",
        action="store_true",
        default=None,
        help="bootstrap 95%% confidence interval of each corpus score, as sacrebleu --confidence",
    )
    g.add_argument(
        "--confidence-n",
        "-cin",
        type=int,
        default=None,
        metavar="N",
        help="bootstrap resamples (default 1000)",
    )
    g.add_argument(
        "--max-words",
        type=int,
        default=None,
        metavar="N",
        help="leave out of every metric the segments longer than N words, with a note (default 0: none)",
    )
    g.add_argument(
        "--ter-max-words",
        type=int,
        default=None,
        metavar="N",
        help="leave out of TER the segments longer than N words, with a note "
        "(default 1000: TER's shift search takes minutes on a very long line; 0: no limit)",
    )
    m = p.add_argument_group("sacrebleu metric options (as the sacrebleu command; also [tool.mtqa.score])")
    from mtqa.scoring.settings import add_arguments

    add_arguments(m)


def add_reading_options(g) -> None:
    """How input files are read (shared with `mtqa compare`)."""
    g.add_argument(
        "--encoding",
        "-e",
        default=None,
        metavar="ENC",
        help="encoding of the input files (default utf-8; a UTF-8 byte-order mark is dropped, and the "
        "signature says bom:dropped); .gz files are decompressed",
    )
    g.add_argument(
        "--num-refs",
        "-nr",
        type=int,
        default=None,
        metavar="N",
        help="one --ref file holds N tab-separated references a line (as sacrebleu -nr)",
    )


def reading(args) -> dict:
    """load()'s reading arguments from the command line (validated)."""
    num_refs = 1 if args.num_refs is None else args.num_refs
    if num_refs < 1:
        raise ValueError(f"--num-refs must be >= 1, got {num_refs}")
    return {"encoding": args.encoding or "utf-8", "num_refs": num_refs}


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
    p.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="compute the sacrebleu statistics on a Dask cluster (tcp://host:8786, or local); the "
        'scores are the same as without it (needs pip install "mtqa[dask]")',
    )
    add_terminal_options(p)
    p.add_argument("--config", metavar="FILE", help="read [tool.mtqa] from FILE (default: the nearest one)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.set_defaults(run=run)


def configured(args) -> dict:
    """The [tool.mtqa.score] values of the configuration (and its thresholds, copied to `args`
    where the command line is silent). Raises mtqa.config.ConfigError (a ValueError)."""
    from mtqa.config_loading import load_config

    config = load_config(
        None, config_file=getattr(args, "config", None), isolated=getattr(args, "isolated", False)
    )
    for name, value in config.thresholds.items():  # min-bleu -> args.min_bleu
        attr = name.replace("-", "_")
        if hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, value)
    # [tool.mtqa.parameters]: MTQ952 (COMET error spans) reads its own through ScoreOptions
    args.rule_parameters = config.options.get("parameters", {})
    table = config.options.get("score", {})
    for name in (
        "encoding",
        "num_refs",
        "confidence",
        "confidence_n",
        "max_words",
        "ter_max_words",
        "langpair",
        "comet_quantize",
    ):
        if name in table and getattr(args, name, None) is None:
            setattr(args, name, table[name])
    return table


def sacrebleu_settings(args, table: dict | None = None):
    """SacrebleuSettings from the command line over the configured table."""
    from mtqa.scoring import settings

    return settings.from_args(args, settings.from_config(table or {}))


def options_from_args(args, table: dict | None = None):
    from mtqa.scoring.run import DEFAULT_METRICS, TER_MAX_WORDS, ScoreOptions, parse_metrics

    metrics = parse_metrics(args.metrics) if args.metrics else DEFAULT_METRICS
    if args.comet_model and not args.metrics:
        # sacrebleu's metrics need references; without any, a (reference-free) model scores alone
        metrics = (*metrics, "comet") if args.refs else ("comet",)
    corpus_min: dict[str, float] = {}
    corpus_max: dict[str, float] = {}
    floors: dict[str, float] = {}
    for suffix, key, kind in _FLOORS:
        bound = getattr(args, f"{kind}_{suffix}")
        if bound is not None:
            (corpus_min if kind == "min" else corpus_max)[key] = bound
        floor = getattr(args, f"seg_{kind}_{suffix}")
        if floor is not None:
            floors[key] = floor
    if args.batch_size < 1 or args.gpus < 0 or args.weakest < 0 or not 0 <= args.width <= 8:
        raise ValueError("--batch-size must be >= 1, --gpus and --weakest >= 0, --width between 0 and 8")
    confidence_n = 1000 if args.confidence_n is None else args.confidence_n
    if confidence_n < 2 or (args.max_words or 0) < 0 or (args.ter_max_words or 0) < 0:
        raise ValueError("--confidence-n must be >= 2, --max-words and --ter-max-words >= 0")
    general = args.max_words or 0
    ter = TER_MAX_WORDS if args.ter_max_words is None else args.ter_max_words
    max_words = {k: general for k in DEFAULT_METRICS}
    # the tighter of the two limits applies to TER (0 means none)
    max_words["ter"] = min(x for x in (general, ter) if x) if (general or ter) else 0
    return ScoreOptions(
        metrics=metrics,
        comet_model=args.comet_model,
        comet_quantize=bool(getattr(args, "comet_quantize", False)),
        batch_size=args.batch_size,
        gpus=args.gpus,
        progress=not getattr(args, "quiet", False) and sys.stderr.isatty(),
        corpus_min=corpus_min,
        corpus_max=corpus_max,
        segment_floors=floors,
        weakest=args.weakest,
        width=args.width,
        sacrebleu=sacrebleu_settings(args, table),
        confidence=confidence_n if args.confidence else 0,
        max_words=max_words,
        span_parameters=dict((getattr(args, "rule_parameters", None) or {}).get("MTQ952", {})),
    )


def _save_aligned(directory: str, sset) -> None:
    from pathlib import Path

    from mtqa.io.files import write_atomic

    Path(directory).mkdir(parents=True, exist_ok=True)
    write_atomic(f"{directory}/hyp.txt", "".join(" ".join(h.split()) + "\n" for h in sset.hyps))
    for k, stream in enumerate(sset.ref_streams, start=1):
        write_atomic(f"{directory}/ref{k}.txt", "".join(" ".join((r or "").split()) + "\n" for r in stream))
    if sset.has_source:
        write_atomic(f"{directory}/src.txt", "".join(" ".join(u.src.split()) + "\n" for u in sset.units))


def score_into_report(args, report, hyp: str, source: str | None):
    """Score `hyp`: (status, `report` with everything added). The status is EXIT_FAILED when a
    corpus threshold fails, None otherwise; bad input raises UsageError."""
    from mtqa.scoring.run import add_to_report

    run_, options = score_run(args, hyp, source)
    return (EXIT_FAILED if run_.failures else None), add_to_report(run_, report, options)


def score_run(args, hyp: str, source: str | None):
    """Score `hyp` as the command line says: (mtqa.scoring.run.ScoreRun, ScoreOptions); bad input
    raises UsageError."""
    from mtqa.scoring.comet_metric import CometError
    from mtqa.scoring.inputs import load
    from mtqa.scoring.run import score_set
    from mtqa.scoring.units import ScoringInputError

    try:
        options = options_from_args(args, configured(args))
        from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS

        need_refs = any(k in SACREBLEU_METRICS for k in options.metrics)
        sset = load(
            hyp,
            args.refs or (),
            source,
            align=args.align,
            need_refs=need_refs,
            **reading(args),
        )
        scheduler = getattr(args, "dask_scheduler", None)
        if scheduler:  # the sacrebleu statistics computed on the workers, the scores here
            from mtqa.distributed import score_set_on_dask

            run_ = score_set_on_dask(sset, options, scheduler)
        else:
            run_ = score_set(sset, options)
        if args.save_aligned:
            _save_aligned(args.save_aligned, sset)
    except (ScoringInputError, CometError, ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    return run_, options


def wants_scores(args) -> bool:
    return bool(args.refs or args.metrics or args.comet_model)


def score_check_paths(args, report):
    """`mtqa check PATH --ref REF`: score the one checked file into the same report; (status,
    report) as score_into_report."""
    from pathlib import Path

    if len(args.paths) != 1 or not Path(args.paths[0]).is_file():
        raise UsageError("--ref, --metrics and --comet-model need exactly one PATH, a file")
    source = getattr(args, "source", None)  # mtqa check --source, when given a file
    source = source if isinstance(source, str) and Path(source).is_file() else None
    return score_into_report(args, report, args.paths[0], source)


def run(args) -> int:
    from dataclasses import replace

    from mtqa.commands.score_stream import STREAMED, write_streamed
    from mtqa.model import Report
    from mtqa.scoring.run import add_to_report, segment_scores

    formats = args.formats or ["text"]
    outputs = list(args.outputs or [])
    # without --output every report goes to stdout ("-"), HTML too: `mtqa score` has no default file
    check_requested_reports(formats, [*outputs, *["-"] * (len(formats) - len(outputs))])
    run_, score_options = score_run(args, args.hyp, args.source)
    status = EXIT_FAILED if run_.failures else None
    # Text, JSON and JSON Lines are written with one segment score at a time (score_stream); the
    # other formats render a Report holding them all.
    streamed = all(fmt in STREAMED for fmt in formats)
    report = add_to_report(run_, Report(), score_options, segments=not streamed)
    segments = sum(d.segments for d in report.document_scores)
    report = replace(report, files_checked=1, segments_checked=segments)

    def options(fmt: str, path: str | None) -> dict:
        if fmt == "text":
            return text_options(args, path)
        return {"fail_on": args.fail_on} if fmt == "junit" else {}

    padded = [*outputs, *[None] * (len(formats) - len(outputs))]
    if streamed:
        write_streamed(report, lambda: segment_scores(run_), zip(formats, padded, strict=True), options)
    else:
        write_reports(report, zip(formats, padded, strict=True), options)
    return final_code(max(exit_code(report, args.fail_on), status or 0), args.exit_zero)
