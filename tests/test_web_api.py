"""The web app served by uvicorn in a thread, over HTTP, on hand-built records (no model, no
browser): pages, JSON API, downloads, headers, escaping and read-only access."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from communique.errors import StoreError
from communique.web import background_server, create_app
from web_records import build

PAGES = ["/", "/?q=fisheries", "/documents/1111111111111111", "/documents/3333333333333333",
         "/events", "/events?country=SWE", "/actors", "/actors/Kari%20Lund", "/dyad",
         "/dyad?a=NOR&b=SWE", "/agreements", "/statements", "/?q=onmouseover"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with background_server(db) as url, httpx.Client(base_url=url) as client:
        yield client


def _tags(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every start tag of a page with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, list[tuple[str, str]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, [(k, v or "") for k, v in attrs]))

    Collector().feed(html)
    return found


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_a_strict_policy_and_no_inline_code(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe" not in policy and "default-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    tags = _tags(response.text)
    assert all(dict(a).get("src", "").startswith("/static/") for t, a in tags if t == "script")
    assert not [t for t, a in tags if t == "style" or any(k == "style" for k, _ in a)], "inline style"
    assert not [a for _, a in tags for k, _ in a if k.startswith("on")], "inline event handler"
    links = [v for _, a in tags for k, v in a if k in ("src", "href") and v]
    assert not [v for v in links if v.startswith("//") or "://" in v], "asset or link to another host"


def test_article_markup_is_escaped_everywhere(client: httpx.Client) -> None:
    for path in ["/documents/3333333333333333", "/?q=quotas", "/events", "/actors", "/dyad?a=NOR&b=SWE"]:
        html = client.get(path).text
        assert "<script>alert" not in html and "<b>bold</b>" not in html and "<b>x</b>" not in html, path
        assert 'onmouseover="' not in html, path
    html = client.get("/documents/3333333333333333").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Talks &#34; onmouseover=&#34;alert(2)" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert 'href="javascript:' not in html  # a non-http URL is shown, not linked


def test_article_highlights_evidence_entities_and_claims(client: httpx.Client) -> None:
    html = client.get("/documents/1111111111111111").text
    text = html.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    assert re.search(r'<a href="/actors/Kari%20Lund" class="hl-entity hl-evidence" data-ev="1111111111111111-e1"'
                     r'[^>]*>Kari Lund</a>', text)
    assert 'id="ev-1111111111111111-e1"' in text
    assert re.search(r'<span class="hl-claim" data-st="1111111111111111-s1" id="st-1111111111111111-s1"[^>]*>'
                     r"This protects our fishermen</span>", text)
    # Removing the markup gives back exactly the stored text.
    plain = re.sub(r"<[^>]+>", "", text).replace("&#34;", '"').replace("&#39;", "'")
    assert plain.startswith("Foreign Minister Kari Lund of Norway") and plain.endswith("Lund said.")


def test_document_api_and_unknown_ids(client: httpx.Client) -> None:
    document = client.get("/api/documents/111111").json()  # a unique prefix
    assert document["id"] == "1111111111111111" and document["agreements"][0]["clause_count"] == 1
    assert client.get("/api/documents/ffffffffffffffff").status_code == 404
    assert client.get("/documents/ffffffffffffffff").status_code == 404
    assert client.get("/no-such-page").status_code == 404


def test_event_filters(client: httpx.Client) -> None:
    def ids(**params: str) -> list[str]:
        body = client.get("/api/events", params=params).json()
        assert body["total"] == len(body["events"]) or "limit" in params
        return [e["id"] for e in body["events"]]

    assert len(ids()) == 4
    assert ids(country="swe", type="ACCUSE") == ["2222222222222222-e1"]
    assert ids(actor="lund") == ["1111111111111111-e1"]
    assert ids(outlet="Baltic Herald") == ["2222222222222222-e1", "2222222222222222-e2"]
    assert ids(since="2024-03-10") == ["3333333333333333-e1", "2222222222222222-e1"]  # newest first
    assert ids(until="2024-03") == ["2222222222222222-e1", "1111111111111111-e1"]
    assert ids(limit="1", offset="1") == ["2222222222222222-e1"]
    assert client.get("/api/events", params={"since": "March"}).status_code == 422
    page = client.get("/events", params={"since": "2024-3-1"})
    assert page.status_code == 400 and "YYYY-MM-DD" in page.text


def test_search_api(client: httpx.Client) -> None:
    found = client.get("/api/search", params={"q": "fisheries Lund"}).json()
    assert found["mode"] == "fulltext" and found["total"] == 1
    hit = found["documents"][0]
    assert {hit["snippet"][a:b].casefold() for a, b in hit["highlights"]} >= {"fisheries", "lund"}
    assert hit["title_highlights"] == [[0, 9]]  # "Fisheries" in the title
    assert client.get("/api/search", params={"q": "accus"}).json()["total"] == 1  # prefix
    assert client.get("/api/search", params={"q": '"share catch data"'}).json()["total"] == 1
    assert client.get("/api/search", params={"q": '"catch share data"'}).json()["total"] == 0
    assert client.get("/api/search", params={"q": 'NEAR( OR "'}).json()["total"] == 0


def test_dyad_timeline_fills_weeks_and_dates_events_without_a_date(client: httpx.Client) -> None:
    found = client.get("/api/dyad", params={"a": "NOR", "b": "swe", "by": "week"}).json()
    starts = [b["start"] for b in found["bins"]]
    assert starts == ["2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25", "2024-04-01"]
    assert [sum(b["counts"].values()) for b in found["bins"]] == [1, 0, 2, 0, 1]
    assert found["bins"][2]["counts"] == {"1": 0, "2": 0, "3": 2, "4": 0}
    by_id = {e["id"]: e for e in found["events"]}
    assert by_id["2222222222222222-e2"]["dated_by"] == "publication"  # REJECT has no date
    assert by_id["2222222222222222-e2"]["direction"] == "a->b"  # Norway rejects Sweden
    assert by_id["2222222222222222-e1"]["direction"] == "b->a"
    assert by_id["1111111111111111-e1"]["direction"] == "joint"  # both sign
    monthly = client.get("/api/dyad", params={"a": "Lund", "b": "Berg", "by": "month"}).json()
    assert [b["start"] for b in monthly["bins"]] == ["2024-03-01"]
    assert client.get("/api/dyads").json()[0] == {"a": "NOR", "b": "SWE", "n": 4}


def test_actor_api(client: httpx.Client) -> None:
    profile = client.get("/api/actors/" + quote("Kari Lund")).json()
    assert profile["titles"] == [{"value": "Foreign Minister", "n": 1}]
    assert profile["countries"] == [{"value": "NOR", "n": 1}] and profile["statement_count"] == 1
    assert [e["roles"] for e in profile["events"]] == [["actor"]]
    assert client.get("/api/actors/Nobody").status_code == 404
    timeline = client.get("/api/timeline", params={"actor": "Kari Lund"}).json()
    assert timeline["by"] == "month" and timeline["bins"][0]["counts"]["2"] == 1
    listed = client.get("/api/actors", params={"country": "NOR"}).json()
    assert {a["name"] for a in listed["actors"]} == {"Kari Lund", "Norway"}


def test_agreements_and_statements_pages(client: httpx.Client) -> None:
    agreements = client.get("/agreements").text
    assert "fisheries agreement" in agreements and "<li>both sides share catch data</li>" in agreements
    statements = client.get("/statements").text
    assert "Kari Lund" in statements and "“This protects our fishermen”" in statements
    assert client.get("/api/statements", params={"speaker": "lund"}).json()[0]["verb"] == "say"
    assert client.get("/api/agreements", params={"party": "NOR"}).json()[0]["clause_count"] == 1


def test_openapi_schema_without_cdn_pages(client: httpx.Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/search", "/api/dyad", "/api/documents/{doc_id}"} <= set(schema["paths"])
    assert all(set(methods) == {"get"} for methods in schema["paths"].values())
    assert not any(not path.startswith("/api/") for path in schema["paths"])
    for cdn_page in ("/docs", "/redoc"):
        assert client.get(cdn_page).status_code == 404


def test_the_server_only_reads(client: httpx.Client, db: Path) -> None:
    assert client.post("/api/events").status_code == 405
    with create_app(db).state.database.open() as store:
        assert store.readonly
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("CREATE TABLE x (a)")


def test_no_server_for_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_old_database_is_searched_by_substring_with_a_note(tmp_path: Path) -> None:
    db = build(tmp_path / "old.db")
    conn = sqlite3.connect(db)  # as if written before the full-text index existed
    conn.executescript("DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_delete;"
                       " DROP TABLE documents_fts; DELETE FROM meta WHERE key = 'documents_fts';")
    conn.close()
    with background_server(db) as url, httpx.Client(base_url=url) as client:
        found = client.get("/api/search", params={"q": "FISHERIES"}).json()
        assert found["mode"] == "substring" and found["total"] == 1
        assert "no full-text index" in client.get("/?q=fisheries").text


def test_server_binds_loopback_and_does_not_announce_itself(client: httpx.Client) -> None:
    assert str(client.base_url).startswith("http://127.0.0.1:")
    response = client.get("/api/events", params={"limit": 1})
    assert response.status_code == 200 and response.json()["total"] == 4
    assert "server" not in response.headers


def test_pages_are_cut_in_the_store(db: Path) -> None:
    from communique.store import Store

    with Store(db, readonly=True) as store:
        newest = [e["id"] for e in store.events(newest_first=True)]
        assert newest == ["3333333333333333-e1", "2222222222222222-e1", "1111111111111111-e1",
                          "2222222222222222-e2"]  # undated last
        assert [e["id"] for e in store.events(newest_first=True, limit=2, offset=1)] == newest[1:3]
        assert [e["id"] for e in store.events(offset=3)] == [e["id"] for e in store.events()][3:]
        assert store.event_count() == 4 and store.event_count(country="SWE", since="2024-03-10") == 2
        assert store.event_count(outlet="baltic herald") == 2
        with pytest.raises(ValueError, match="offset"):
            store.events(offset=-1)


def test_long_lists_are_paged(client: httpx.Client, db: Path) -> None:
    from communique.web import pages

    profile = client.get("/api/actors/Norway", params={"limit": 1}).json()
    assert profile["event_count"] == 3 and len(profile["events"]) == 1
    assert profile["document_count"] == 3 and len(profile["documents"]) == 1
    html = client.get("/actors/Norway").text
    assert "<h2>Events (3)</h2>" in html and "<h2>Documents (3)</h2>" in html
    assert pages.AGREEMENT_PAGE >= 1 and 'rel="next"' not in client.get("/agreements").text
    assert client.get("/agreements", params={"page": 2}).text.count('class="agreement"') == 0
    dyad = client.get("/dyad", params={"a": "NOR", "b": "SWE"}).text
    assert 'data-summary="dyad-summary"' in dyad and 'id="dyad-summary"' in dyad
