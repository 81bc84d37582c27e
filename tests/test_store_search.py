"""Full-text search (FTS5) over stored documents: query building, ranking, snippets, the index
kept in step by a trigger, backfilled in older databases, and the substring fallback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.records import CodedDocument, Document
from communique.store import Store
from communique.store.search import fts_query


def _doc(doc_id: str, title: str | None, text: str, published: str | None = None) -> CodedDocument:
    return CodedDocument(doc=Document(id=doc_id, text=text, source=f"{doc_id}.txt", title=title,
                                      published=published))


DOCS = [
    _doc("aaaaaaaaaaaaaaaa", "Fisheries talks", "Norway and Iceland signed a quota accord in Reykjavik.",
         "2024-01-02"),
    _doc("bbbbbbbbbbbbbbbb", "Weather", "Storms closed the port; the fisheries minister was not reached.",
         "2024-01-03"),
    _doc("cccccccccccccccc", None, "Les négociations à Genève ont échoué. The Geneva talks failed."),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.db")
    for coded in DOCS:
        store.add(coded)
    return store


def _ids(store: Store, text: str) -> list[str]:
    return [d["id"] for d in store.search(text)["documents"]]


@pytest.mark.parametrize(("typed", "query"), [
    ("quota accord", '"quota"* "accord"*'),
    ('"quota accord" in', '"quota accord" "in"'),
    ("US-led", '"US" "led"*'),
    ('NEAR(a b) OR title:x "', '"NEAR"* "a" "b" "OR" "title"* "x"'),
    ("  ", None),
    ('"', None),
])
def test_user_text_becomes_a_quoted_query(typed: str, query: str | None) -> None:
    assert fts_query(typed) == query


def test_every_word_must_occur_and_titles_rank_first(store: Store) -> None:
    assert _ids(store, "fisheries") == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]  # title match first
    assert _ids(store, "fisheries storms") == ["bbbbbbbbbbbbbbbb"]
    assert _ids(store, "signing") == ["aaaaaaaaaaaaaaaa"]  # stems: sign, signed, signing
    assert _ids(store, "Reykja") == ["aaaaaaaaaaaaaaaa"]  # prefix
    assert _ids(store, "negociations geneve") == ["cccccccccccccccc"]  # diacritics folded
    assert _ids(store, '"accord quota"') == []
    assert _ids(store, "") == [] and store.search("")["total"] == 0


def test_results_carry_a_snippet_with_match_offsets(store: Store) -> None:
    found = store.search("quota Norway")
    assert found["mode"] == "fulltext" and found["total"] == 1 and found["note"] is None
    hit = found["documents"][0]
    assert {hit["snippet"][a:b] for a, b in hit["highlights"]} == {"quota", "Norway"}
    assert hit["title"] == "Fisheries talks" and hit["title_highlights"] == []
    assert store.search("talks")["documents"][0]["title_highlights"] == [[10, 15]]


def test_paging_and_bad_arguments(store: Store) -> None:
    assert store.search("fisheries", limit=1, offset=1)["documents"][0]["id"] == "bbbbbbbbbbbbbbbb"
    assert store.search("fisheries", limit=1)["total"] == 2
    with pytest.raises(ValueError, match="offset"):
        store.search("x", offset=-1)
    with pytest.raises(ValueError, match="limit"):
        store.search("x", limit=-1)


def test_documents_added_later_are_found_once(store: Store) -> None:
    store.add(_doc("dddddddddddddddd", "Late", "A quota dispute."))
    store.add(_doc("dddddddddddddddd", "Late", "A quota dispute."))  # already stored: no new row
    assert sorted(_ids(store, "quota")) == ["aaaaaaaaaaaaaaaa", "dddddddddddddddd"]
    assert store.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 4


def _make_old(path: Path) -> None:
    """Remove the index as if the database had been written before it existed."""
    conn = sqlite3.connect(path)
    conn.executescript("DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_delete;"
                       " DROP TABLE documents_fts; DELETE FROM meta WHERE key = 'documents_fts';")
    conn.close()


def test_older_database_is_indexed_when_next_opened_for_writing(store: Store, tmp_path: Path) -> None:
    store.close()
    _make_old(tmp_path / "s.db")
    with Store(tmp_path / "s.db", readonly=True) as old:
        found = old.search("FISHERIES minister")
        assert found["mode"] == "substring" and "no full-text index" in found["note"]
        assert [d["id"] for d in found["documents"]] == ["bbbbbbbbbbbbbbbb"]
        hit = found["documents"][0]
        assert {hit["snippet"][a:b] for a, b in hit["highlights"]} == {"fisheries", "minister"}
    with Store(tmp_path / "s.db") as writable:
        assert writable.search("fisheries")["mode"] == "fulltext"
        assert _ids(writable, "fisheries") == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]
    with Store(tmp_path / "s.db") as again:  # backfilled once, not on every open
        assert again.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 3
