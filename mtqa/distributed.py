"""Checking an archive on a Dask cluster (`pip install "mtqa[dask]"`).

    from mtqa.distributed import check_on_dask
    report = check_on_dask(["archive/"], scheduler="tcp://scheduler:8786")

or `mtqa check archive/ --dask-scheduler tcp://scheduler:8786` (`local`: a LocalCluster on this
machine). The documents are read here and sent to the workers in a `dask.bag` whose partitions are
whole documents (batches of about `mtqa.batches.BATCH_SEGMENTS` segments); each worker runs the
same `mtqa.engine.document_result` as a local run and the results are folded here in input order,
so the report is identical to `mtqa check` on one machine. The workers need mtqa (and its word data)
installed at the same version. The corpus goes to the cluster `ROUND` partitions at a time, so this
machine holds one round of documents and results, not the whole archive.

Scoring the same way:

    from mtqa.distributed import score_on_dask
    report = score_on_dask("system.jsonl", scheduler="tcp://scheduler:8786")  # or refs=[...], options=

or `mtqa score HYP --ref REF --dask-scheduler tcp://scheduler:8786`. Partitions of whole documents
(about PARTITION_SEGMENTS segments) go to the workers, which return each segment's sufficient
statistics of BLEU, chrF, chrF++ and TER (mtqa.scoring.statistics); corpus, document and segment
scores, confidence intervals and the weakest segments are computed here from them, so the report is
identical to `mtqa score`'s. COMET, when asked for, runs on this machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import islice

from mtqa.batches import available_cores, batches, check_batch
from mtqa.config import Config
from mtqa.engine import DocumentResult, fold, resolve_rules
from mtqa.model import Document, InputProblem, Report
from mtqa.rules import Rule

ROUND = 64  # partitions computed per round (bounds what this machine holds)


@contextmanager
def dask_client(scheduler):
    """A `distributed.Client` for `scheduler`: an existing Client (left open), "local" (a
    LocalCluster of one worker process per core, closed afterwards) or a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - the [dask] extra missing
        raise RuntimeError('running on Dask needs the dask extra: pip install "mtqa[dask]"') from exc
    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler == "local":
        cluster = LocalCluster(n_workers=available_cores(), threads_per_worker=1, dashboard_address=None)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    with Client(scheduler) as client:
        yield client


def dask_results(
    inputs: Iterable[Document | InputProblem], rules: tuple[Rule, ...], config: Config, client
) -> Iterator[DocumentResult | InputProblem]:
    """Each input's result, in input order, computed on the cluster behind `client`."""
    import dask.bag as db

    check = partial(check_batch, rules=rules, config=config)
    groups = batches(inputs)
    while True:
        round_ = list(islice(groups, ROUND))
        if not round_:
            return
        bag = db.from_sequence(round_, npartitions=len(round_))  # one batch of documents a partition
        yield from bag.map(check).flatten().compute(scheduler=client)


def check_on_dask(
    paths: Sequence[str],
    scheduler="local",
    config: Config | None = None,
    rules: tuple[Rule, ...] | None = None,
) -> Report:
    """Check `paths` (files, directories, .jsonl) on Dask: `scheduler` is a scheduler address
    ("tcp://host:8786"), "local" or a `distributed.Client`. The same Report as `mtqa.check`."""
    from mtqa.io import read_inputs
    from mtqa.signature import check_signature

    rules, config = resolve_rules(rules, config)
    inputs = read_inputs(list(paths), config.lang)
    with dask_client(scheduler) as client:
        return fold(dask_results(inputs, rules, config, client), check_signature(rules, config))


# --- scoring -----------------------------------------------------------------------------------------

PARTITION_SEGMENTS = 2000  # segments per partition (whole documents: a document is never split)


def score_partitions(units) -> list[tuple[int, int]]:
    """(start, end) unit ranges of about PARTITION_SEGMENTS segments, cut only where the document
    (JSONL doc_id) changes; units without doc_id (lines of a file) are cut anywhere."""
    out = []
    start = 0
    for i in range(1, len(units) + 1):
        at_end = i == len(units)
        full = i - start >= PARTITION_SEGMENTS
        if at_end or (full and (units[i].doc_id is None or units[i].doc_id != units[i - 1].doc_id)):
            out.append((start, i))
            start = i
    return out


def dask_statistics(sset, options, client) -> dict:
    """The sacrebleu metrics' segment statistics of `sset`, extracted on the cluster behind `client`
    (mtqa.scoring.sacrebleu_metrics.extract_statistics on each partition) and merged here in unit order."""
    import dask.bag as db

    from mtqa.scoring.run import sacrebleu_plan
    from mtqa.scoring.sacrebleu_metrics import extract_statistics
    from mtqa.scoring.statistics import merge

    keys, settings = sacrebleu_plan(sset, options)
    if not keys:
        return {}
    extract = partial(extract_statistics, keys, settings=settings, max_words=options.max_words)
    hyps, streams = sset.hyps, sset.ref_streams
    ranges = iter(score_partitions(sset.units))
    parts: list[dict] = []
    while True:
        round_ = [(hyps[a:b], [s[a:b] for s in streams], a) for a, b in islice(ranges, ROUND)]
        if not round_:
            return merge(parts)
        bag = db.from_sequence(round_, npartitions=len(round_))  # one slice of documents a partition
        stats = bag.map(lambda part: extract(part[0], part[1], offset=part[2]))
        parts.extend(stats.compute(scheduler=client))


def score_on_dask(
    hyp: str,
    refs: Sequence[str] = (),
    source: str | None = None,
    options=None,
    align: str = "auto",
    scheduler="local",
    encoding: str = "utf-8",
    num_refs: int = 1,
) -> Report:
    """`mtqa.score` with the sacrebleu metrics' statistics computed on Dask: `scheduler` is a
    scheduler address, "local" or a `distributed.Client`. The files are read here; partitions of
    whole documents go to the workers, which return each segment's sufficient statistics (a few
    numbers per segment and metric); corpus, document and segment scores are computed here from
    them, so the Report equals `mtqa.score`'s. COMET, when asked for, runs on this machine."""
    from mtqa.scoring.inputs import load
    from mtqa.scoring.run import ScoreOptions, add_to_report
    from mtqa.scoring.sacrebleu_metrics import SACREBLEU_METRICS

    options = options or ScoreOptions()
    need_refs = any(k in SACREBLEU_METRICS for k in options.metrics)
    sset = load(
        hyp, tuple(refs), source, align=align, need_refs=need_refs, encoding=encoding, num_refs=num_refs
    )
    report = Report(files_checked=1, segments_checked=len(sset.units))
    return add_to_report(score_set_on_dask(sset, options, scheduler), report, options)


def score_set_on_dask(sset, options, scheduler):
    """mtqa.scoring.run.score_set(sset, options) with the statistics extracted on Dask."""
    from mtqa.scoring.run import score_set

    with dask_client(scheduler) as client:
        stats = dask_statistics(sset, options, client)
    return score_set(sset, options, statistics=stats)
