"""Downloads from the web UI go through communique.export: every format, the page's filters,
and the same bytes as the command line writes (server in a thread, hand-built records)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.web import background_server
from web_records import build

# kind, URL suffix, filters (as the page and the API name them), the CLI's options for them.
CASES = [
    ("events", {"country": "SWE", "since": "2024-03-10"}, ["--country", "SWE", "--since", "2024-03-10"]),
    ("events", {"type": "SUPPORT"}, ["--type", "SUPPORT"]),
    ("events", {}, []),
    ("agreements", {"party": "NOR"}, ["--party", "NOR"]),
    ("statements", {"speaker": "lund"}, ["--speaker", "lund"]),
    ("actors", {"country": "NOR", "kind": "person"}, ["--country", "NOR", "--kind", "person"]),
]
SUFFIXES = {"jsonl": "jsonl", "csv": "csv", "tsv": "tsv-polecat", "parquet": "parquet"}
MEDIA = {"jsonl": "application/x-ndjson; charset=utf-8", "csv": "text/csv; charset=utf-8",
         "tsv": "text/tab-separated-values; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("downloads") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[httpx.Client]:
    with background_server(db) as url, httpx.Client(base_url=url) as client:
        yield client


@pytest.mark.parametrize(("kind", "filters", "options"), CASES)
def test_a_download_is_what_the_command_line_writes(client: httpx.Client, db: Path, tmp_path: Path,
                                                    kind: str, filters: dict[str, str],
                                                    options: list[str]) -> None:
    for suffix, fmt in SUFFIXES.items():
        if fmt == "tsv-polecat" and kind != "events":
            assert client.get(f"/api/{kind}.{suffix}").status_code == 422
            continue
        response = client.get(f"/api/{kind}.{suffix}", params=filters)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == MEDIA[suffix]
        assert response.headers["content-disposition"] == f'attachment; filename="{kind}.{suffix}"'
        assert int(response.headers["content-length"]) == len(response.content)
        out = tmp_path / f"{kind}.{suffix}"
        result = CliRunner().invoke(cli, [kind, "--db", str(db), *options, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert response.content == out.read_bytes(), (kind, suffix)


def test_downloads_follow_every_filter_of_the_events_page(client: httpx.Client) -> None:
    filters = {"outlet": "baltic herald", "type": "accuse"}
    page = client.get("/events", params=filters).text
    assert '<span id="event-count">1</span>' in page
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params=filters).text)))
    assert [(r["event"], r["doc_outlet"]) for r in rows] == [("ACCUSE", "Baltic Herald")]
    for suffix in SUFFIXES:
        href = f'href="/api/events.{suffix}?type=accuse&amp;outlet=baltic+herald" download'
        assert href in page, suffix
    tsv = client.get("/api/events.tsv", params=filters).text.splitlines()
    assert len(tsv) == 2 and len(tsv[0].split("\t")) == 40
    table = pq.read_table(io.BytesIO(client.get("/api/events.parquet", params=filters).content))
    assert table.column("event").to_pylist() == ["ACCUSE"]
    lines = client.get("/api/events.jsonl", params={"outlet": "Nordic Wire"}).text.splitlines()
    assert [json.loads(line)["doc_outlet"] for line in lines] == ["Nordic Wire"]


@pytest.mark.parametrize(("page", "kind", "query"), [
    ("/actors", "actors", "country=NOR"), ("/agreements", "agreements", "party=NOR"),
    ("/statements", "statements", "speaker=lund")])
def test_listing_pages_link_their_downloads(client: httpx.Client, page: str, kind: str, query: str) -> None:
    html = client.get(f"{page}?{query}").text
    for suffix in ("jsonl", "csv", "parquet"):
        assert f'href="/api/{kind}.{suffix}?{query}" download' in html
    assert f'/api/{kind}.tsv' not in html  # POLECAT has no columns for them


def test_bad_download_requests(client: httpx.Client) -> None:
    assert client.get("/api/events.xml").status_code == 422
    assert client.get("/api/events.csv", params={"since": "March"}).status_code == 422
    assert client.get("/api/statements.tsv").status_code == 422
    head = client.head("/api/events.csv", params={"country": "SWE"})
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(client.get("/api/events.csv", params={"country": "SWE"}).content)


def test_actor_pages_show_the_store_figures(client: httpx.Client) -> None:
    listed = client.get("/api/actors", params={"name": "lund"}).json()
    assert listed["total"] == 1
    row = listed["actors"][0]
    assert row["office"] == "Foreign Minister" and row["offices"] == ["Foreign Minister"]
    assert row["first_published"] == "2024-03-05" and row["documents"] == 1 and row["events"] == 1
    profile = client.get("/api/actors/Kari Lund").json()
    assert profile["summary"] == [row]
    html = client.get("/actors/Kari%20Lund").text
    assert "person, Foreign Minister: named in 1 document (2024-03-05), 1 event." in html
    paged = client.get("/api/actors", params={"limit": 2, "offset": 1}).json()
    everyone = client.get("/api/actors").json()
    assert paged["total"] == everyone["total"] and paged["actors"] == everyone["actors"][1:3]
