"""Crash safety (C7): an ingest killed with SIGKILL at random moments, then run again until it
finishes, leaves a sound database each time and ends exactly where a clean run ends; a further
run inserts nothing (real model: slow).

The quick tier kills at least 20 times over 10 articles; the full tier (``-m full``) 200 times over a larger
corpus, plus kills of real ``python -m communique`` processes, and writes its figures to
``bench/out/reliability-crash.json`` (quoted in docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crashkit import ROOT, check_database, snapshot
from reliability_corpus import news_corpus

pytestmark = pytest.mark.slow

QUICK_KILLS = 20
ARTICLES = 10  # two in each format: enough to kill between documents, small enough to be quick
FULL_KILLS = 200
FIGURES = ROOT / "bench" / "out"


def _ingest_args(db: Path, corpus: Path) -> list[str]:
    return ["ingest", "--db", str(db), str(corpus)]


def _kill_rounds(forker, corpus: Path, workdir: Path, *, kills: int, seed: int, clean_seconds: float) -> dict:
    """Kill ingests into fresh databases until ``kills`` kills have landed; after every kill
    check the database, and run each round to completion. Returns the figures."""
    rng = random.Random(seed)
    figures = {"kills": 0, "runs": 0, "rounds": 0, "problems": [], "documents_at_kill": []}
    reference = None
    while figures["kills"] < kills:
        figures["rounds"] += 1
        db = workdir / f"round-{figures['rounds']}.db"
        while True:
            # Mostly spread over a whole run; some in its first milliseconds (opening the
            # database, creating the schema).
            delay = rng.uniform(0, 0.01) if rng.random() < 0.1 else rng.uniform(0, clean_seconds * 1.1)
            result = forker.run(_ingest_args(db, corpus), kill_after=delay, timeout=120)
            figures["runs"] += 1
            assert not result["hung"], result
            if not result["killed"]:
                assert result["exit"] in (0, 3), result
                break
            figures["kills"] += 1
            if db.exists():
                figures["problems"] += check_database(db)
                import sqlite3

                with sqlite3.connect(db) as conn:
                    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                    if "documents" in tables:
                        figures["documents_at_kill"].append(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        figures["problems"] += check_database(db)
        final = snapshot(db)
        if reference is None:
            reference = final
        figures.setdefault("mismatches", 0)
        figures["mismatches"] += final != reference
        figures["last_db"] = str(db)
    return figures


def _clean_run(forker, corpus: Path, db: Path) -> tuple[dict, float]:
    result = forker.run(_ingest_args(db, corpus), timeout=300)
    assert result["exit"] == 3 and not result["killed"], result  # the corpus has two bad inputs
    return snapshot(db), result["seconds"]


def _compare(clean: dict, crashed_db: Path) -> dict:
    crashed = snapshot(crashed_db)
    assert crashed.keys() == clean.keys()
    for table in clean:
        assert crashed[table] == clean[table], f"table {table} differs from the clean run"
    return {"documents": len(clean["documents"]), "events": len(clean["events"]),
            "mentions": len(clean["mentions"]), "failures": len(clean["failures"])}


def _rerun_inserts_nothing(db: Path) -> str:
    """A real `python -m communique ingest` over the finished database changes nothing."""
    before = snapshot(db)
    stamps = sorted(r for r in _stamps(db))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    corpus = Path(json.loads(Path(str(db) + ".corpus").read_text()))
    done = subprocess.run([sys.executable, "-m", "communique", *_ingest_args(db, corpus)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith("0 documents stored (0 events)"), done.stderr
    assert snapshot(db) == before and sorted(_stamps(db)) == stamps
    assert check_database(db) == []
    return done.stderr.splitlines()[0]


def _stamps(db: Path) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT 'd', id, ingested_at FROM documents").fetchall()
                + conn.execute("SELECT 'f', source, at FROM failures").fetchall())


def test_killed_ingests_end_as_a_clean_run(forker, tmp_path):
    corpus = news_corpus(tmp_path / "corpus", articles=ARTICLES)
    clean, seconds = _clean_run(forker, corpus.root, tmp_path / "clean.db")
    assert len(clean["documents"]) == ARTICLES and len(clean["events"]) >= ARTICLES
    figures = _kill_rounds(forker, corpus.root, tmp_path, kills=QUICK_KILLS, seed=1, clean_seconds=seconds)
    assert figures["problems"] == []
    assert figures["kills"] >= QUICK_KILLS
    # Kills landed while documents were being written, not only before or after.
    assert any(0 < n < ARTICLES for n in figures["documents_at_kill"]), figures["documents_at_kill"]
    compared = _compare(clean, Path(figures["last_db"]))
    assert figures["mismatches"] == 0
    Path(figures["last_db"] + ".corpus").write_text(json.dumps(str(corpus.root)))
    _rerun_inserts_nothing(Path(figures["last_db"]))
    assert compared["documents"] == ARTICLES
    FIGURES.mkdir(parents=True, exist_ok=True)
    quick = {key: figures[key] for key in ("kills", "runs", "rounds", "mismatches")}
    (FIGURES / "reliability-crash-quick.json").write_text(json.dumps({**quick, "compared": compared}, indent=1))


@pytest.mark.full
def test_full_tier_kills(forker, tmp_path):
    corpus = news_corpus(tmp_path / "corpus", articles=60, seed=9)
    started = time.monotonic()
    clean, seconds = _clean_run(forker, corpus.root, tmp_path / "clean.db")
    figures = _kill_rounds(forker, corpus.root, tmp_path, kills=FULL_KILLS, seed=2, clean_seconds=seconds)
    assert figures["problems"] == [] and figures["mismatches"] == 0
    compared = _compare(clean, Path(figures["last_db"]))
    # Real processes too: `python -m communique ingest`, killed while it runs.
    real_kills, rng = 0, random.Random(3)
    db = tmp_path / "real.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(10):
        proc = subprocess.Popen([sys.executable, "-m", "communique", *_ingest_args(db, corpus.root)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        time.sleep(rng.uniform(2.0, 8.0))
        if proc.poll() is None:
            proc.kill()
            real_kills += 1
        proc.wait()
        assert check_database(db) == [] if db.exists() else True
    finished = subprocess.run([sys.executable, "-m", "communique", *_ingest_args(db, corpus.root)],
                              capture_output=True, env=env, cwd=ROOT, timeout=600, check=False)
    assert finished.returncode == 3  # partial: the corpus holds two bad inputs
    _compare(clean, db)
    Path(str(db) + ".corpus").write_text(json.dumps(str(corpus.root)))
    rerun = _rerun_inserts_nothing(db)
    at_kill = figures["documents_at_kill"]
    result = {
        "kills_survived": figures["kills"] + real_kills, "forked_kills": figures["kills"],
        "real_process_kills": real_kills, "runs": figures["runs"], "rounds": figures["rounds"],
        "kills_mid_write": sum(0 < n < compared["documents"] for n in at_kill),
        "integrity_checks_ok": figures["kills"] + real_kills, "compared": compared,
        "clean_run_seconds": seconds, "rerun": rerun, "wall_seconds": round(time.monotonic() - started, 1),
    }
    FIGURES.mkdir(parents=True, exist_ok=True)
    (FIGURES / "reliability-crash.json").write_text(json.dumps(result, indent=1))
