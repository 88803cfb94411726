from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "scoring"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def tiny_comet(tmp_path_factory) -> dict[str, Path]:
    """Three tiny COMET models built offline once per session: "reference" (RegressionMetric),
    "qe" (reference-free UnifiedMetric) and "spans" (XCOMETMetric with error spans)."""
    pytest.importorskip("comet", reason="unbabel-comet is not installed (pip install -e '.[comet]')")
    from tests.comet_tiny import build_encoder, build_model

    root = tmp_path_factory.mktemp("comet")
    encoder = build_encoder(root / "encoder-src")
    return {kind: build_model(root / kind, kind, encoder) for kind in ("reference", "qe", "spans")}
