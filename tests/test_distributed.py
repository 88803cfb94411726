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
