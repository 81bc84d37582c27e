"""Run ``communique`` commands in child processes that can be killed, cheaply.

Loading spaCy and the model takes seconds per process, more than the ingest of a small corpus.
So a server process (``python tests/crashkit.py``) loads everything once and forks a child for
each command: the child runs the real command-line entry point (``communique.cli.main``) with
the model already in memory, and can be killed with SIGKILL at any moment, which is what a
crash is to SQLite. The server reports how the child ended and its peak memory.

Also here: reading a database back as plain rows, for comparing two runs.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WARM_TEXT = ("OSLO, May 3 (Nordic Wire) -- The foreign ministers of Norway and Sweden met in Oslo on "
             "Tuesday and signed an agreement on fisheries.")


def _serve() -> None:
    from communique.cli import cli
    from communique.pipeline import process
    from communique.records import RawDocument

    # Warm every lazy part once (model, language detector, HTML extractor, date parser).
    list(process([RawDocument(source="warm", text=WARM_TEXT),
                  RawDocument(source="warm2", html=f"<html><body><p>{WARM_TEXT}</p></body></html>",
                              published="Tue, 05 Mar 2024")]))
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        print(json.dumps(_run(cli, request)), flush=True)


def _run(cli: Any, request: dict[str, Any]) -> dict[str, Any]:
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: the command, as `communique ARGS` would run it
        os.dup2(log, 1)
        os.dup2(log, 2)
        code = 1
        try:
            cli.main(args=request["args"], prog_name="communique")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            import traceback

            traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    os.close(log)
    kill_after = request.get("kill_after")
    timeout = request.get("timeout", 300)
    sent = hung = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        elapsed = time.monotonic() - started
        if not sent and ((kill_after is not None and elapsed >= kill_after) or elapsed >= timeout):
            hung = kill_after is None or elapsed >= timeout
            os.kill(pid, signal.SIGKILL)
            sent = True
        time.sleep(0.001)
    return {"killed": os.WIFSIGNALED(status), "hung": hung, "exit": os.waitstatus_to_exitcode(status),
            "seconds": round(time.monotonic() - started, 3), "maxrss_mb": round(usage.ru_maxrss / 1024, 1)}


class Forker:
    """The client side: ``Forker().run(["ingest", ...], kill_after=0.3)``."""

    def __init__(self, log: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OPENBLAS_NUM_THREADS": "1",
               "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
        self.log = log
        self._proc = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        assert self._proc.stdout is not None
        ready = self._proc.stdout.readline().strip()
        if ready != "ready":
            raise RuntimeError(f"crashkit server did not start ({ready!r}); see {log}")

    def run(self, args: list[str], *, kill_after: float | None = None, timeout: float = 300) -> dict[str, Any]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        request = {"args": args, "kill_after": kill_after, "timeout": timeout, "log": str(self.log)}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        return json.loads(self._proc.stdout.readline())

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=30)
        if self._proc.stdout is not None:
            self._proc.stdout.close()


# Columns that differ between two runs of the same input by design (wall-clock times).
VOLATILE = {"ingested_at", "at"}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the time-stamp columns."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        result = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
            quoted = ", ".join(f'"{c}"' for c in columns)
            result[table] = sorted(conn.execute(f"SELECT {quoted} FROM {table}").fetchall(), key=repr)
        return result
    finally:
        conn.close()


def check_database(db: Path) -> list[str]:
    """Problems a crash could leave: failed integrity or foreign-key checks, documents without
    their mention, duplicate rows. Empty when the database is sound."""
    problems = []
    conn = sqlite3.connect(db)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found rows")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" in tables:
            orphans = conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                   "(SELECT 1 FROM mentions m WHERE m.doc_id = d.id)").fetchone()[0]
            if orphans:
                problems.append(f"{orphans} documents without a mention (half-written)")
            twice = conn.execute("SELECT count(*) FROM (SELECT source FROM mentions GROUP BY source "
                                 "HAVING count(*) > 1)").fetchone()[0]
            if twice:
                problems.append(f"{twice} sources stored as more than one document")
            failed_twice = conn.execute("SELECT count(*) FROM (SELECT source, reason FROM failures "
                                        "GROUP BY source, reason HAVING count(*) > 1)").fetchone()[0]
            if failed_twice:
                problems.append(f"{failed_twice} failures recorded twice")
    finally:
        conn.close()
    return problems


if __name__ == "__main__":
    _serve()
