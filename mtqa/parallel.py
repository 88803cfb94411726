"""`mtqa check --jobs N`: documents checked by a pool of processes, the report identical to one
process's (same findings, same order, same notes).

Documents are sent to the workers in batches of about `BATCH_SEGMENTS` segments (one document is
never split: rules read the whole document), at most `WINDOW` batches per worker in flight, so a
streamed corpus stays streamed; results are folded in input order as they come back. The rules and
the configuration go to each worker once, when it starts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from mtqa.batches import BATCH_DOCUMENTS, BATCH_SEGMENTS, Item, Result, available_cores, batches, check_batch
from mtqa.config import Config
from mtqa.engine import document_result, fold, resolve_rules
from mtqa.model import Report
from mtqa.rules import Rule

WINDOW = 4  # batches in flight per worker

__all__ = ["BATCH_DOCUMENTS", "BATCH_SEGMENTS", "available_cores", "batches", "check_parallel", "run_checks"]


# Set in each worker by _init_worker: sent once per worker, not with every batch.
_WORKER_RULES: tuple[Rule, ...] = ()
_WORKER_CONFIG: Config | None = None


def _init_worker(rules: tuple[Rule, ...], config: Config) -> None:
    global _WORKER_RULES, _WORKER_CONFIG
    _WORKER_RULES, _WORKER_CONFIG = rules, config


def _check_batch(batch: list[Item]) -> list[Result]:
    if _WORKER_CONFIG is None:
        raise RuntimeError("a parallel batch ran in a process that _init_worker did not set up")
    return check_batch(batch, _WORKER_RULES, _WORKER_CONFIG)


def check_results(
    inputs: Iterable[Item], rules: tuple[Rule, ...], config: Config, jobs: int
) -> Iterator[Result]:
    """Each input's result, in input order, computed by `jobs` processes (1: in this process)."""
    if jobs <= 1:
        yield from (document_result(item, rules, config) for item in inputs)
        return
    groups = batches(inputs)
    first = next(groups, None) or []
    second = next(groups, None)
    if second is None:  # one batch (an article, a short file): not worth starting processes
        yield from check_batch(first, rules, config)
        return
    # The first document is checked here, before any pool starts: it loads the word data of the
    # corpus's languages, which workers started by fork (Linux) then share instead of each loading
    # it. Only one: the other cores wait meanwhile.
    yield from check_batch(first[:1], rules, config)
    rest = [first[1:]] if len(first) > 1 else []
    from concurrent.futures import ProcessPoolExecutor

    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules, config)) as pool:
        try:
            for batch in chain(rest, (second,), groups):
                pending.append(pool.submit(_check_batch, batch))
                while len(pending) >= jobs * WINDOW:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # an error (or an abandoned generator): do not wait for the batches still queued
            for future in pending:
                future.cancel()


def check_parallel(
    inputs: Iterable[Item],
    rules: tuple[Rule, ...] | None = None,
    config: Config | None = None,
    jobs: int | None = None,
) -> Report:
    """`mtqa.engine.check` on `jobs` processes (None: every available core); the same Report."""
    from mtqa.signature import check_signature

    rules, config = resolve_rules(rules, config)
    jobs = available_cores() if jobs is None else jobs
    return fold(check_results(inputs, rules, config, jobs), check_signature(rules, config))


def iter_results(
    inputs: Iterable[Item],
    rules: tuple[Rule, ...],
    config: Config,
    jobs: int | None = None,
    scheduler=None,
) -> Iterator[Result]:
    """The results of `mtqa check`, in input order, as they come: on the Dask cluster `scheduler`
    when given (an address or "local", see mtqa.distributed), else on `jobs` local processes (None:
    every core). Streaming writers consume them one by one (mtqa.reporters.stream)."""
    if scheduler is not None:
        from mtqa.distributed import dask_client, dask_results

        with dask_client(scheduler) as client:
            yield from dask_results(inputs, rules, config, client)
        return
    yield from check_results(inputs, rules, config, available_cores() if jobs is None else jobs)


def run_checks(
    inputs: Iterable[Item],
    rules: tuple[Rule, ...],
    config: Config,
    jobs: int | None = None,
    scheduler=None,
) -> Report:
    """The check of `mtqa check` as one Report (see iter_results)."""
    from mtqa.signature import check_signature

    return fold(iter_results(inputs, rules, config, jobs, scheduler), check_signature(rules, config))
