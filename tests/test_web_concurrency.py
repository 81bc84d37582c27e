"""Serving while an ingest writes (issue 5): ``communique serve`` answers every request of
several clients while another process writes into the same database; writes are
``BEGIN IMMEDIATE`` transactions and read-only connections wait for locks instead of failing.

Quick tier: a writer of hand-built documents (no model). Full tier (``-m full``): the real
``communique ingest`` of the example articles and the development set, and a longer writer.
Latency figures are printed and recorded in docs/reliability.md, not asserted tightly.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from communique.records import Failure
from communique.store import BUSY_TIMEOUT_MS, Store
from web_load import ROOT, run, synthetic, write
from web_records import build

# A request is never this slow unless something waited for a lock (busy_timeout is 5 s).
MAX_LATENCY_S = 10.0
DEV_SET = ROOT.parent / "shared" / "benchmarks" / "dev" / "gold.jsonl"


def _report(request: pytest.FixtureRequest, label: str, figures: dict[str, Any]) -> None:
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n{label}: {figures}")


def _check(load: Any, writer: Any, log: str) -> dict[str, Any]:
    assert writer.returncode in (0, 3), writer.stderr.decode(errors="replace")  # 3: some inputs failed
    figures = load.summary()
    failed = [r for r in load.requests if r[1] != 200 or r[3]]
    assert not failed, failed[:5]
    assert figures["locked"] == 0 and "locked" not in log.lower(), log[-2000:]
    assert "Traceback" not in log and "ERROR" not in log, log[-2000:]
    assert figures["max_ms"] < MAX_LATENCY_S * 1000, figures
    for totals in load.totals_seen:  # every client saw the documents only grow
        assert totals == sorted(totals)
    return figures


def test_serve_answers_while_a_writer_adds_documents(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    db = build(tmp_path / "web.db")
    documents = 200
    writer = [sys.executable, str(ROOT / "tests" / "web_load.py"), "write", str(db), "--documents", str(documents)]
    load, done, log, seconds = run(db, writer, clients=4, log=tmp_path / "serve.log")
    figures = _check(load, done, log)
    assert int(done.stdout) == documents
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 3 + documents and store.integrity_ok()
    seen = [t for totals in load.totals_seen for t in totals]
    assert min(seen) < 3 + documents  # some requests were answered while the writer wrote
    _report(request, f"serve while writing {documents} documents in {seconds:.1f} s, 4 clients", figures)


def test_writes_are_immediate_transactions(tmp_path: Path) -> None:
    statements: list[str] = []
    with Store(tmp_path / "t.db") as store:
        store.conn.set_trace_callback(statements.append)
        store.add(synthetic(1))
        store.add(synthetic(1))  # already stored: a mention only
        store.add_failure(Failure(source="x.txt", reason="empty"))
    inside = False
    for sql in statements:
        verb = sql.split(None, 1)[0].upper()
        if verb == "BEGIN":
            assert sql.strip().upper() == "BEGIN IMMEDIATE" and not inside
            inside = True
        elif verb in ("COMMIT", "ROLLBACK"):
            inside = False
        elif verb in ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP"):
            assert inside, sql
    assert sum(s.upper().startswith("BEGIN IMMEDIATE") for s in statements) == 3


def test_readers_wait_for_a_writer_instead_of_failing(tmp_path: Path) -> None:
    db = build(tmp_path / "web.db")
    with Store(db, readonly=True) as reader:
        assert reader.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    # A writer holding the write lock does not stop a reader (WAL): it reads the last commit.
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("DELETE FROM events")
        with Store(db, readonly=True) as reader:
            assert len(reader.events()) == 4
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    write(db, 5)
    with Store(db, readonly=True) as reader:
        assert reader.counts()["documents"] == 8


@pytest.mark.full
@pytest.mark.slow
@pytest.mark.skipif(not DEV_SET.exists(), reason=f"needs the development set at {DEV_SET}")
def test_serve_answers_while_communique_ingest_writes(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    db = build(tmp_path / "web.db")
    inputs = [str(ROOT / "examples"), str(ROOT / "tests" / "fixtures" / "web_articles.jsonl"), str(DEV_SET)]
    writer = [sys.executable, "-m", "communique", "ingest", *inputs, "--db", str(db)]
    load, done, log, seconds = run(db, writer, clients=8, log=tmp_path / "serve.log")
    figures = _check(load, done, log)
    with Store(db, readonly=True) as store:
        counts = store.counts()
        assert counts["documents"] > 30 and store.integrity_ok()
    _report(request, f"serve while `communique ingest` wrote {counts['documents'] - 3} documents "
                     f"in {seconds:.1f} s, 8 clients", figures)


@pytest.mark.full
def test_serve_answers_while_a_long_writer_writes(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    db = build(tmp_path / "web.db")
    documents = 5000
    writer = [sys.executable, str(ROOT / "tests" / "web_load.py"), "write", str(db), "--documents", str(documents)]
    load, done, log, seconds = run(db, writer, clients=8, log=tmp_path / "serve.log")
    figures = _check(load, done, log)
    assert int(done.stdout) == documents
    _report(request, f"serve while writing {documents} documents in {seconds:.1f} s, 8 clients", figures)
