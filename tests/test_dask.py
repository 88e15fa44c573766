"""The batch on Dask: the same per-article function on a local cluster of two worker processes."""
import pandas as pd
import pytest

from analysis.batch import run_batch

from test_batch import BACKEND, fixed_code_version, make_corpus  # noqa: F401 (fixture)

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_batch_on_a_local_cluster_matches_the_local_run(client, tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    on_dask = run_batch(corpus, tmp_path / "dask", scheduler=client, backend=BACKEND, progress=False,
                        report=lambda m: None)
    assert (on_dask.succeeded, on_dask.failed) == (2, 1)
    assert "no Chinese text" in on_dask.failures[0][1]
    local = run_batch(corpus, tmp_path / "local", backend=BACKEND, progress=False, report=lambda m: None)
    assert (local.succeeded, local.failed) == (2, 1)
    for name in ("tokens", "profiles", "sections"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "local" / f"{name}.parquet"))
    again = run_batch(corpus, tmp_path / "dask", scheduler=client, backend=BACKEND, progress=False,
                      report=lambda m: None)
    assert again.skipped == 2


def test_scheduler_address_connects_to_the_cluster(client, tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    summary = run_batch(corpus, tmp_path / "out", scheduler=client.scheduler.address, backend=BACKEND,
                        progress=False, report=lambda m: None)
    assert (summary.succeeded, summary.failed) == (2, 1)
