"""Scale-out (C11): the same pipeline on a Dask cluster, partitions written as Parquet.

Inputs are read on the client and cut into partitions; each partition is coded on a worker by
:func:`communique.pipeline.process`, exactly as a local run codes it, and written as one
Parquet file; the client loads the files into the store in input order, idempotently. See
``docs/scale.md``.

Example::

    from communique import Store, read_inputs
    from communique.scale import connect, ingest

    with connect(workers=4) as client, Store("news.db") as store:
        tally = ingest(read_inputs(["corpus/"]), store, "news.db-partitions", client=client)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from communique.records import CodedDocument, Failure, RawDocument
from communique.scale.codec import decode_item, encode_item
from communique.scale.engine import PartitionReport, code_partition, connect, run
from communique.scale.parquet import partition_files, partition_schema, read_partition
from communique.scale.partition import PARTITION_SIZE, Partition, partitions

if TYPE_CHECKING:
    from distributed import Client

    from communique.store import Store

__all__ = [
    "PARTITION_SIZE",
    "Partition",
    "PartitionReport",
    "code_partition",
    "connect",
    "decode_item",
    "default_parquet_dir",
    "encode_item",
    "ingest",
    "load",
    "partition_files",
    "partition_schema",
    "partitions",
    "read_partition",
    "run",
]


def default_parquet_dir(db_path: str | os.PathLike[str]) -> str:
    """Where partition files go when no folder is given: beside the database, ``DB-partitions``."""
    return f"{os.fspath(db_path)}-partitions"


def load(store: Store, results: Iterable[CodedDocument | Failure],
         *, on_result: Callable[[CodedDocument | Failure, bool], None] | None = None) -> Counter[str]:
    """Add results to the store, each document in its own transaction; nothing is added twice.

    Returns a tally: ``stored``, ``already stored``, ``events`` (of the new documents), ``new
    failures``, ``known failures``. ``on_result`` hears of each result and whether it was new.
    """
    tally: Counter[str] = Counter()
    for result in results:
        if isinstance(result, Failure):
            new = store.add_failure(result)
            tally["new failures" if new else "known failures"] += 1
        else:
            new = store.add(result)
            tally["stored" if new else "already stored"] += 1
            tally["events"] += len(result.events) if new else 0
        if on_result is not None:
            on_result(result, new)
    return tally


def ingest(
    raws: Iterable[RawDocument | Failure],
    store: Store,
    folder: str | os.PathLike[str],
    *,
    client: Client,
    partition_size: int = PARTITION_SIZE,
    process_options: Mapping[str, Any] | None = None,
    on_partition: Callable[[PartitionReport], None] | None = None,
) -> Counter[str]:
    """Code the inputs on the cluster, write the partition files into ``folder`` and load them
    into ``store`` in input order. Returns :func:`load`'s tally.

    Raises:
        ClusterError: the cluster lost a partition for good, or the workers write where this
            machine cannot read.
        OutputError: ``folder`` cannot be written.
        StoreError: the database refused a write.
    """
    results = run(raws, folder, client=client, partition_size=partition_size,
                  process_options=process_options, on_partition=on_partition)
    return load(store, results)
