"""Inputs grouped into batches of whole documents, and one batch checked: what the process pool
(mtqa.parallel) and a Dask cluster (mtqa.distributed) both send to their workers."""

from __future__ import annotations

import os
from collections.abc import Iterable

from mtqa.config import Config
from mtqa.engine import DocumentResult, document_result
from mtqa.model import Document, InputProblem
from mtqa.rules import Rule

BATCH_SEGMENTS = 256  # segments per task: enough to hide the pickling, small enough to balance
BATCH_DOCUMENTS = 64

Item = Document | InputProblem
Result = DocumentResult | InputProblem


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform says, as in a
    container limited to some cores), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _source_of(item: Item) -> tuple | None:
    """What a document was translated from (its rows' sources, or its source file), None when it
    has none: the translations of one source by several systems share this."""
    if not isinstance(item, Document):
        return None
    if item.source is not None:
        return (item.source.path,)
    srcs = tuple(s.src for s in item.segments)
    return srcs if any(srcs) else None


def batches(items: Iterable[Item], segments: int = BATCH_SEGMENTS, documents: int = BATCH_DOCUMENTS):
    """Consecutive inputs grouped into lists of about `segments` segments or `documents` inputs.

    A batch that is full is still given the next documents while they translate the same source as
    its last one (up to twice the size): the work mtqa does once per source (splitting and checking
    it, its names and numbers) then stays in one worker's memory instead of being done again by the
    next worker. Evaluation sets put the systems' translations of one document next to each other."""
    batch: list[Item] = []
    size = 0
    last: tuple | None = None
    for item in items:
        source = _source_of(item)
        full = size >= segments or len(batch) >= documents
        if full and (source is None or source != last or size >= 2 * segments or len(batch) >= 2 * documents):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item.segments) if isinstance(item, Document) else 1
        last = source
    if batch:
        yield batch


def check_batch(batch: list[Item], rules: tuple[Rule, ...], config: Config) -> list[Result]:
    """Each input's result (mtqa.engine.document_result), in order."""
    return [document_result(item, rules, config) for item in batch]
