"""Attributed statements in the store: records built by hand, no spaCy model."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import CodedDocument
from communique.store import Store
from statement_records import TEXT
from statement_records import oslo as _oslo
from statement_records import reykjavik as _reykjavik


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.add(_oslo())
        s.add(_reykjavik())
        yield s


def _ids(rows: list[dict]) -> list[str]:
    return [r["id"].rsplit("-", 1)[0][:2] + "-" + r["id"].rsplit("-", 1)[1] for r in rows]


def test_round_trip_gives_back_the_records(store: Store) -> None:
    rows = store.statements()
    expected = [s.to_dict() for s in _oslo().statements + _reykjavik().statements]
    # Dated first, then by publication date: the undated Oslo quote comes before April.
    assert [r["id"] for r in rows] == [expected[0]["id"], expected[1]["id"], expected[2]["id"]]
    for row, record in zip(rows, expected, strict=True):
        assert {k: row[k] for k in record} == record
    assert rows[0]["doc_title"] == "Talks fail" and rows[0]["doc_outlet"] == "NTB"
    assert rows[0]["claim"] == "the talks with Iceland had failed"
    assert rows[1]["direct"] is True
    about = store.conn.execute(
        "SELECT statement_id, position, entity_name, code FROM statement_about ORDER BY statement_id"
    ).fetchall()
    assert [tuple(r) for r in about] == [
        ("0a0a0a0a0a0a0a0a-s001", 0, "Iceland", "ISL"),
        ("0a0a0a0a0a0a0a0a-s002", 0, "Reykjavik", "ISL"),
    ]
    columns = store.conn.execute(
        "SELECT speaker_name, speaker_code, speaker_sector, speaker_office, verb, claim, claim_start,"
        " claim_end, direct, date, sentence FROM statements WHERE id = '0a0a0a0a0a0a0a0a-s002'"
    ).fetchone()
    claim_start = TEXT.index("We expect")
    assert tuple(columns) == (
        "Kari Lund",
        "NOR",
        "GOV",
        "Minister",
        "say",
        "We expect an apology from Reykjavik",
        claim_start,
        claim_start + 35,
        1,
        None,
        TEXT,
    )


def test_re_adding_a_document_adds_no_statement(store: Store) -> None:
    assert store.add(_oslo()) is False
    assert store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 3
    assert store.conn.execute("SELECT count(*) FROM statement_about").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"speaker": "lund"}, ["0a-s002"]),
        ({"speaker": "MINIST"}, ["0a-s001", "0b-s001"]),  # "ministry" and "minister"
        ({"speaker": "nobody"}, []),
        ({"country": "isl"}, ["0b-s001"]),
        ({"country": "NOR"}, ["0a-s001", "0a-s002"]),
        # An undated statement counts from its article's publication date.
        ({"since": "2025-03-04"}, ["0a-s002", "0b-s001"]),
        ({"until": "2025-03-04"}, ["0a-s001"]),
        ({"until": "2025-03"}, ["0a-s001", "0a-s002"]),
        ({"since": "2025-04", "until": "2025-04-10"}, ["0b-s001"]),
        ({"doc_id": "0b0b0b0b0b0b0b0b"}, ["0b-s001"]),
        ({"country": "NOR", "speaker": "lund", "since": "2025"}, ["0a-s002"]),
        ({"limit": 1}, ["0a-s001"]),
    ],
)
def test_statement_filters(store: Store, query: dict, expected: list[str]) -> None:
    assert _ids(store.statements(**query)) == expected


@pytest.mark.parametrize("bad", [{"since": "March 2025"}, {"until": "2025/03/01"}, {"limit": -2}])
def test_bad_statement_filters_raise(store: Store, bad: dict) -> None:
    with pytest.raises(ValueError):
        store.statements(**bad)


def test_speaker_filter_is_parameterized(store: Store) -> None:
    assert store.statements(speaker="' OR 1=1 --") == []
    assert store.statements(speaker="%") == []


def test_show_document_includes_its_statements(store: Store) -> None:
    doc = store.document("0a0a0a0a0a0a0a0a")
    assert doc is not None
    assert [s["speaker"]["entity_name"] for s in doc["statements"]] == [
        "Norway's foreign ministry",
        "Kari Lund",
    ]


def test_failed_statement_insert_leaves_no_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    with Store(":memory:") as s:
        monkeypatch.setattr(Store, "_insert_statement", staticmethod(boom))
        with pytest.raises(RuntimeError):
            s.add(_oslo())
        assert not s.has_document("0a0a0a0a0a0a0a0a")
        monkeypatch.undo()
        assert s.add(_oslo()) is True
        assert len(s.statements()) == 2


def test_duplicate_statement_id_rolls_back_the_document() -> None:
    coded = _oslo()
    twice = CodedDocument(doc=coded.doc, statements=(coded.statements[0], coded.statements[0]))
    with Store(":memory:") as s:
        with pytest.raises(StoreError, match="cannot write"):
            s.add(twice)
        assert s.counts()["documents"] == 0
        assert s.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 0


def test_database_from_before_statements_reads_as_none(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.add(_oslo())
    with sqlite3.connect(path) as conn:  # as written by a communique without statements
        conn.execute("DROP TABLE statement_about")
        conn.execute("DROP TABLE statements")
    with Store(path, readonly=True) as ro:
        assert ro.statements() == []
        assert ro.document("0a0a0a0a0a0a0a0a")["statements"] == []
    with Store(path) as rw:  # opening it for writing adds the tables
        assert rw.add(_reykjavik()) is True
        assert _ids(rw.statements()) == ["0b-s001"]
