"""Checking an archive on a Dask cluster (`pip install "mtqa[dask]"`).

    from mtqa.distributed import check_on_dask
    report = check_on_dask(["archive/"], scheduler="tcp://scheduler:8786")

or `mtqa check archive/ --dask-scheduler tcp://scheduler:8786` (`local`: a LocalCluster on this
machine). The documents are read here and sent to the workers in a `dask.bag` whose partitions are
whole documents (batches of about `mtqa.parallel.BATCH_SEGMENTS` segments); each worker runs the
same `mtqa.engine.document_result` as a local run and the results are folded here in input order,
so the report is identical to `mtqa check` on one machine. The workers need mtqa (and its word data)
installed at the same version. The corpus goes to the cluster `ROUND` partitions at a time, so this
machine holds one round of documents and results, not the whole archive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import islice

from mtqa.config import Config
from mtqa.engine import DocumentResult, fold, resolve_rules
from mtqa.model import Document, InputProblem, Report
from mtqa.parallel import _check_with, available_cores, batches
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

    check = partial(_check_with, rules=rules, config=config)
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

    rules, config = resolve_rules(rules, config)
    inputs = read_inputs(list(paths), config.lang)
    with dask_client(scheduler) as client:
        return fold(dask_results(inputs, rules, config, client))
