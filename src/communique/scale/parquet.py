"""Partition files: one Parquet file per partition, one row per input, written atomically.

Each row is one input of the partition, in input order (``position``): a coded document or a
failure. The ``record`` column holds the full record as JSON (:mod:`communique.scale.codec`),
which is what the store loads, so nothing is lost on the way. The other columns are there to
query the files directly (DuckDB, pandas, Spark): the document's metadata and text, and its
actors, events, agreements and statements as lists of structs shaped like the Parquet exports
of ``communique events|agreements|statements`` (:func:`communique.export.parquet.arrow_schema`).

A file is written under a hidden temporary name and renamed into place, so a reader (or a
re-run) sees either the whole file or none: a worker killed mid-write leaves at most a
``.part-*.tmp`` file, which no ``part-*.parquet`` glob matches.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import OutputError
from communique.records import CODER_VERSION, CodedDocument, Failure
from communique.scale.codec import decode_item, encode_item
from communique.scale.partition import FORMAT_VERSION

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["METADATA_KEY", "is_complete", "partition_files", "partition_schema", "read_partition",
           "write_partition"]

METADATA_KEY = b"communique.partition"
# zstd: about 4x smaller than none on news text, and DuckDB, pandas and Spark all read it.
COMPRESSION = "zstd"
_DOC_FIELDS = ("doc_title", "doc_outlet", "doc_published")


@cache
def partition_schema() -> pa.Schema:
    """The Arrow schema of a partition file (see the module docstring)."""
    import pyarrow as pa

    from communique.export.parquet import arrow_schema

    def nested(kind: str) -> pa.DataType:
        fields = [f for f in arrow_schema(kind) if f.name not in _DOC_FIELDS]
        return pa.list_(pa.struct(fields))

    text = pa.string()
    entity = arrow_schema("events").field("actor").type.value_type
    return pa.schema([
        ("position", pa.int32()), ("kind", text), ("doc_id", text), ("source", text),
        ("input_id", text), ("url", text), ("title", text), ("outlet", text), ("published", text),
        ("language", text), ("notes", pa.list_(text)), ("text", text),
        ("failure_reason", text), ("failure_detail", text), ("coder_version", text),
        ("actors", pa.list_(entity)), ("events", nested("events")),
        ("agreements", nested("agreements")), ("statements", nested("statements")),
        ("record", text),
    ])


def _row(position: int, item: CodedDocument | Failure) -> dict[str, Any]:
    record = json.dumps(encode_item(item), ensure_ascii=False)
    if isinstance(item, Failure):
        return {"position": position, "kind": "failure", "source": item.source,
                "failure_reason": item.reason, "failure_detail": item.detail, "record": record,
                "notes": [], "actors": [], "events": [], "agreements": [], "statements": []}
    doc = item.doc
    return {
        "position": position, "kind": "document", "doc_id": doc.id, "source": doc.source,
        "input_id": doc.input_id, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
        "published": doc.published, "language": doc.language, "notes": list(doc.notes),
        "text": doc.text, "coder_version": item.coder_version,
        "actors": [a.to_dict() for a in item.actors],
        "events": [e.to_dict() for e in item.events],
        "agreements": [a.to_dict() for a in item.agreements],
        "statements": [s.to_dict() for s in item.statements],
        "record": record,
    }


def write_partition(results: Sequence[CodedDocument | Failure], path: str | os.PathLike[str], *,
                    key: str, inputs: int) -> None:
    """Write a partition's results (in input order) to ``path``, atomically.

    ``key`` and ``inputs`` (the partition's key and number of inputs) go into the file's
    metadata, where :func:`is_complete` checks them.

    Raises:
        OutputError: the folder cannot be written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(path)
    meta = {"format_version": FORMAT_VERSION, "coder_version": CODER_VERSION, "key": key,
            "inputs": inputs}
    schema = partition_schema().with_metadata({METADATA_KEY: json.dumps(meta).encode()})
    table = pa.Table.from_pylist([_row(i, r) for i, r in enumerate(results)], schema=schema)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as f:
            pq.write_table(table, f, compression=COMPRESSION)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write partition file {target}: {exc.strerror or exc}; "
                          "check that the folder (--parquet-dir) is writable") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _metadata(path: Path) -> dict[str, Any] | None:
    import pyarrow.parquet as pq

    try:
        raw = (pq.read_schema(path).metadata or {}).get(METADATA_KEY)
        return None if raw is None else json.loads(raw)
    except (OSError, ValueError):
        # pyarrow raises ArrowInvalid (a ValueError) for a file that is not Parquet.
        return None


def is_complete(path: str | os.PathLike[str], *, key: str, inputs: int) -> bool:
    """Whether ``path`` is a whole partition file for these inputs (a re-run can skip them)."""
    meta = _metadata(Path(path))
    return (meta is not None and meta.get("key") == key and meta.get("inputs") == inputs
            and meta.get("format_version") == FORMAT_VERSION)


def read_partition(path: str | os.PathLike[str]) -> Iterator[CodedDocument | Failure]:
    """The records of a partition file, in input order.

    Raises:
        OutputError: the file is not a communique partition file.
    """
    import pyarrow.parquet as pq

    if _metadata(Path(path)) is None:
        raise OutputError(f"{path} is not a communique partition file (or it is damaged): "
                          "delete it and run the ingest again")
    table = pq.read_table(path, columns=["position", "record"]).sort_by("position")
    for record in table.column("record").to_pylist():
        item = decode_item(json.loads(record))
        if not isinstance(item, (CodedDocument, Failure)):
            raise OutputError(f"{path} holds a {type(item).__name__}, not a coded result")
        yield item


def partition_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The partition files in a folder, sorted by name."""
    return sorted(Path(folder).glob("part-*.parquet"))
