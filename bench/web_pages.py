"""How long each page and API path of ``communique serve`` takes on a database of N documents.

usage: python bench/web_pages.py [--documents 5000] [--repeat 5] [--db FILE]

Writes the hand-built documents of ``tests/web_load.py`` (two states, an event, every third an
agreement, every second a statement; no model) next to our three web test documents, serves the
database from a thread and asks for every path of ``tests/web_load.PATHS`` ``--repeat`` times
from one client after a warm-up request; prints the median time and the size of each answer.
The figures in docs/benchmarks.md come from this script.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import httpx

from communique.web import background_server
from web_load import PATHS, write
from web_records import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="use (and keep) this database instead of a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "web.db"
        if not db.exists():
            build(db)
            write(db, args.documents)
        print(f"{args.documents} documents; median of {args.repeat} requests, one client")
        print(f"{'ms':>8} {'bytes':>10}  path")
        with background_server(db) as url, httpx.Client(base_url=url, timeout=120) as client:
            for path in PATHS:
                client.get(path)
                times = []
                for _ in range(args.repeat):
                    began = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - began)
                    assert response.status_code == 200, (path, response.status_code)
                print(f"{1000 * statistics.median(times):8.1f} {len(response.content):10d}  {path}")


if __name__ == "__main__":
    main()
