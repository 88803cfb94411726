"""Checking on Dask (`mtqa.distributed`, `mtqa check --dask-scheduler`): on a LocalCluster the
report is the local run's."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import main
from mtqa.engine import check
from mtqa.io import read_inputs
from tests.test_parallel import json_report, write_corpus

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    # Threads in this process: the same code path as a remote cluster (the graph is pickled to the
    # workers), without the start-up of worker processes.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_check_on_dask_equals_local_check(tmp_path, client, monkeypatch):
    from mtqa import distributed as mtqa_distributed
    from mtqa.config import Config

    monkeypatch.setattr(mtqa_distributed, "ROUND", 2)  # several rounds of partitions
    paths = write_corpus(tmp_path, documents=90)
    config = Config(lang="fr")
    local = check(read_inputs(paths, "fr"), config=config)
    remote = mtqa_distributed.check_on_dask(paths, scheduler=client, config=config)
    assert len(local.findings) > 50
    assert remote.to_dict() == local.to_dict()


def test_cli_dask_scheduler_address_equals_jobs_1(tmp_path, client, capsys):
    paths = write_corpus(tmp_path, documents=90)
    _, local = json_report(capsys, [*paths, "--jobs", "1", "--lang", "fr"])
    address = client.scheduler.address
    _, remote = json_report(capsys, [*paths, "--dask-scheduler", address, "--lang", "fr"])
    assert remote == local
    assert json.dumps(remote)  # a plain JSON report


def test_cli_dask_input_problem_kept(tmp_path, client, capsys):
    missing = str(tmp_path / "missing.txt")
    code = main(
        ["check", missing, "--dask-scheduler", client.scheduler.address, "-q", "--isolated", "--lang", "fr"]
    )
    assert code == 2
    assert "missing.txt" in capsys.readouterr().err


# --- score on Dask: statistics on the workers, scores here ---------------------------------------------


def _scoring_rows(tmp_path, n: int = 120):
    """JSONL rows of several documents with two references each (one segment long enough for TER's
    word limit to leave it out)."""
    import random

    rnd = random.Random(3)
    words = "le la un chat chien ministre ville accord armée jeudi a dit que sur dans pour et".split()
    lines = []
    for i in range(n):
        hyp = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14))) + "."
        refs = [" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14))) + "." for _ in range(2)]
        if i == 7:
            hyp = " ".join(words * 4)
        lines.append(json.dumps({"mt": hyp, "ref": refs, "doc_id": f"d{i // 9}", "id": f"s{i}"}))
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_score_on_dask_equals_local_score(tmp_path, client, monkeypatch):
    from mtqa import distributed as mtqa_distributed
    from mtqa import score
    from mtqa.scoring.run import ScoreOptions

    monkeypatch.setattr(mtqa_distributed, "ROUND", 2)  # several rounds
    monkeypatch.setattr(mtqa_distributed, "PARTITION_SEGMENTS", 20)  # several partitions a round
    rows = _scoring_rows(tmp_path)
    options = ScoreOptions(
        metrics=("bleu", "chrf", "chrf++", "ter"), confidence=50, max_words={"ter": 40}, weakest=5
    )
    local = score(rows, options=options)
    remote = mtqa_distributed.score_on_dask(rows, options=options, scheduler=client)
    scopes = {s.scope for s in local.scores}
    assert scopes == {"corpus", "document", "segment"}
    assert any("skip:1>40w" in s.signature for s in local.scores)  # TER left one segment out
    assert remote.to_dict() == local.to_dict()


def test_score_partitions_never_split_a_document(monkeypatch):
    from mtqa import distributed as mtqa_distributed
    from mtqa.scoring.units import Unit

    monkeypatch.setattr(mtqa_distributed, "PARTITION_SEGMENTS", 4)
    docs = ["a"] * 3 + ["b"] * 6 + ["c"] * 2 + [None] * 9
    units = [Unit(hyp="x", refs=("x",), index=i, path="p", doc_id=d) for i, d in enumerate(docs)]
    ranges = mtqa_distributed.score_partitions(units)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(units)
    assert all(a == b for (_, a), (b, _) in zip(ranges, ranges[1:], strict=False))  # contiguous, in order
    for _, b in ranges:
        if b < len(units) and units[b].doc_id is not None:
            assert units[b].doc_id != units[b - 1].doc_id  # a cut only between documents
    assert ranges == [(0, 9), (9, 13), (13, 17), (17, 20)]  # "b" kept whole; rows without doc_id cut by size


def test_cli_score_dask_scheduler_equals_local(tmp_path, client, capsys, monkeypatch):
    from mtqa import distributed as mtqa_distributed

    monkeypatch.setattr(mtqa_distributed, "PARTITION_SEGMENTS", 25)
    rows = _scoring_rows(tmp_path)
    argv = ["score", rows, "--format", "json", "--isolated", "-q"]
    assert main(argv) == 0
    local = json.loads(capsys.readouterr().out)
    assert main([*argv, "--dask-scheduler", client.scheduler.address]) == 0
    remote = json.loads(capsys.readouterr().out)
    assert len([s for s in local["scores"] if s["scope"] == "segment"]) > 400
    assert remote == local
