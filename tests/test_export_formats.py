"""Every kind × format written by communique.export, read back with the standard readers
(json, csv, pyarrow, pandas) and compared field by field with what the store holds."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from communique import export
from communique.errors import OutputError
from communique.records import Entity, Event, Evidence
from communique.store import Store
from export_records import ACTOR_ROWS, fill


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield fill(s)


def _records(store: Store, kind: str) -> list[dict[str, Any]]:
    return ACTOR_ROWS if kind == "actors" else export.query(store, kind)


KINDS = ("events", "agreements", "statements", "actors")


def test_fixture_has_records_of_every_kind(store: Store) -> None:
    assert [len(_records(store, k)) for k in KINDS] == [6, 1, 3, 3]


@pytest.mark.parametrize("kind", KINDS)
def test_jsonl_reads_back_as_the_store_records(store: Store, kind: str, tmp_path: Path) -> None:
    records = _records(store, kind)
    path = tmp_path / f"{kind}.jsonl"
    assert export.write(records, kind, "jsonl", path) == len(records)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    assert all("\n" not in line for line in lines)


@pytest.mark.parametrize("kind", KINDS)
def test_parquet_reads_back_as_the_store_records(store: Store, kind: str, tmp_path: Path) -> None:
    records = _records(store, kind)
    path = tmp_path / f"{kind}.parquet"
    assert export.write(records, kind, "parquet", path) == len(records)
    table = pq.read_table(path)
    assert table.schema.equals(export.arrow_schema(kind))
    assert table.to_pylist() == records
    frame = pd.read_parquet(path)
    assert len(frame) == len(records) and list(frame.columns) == export.arrow_schema(kind).names


def test_parquet_columns_are_typed(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export.write(export.query(store, "events"), "events", "parquet", path)
    schema = pq.read_schema(path)
    assert schema.field("quad_code").type == pa.int8()
    assert schema.field("intensity").type == pa.float64()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("context").type == pa.list_(pa.string())
    actor = schema.field("actor").type.value_type
    assert actor.field("code").type == pa.string() and actor.field("start").type == pa.int32()
    frame = pd.read_parquet(path).set_index("id")
    meet = frame.loc["e0e0e0e0e0e0e0e0-e001"]
    assert [a["code"] for a in meet["actor"]] == ["NOR", "NOR"]
    assert meet["intensity"] == 1.0 and meet["date"] == "2024-05-06"


def test_parquet_schemas_cover_every_field_of_the_records(store: Store) -> None:
    # A field added to a record's to_dict() must be added to the Parquet schema too.
    for kind in ("events", "agreements", "statements"):
        for record in export.query(store, kind):
            assert list(record) == export.arrow_schema(kind).names, kind
    assert list(ACTOR_ROWS[0]) == export.arrow_schema("actors").names  # the keys of Store.actors() rows


@pytest.mark.parametrize("kind", KINDS)
def test_csv_has_one_flat_row_per_record(store: Store, kind: str, tmp_path: Path) -> None:
    records = _records(store, kind)
    path = tmp_path / f"{kind}.csv"
    assert export.write(records, kind, "csv", path) == len(records)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    columns, flat = export.columns.FLAT[kind]
    assert len(rows) == len(records) and list(rows[0]) == list(columns)
    for row, record in zip(rows, records, strict=True):
        assert row == {k: str(v) for k, v in flat(record).items()}
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert frame.to_dict("records") == rows


def test_csv_event_cells_match_the_database(store: Store) -> None:
    out = io.StringIO()
    export.write(export.query(store, "events"), "events", "csv", out)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    meet = rows["e0e0e0e0e0e0e0e0-e001"]
    assert (meet["actor"], meet["actor_country"], meet["recipient"], meet["recipient_country"]) == (
        "Kari Nordmann; Norway", "NOR; NOR", "Envoy of Chile", "CHL")
    assert (meet["date"], meet["event"], meet["mode"], meet["quad_code"], meet["cameo"]) == (
        "2024-05-06", "CONSULT", "meet", "1", "043")
    assert meet["event_text"] == "Norway's foreign minister Kari Nordmann met\tChile's envoy on Monday."
    undated = rows["e0e0e0e0e0e0e0e0-e003"]
    assert undated["date"] == "" and undated["mode"] == "" and undated["doc_outlet"] == "Example Wire"


def test_csv_agreement_statement_and_actor_cells(store: Store) -> None:
    def rows(kind: str, records: list[dict[str, Any]]) -> list[dict[str, str]]:
        out = io.StringIO()
        export.write(records, kind, "csv", out)
        return list(csv.DictReader(io.StringIO(out.getvalue())))

    (pact,) = rows("agreements", export.query(store, "agreements"))
    assert pact["parties"] == "CHL; NOR" and pact["signatories"] == "Kari Nordmann (Foreign Minister)"
    assert pact["clauses"] == "share catch data\npatrol\tthe coast\njointly" and pact["clause_count"] == "2"
    said = rows("statements", export.query(store, "statements", country="NOR"))
    assert [(r["speaker"], r["direct"], r["about"]) for r in said] == [
        ("Norway's foreign ministry", "False", "Iceland"), ("Kari Lund", "True", "Reykjavik")]
    actors = rows("actors", ACTOR_ROWS)
    assert actors[0]["offices"] == "Foreign Minister; minister" and actors[1]["office"] == ""
    assert actors[2]["first_published"] == "" and actors[2]["events"] == "2"


def test_text_formats_write_to_streams_and_parquet_to_binary_ones(store: Store) -> None:
    records = export.query(store, "statements")
    text = io.StringIO()
    export.write(records, "statements", "jsonl", text)
    assert len(text.getvalue().splitlines()) == 3
    binary = io.BytesIO()
    export.write(records, "statements", "parquet", binary)
    assert pq.read_table(io.BytesIO(binary.getvalue())).to_pylist() == records
    wrapped = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # like sys.stdout
    export.write(records, "statements", "parquet", wrapped)
    assert wrapped.buffer.getvalue().startswith(b"PAR1")  # type: ignore[attr-defined]
    with pytest.raises(OutputError, match="Parquet is binary"):
        export.write(records, "statements", "parquet", io.StringIO())


@pytest.mark.parametrize("kind", ["agreements", "statements", "actors"])
def test_polecat_applies_to_events_only(kind: str) -> None:
    with pytest.raises(OutputError, match="tsv-polecat applies to events only"):
        export.write([], kind, "tsv-polecat", io.StringIO())


@pytest.mark.parametrize(("kind", "fmt"), [("documents", "csv"), ("events", "xlsx")])
def test_unknown_kind_or_format(kind: str, fmt: str) -> None:
    with pytest.raises(OutputError, match="choose one of"):
        export.write([], kind, fmt, io.StringIO())


def test_from_store_queries_with_filters_and_writes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "chl.parquet"
    assert export.from_store(store, "events", "parquet", path, country="PER") == 2
    assert [r["id"] for r in pq.read_table(path).to_pylist()] == [
        r["id"] for r in store.events(country="PER")]


def test_from_store_exports_actors_where_the_store_lists_them(store: Store) -> None:
    if not hasattr(store, "actors"):
        pytest.skip("this branch's Store has no actors() listing")
    out = io.StringIO()
    assert export.from_store(store, "actors", "jsonl", out) == len(store.actors())


def test_empty_exports_still_have_a_header_or_schema(tmp_path: Path) -> None:
    export.write([], "events", "csv", tmp_path / "e.csv")
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("id,date,event")
    export.write([], "events", "parquet", tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_a_record_built_from_an_event_round_trips_through_parquet() -> None:
    event = Event(id="x", doc_id="d", event="AID", actor=(Entity("Chile", "Chile", "state", code="CHL"),),
                  recipient=(), evidence=(Evidence(2, 5, 9, "text"),), trigger="gave")
    record = event.to_dict() | {"doc_title": None, "doc_outlet": None, "doc_published": None}
    assert export.arrow_table("events", [record]).to_pylist() == [record]


def test_format_for_path() -> None:
    assert [export.format_for_path(p) for p in ("a.jsonl", "b.CSV", "c.tsv", "d.parquet", "e.txt")] == [
        "jsonl", "csv", "tsv-polecat", "parquet", None]
