"""Store.actors(): distinct actors across stored documents, with filters (no model)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from communique.records import CodedDocument, Document, Entity, Event, Evidence
from communique.store import Store

NORWAY = Entity("Norway", "Norway", "state", code="NOR", sector="GOV")
SWEDEN = Entity("Sweden", "Sweden", "state", code="SWE", sector="GOV")
KARI = Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", sector="GOV", office="Foreign Minister")
KARI_FULL = Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", sector="GOV",
                   office="Minister of Foreign Affairs of Norway", organization="Norway")
NTB = Entity("NTB", "NTB", "organization", code="NOR", sector="JRN")


def _doc(doc_id: str, text: str, published: str, actors: tuple[Entity, ...], events: tuple[Event, ...] = ()) -> CodedDocument:
    return CodedDocument(doc=Document(id=doc_id, text=text, source=f"{doc_id}.txt", published=published),
                         actors=actors, events=events)


def _consult(doc_id: str) -> Event:
    return Event(id=f"{doc_id}-001", doc_id=doc_id, event="CONSULT", actor=(KARI,), recipient=(SWEDEN,),
                 evidence=(Evidence(0, 0, 20, "Kari met the Swedes."),), trigger="met", symmetric=True)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.add(_doc("d1", "Kari met the Swedes.", "2024-03-01", (KARI, SWEDEN, NTB), (_consult("d1"),)))
        s.add(_doc("d2", "Kari Nordmann spoke in Oslo.", "2024-05-02", (KARI_FULL, NORWAY)))
        yield s


def test_one_row_per_name_and_kind_with_counts(store: Store) -> None:
    rows = store.actors()
    kari = rows[0]
    assert kari["name"] == "Kari Nordmann"  # most documents first
    assert kari["kind"] == "person" and kari["country"] == "NOR" and kari["sector"] == "GOV"
    assert kari["documents"] == 2 and kari["events"] == 1
    assert kari["office"] == "Minister of Foreign Affairs of Norway"  # the fullest title
    assert kari["offices"] == ["Foreign Minister", "Minister of Foreign Affairs of Norway"]
    assert kari["organization"] == "Norway"
    assert (kari["first_published"], kari["last_published"]) == ("2024-03-01", "2024-05-02")
    assert {r["name"] for r in rows} == {"Kari Nordmann", "Sweden", "NTB", "Norway"}


def test_filters(store: Store) -> None:
    assert [r["name"] for r in store.actors(kind="person")] == ["Kari Nordmann"]
    assert {r["name"] for r in store.actors(country="nor")} == {"Kari Nordmann", "NTB", "Norway"}
    assert [r["name"] for r in store.actors(name="NORD")] == ["Kari Nordmann"]
    only_d2 = store.actors(doc_id="d2")
    assert {r["name"] for r in only_d2} == {"Kari Nordmann", "Norway"}
    assert next(r for r in only_d2 if r["name"] == "Kari Nordmann")["events"] == 0
    assert len(store.actors(limit=2)) == 2
    assert store.actors(kind="organization", country="SWE") == []


def test_a_negative_limit_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="limit"):
        store.actors(limit=-1)


def test_an_empty_store_has_no_actors() -> None:
    with Store(":memory:") as s:
        assert s.actors() == []
