"""Stored records out to files other tools read: JSONL, CSV, POLECAT TSV and Parquet.

Four kinds of record (``events``, ``agreements``, ``statements``, ``actors``) go out in four
formats:

- ``jsonl``: one record a line, exactly as the store returns it (PLOVER event records);
- ``csv``: one flat row a record (:mod:`communique.export.columns`), lists joined by ``"; "``;
- ``tsv-polecat``: events only, POLECAT's 40 columns (:mod:`communique.export.polecat`);
- ``parquet``: typed and nested, one explicit schema per kind (:mod:`communique.export.parquet`).

Example::

    from communique import Store, export

    with Store("communique.db", readonly=True) as store:
        export.from_store(store, "events", "parquet", "events.parquet", country="PRK")
        rows = store.statements(country="NOR")
    export.write(rows, "statements", "csv", sys.stdout)
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from communique.errors import OutputError
from communique.export.columns import (
    ACTOR_COLUMNS,
    AGREEMENT_COLUMNS,
    EVENT_COLUMNS,
    FLAT,
    STATEMENT_COLUMNS,
    flat_actor,
    flat_agreement,
    flat_event,
    flat_statement,
)
from communique.export.parquet import arrow_schema, arrow_table
from communique.export.polecat import (
    POLECAT_COLUMNS,
    QUAD_LABELS,
    Story,
    cow_number,
    polecat_row,
    polecat_rows,
    stories,
)

__all__ = [
    "ACTOR_COLUMNS",
    "AGREEMENT_COLUMNS",
    "EVENT_COLUMNS",
    "FORMATS",
    "KINDS",
    "POLECAT_COLUMNS",
    "QUAD_LABELS",
    "STATEMENT_COLUMNS",
    "Story",
    "arrow_schema",
    "arrow_table",
    "cow_number",
    "flat_actor",
    "flat_agreement",
    "flat_event",
    "flat_statement",
    "format_for_path",
    "from_store",
    "polecat_row",
    "polecat_rows",
    "query",
    "stories",
    "write",
]

KINDS = ("events", "agreements", "statements", "actors")
FORMATS = ("jsonl", "csv", "tsv-polecat", "parquet")
# What a file name's suffix says about the format, for `-o FILE` without `--format`.
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv-polecat", ".parquet": "parquet"}

Destination = str | os.PathLike[str] | IO[Any]


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The export format a file name's suffix asks for (``.parquet`` → ``"parquet"``), or None."""
    return SUFFIXES.get(Path(path).suffix.lower())


def check(kind: str, fmt: str) -> None:
    """Raise :class:`OutputError` unless ``kind`` can be exported as ``fmt``."""
    if kind not in KINDS:
        raise OutputError(f"cannot export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "tsv-polecat" and kind != "events":
        raise OutputError(
            f"--format tsv-polecat applies to events only (POLECAT has no columns for {kind}); "
            "use jsonl, csv or parquet"
        )


def write(
    records: Iterable[Mapping[str, Any]],
    kind: str,
    fmt: str,
    out: Destination,
    *,
    stories: Mapping[str, Story] | None = None,
) -> int:
    """Write records of one kind in one format to a file or a stream.

    Args:
        records: Records as the store returns them (``Store.events()``, ``.agreements()``,
            ``.statements()``, ``.actors()``).
        kind: ``"events"``, ``"agreements"``, ``"statements"`` or ``"actors"``.
        fmt: ``"jsonl"``, ``"csv"``, ``"tsv-polecat"`` (events only) or ``"parquet"``.
        out: A path (created or replaced), or an open stream: text for the text formats;
            binary for Parquet (a text stream with a ``buffer``, like ``sys.stdout``, will do).
        stories: For ``tsv-polecat``, the :class:`Story` of each document id (see
            :func:`stories`); without it the story columns are empty.

    Returns:
        The number of records written.

    Raises:
        OutputError: an unknown kind or format, tsv-polecat for anything but events, or
            Parquet asked to go to a text-only stream.
    """
    check(kind, fmt)
    if isinstance(out, (str, os.PathLike)):
        if fmt == "parquet":
            with open(out, "wb") as binary:
                return write(records, kind, fmt, binary)
        with open(out, "w", encoding="utf-8", newline="") as text:
            return write(records, kind, fmt, text, stories=stories)
    if fmt == "parquet":
        from communique.export.parquet import write_parquet

        if isinstance(out, io.TextIOBase):
            buffer = getattr(out, "buffer", None)
            if buffer is None:
                raise OutputError("Parquet is binary: give a file name or a binary stream, not a text stream")
            out.flush()
            out = buffer
        return write_parquet(kind, records, out)
    if fmt == "tsv-polecat":
        from communique.export.polecat import write_polecat

        return write_polecat(records, out, stories)
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    columns, flat = FLAT[kind]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow(flat(record))
        count += 1
    return count


def query(store: Any, kind: str, /, **filters: Any) -> list[dict[str, Any]]:
    """The records of one kind in a store, filtered as ``Store.<kind>(**filters)`` filters them.

    Raises:
        OutputError: an unknown kind, or a store that cannot list it.
    """
    if kind not in KINDS:
        raise OutputError(f"cannot export {kind!r}: choose one of {', '.join(KINDS)}")
    method = getattr(store, kind, None)
    if method is None:
        raise OutputError(f"this store cannot list {kind}")
    return list(method(**filters))


def from_store(store: Any, kind: str, fmt: str, out: Destination, /, **filters: Any) -> int:
    """Query a store and write what it finds: :func:`query` then :func:`write`.

    For ``tsv-polecat`` the story columns come from the documents' actors. The first four
    arguments are positional-only, so that ``Store.actors``' own ``kind`` filter can be given.

    Example::

        with Store("communique.db", readonly=True) as store:
            from_store(store, "events", "tsv-polecat", "prk.tsv", country="PRK", since="2024")
    """
    check(kind, fmt)
    records = query(store, kind, **filters)
    found = stories(store, (r["doc_id"] for r in records)) if fmt == "tsv-polecat" else None
    return write(records, kind, fmt, out, stories=found)
