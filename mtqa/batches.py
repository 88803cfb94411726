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


def check_batch(batch: list[Item], rules: tuple[Rule, ...], config: Config) -> list[Result]:
    """Each input's result (mtqa.engine.document_result), in order."""
    return [document_result(item, rules, config) for item in batch]
