"""Agreements in the store: written with their document, read back with filters (no model)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import Agreement, CodedDocument, Document, Entity, Evidence, Span
from communique.store import Store

NORWAY = Entity("Norway", "Norway", "state", code="NOR", sector="GOV")
SWEDEN = Entity("Sweden", "Sweden", "state", code="SWE", sector="GOV")
CHILE = Entity("Chile", "Chile", "state", code="CHL", sector="GOV")
PERU = Entity("Peru", "Peru", "state", code="PER", sector="GOV")
KARI = Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", sector="GOV", office="Foreign Minister")

FISH_TEXT = ("Norway and Sweden signed an Agreement on Fishing Quotas in Oslo on Monday. "
             "The parties undertake to share catch data and to patrol the Skagerrak jointly.")
ROAD_TEXT = "Chile and Peru signed a road accord. Under the accord, Peru will pave the border road."


def _fish() -> CodedDocument:
    doc = Document(id="f15h000000000001", text=FISH_TEXT, source="fish.txt", title="Fish deal",
                   outlet="Example Wire", published="2024-03-06")
    clauses = (Span(104, 119, "share catch data"), Span(127, 152, "patrol the Skagerrak jointly"))
    agreement = Agreement(
        id=f"{doc.id}-a01", doc_id=doc.id, title="Agreement on Fishing Quotas", kind="agreement",
        parties=(NORWAY, SWEDEN), signatories=(KARI,), date="2024-03-04", date_precision="day",
        place="Oslo", evidence=(Evidence(0, 0, 74, FISH_TEXT[:74]),), clauses=clauses,
    )
    return CodedDocument(doc=doc, actors=(NORWAY, SWEDEN, KARI), agreements=(agreement,))


def _road() -> CodedDocument:
    doc = Document(id="r0ad000000000002", text=ROAD_TEXT, source="road.txt", published="2023-11-02")
    agreement = Agreement(
        id=f"{doc.id}-a01", doc_id=doc.id, title="road accord", kind="agreement", parties=(CHILE, PERU),
        evidence=(Evidence(0, 0, 35, ROAD_TEXT[:35]),), clauses=(Span(57, 86, "Peru will pave the border road"),),
    )
    return CodedDocument(doc=doc, actors=(CHILE, PERU), agreements=(agreement,))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.add(_fish())
        s.add(_road())
        yield s


def _rows(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_agreement_round_trips_with_clauses_parties_and_signatories(store: Store) -> None:
    fish = store.agreements(party="NOR")
    assert len(fish) == 1
    record = fish[0]
    expected = _fish().agreements[0].to_dict()
    assert {k: record[k] for k in expected} == expected
    assert [c["text"] for c in record["clauses"]] == ["share catch data", "patrol the Skagerrak jointly"]
    assert record["signatories"][0]["office"] == "Foreign Minister"
    assert (record["doc_title"], record["doc_outlet"], record["doc_published"]) == (
        "Fish deal", "Example Wire", "2024-03-06")
    rows = store.conn.execute(
        "SELECT role, position, entity_name, code FROM agreement_parties WHERE agreement_id = ?"
        " ORDER BY role, position", (record["id"],)).fetchall()
    assert [tuple(r) for r in rows] == [("party", 0, "Norway", "NOR"), ("party", 1, "Sweden", "SWE"),
                                        ("signatory", 0, "Kari Nordmann", "NOR")]
    clause = store.conn.execute(
        'SELECT start, "end", text FROM agreement_clauses WHERE agreement_id = ? AND position = 1',
        (record["id"],)).fetchone()
    assert tuple(clause) == (127, 152, "patrol the Skagerrak jointly")


def test_re_adding_a_document_adds_no_agreement_twice() -> None:
    with Store(":memory:") as s:
        assert s.add(_fish()) is True
        assert s.add(_fish()) is False
        assert s.add(CodedDocument(doc=_fish().doc)) is False  # same text, seen again from elsewhere
        assert [_rows(s.conn, t) for t in ("agreements", "agreement_clauses", "agreement_parties")] == [1, 2, 3]


def test_agreements_are_written_in_the_documents_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    with Store(":memory:") as s:
        monkeypatch.setattr(Store, "_insert_agreement", staticmethod(boom))
        with pytest.raises(RuntimeError):
            s.add(_fish())
        assert not s.has_document(_fish().doc.id)
        assert _rows(s.conn, "agreements") == 0


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Agreement on Fishing Quotas", "road accord"]),  # dated first, then undated
        ({"party": "per"}, ["road accord"]),
        ({"party": "NOR"}, ["Agreement on Fishing Quotas"]),
        ({"party": "FRA"}, []),
        ({"since": "2024-03-01"}, ["Agreement on Fishing Quotas"]),
        ({"until": "2024-03"}, ["Agreement on Fishing Quotas"]),
        ({"until": "2024-03-03"}, []),
        ({"text": "skagerrak"}, ["Agreement on Fishing Quotas"]),  # a clause
        ({"text": "ROAD ACCORD"}, ["road accord"]),  # the title
        ({"text": "' OR 1=1 --"}, []),
        ({"doc_id": "r0ad000000000002"}, ["road accord"]),
        ({"limit": 1}, ["Agreement on Fishing Quotas"]),
    ],
)
def test_agreement_filters(store: Store, query: dict, titles: list[str]) -> None:
    assert [r["title"] for r in store.agreements(**query)] == titles


@pytest.mark.parametrize("bad", [{"since": "March 2024"}, {"until": "2024/03/01"}, {"limit": -1}])
def test_bad_agreement_arguments_raise(store: Store, bad: dict) -> None:
    with pytest.raises(ValueError):
        store.agreements(**bad)


def test_document_view_includes_its_agreements(store: Store) -> None:
    shown = store.document("f15h000000000001")
    assert shown is not None
    assert [a["title"] for a in shown["agreements"]] == ["Agreement on Fishing Quotas"]


def test_database_from_before_agreements_gains_the_tables_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.add(_road())
        for table in ("agreement_clauses", "agreement_parties", "agreements"):
            s.conn.execute(f"DROP TABLE {table}")
    with Store(path, readonly=True) as ro, pytest.raises(StoreError, match="communique ingest"):
        ro.agreements()
    with Store(path) as s:  # opening for writing re-runs the idempotent schema
        assert s.agreements() == []
        s.add(_fish())
        assert [a["title"] for a in s.agreements()] == ["Agreement on Fishing Quotas"]
        assert s.integrity_ok()
