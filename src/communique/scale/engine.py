"""Coding partitions on a Dask cluster and reading their results back in input order.

The client (the machine that runs ``communique ingest``) reads the inputs as a stream and cuts
them into partitions (:mod:`communique.scale.partition`). Each partition whose file is not
already written becomes one Dask task, :func:`code_partition`, which runs the same
:func:`communique.pipeline.process` as a local run and writes the partition file
(:mod:`communique.scale.parquet`). The client keeps a bounded window of partitions in flight
and yields each partition's results, in input order, as soon as it and every partition before
it are done, so memory stays flat however long the input is.

A worker that dies mid-task loses nothing: its file was never renamed into place, and the
scheduler gives the task to another worker (up to ``distributed.scheduler.allowed-failures``
times, 3 by default). A task that was finished but not yet reported finds its file and returns.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import ClusterError
from communique.records import CODER_VERSION, CodedDocument, Failure, RawDocument
from communique.scale.parquet import is_complete, read_partition, write_partition
from communique.scale.partition import PARTITION_SIZE, Partition, partitions

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["PartitionReport", "code_partition", "connect", "remove_leftovers", "run", "worker_info"]

logger = logging.getLogger(__name__)

# Seconds to reach a scheduler given by --cluster, and to wait for its first worker (a batch
# system may take minutes to start one: dask-jobqueue submits a job per worker).
CONNECT_TIMEOUT = 30
WORKER_TIMEOUT = 600
# Partitions submitted ahead, per worker thread: two keeps every worker busy while the client
# loads the previous results, without queueing the whole corpus on the scheduler.
AHEAD_PER_THREAD = 2
MIN_AHEAD = 4
# The local cluster's own log lines (heartbeats that race the shutdown, restarted workers) are
# Dask's business; what matters reaches the client as an exception.
LOCAL_LOG_LEVEL = logging.CRITICAL
# The local scheduler's HTTP endpoint (health, metrics; the dashboard itself needs bokeh): on
# loopback and a free port, so that two local runs do not fight over Dask's default 8787.
LOCAL_HTTP_ADDRESS = "127.0.0.1:0"

# A spaCy pipeline must not be shared by two threads at once; a worker started with several
# threads codes its partitions one after another (start workers with --nthreads 1).
_MODEL_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class PartitionReport:
    """What became of one partition: ``coded`` False when its file was already written."""

    index: int
    key: str
    path: str
    inputs: int
    coded: bool
    seconds: float = 0.0
    worker: str | None = None


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return None


def code_partition(partition: Partition, folder: str, options: Mapping[str, Any]) -> PartitionReport:
    """The task a worker runs: code one partition with :func:`~communique.pipeline.process` and
    write its file into ``folder``; if a whole file for it is there already, only report it.

    ``options`` are keyword arguments for ``process`` (never ``n_process``: one worker is one
    process). The model is loaded once per worker process (``load_model`` is cached).
    """
    from communique.pipeline import process

    path = Path(folder) / partition.filename
    started = time.perf_counter()
    with _MODEL_LOCK:
        if is_complete(path, key=partition.key, inputs=len(partition.items)):
            return PartitionReport(partition.index, partition.key, str(path), len(partition.items),
                                   coded=False, worker=_worker_address())
        results = list(process(partition.items, **options))
        write_partition(results, path, key=partition.key, inputs=len(partition.items))
    return PartitionReport(partition.index, partition.key, str(path), len(partition.items),
                           coded=True, seconds=time.perf_counter() - started, worker=_worker_address())


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files of killed writers whose partition has since been written in
    full by another worker; returns how many."""
    removed = 0
    for tmp in folder.glob(".part-*.parquet.*.tmp"):
        final = folder / tmp.name[1:].split(".parquet.", 1)[0]
        if final.with_suffix(".parquet").exists():
            tmp.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.info("removed %d temporary files left by killed workers in %s", removed, folder)
    return removed


def worker_info() -> dict[str, str]:
    """What a worker runs (checked against the client before any work is sent)."""
    import communique

    return {"communique": communique.__version__, "coder": CODER_VERSION}


