"""Scale-out (C11): one process against Dask workers, end to end, same texts, same results.

usage: python bench/scale.py [GOLD_JSONL] [--repeat N] [--workers 1,2] [--partition-size S]
                             [--rounds R] [--spacy]

The texts are the ``text`` fields of a gold JSONL file (default: the development set,
``../shared/benchmarks/dev/gold.jsonl``, read at run time), repeated N times; each copy gets its
own source name, so every copy is a partition's worth of work of its own (the documents have the
same ids, and the store keeps each once). Every configuration runs as a fresh
``communique ingest`` process into a new database, timed from start to exit (start-up, model
loading and, for Dask, starting the local cluster included): that is what a user waits for.
``--workers 1`` is the plain local run; more workers run on a local Dask cluster. ``--spacy``
also times the old way of using two cores, spaCy's ``n_process=2`` (parse only in parallel).

Events are compared between each configuration and the one-process run: the same event ids and
the same records. Prints JSON.
"""

from __future__ import annotations

import json
import os
import platform
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
                # A distinct id per copy: the inputs differ, so no partition is shared by copies.
                f.write(json.dumps({"id": f"{row['id']}#{copy}", "text": row["text"],
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
        "results": report, "cores": os.cpu_count(),
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "machine": f"{platform.machine()} python {platform.python_version()}",
    }, indent=1))


if __name__ == "__main__":
    main()
