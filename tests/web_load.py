"""Serving while an ingest writes: a writer, a server and clients in separate processes and
threads, with every request's status and latency (tests/test_web_concurrency.py and
bench/serve_while_ingesting.py).

The writer is either ``communique ingest`` itself or this module run as a script, which stores
hand-built documents (no model) as fast as SQLite takes them, one transaction each::

    python tests/web_load.py write DB --documents 400
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

# What the clients ask for, round-robin with a different start per client: every page kind,
# the JSON API and a download, over data the writer keeps adding to.
PATHS = (
    "/", "/?q=talks", "/events", "/events?country=NOR&type=CONSULT", "/actors", "/actors/Norway",
    "/dyad?a=NOR&b=SWE", "/agreements", "/statements", "/documents/1111111111111111",
    "/api/documents", "/api/events?limit=20", "/api/search?q=talks%20fisheries",
    "/api/dyad?a=NOR&b=SWE", "/api/events.csv?country=SWE", "/api/actors?limit=20",
    "/api/facets", "/api/timeline?actor=Norway", "/api/statements?limit=50",
)
COUNTRIES = (("Norway", "NOR"), ("Sweden", "SWE"), ("Finland", "FIN"), ("Denmark", "DNK"),
             ("Iceland", "ISL"), ("Estonia", "EST"))
EVENTS = (("CONSULT", 1, "met"), ("AGREE", 1, "agreed with"), ("ACCUSE", 3, "accused"),
          ("AID", 2, "sent aid to"), ("REJECT", 3, "rejected"), ("PROTEST", 4, "protested against"))


def synthetic(index: int) -> Any:
    """A coded document of two states, an event, and now and then an agreement and a statement."""
    from communique.records import (
        Agreement,
        CodedDocument,
        Document,
        Entity,
        Event,
        Evidence,
        Span,
        Statement,
    )

    (a_name, a_code), (b_name, b_code) = COUNTRIES[index % 6], COUNTRIES[(index * 5 + 1) % 6]
    kind, quad, verb = EVENTS[index % len(EVENTS)]
    day = f"2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
    first = f"{a_name} {verb} {b_name} in talks on fisheries number {index}."
    said = f'"We want calm waters," the minister of {a_name} said.'
    body = f"{first} {said}"
    doc = Document(id=f"{0xA000000000000000 + index:016x}", text=body, source=f"load-{index}.txt",
                   title=f"Talks {index}: {a_name} and {b_name}", outlet=("Nordic Wire", "Baltic Herald")[index % 2],
                   published=day, language="en")
    a = Entity(a_name, a_name, "state", code=a_code, sector="GOV", start=0, end=len(a_name))
    at = body.index(b_name, len(a_name))
    b = Entity(b_name, b_name, "state", code=b_code, sector="GOV", start=at, end=at + len(b_name))
    evidence = Evidence(sentence=0, start=0, end=len(first), text=first)
    event = Event(id=f"{doc.id}-e1", doc_id=doc.id, event=kind, actor=(a,), recipient=(b,),
                  evidence=(evidence,), trigger=verb, quad_code=quad, intensity=1.0, date=day,
                  date_precision="day")
    agreements: tuple[Any, ...] = ()
    statements: tuple[Any, ...] = ()
    if index % 3 == 0:
        clause = body.index("fisheries")
        agreements = (Agreement(id=f"{doc.id}-a1", doc_id=doc.id, title=f"fisheries accord {index}",
                                kind="agreement", parties=(a, b), evidence=(evidence,), date=day,
                                date_precision="day", clauses=(Span(clause, clause + 9, "fisheries"),)),)
    if index % 2 == 0:
        start = body.index("We want")
        claim = Span(start, start + len("We want calm waters"), "We want calm waters")
        sentence = Evidence(sentence=1, start=len(first) + 1, end=len(body), text=said)
        statements = (Statement(id=f"{doc.id}-s1", doc_id=doc.id, speaker=a, verb="say", claim=claim,
                                evidence=sentence, direct=True),)
    return CodedDocument(doc=doc, actors=(a, b), events=(event,), agreements=agreements,
                         statements=statements)


def write(db: Path, documents: int, start: int = 0) -> int:
    """Store ``documents`` synthetic documents, one write transaction each; returns how many."""
    from communique.store import Store

    with Store(db) as store:
        return sum(store.add(synthetic(i)) for i in range(start, start + documents))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, log: Path, timeout_s: float = 30.0) -> tuple[subprocess.Popen[bytes], str]:
    """``communique serve`` in its own process, as a user starts it; returns once it answers."""
    import httpx

    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(url + "/api/facets", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"communique serve did not start: {log.read_text()}")
        time.sleep(0.05)


@dataclass
class Load:
    """What the clients saw: one (path, status, seconds, error) per request."""

    requests: list[tuple[str, int, float, str]] = field(default_factory=list)
    totals_seen: list[list[int]] = field(default_factory=list)  # /api/documents totals, per client

    def summary(self) -> dict[str, Any]:
        times = sorted(r[2] for r in self.requests)

        def pct(q: float) -> float:
            return round(1000 * times[min(len(times) - 1, int(q * len(times)))], 1) if times else 0.0

        return {
            "requests": len(self.requests),
            "errors": sum(1 for r in self.requests if r[1] != 200 or r[3]),
            "locked": sum(1 for r in self.requests if "locked" in r[3].lower()),
            "statuses": dict(Counter(r[1] for r in self.requests)),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "max_ms": round(1000 * times[-1], 1) if times else 0.0,
            "mean_ms": round(1000 * statistics.fmean(times), 1) if times else 0.0,
        }


def hammer(url: str, clients: int, until: threading.Event, *, after_s: float = 0.5) -> Load:
    """``clients`` threads, each with its own keep-alive connection, ask for :data:`PATHS`
    round-robin until ``until`` is set and ``after_s`` more seconds have passed."""
    import httpx

    load = Load()
    lock = threading.Lock()

    def client(number: int) -> None:
        seen: list[int] = []
        mine: list[tuple[str, int, float, str]] = []
        stop_at: float | None = None
        i = number
        with httpx.Client(base_url=url, timeout=60) as session:
            while stop_at is None or time.monotonic() < stop_at:
                if stop_at is None and until.is_set():
                    stop_at = time.monotonic() + after_s
                path = PATHS[i % len(PATHS)]
                i += 1
                began = time.perf_counter()
                try:
                    response = session.get(path)
                    body = response.content
                    problem = "" if response.status_code == 200 else body[:300].decode("utf-8", "replace")
                    status = response.status_code
                except httpx.HTTPError as exc:
                    status, problem = 0, f"{type(exc).__name__}: {exc}"
                mine.append((path, status, time.perf_counter() - began, problem))
                if path == "/api/documents" and status == 200:
                    seen.append(response.json()["total"])
        with lock:
            load.requests.extend(mine)
            load.totals_seen.append(seen)

    threads = [threading.Thread(target=client, args=(n,), name=f"client-{n}") for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return load


def run(db: Path, writer: list[str], *, clients: int, log: Path) -> tuple[Load, subprocess.CompletedProcess[bytes], str, float]:
    """Serve ``db`` while ``writer`` (a command) writes into it, with ``clients`` readers.

    Returns the load, the writer's completed process (output captured), the server's log and
    how long the writer ran.
    """
    server, url = start_server(db, log)
    done = threading.Event()
    result: dict[str, Any] = {}

    def write_then_signal() -> None:
        began = time.monotonic()
        result["writer"] = subprocess.run(writer, capture_output=True, check=False,
                                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        result["seconds"] = time.monotonic() - began
        done.set()

    writing = threading.Thread(target=write_then_signal, name="writer")
    try:
        writing.start()
        load = hammer(url, clients, done)
        writing.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return load, result["writer"], log.read_text(errors="replace"), result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["write"])
    parser.add_argument("db", type=Path)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    print(write(args.db, args.documents, args.start))


if __name__ == "__main__":
    main()