def _check_workers(client: Client, where: str) -> None:
    import communique

    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError as exc:
        raise ClusterError(f"no worker joined the scheduler at {where} within {WORKER_TIMEOUT} s: "
                           "start workers with `dask worker ADDRESS --nthreads 1`") from exc
    try:
        infos = client.run(worker_info)
    except Exception as exc:
        raise ClusterError(
            f"the workers of {where} cannot run communique ({type(exc).__name__}: {exc}): install "
            "the same communique version and its model on every worker (docs/scale.md)"
        ) from exc
    mine = {"communique": communique.__version__, "coder": CODER_VERSION}
    odd = {address: info for address, info in infos.items() if info != mine}
    if odd:
        raise ClusterError(f"workers run another communique than this client ({mine}): {odd}; "
                           "install the same version everywhere")


@contextmanager
def connect(*, workers: int | None = None, address: str | None = None) -> Iterator[Client]:
    """A Dask client: on the scheduler at ``address``, or on a new local cluster of ``workers``
    single-threaded worker processes (closed on exit).

    Raises:
        ClusterError: the scheduler cannot be reached, or its workers cannot run communique.
    """
    from distributed import Client, LocalCluster

    if address is not None:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach a Dask scheduler at {address}: {exc}; start one with "
                               "`dask scheduler` and pass the address it prints") from exc
        with client:
            _check_workers(client, address)
            yield client
        return
    # Processes, not threads: a spaCy pipeline is not safe to share between threads, and the
    # coders hold the GIL. Spawned workers inherit sys.path, so a source checkout works too.
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=LOCAL_HTTP_ADDRESS, silence_logs=LOCAL_LOG_LEVEL) as cluster, Client(cluster) as client:
        _check_workers(client, "the local cluster")
        yield client


def run(
    raws: Iterable[RawDocument | Failure],
    folder: str | os.PathLike[str],
    *,
    client: Client,
    partition_size: int = PARTITION_SIZE,
    process_options: Mapping[str, Any] | None = None,
    on_partition: Callable[[PartitionReport], None] | None = None,
) -> Iterator[CodedDocument | Failure]:
    """Code the inputs on the cluster, partition by partition, yielding results in input order.

    Each partition's file is written into ``folder``, which the client and every worker must
    see at the same path (a shared file system on a real cluster). Partitions whose file is
    already there are read, not coded again. ``on_partition`` hears of each partition once
    its results are about to be yielded.

    Raises:
        ClusterError: a partition was lost on too many workers, or a worker wrote a file this
            machine cannot see.
        OutputError: ``folder`` cannot be written.
    """
    from distributed import KilledWorker

    base = Path(folder).resolve()
    base.mkdir(parents=True, exist_ok=True)
    options = dict(process_options or {})
    queue: deque[tuple[Partition, Future[PartitionReport] | None]] = deque()

    def finish(part: Partition, future: Future[PartitionReport] | None) -> Iterator[CodedDocument | Failure]:
        path = base / part.filename
        if future is None:
            report = PartitionReport(part.index, part.key, str(path), len(part.items), coded=False)
        else:
            try:
                report = future.result()
            except KilledWorker as exc:
                raise ClusterError(f"partition {part.index} ({part.filename}) was lost with every "
                                   f"worker that tried it: {exc}; see the workers' logs") from exc
            future.release()
            if not path.exists():
                raise ClusterError(f"worker {report.worker} wrote {path}, which this machine cannot "
                                   "see: put --parquet-dir on a file system the client and the "
                                   "workers share")
        if on_partition is not None:
            on_partition(report)
        yield from read_partition(path)

    def ahead() -> int:
        threads = sum(client.nthreads().values())
        return max(MIN_AHEAD, AHEAD_PER_THREAD * threads)

    try:
        for part in partitions(raws, partition_size):
            future = None
            if not is_complete(base / part.filename, key=part.key, inputs=len(part.items)):
                future = client.submit(code_partition, part, str(base), options,
                                       key=f"communique-partition-{part.key}", pure=False)
            queue.append((part, future))
            while len(queue) >= ahead():
                yield from finish(*queue.popleft())
        while queue:
            yield from finish(*queue.popleft())
        remove_leftovers(base)
    finally:
        for _, future in queue:
            if future is not None:
                future.cancel()
