"""Records as Parquet: one explicit Arrow schema per kind, nested where the record is.

The columns are the record's own keys, in its order, typed: entity lists are lists of structs,
evidence and clauses lists of structs with integer offsets, flags booleans. Reading a file back
(``pyarrow.parquet.read_table(path).to_pylist()``) gives the records that were written. Dates
stay text: an event date may be a month (``"2024-03"``) and its ``date_precision`` says so.

pyarrow is imported only when a table is built, so that importing :mod:`communique.export`
stays cheap for the commands that never write Parquet.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import cache
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["arrow_schema", "arrow_table", "write_parquet"]

logger = logging.getLogger(__name__)

_DOC = ("doc_title", "doc_outlet", "doc_published")


@cache
def arrow_schema(kind: str) -> pa.Schema:
    """The Arrow schema of a Parquet export of ``kind`` (events, agreements, statements, actors).

    Raises:
        ValueError: an unknown kind.
    """
    import pyarrow as pa

    text, i32 = pa.string(), pa.int32()
    entity = pa.struct([("entity_text", text), ("entity_name", text), ("entity_type", text), ("code", text),
                        ("country", text), ("sector", text), ("office", text), ("organization", text),
                        ("start", i32), ("end", i32)])
    evidence = pa.struct([("sequence", i32), ("start", i32), ("end", i32), ("text", text)])
    span = pa.struct([("start", i32), ("end", i32), ("text", text)])
    doc = [(name, text) for name in _DOC]
    fields: dict[str, list[tuple[str, Any]]] = {
        "events": [
            ("id", text), ("doc_id", text), ("date", text), ("date_precision", text), ("event", text),
            ("mode", text), ("context", pa.list_(text)), ("quad_code", pa.int8()), ("intensity", pa.float64()),
            ("cameo", text), ("actor", pa.list_(entity)), ("recipient", pa.list_(entity)),
            ("symmetric", pa.bool_()), ("location", text), ("event_text", text), ("trigger", text),
            ("text_info", evidence), ("evidence", pa.list_(evidence)), ("negated", pa.bool_()),
            ("future", pa.bool_()), ("hypothetical", pa.bool_()), ("confidence", pa.float64()),
            ("coder_version", text), *doc,
        ],
        "agreements": [
            ("id", text), ("doc_id", text), ("title", text), ("kind", text), ("parties", pa.list_(text)),
            ("party_entities", pa.list_(entity)), ("signatories", pa.list_(entity)), ("date", text),
            ("date_precision", text), ("place", text), ("clauses", pa.list_(span)), ("clause_count", i32),
            ("evidence", pa.list_(evidence)), ("coder_version", text), *doc,
        ],
        "statements": [
            ("id", text), ("doc_id", text), ("speaker", entity), ("verb", text), ("claim", text),
            ("claim_info", span), ("direct", pa.bool_()), ("about", pa.list_(entity)), ("date", text),
            ("date_precision", text), ("text_info", evidence), ("coder_version", text), *doc,
        ],
        "actors": [
            ("name", text), ("kind", text), ("country", text), ("sector", text), ("office", text),
            ("offices", pa.list_(text)), ("organization", text), ("documents", pa.int64()),
            ("events", pa.int64()), ("first_published", text), ("last_published", text),
        ],
    }
    if kind not in fields:
        raise ValueError(f"no Parquet schema for {kind!r}; choose one of {', '.join(fields)}")
    return pa.schema(fields[kind])


def arrow_table(kind: str, records: Iterable[Mapping[str, Any]]) -> pa.Table:
    """An Arrow table of records of one kind, typed by :func:`arrow_schema`.

    Keys a record has beyond the schema are left out (and logged once per key), keys it lacks
    are null.
    """
    import pyarrow as pa

    schema = arrow_schema(kind)
    rows = list(records)
    extra = set().union(*(r.keys() for r in rows)) - set(schema.names) if rows else set()
    for key in sorted(extra):
        logger.warning("Parquet export of %s leaves out the field %r (not in the schema)", kind, key)
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(kind: str, records: Iterable[Mapping[str, Any]], out: str | IO[bytes]) -> int:
    """Write records of one kind to a Parquet file (a path or a binary stream); returns the count."""
    import pyarrow.parquet as pq

    table = arrow_table(kind, records)
    pq.write_table(table, out)
    return table.num_rows
