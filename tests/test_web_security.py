"""The web server's walls (issue 5): Host allow-list against DNS rebinding, read-only methods,
request size limits, and no request that changes the database (uvicorn in a thread)."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.routing import APIRoute

from communique.cli import cli
from communique.web import api, background_server, create_app, downloads, pages
from communique.web.security import MAX_BODY_BYTES, MAX_HEADER_BYTES, allowed_hosts, host_name
from web_records import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("security") / "web.db")


@pytest.fixture(scope="module")
def served(db: Path) -> Iterator[tuple[str, int]]:
    with background_server(db) as url:
        yield url, int(url.rsplit(":", 1)[1].strip("/"))


@pytest.fixture(scope="module")
def client(served: tuple[str, int]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[0]) as client:
        yield client


def _raw(port: int, request: bytes) -> bytes:
    """Send bytes as they are (no client library fixing them up) and read the answer."""
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        try:
            sock.sendall(request)
        except OSError:  # the server answered and closed before reading it all
            pass
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def test_host_names_are_parsed_strictly() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1" and host_name("LocalHost") == "localhost"
    assert host_name("[::1]:8000") == "::1" and host_name("[0:0::1]") == "::1"
    for bad in ("", ":8000", "[::1", "localhost:80x", "localhost:", "a b:1:2", "[::1]x"):
        assert host_name(bad) is None, bad
    assert allowed_hosts() == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("0.0.0.0") == allowed_hosts("::") == allowed_hosts()
    assert allowed_hosts("192.0.2.7", ["Example.LAN", "[fe80::1]"]) >= {"192.0.2.7", "example.lan", "fe80::1"}


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:1234", "[::1]", "[::1]:8000"])
def test_loopback_names_are_served(client: httpx.Client, host: str) -> None:
    response = client.get("/api/events", params={"limit": 1}, headers={"Host": host})
    assert response.status_code == 200 and response.json()["total"] == 4


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.", "127.0.0.2", "0.0.0.0", "[::2]", "localhost:x", ""])
def test_foreign_host_names_are_refused(client: httpx.Client, host: str) -> None:
    for path in ("/", "/api/events", "/static/app.css", "/api/events.csv", "/no-such-page"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "--allow-host" in response.text and "Norway" not in response.text
        assert "default-src 'none'" in response.headers["content-security-policy"]


def test_a_request_without_host_is_refused(served: tuple[str, int]) -> None:
    answer = _raw(served[1], b"GET /api/events HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 ")


def test_allowed_names_and_the_bound_address(db: Path) -> None:
    with background_server(db, allow_hosts=["communique.lan"]) as url:
        assert httpx.get(url, headers={"Host": "communique.lan:8000"}).status_code == 200
        assert httpx.get(url, headers={"Host": "other.lan"}).status_code == 400
    with background_server(db, host="127.0.0.2") as url:  # all of 127/8 is loopback on Linux
        assert httpx.get(url).status_code == 200  # Host: 127.0.0.2:PORT
    with background_server(db, allow_hosts=["*"]) as url:
        assert httpx.get(url, headers={"Host": "anything.example"}).status_code == 200
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "--allow-host NAME" in help_text and "DNS rebinding" in help_text


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
def test_only_get_and_head(client: httpx.Client, method: str) -> None:
    for path in ("/", "/events", "/api/events", "/api/events.csv", "/static/app.js", "/nowhere"):
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == "GET, HEAD"


def test_head_is_get_without_the_body(client: httpx.Client) -> None:
    for path in ("/", "/events?country=SWE", "/api/events", "/api/events.parquet", "/static/app.css",
                 "/documents/1111111111111111"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers.get("content-type") == get.headers.get("content-type")
        if "content-length" in head.headers:
            assert int(head.headers["content-length"]) == len(get.content), path
    assert client.head("/documents/ffffffffffffffff").status_code == 404


def test_routes_are_read_only(db: Path) -> None:
    routes = [r for router in (api.router, downloads.router, pages.router) for r in router.routes]
    assert len(routes) > 20 and all(isinstance(r, APIRoute) and r.methods == {"GET"} for r in routes)
    schema = create_app(db).openapi()
    assert {method for item in schema["paths"].values() for method in item} == {"get"}


def test_request_size_limits(client: httpx.Client, served: tuple[str, int]) -> None:
    assert client.get("/", params={"q": "x" * 20_000}).status_code == 414
    assert client.get("/events", params={"actor": "x" * 600}).status_code == 422  # field cap
    assert client.get("/api/events", params={"actor": "x" * 301}).status_code == 422
    longest = {"actor": "\U0001f600" * 300, "outlet": "\U0001f600" * 300, "country": "\U0001f600" * 16}
    assert client.get("/api/events", params=longest).status_code == 200  # 7 KiB, fits
    assert client.request("GET", "/api/events", content=b"x" * (MAX_BODY_BYTES + 1)).status_code == 413
    assert client.request("GET", "/api/events", content=b"{}").status_code == 200

    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b"y" * 1024

    assert client.request("GET", "/api/events", content=chunks()).status_code == 413
    assert client.request("GET", "/api/events", content=iter([b"{}"])).status_code == 200
    assert client.get("/", headers={"X-Padding": "z" * MAX_HEADER_BYTES}).status_code == 431
    huge_head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"z" * 1_000_000 + b"\r\n\r\n"
    assert _raw(served[1], huge_head)[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 431")
    bad_length = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n"
    assert _raw(served[1], bad_length).startswith(b"HTTP/1.1 413 ")


def test_requests_leave_the_database_as_it_was(db: Path, client: httpx.Client) -> None:
    def digest() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(db.parent.iterdir()) if p.name.startswith(db.name)}

    before = digest()
    schema = client.get("/api/openapi.json").json()
    paths = ["/", "/?q=fisheries", "/events", "/actors", "/actors/Kari%20Lund", "/dyad?a=NOR&b=SWE",
             "/agreements", "/statements", "/documents/1111111111111111"]
    for path in schema["paths"]:
        paths.append(path.replace("{doc_id}", "1111111111111111").replace("{name}", "Kari Lund")
                     .replace("{suffix}", "csv") + "?actor=Kari%20Lund&a=NOR&b=SWE")
    for path in paths:
        for method in ("GET", "HEAD", "POST", "DELETE"):
            assert client.request(method, path).status_code in (200, 405), (method, path)
    assert digest() == before


def test_a_bug_answers_500_with_the_headers(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    from communique.web import queries

    original = queries.facets
    queries.facets = lambda store: 1 / 0  # type: ignore[assignment,misc]
    try:
        with background_server(db) as url:
            response = httpx.get(url + "api/facets")
    finally:
        queries.facets = original
    assert response.status_code == 500
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "ZeroDivisionError" not in response.text and "ZeroDivisionError" in caplog.text


def test_offsets_beyond_sqlite_integers_are_refused(client: httpx.Client) -> None:
    # Found by schemathesis: an offset past 2**63 reached SQLite and raised OverflowError (500).
    for path in ("/api/documents", "/api/search?q=x", "/api/events", "/api/actors"):
        assert client.get(path, params={"offset": 2**63}).status_code == 422, path
