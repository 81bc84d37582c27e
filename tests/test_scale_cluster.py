"""Scale-out on a real Dask LocalCluster (two single-threaded worker processes, real model: slow).

The contract: the same documents, events, agreements, statements and failures, with the same ids
and records, as one ``process()`` run in this process, also when a worker is killed mid-run;
re-running codes and loads nothing new.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from communique.cli import EXIT_PARTIAL, cli
from communique.errors import ClusterError
from communique.pipeline import process
from communique.records import CodedDocument, Failure, RawDocument
from communique.scale import (
    PartitionReport,
    connect,
    decode_item,
    encode_item,
    engine,
    load,
    partition_files,
    run,
)
from communique.store import Store
from scale_corpus import corpus

pytestmark = pytest.mark.slow

# Two inputs per partition: 17 inputs make 9 tasks, enough to kill a worker with work in flight.
SIZE = 2


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with connect(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def reference() -> list[dict[str, Any]]:
    """The one-process results, as lossless records."""
    return [encode_item(r) for r in process(corpus())]


def _store_contents(store: Store) -> dict[str, Any]:
    docs = store.documents()
    return {
        "counts": store.counts(),
        "events": store.events(),
        "agreements": store.agreements(),
        "statements": store.statements(),
        "documents": [store.document(d["id"]) for d in docs],
        "failures": store.failures(),
    }


def _strip_times(contents: dict[str, Any]) -> dict[str, Any]:
    for doc in contents["documents"]:
        doc.pop("ingested_at", None)
    return contents


def test_cluster_gives_exactly_the_one_process_results(client, reference, tmp_path: Path) -> None:
    reports: list[PartitionReport] = []
    results = list(run(corpus(), tmp_path / "parts", client=client, partition_size=SIZE,
                       on_partition=reports.append))
    assert [encode_item(r) for r in results] == reference
    assert [r.index for r in reports] == list(range(9)) and all(r.coded for r in reports)
    assert len({r.worker for r in reports}) == 2, "both workers coded partitions"
    assert len(partition_files(tmp_path / "parts")) == 9
    kinds = [type(r) for r in results]
    assert kinds.count(Failure) == 2 and sum(len(r.events) for r in results if isinstance(r, CodedDocument)) >= 15

    # Loaded into a store: the same store as a one-process ingest, and loading again adds nothing.
    with Store(tmp_path / "cluster.db") as cluster_store, Store(tmp_path / "local.db") as local_store:
        tally = load(cluster_store, results)
        load(local_store, [decode_item(r) for r in reference])
        assert tally["stored"] == 14 and tally["already stored"] == 1 and tally["new failures"] == 2
        assert _strip_times(_store_contents(cluster_store)) == _strip_times(_store_contents(local_store))
        before = cluster_store.counts()
        again = load(cluster_store, run(corpus(), tmp_path / "parts", client=client, partition_size=SIZE,
                                        on_partition=reports.append))
        assert again["stored"] == 0 and again["new failures"] == 0 and again["already stored"] == 15
        assert cluster_store.counts() == before
    assert not any(r.coded for r in reports[9:]) and len(reports) == 18, "nothing coded twice"


def _jsonl(folder: Path) -> Path:
    """The corpus as one JSONL export (failures are re-made by the readers)."""
    path = folder / "corpus.jsonl"
    rows = [{"id": r.input_id, "text": r.text, "html": r.html, "published": r.published}
            for r in corpus() if isinstance(r, RawDocument)]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    return path


def test_cli_cluster_ingest_matches_a_local_ingest(client, tmp_path: Path) -> None:
    source = _jsonl(tmp_path)
    runner = CliRunner()
    local = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "local.db")])
    address = client.scheduler.address
    args = ["ingest", str(source), "--db", str(tmp_path / "c.db"), "--cluster", address, "--partition-size", "4"]
    first = runner.invoke(cli, args)
    assert first.exit_code == local.exit_code == EXIT_PARTIAL, first.output
    assert "4 partitions in " in first.output and "(4 coded, 0 already written)" in first.output
    assert first.output.splitlines()[-2].replace(str(tmp_path / "c.db"), "DB") == \
        local.output.splitlines()[-2].replace(str(tmp_path / "local.db"), "DB")
    assert len(partition_files(tmp_path / "c.db-partitions")) == 4
    with Store(tmp_path / "c.db", readonly=True) as c, Store(tmp_path / "local.db", readonly=True) as loc:
        assert _strip_times(_store_contents(c)) == _strip_times(_store_contents(loc))
    again = runner.invoke(cli, args)
    assert "(0 coded, 4 already written)" in again.output and "0 documents stored" in again.output


def test_an_unreachable_scheduler_is_an_error_that_says_what_to_do(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ClusterError, match="dask scheduler"), connect(address="tcp://127.0.0.1:9"):
        pass
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--cluster", "tcp://127.0.0.1:9",
                                      "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "cannot reach a Dask scheduler" in result.output
    usage = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--cluster", "tcp://127.0.0.1:9", "--workers", "2"])
    assert usage.exit_code == 2 and "--cluster" in usage.output


def test_a_worker_killed_mid_run_changes_nothing(client, reference, tmp_path: Path) -> None:
    killed: list[str] = []

    def kill_a_busy_worker(report: PartitionReport) -> None:
        if killed:
            return
        busy = [worker for worker, tasks in client.processing().items() if tasks]
        assert busy, "a worker has a partition in hand"
        killed.append(busy[0])
        # SIGKILL: no clean-up, no goodbye to the scheduler, like the OOM killer or a lost node.
        pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
        os.kill(pid, signal.SIGKILL)

    results = list(run(corpus(), tmp_path / "parts", client=client, partition_size=SIZE,
                       on_partition=kill_a_busy_worker))
    assert killed and [encode_item(r) for r in results] == reference
    assert len(partition_files(tmp_path / "parts")) == 9
    assert not list((tmp_path / "parts").glob(".*")), "no temporary file left behind"
    client.wait_for_workers(2, timeout=60)
    assert killed[0] not in client.nthreads(), "the killed worker was replaced"


@pytest.mark.full
def test_cli_workers_starts_a_local_cluster_with_the_same_results(tmp_path: Path) -> None:
    source = _jsonl(tmp_path)
    runner = CliRunner()
    local = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "local.db")])
    result = runner.invoke(cli, ["ingest", str(source), "--db", str(tmp_path / "w.db"), "--workers", "2",
                                 "--partition-size", "3", "--parquet-dir", str(tmp_path / "parts")])
    assert result.exit_code == local.exit_code == EXIT_PARTIAL, result.output
    assert "(6 coded, 0 already written)" in result.output
    with Store(tmp_path / "w.db", readonly=True) as w, Store(tmp_path / "local.db", readonly=True) as loc:
        assert _strip_times(_store_contents(w)) == _strip_times(_store_contents(loc))


@pytest.mark.full
def test_workers_killed_again_and_again_change_nothing(client, tmp_path: Path) -> None:
    """Three kills, each of a worker with a partition in hand, over a corpus three times as long."""
    raws = [r if isinstance(r, Failure) else dataclasses.replace(r, source=f"{r.source}#{n}")
            for n in range(3) for r in corpus()]
    expected = [encode_item(r) for r in process(raws)]
    kills: list[int] = []

    def kill(report: PartitionReport) -> None:
        busy = [worker for worker, tasks in client.processing().items() if tasks]
        if len(kills) < 3 and busy and report.index % 4 == 0:
            kills.append(report.index)
            os.kill(client.run(os.getpid, workers=[busy[0]])[busy[0]], signal.SIGKILL)

    results = list(run(raws, tmp_path / "parts", client=client, partition_size=SIZE, on_partition=kill))
    assert len(kills) == 3 and [encode_item(r) for r in results] == expected
    client.wait_for_workers(2, timeout=60)
