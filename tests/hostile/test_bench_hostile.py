"""bench/bench_hostile.py measures what it says: the 1 MB inputs fit in one segment (so the rules run
on them, not the size limit), and each input has the paragraphs it counts."""

from __future__ import annotations

import importlib.util

from mtqa.io import article_from_text
from tests.conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_hostile", ROOT / "bench" / "bench_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_megabyte_inputs_are_checked_not_refused():
    cases = {name: (make, paragraphs) for name, make, paragraphs in _bench().cases(1.0)}
    for name in ("word", "spaces-inside", "prose-1MB", "spaces-line"):
        make, paragraphs = cases[name]
        text = make()
        assert 990_000 <= len(text), name
        problems: list = []
        doc = article_from_text(text, name, "fr", problems)
        assert problems == [] and len(doc.segments) == paragraphs, name


def test_paragraph_counts_at_a_small_scale():
    for name, make, paragraphs in _bench().cases(0.01):
        if name.startswith("paragraphs"):
            assert len(article_from_text(make(), name, "fr").segments) == paragraphs
