"""Scale-out (C11): one process against Dask workers, end to end, same texts, same results.

usage: python bench/scale.py [GOLD_JSONL] [--repeat N] [--workers 1,2] [--partition-size S]
                             [--rounds R] [--spacy] [--kills K]

The texts are the ``text`` fields of a gold JSONL file (default: the development set,
``../shared/benchmarks/dev/gold.jsonl``, read at run time), repeated N times; each copy after the
first ends in a reference line of its own ("Ref. d001-2"), so that every copy is a document to
code (a one-process ingest does not parse documents it has already stored). Every configuration runs as a fresh
``communique ingest`` process into a new database, timed from start to exit (start-up, model
loading and, for Dask, starting the local cluster included): that is what a user waits for.
``--workers 1`` is the plain local run; more workers run on a local Dask cluster. ``--spacy``
also times the old way of using two cores, spaCy's ``n_process=2`` (parse only in parallel).

Events are compared between each configuration and the one-process run: the same event ids and
the same records. ``--kills K`` adds a run on a local cluster of two workers in which a worker
with a partition in hand is killed (SIGKILL) K times, spread over the run, and its events are
compared the same way. Prints JSON.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "benchmarks" / "dev" / "gold.jsonl"

SPACY_N_PROCESS = """
import sys
from communique.ingest import read_inputs
from communique.pipeline import process
from communique.store import Store
with Store(sys.argv[2]) as store:
    for result in process(read_inputs([sys.argv[1]]), n_process=2):
        store.add(result) if hasattr(result, "events") else store.add_failure(result)
"""


def _option(args: list[str], name: str, default: str) -> str:
    return args[args.index(name) + 1] if name in args else default


def _corpus(gold: Path, repeat: int, folder: Path) -> tuple[Path, int]:
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = folder / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for copy in range(repeat):
            for row in rows:
                # Each copy its own text (a closing reference line), so that every copy is a new
                # document to code: a one-process ingest skips documents already stored.
                text = row["text"] if copy == 0 else f"{row['text']}\n\nRef. {row['id']}-{copy}"
                f.write(json.dumps({"id": f"{row['id']}#{copy}", "text": text,
                                    "published": row.get("published"), "outlet": row.get("outlet")},
                                   ensure_ascii=False) + "\n")
    return out, len(rows) * repeat


def _events(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, record FROM events"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def _killed_run(corpus: Path, db: Path, parts: Path, kills: int, size: int, documents: int) -> dict[str, object]:
    """Ingest on a local cluster of two workers, killing a busy worker ``kills`` times."""
    sys.path.insert(0, str(ROOT / "src"))
    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]
    from communique.ingest import read_inputs
    from communique.scale import connect, ingest
    from communique.store import Store

    partitions = -(-documents // size)
    every = max(1, partitions // (kills + 1))
    killed: list[int] = []

    def kill(report) -> None:  # type: ignore[no-untyped-def]
        busy = [worker for worker, tasks in client.processing().items() if tasks]
        if len(killed) < kills and busy and report.index % every == every - 1:
            os.kill(client.run(os.getpid, workers=[busy[0]])[busy[0]], signal.SIGKILL)
            killed.append(report.index)

    started = time.perf_counter()
    with connect(workers=2) as client, Store(db) as store:
        ingest(read_inputs([str(corpus)]), store, parts, client=client, partition_size=size, on_partition=kill)
    return {"seconds": round(time.perf_counter() - started, 1), "kills": len(killed),
            "killed_after_partitions": killed, "partitions": partitions}


def main() -> None:
    args = sys.argv[1:]
    gold = Path(args[0]) if args and not args[0].startswith("--") else DEV
    repeat = int(_option(args, "--repeat", "20"))
    workers = [int(w) for w in _option(args, "--workers", "1,2").split(",")]
    size = _option(args, "--partition-size", "32")
    rounds = int(_option(args, "--rounds", "1"))
    with tempfile.TemporaryDirectory(prefix="communique-scale-") as tmp:
        folder = Path(tmp)
        corpus, documents = _corpus(gold, repeat, folder)
        configs: list[tuple[str, list[str] | None]] = [
            (f"workers={n}", ["--workers", str(n), "--partition-size", size]) for n in workers
        ]
        if "--spacy" in args:
            configs.append(("spacy n_process=2", None))
        timings: dict[str, list[float]] = {name: [] for name, _ in configs}
        events: dict[str, dict[str, str]] = {}
        for round_ in range(rounds):
            for name, extra in configs:
                db = folder / f"{name.replace(' ', '_')}-{round_}.db"
                if extra is None:
                    command = [sys.executable, "-c", SPACY_N_PROCESS, str(corpus), str(db)]
                else:
                    command = [sys.executable, "-m", "communique", "ingest", str(corpus), "--db", str(db),
                               "--parquet-dir", str(folder / f"parts-{name}-{round_}"), *extra]
                timings[name].append(_timed(command))
                events[name] = _events(db)
        base = f"workers={workers[0]}"
        killed = None
        if "--kills" in args:
            killed = _killed_run(corpus, folder / "killed.db", folder / "parts-killed",
                                 int(_option(args, "--kills", "3")), int(size), documents)
            killed_events = _events(folder / "killed.db")
            killed.update({"events": len(killed_events), "events_compared": len(events[base]),
                           "same_events_as_" + base: killed_events == events[base]})
        report = []
        for name, _ in configs:
            median = statistics.median(timings[name])
            report.append({
                "configuration": name, "seconds": [round(t, 1) for t in timings[name]],
                "median_s": round(median, 1), "documents_per_s": round(documents / median, 2),
                "speed_ratio_vs_" + base: round(statistics.median(timings[base]) / median, 2),
                "events": len(events[name]),
                "same_events_as_" + base: events[name] == events[base],
            })
    print(json.dumps({
        "documents": documents, "repeat": repeat, "partition_size": int(size), "rounds": rounds,
        "results": report, "killed_run": killed, "cores": os.cpu_count(),
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()} python {platform.python_version()}",
    }, indent=1))


if __name__ == "__main__":  # the guard matters: Dask's worker processes import this module
    main()
