"""Tests of communique.store: records built by hand, no spaCy model."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import (
    CodedDocument,
    Dateline,
    Document,
    Entity,
    Event,
    Evidence,
    Failure,
)
from communique.store import SCHEMA_SQL, Store

OSLO_TEXT = "The ministers of Norway and Sweden met in Oslo. Norway criticized Freedonia."
ROME_TEXT = "Ruritania's envoy visited Sweden on Tuesday."

NORWAY = Entity("Norway", "Norway", "state", code="NOR", start=17, end=23)
SWEDEN = Entity("Sweden", "Sweden", "state", code="SWE", start=28, end=34)
FREEDONIA = Entity("Freedonia", "Freedonia", "state", code="FRE", start=65, end=74)
ENVOY = Entity("Ruritania's envoy", "Envoy of Ruritania", "person", code="RUR", sector="GOV",
               office="Envoy")
ÖSTLUND = Entity("Ölund", "Ölund Östlund", "person", code="SWE", sector="GOV")


def _event(
    event_id: str,
    doc_id: str,
    kind: str,
    actors: tuple[Entity, ...],
    recipients: tuple[Entity, ...],
    date: str | None,
    sentence: str,
) -> Event:
    return Event(
        id=event_id,
        doc_id=doc_id,
        event=kind,
        actor=actors,
        recipient=recipients,
        evidence=(Evidence(sentence=0, start=0, end=len(sentence), text=sentence),),
        trigger="met",
        mode="meet" if kind == "CONSULT" else None,
        context=("diplomatic",),
        quad_code=1,
        intensity=1.0,
        date=date,
        date_precision="day" if date else None,
        symmetric=kind == "CONSULT",
    )


def _oslo(source: str = "oslo.txt") -> CodedDocument:
    doc = Document(
        id="a1b2c3d4e5f60718",
        text=OSLO_TEXT,
        source=source,
        input_id="oslo-1",
        title="Ministers meet",
        outlet="Example Wire",
        published="2024-03-05",
        language="en",
        dateline=Dateline(text="OSLO, March 5 --", place="Oslo", outlet=None, month=3, day=5),
        notes=("dateline without year",),
    )
    consult = _event("ev-consult", doc.id, "CONSULT", (NORWAY,), (SWEDEN,), "2024-03-05",
                     "The ministers of Norway and Sweden met in Oslo.")
    disapprove = _event("ev-disapprove", doc.id, "DISAPPROVE", (NORWAY,), (FREEDONIA,), None,
                        "Norway criticized Freedonia.")
    return CodedDocument(doc=doc, actors=(NORWAY, SWEDEN, FREEDONIA),
                         events=(consult, disapprove))


def _visit() -> CodedDocument:
    doc = Document(id="ffee000011112222", text=ROME_TEXT, source="visit.txt",
                   published="2024-04-02")
    visit = _event("ev-visit", doc.id, "CONSULT", (ENVOY, ÖSTLUND), (SWEDEN,), "2024-04-02",
                   ROME_TEXT)
    return CodedDocument(doc=doc, actors=(ENVOY, SWEDEN), events=(visit,))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.add(_oslo())
        s.add(_visit())
        yield s


def _ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_add_is_idempotent_in_memory() -> None:
    with Store(":memory:") as s:
        assert s.add(_oslo()) is True
        before = s.counts()
        assert before == {"documents": 1, "events": 2, "actors": 3, "failures": 0, "mentions": 1}
        assert s.add(_oslo()) is False
        assert s.counts() == before
        assert s.conn.execute("SELECT count(*) FROM event_actors").fetchone()[0] == 4
        assert s.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 2


def test_same_document_from_new_source_adds_a_mention_only() -> None:
    with Store(":memory:") as s:
        s.add(_oslo())
        assert s.add(_oslo(source="mirror/oslo.html")) is False
        counts = s.counts()
        assert counts["mentions"] == 2 and counts["documents"] == 1 and counts["events"] == 2
        assert s.document("a1b2c3d4e5f60718")["mentions"] == ["oslo.txt", "mirror/oslo.html"]


def test_on_disk_store_uses_wal_and_persists(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.add(_oslo()) is True
    with Store(path) as s:
        assert s.add(_oslo()) is False
        assert s.has_document("a1b2c3d4e5f60718")
        assert s.counts()["events"] == 2
        assert s.integrity_ok()
    with Store(path, readonly=True) as s:
        assert _ids(s.events()) == ["ev-consult", "ev-disapprove"]


def test_events_returns_full_records_with_document_fields(store: Store) -> None:
    rows = store.events()
    # Dated events by date, the undated one last.
    assert _ids(rows) == ["ev-consult", "ev-visit", "ev-disapprove"]
    expected = _oslo().events[0].to_dict()
    first = rows[0]
    assert {k: first[k] for k in expected} == expected
    assert first["doc_title"] == "Ministers meet"
    assert first["doc_outlet"] == "Example Wire"
    assert first["doc_published"] == "2024-03-05"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"actor": "norway"}, ["ev-consult", "ev-disapprove"]),
        ({"actor": "RURITANIA"}, ["ev-visit"]),  # entity_name of the envoy
        ({"actor": "ruritania's"}, ["ev-visit"]),  # entity_text
        ({"actor": "östlund"}, ["ev-visit"]),  # non-ASCII case folding
        ({"actor": "freedonia"}, ["ev-disapprove"]),  # recipients count too
        ({"actor": "nobody"}, []),
        ({"country": "swe"}, ["ev-consult", "ev-visit"]),
        ({"country": "FRE"}, ["ev-disapprove"]),
        ({"event_type": "consult"}, ["ev-consult", "ev-visit"]),
        ({"event_type": "DISAPPROVE"}, ["ev-disapprove"]),
        ({"since": "2024-03-06"}, ["ev-visit"]),
        ({"since": "2024-03-05"}, ["ev-consult", "ev-visit"]),
        ({"until": "2024-03-05"}, ["ev-consult"]),
        ({"until": "2024-04"}, ["ev-consult", "ev-visit"]),
        ({"since": "2024-04-02", "until": "2024-04-02"}, ["ev-visit"]),
        ({"since": "2025"}, []),
        ({"doc_id": "a1b2c3d4e5f60718"}, ["ev-consult", "ev-disapprove"]),
        ({"country": "NOR", "event_type": "CONSULT"}, ["ev-consult"]),
        ({"limit": 1}, ["ev-consult"]),
        ({"limit": 0}, []),
    ],
)
def test_event_filters(store: Store, query: dict, expected: list[str]) -> None:
    assert _ids(store.events(**query)) == expected


def test_event_filters_are_parameterized(store: Store) -> None:
    assert store.events(actor="' OR 1=1 --") == []
    assert store.events(actor="%") == []
    assert store.counts()["events"] == 3


@pytest.mark.parametrize("bad", [{"since": "March 2024"}, {"until": "2024/03/01"}, {"limit": -1}])
def test_bad_arguments_raise(store: Store, bad: dict) -> None:
    with pytest.raises(ValueError):
        store.events(**bad)


def test_documents_and_document(store: Store) -> None:
    summary = store.documents()
    assert [(d["id"], d["n_events"]) for d in summary] == [
        ("a1b2c3d4e5f60718", 2),
        ("ffee000011112222", 1),
    ]
    assert set(summary[0]) == {"id", "title", "outlet", "published", "language", "source",
                               "n_events"}
    assert len(store.documents(limit=1)) == 1

    doc = store.document("a1b2c3d4e5f60718")
    assert doc is not None
    assert doc["text"] == OSLO_TEXT
    assert doc["dateline"]["place"] == "Oslo"
    assert doc["notes"] == ["dateline without year"]
    assert [a["entity_name"] for a in doc["actors"]] == ["Norway", "Sweden", "Freedonia"]
    assert doc["actors"][0] == NORWAY.to_dict()
    assert [e["id"] for e in doc["events"]] == ["ev-consult", "ev-disapprove"]
    assert doc["mentions"] == ["oslo.txt"]
    assert doc["coder_version"] and doc["ingested_at"]

    visit = store.document("ffee000011112222")
    assert visit is not None and visit["dateline"] is None and visit["notes"] == []


def test_document_by_prefix(store: Store) -> None:
    assert store.document("a1b2c3")["id"] == "a1b2c3d4e5f60718"
    assert store.document("a1b2c") is None  # too short to be a prefix
    assert store.document("000000") is None
    assert store.document("nope") is None


def test_ambiguous_prefix_raises() -> None:
    with Store(":memory:") as s:
        for suffix in ("1", "2"):
            coded = _visit()
            doc = Document(id="abcdef000000000" + suffix, text=ROME_TEXT + suffix, source=suffix)
            s.add(CodedDocument(doc=doc, actors=coded.actors))
        with pytest.raises(StoreError, match="ambiguous"):
            s.document("abcdef")


def test_failures_dedupe() -> None:
    with Store(":memory:") as s:
        empty = Failure("a.txt", "empty", "empty file: nothing to code")
        assert s.add_failure(empty) is True
        assert s.add_failure(empty) is False  # no content hash still dedupes
        assert s.add_failure(empty, content_hash="abc") is True
        assert s.add_failure(empty, content_hash="abc") is False
        assert s.add_failure(Failure("a.txt", "encoding", "invalid UTF-8")) is True
        assert s.failures() == [empty, empty, Failure("a.txt", "encoding", "invalid UTF-8")]
        assert s.counts()["failures"] == 3


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.add(_oslo())
    with Store(path, readonly=True) as ro:
        assert ro.counts()["documents"] == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.add(_visit())
        with pytest.raises(StoreError):
            ro.add_failure(Failure("x", "empty"))
        # SQLite itself refuses too, not only our guard.
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM documents")
    with Store(path) as s:
        assert s.counts()["documents"] == 1


def test_missing_file_readonly_raises_helpful_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    with pytest.raises(StoreError, match=r"no database at .*communique ingest"):
        Store(missing, readonly=True)
    assert not missing.exists()


def test_foreign_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all, just some text " * 50)
    with pytest.raises(StoreError):
        Store(path)


def test_failure_mid_transaction_leaves_no_partial_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    with Store(":memory:") as s:
        monkeypatch.setattr(Store, "_insert_event", staticmethod(boom))
        with pytest.raises(RuntimeError, match="disk on fire"):
            s.add(_oslo())
        assert s.counts() == dict.fromkeys(s.counts(), 0)
        assert not s.has_document("a1b2c3d4e5f60718")
        monkeypatch.undo()
        assert s.add(_oslo()) is True  # the store is still usable afterwards
        assert s.counts()["events"] == 2


def test_database_error_mid_transaction_rolls_back() -> None:
    coded = _oslo()
    twice = CodedDocument(doc=coded.doc, actors=coded.actors,
                          events=(coded.events[0], coded.events[0]))
    with Store(":memory:") as s:
        with pytest.raises(StoreError, match="cannot write"):
            s.add(twice)  # the second event violates the events primary key
        assert s.counts() == dict.fromkeys(s.counts(), 0)
        assert s.integrity_ok()


def test_schema_sql_is_printable_and_reapplicable(tmp_path: Path) -> None:
    assert "CREATE TABLE IF NOT EXISTS events" in SCHEMA_SQL
    path = tmp_path / "c.db"
    Store(path).close()
    with Store(path) as s:  # opening again re-runs the idempotent schema
        version = s.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        assert version[0] == "1"
