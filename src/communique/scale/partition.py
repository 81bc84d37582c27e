"""Cutting the input stream into partitions, each named by a hash of what it holds.

The same inputs give the same partitions and the same names, so a re-run finds the partition
files it already wrote and codes only what is missing. The name also carries the coder
version: a new coder writes new files instead of mixing its results with the old ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from communique.records import CODER_VERSION, Failure, RawDocument
from communique.scale.codec import encode_item

__all__ = ["FORMAT_VERSION", "PARTITION_SIZE", "Partition", "partitions"]

# Documents per partition: one spaCy batch (pipeline.BATCH_SIZE). A partition of 32 news
# articles takes 5-15 s to code on one core, long enough to dwarf Dask's per-task overhead
# (milliseconds) and short enough that a lost worker costs little; a million articles make
# ~31,000 files.
PARTITION_SIZE = 32
# Bumped when the layout of a partition file changes, so old files are not read as new ones.
FORMAT_VERSION = 1
# Hex digits of the content hash in a file name: 80 bits, no collision in any real corpus.
KEY_DIGITS = 20


@dataclass(frozen=True, slots=True)
class Partition:
    """A run of consecutive inputs, coded as one task and written as one Parquet file.

    ``index`` is the partition's place in this run's input order; ``key`` hashes the inputs'
    full records (text and metadata), the coder version and the file format version.
    """

    index: int
    key: str
    items: tuple[RawDocument | Failure, ...]

    @property
    def filename(self) -> str:
        return f"part-{self.key}.parquet"


def _key(items: Iterable[RawDocument | Failure]) -> str:
    digest = hashlib.sha256(f"communique-partition {FORMAT_VERSION} {CODER_VERSION}\n".encode())
    for item in items:
        line = json.dumps(encode_item(item), ensure_ascii=False, sort_keys=True)
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:KEY_DIGITS]


def partitions(raws: Iterable[RawDocument | Failure], size: int = PARTITION_SIZE) -> Iterator[Partition]:
    """Group the inputs, in order, into partitions of ``size`` items (the last may be smaller).

    Reads the inputs lazily: at most one partition is held here at a time.

    Raises:
        ValueError: ``size`` is less than 1.
    """
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    batch: list[RawDocument | Failure] = []
    index = 0
    for raw in raws:
        batch.append(raw)
        if len(batch) == size:
            yield Partition(index, _key(batch), tuple(batch))
            index += 1
            batch = []
    if batch:
        yield Partition(index, _key(batch), tuple(batch))
