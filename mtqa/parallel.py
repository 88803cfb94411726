"""`mtqa check --jobs N`: documents checked by a pool of processes, the report identical to one
process's (same findings, same order, same notes).

Documents are sent to the workers in batches of about `BATCH_SEGMENTS` segments (one document is
never split: rules read the whole document), at most `WINDOW` batches per worker in flight, so a
streamed corpus stays streamed; results are folded in input order as they come back. The rules and
the configuration go to each worker once, when it starts.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from mtqa.config import Config
from mtqa.engine import DocumentResult, document_result, fold, resolve_rules
from mtqa.model import Document, InputProblem, Report
from mtqa.rules import Rule

BATCH_SEGMENTS = 256  # segments per task: enough to hide the pickling, small enough to balance
BATCH_DOCUMENTS = 64
WINDOW = 4  # batches in flight per worker

Item = Document | InputProblem
Result = DocumentResult | InputProblem


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform says, as in a
    container limited to some cores), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def batches(items: Iterable[Item], segments: int = BATCH_SEGMENTS, documents: int = BATCH_DOCUMENTS):
    """Consecutive inputs grouped into lists of about `segments` segments or `documents` inputs."""
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.segments) if isinstance(item, Document) else 1
        if size >= segments or len(batch) >= documents:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# Set in each worker by _init_worker: sent once per worker, not with every batch.
_WORKER_RULES: tuple[Rule, ...] = ()
_WORKER_CONFIG: Config | None = None


def _init_worker(rules: tuple[Rule, ...], config: Config) -> None:
    global _WORKER_RULES, _WORKER_CONFIG
    _WORKER_RULES, _WORKER_CONFIG = rules, config


def _check_with(batch: list[Item], rules: tuple[Rule, ...], config: Config) -> list[Result]:
    return [document_result(item, rules, config) for item in batch]


def _check_batch(batch: list[Item]) -> list[Result]:
    return _check_with(batch, _WORKER_RULES, _WORKER_CONFIG)


def check_results(
    inputs: Iterable[Item], rules: tuple[Rule, ...], config: Config, jobs: int
) -> Iterator[Result]:
    """Each input's result, in input order, computed by `jobs` processes (1: in this process)."""
    if jobs <= 1:
        yield from (document_result(item, rules, config) for item in inputs)
        return
    groups = batches(inputs)
    first = next(groups, None)
    second = next(groups, None)
    if second is None:  # one batch (an article, a short file): not worth starting processes
        yield from _check_with(first or [], rules, config)
        return
    # The first batch is checked here, before the pool starts: it loads the word data of the
    # corpus's languages, which workers started by fork (Linux) then share instead of each loading it.
    yield from _check_with(first, rules, config)
    from concurrent.futures import ProcessPoolExecutor

    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules, config)) as pool:
        try:
            for batch in chain((second,), groups):
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
    rules, config = resolve_rules(rules, config)
    jobs = available_cores() if jobs is None else jobs
    return fold(check_results(inputs, rules, config, jobs))


def run_checks(
    inputs: Iterable[Item],
    rules: tuple[Rule, ...],
    config: Config,
    jobs: int | None = None,
    scheduler=None,
) -> Report:
    """The check of `mtqa check`: on the Dask cluster `scheduler` when given (an address or
    "local", see mtqa.distributed), else on `jobs` local processes (None: every core)."""
    if scheduler is not None:
        from mtqa.distributed import dask_client, dask_results

        with dask_client(scheduler) as client:
            return fold(dask_results(inputs, rules, config, client))
    return check_parallel(inputs, rules, config, jobs)
