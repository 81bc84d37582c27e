"""Memory of a real `communique ingest` over N distinct articles: does it stay flat?

usage: python bench/memory.py [--count 10000] [--out FILE.json] [--workers N]
                              [--gold GOLD.jsonl] [--keep DIR] [--interval 1.0]

Writes N distinct plain-text articles into a temporary folder, runs ``python -m communique
ingest FOLDER --db DB`` on them as a child process, and every ``--interval`` seconds reads the
resident memory (VmRSS in /proc) of the child and of all its descendants, and counts the
documents stored so far (a read-only connection to the database). Prints JSON and writes it to
``--out``: RSS at 10/25/50/75/100 % of the documents, the peak, the slope of RSS against
documents over the second half (MB per 1,000 documents; flat memory is a slope near 0), the
documents per second of each tenth, the command and the machine.

The articles are built at run time from the ``text`` fields of the development set
(``../shared/benchmarks/dev/gold.jsonl``; none of its text is kept in this repository), or from
our own templates when that file is absent. Each copy gets its paragraphs after the first in a
shuffled order and a closing sentence with its own dispatch number and a made-up correspondent's
name, so that the content hash (computed on the body, without title and dateline) differs for
every article and each one brings new strings, as real news does.

Linux only (/proc). Ctrl-C stops the ingest and its children.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "benchmarks" / "dev" / "gold.jsonl"
MARKS = (0.10, 0.25, 0.50, 0.75, 1.00)
SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sha", "vel", "dor", "ni", "bu", "tas", "qua", "zen", "por",
             "ail", "ve", "ru", "nik", "sol", "ma"]
# Used only when the development set is not at hand: our own sentences.
TEMPLATES = [
    "{city}, {month} {day} -- The foreign ministers of {a} and {b} met in {city} on {weekday} and "
    "discussed trade, energy and security.\n\nThe two sides signed a memorandum on cooperation in "
    "agriculture.\n\n{a} accused {c} of violating the ceasefire agreement along the border.\n\n"
    "Officials in {b} said they would send humanitarian aid to the region next month.",
    "{city}, {month} {day} -- The president of {a} received the ambassador of {b} yesterday.\n\n"
    "They exchanged views on regional issues and on the situation in {c}.\n\n"
    "Police in {city} arrested dozens of protesters who had demonstrated against new taxes.\n\n"
    "The government of {c} rejected the proposal and called for new talks.",
]
COUNTRIES = ["Russia", "China", "France", "Germany", "Japan", "India", "Brazil", "Kenya", "Turkey",
             "Egypt", "Canada", "Mexico", "Poland", "Vietnam", "Nigeria", "Chile"]
CITIES = ["Moscow", "Beijing", "Paris", "Berlin", "Tokyo", "Delhi", "Nairobi", "Ankara", "Cairo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _base_texts(gold: Path) -> tuple[list[str], str]:
    if gold.is_file():
        texts = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        if texts:
            return texts, str(gold)
    rng = random.Random(0)
    texts = []
    for i in range(40):
        a, b, c = rng.sample(COUNTRIES, 3)
        texts.append(TEMPLATES[i % len(TEMPLATES)].format(
            city=rng.choice(CITIES), month=rng.choice(MONTHS), day=rng.randint(1, 28),
            weekday=rng.choice(WEEKDAYS), a=a, b=b, c=c))
    return texts, "templates in bench/memory.py"


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _article(base: str, number: int) -> str:
    """A distinct article: paragraphs after the first shuffled, a closing sentence of its own."""
    rng = random.Random(number)
    parts = [p for p in base.split("\n\n") if p.strip()]
    if len(parts) < 3:  # few blank-line paragraphs: shuffle lines instead
        parts = [p for p in base.split("\n") if p.strip()]
    head, rest = parts[:1], parts[1:]
    rng.shuffle(rest)
    last = (f"The report was filed as dispatch {number:06d} by correspondent {_name(rng)} "
            f"{_name(rng)}.")
    return "\n\n".join(head + rest + [last]) + "\n"


def write_articles(folder: Path, count: int, gold: Path) -> str:
    """Write ``count`` distinct articles as text files under ``folder``; return their origin."""
    texts, origin = _base_texts(gold)
    for number in range(count):
        sub = folder / f"{number // 1000:03d}"  # 1,000 files a folder
        sub.mkdir(exist_ok=True)
        (sub / f"article-{number:06d}.txt").write_text(_article(texts[number % len(texts)], number),
                                                      encoding="utf-8")
    return origin


# -- /proc -------------------------------------------------------------------------------------

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int) -> tuple[float, float, int]:
    """(RSS of pid, RSS of pid and all its descendants, number of processes), in MB."""
    tree, todo, seen = _children(), [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(tree.get(p, []))
    own = _status_kb(pid, "VmRSS") / 1024
    return own, sum(_status_kb(p, "VmRSS") for p in seen) / 1024, len(seen)


def stored(db: Path) -> int | None:
    if not db.exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)) as con:
            return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created yet, or busy: try again next time
        return None


# -- the run -----------------------------------------------------------------------------------

def machine() -> dict[str, object]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or platform.machine())
    mem = _meminfo_total()
    return {"cpu": model, "cores": os.cpu_count(), "memory_gb": mem, "python": platform.python_version(),
            "platform": platform.platform(), "load_average_start": [round(x, 2) for x in os.getloadavg()]}


def _meminfo_total() -> float | None:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def _stop(child: subprocess.Popen[bytes]) -> None:
    """End the child and everything it started (it leads its own process group)."""
    if child.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            return
        try:
            child.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run(folder: Path, db: Path, workers: int | None, interval: float, log: Path) -> dict[str, object]:
    command = [sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db)]
    if workers:
        command += ["--workers", str(workers)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    samples: list[dict[str, float]] = []
    hwm = 0.0
    with open(log, "wb") as stderr:
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=stderr, stderr=subprocess.STDOUT, env=env,
                                 start_new_session=True)
        try:
            docs = 0
            while child.poll() is None:
                own, total, procs = rss_mb(child.pid)
                hwm = max(hwm, _status_kb(child.pid, "VmHWM") / 1024)
                count = stored(db)
                docs = docs if count is None else count
                if own:
                    samples.append({"t": round(time.monotonic() - start, 2), "docs": docs,
                                    "rss_mb": round(own, 1), "tree_rss_mb": round(total, 1),
                                    "processes": procs})
                    print(f"\r{samples[-1]['t']:8.0f} s {docs:7d} documents {total:8.1f} MB",
                          end="", file=sys.stderr, flush=True)
                time.sleep(interval)
        except BaseException:
            _stop(child)
            raise
        finally:
            print(file=sys.stderr)
        wall = time.monotonic() - start
    return {"command": command, "returncode": child.returncode, "wall_s": round(wall, 1),
            "final_documents": stored(db), "peak_vmhwm_mb": round(hwm, 1),
            "output": log.read_text(errors="replace")[-2000:], "samples": samples}


def summarize(result: dict[str, object]) -> dict[str, object]:
    samples: list[dict[str, float]] = result["samples"]  # type: ignore[assignment]
    total = result["final_documents"] or max((s["docs"] for s in samples), default=0)
    out: dict[str, object] = {}
    if not samples or not total:
        return out
    # Once the last document is stored the process prints its summary and exits, freeing memory
    # as it goes: those samples say nothing about memory per document. "100%" is the last sample
    # before, taken while the last batch was being coded.
    running = [s for s in samples if s["docs"] < total] or samples
    out["rss_at_exit_mb"] = samples[-1]["tree_rss_mb"]
    at = {}
    for mark in MARKS:
        target = mark * total
        hit = next((s for s in running if s["docs"] >= target), running[-1])
        at[f"{round(mark * 100)}%"] = {"docs": hit["docs"], "t": hit["t"], "rss_mb": hit["rss_mb"],
                                       "tree_rss_mb": hit["tree_rss_mb"]}
    out["rss_at"] = at
    out["peak_tree_rss_mb"] = max(s["tree_rss_mb"] for s in samples)
    out["peak_rss_mb"] = max(max(s["rss_mb"] for s in samples), result["peak_vmhwm_mb"])  # type: ignore[type-var]
    half = [s for s in running if s["docs"] >= total / 2]
    if len(half) >= 2 and half[-1]["docs"] > half[0]["docs"]:
        xs = [s["docs"] for s in half]
        ys = [s["tree_rss_mb"] for s in half]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
        out["slope_mb_per_1000_docs_second_half"] = round(slope * 1000, 2)
    # Documents are stored a batch at a time: the time a count was reached is interpolated
    # between the two samples around it.
    def reached(target: float) -> float | None:
        before = samples[0]
        for s in samples:
            if s["docs"] >= target:
                if s["docs"] == before["docs"]:
                    return s["t"]
                return before["t"] + (s["t"] - before["t"]) * (target - before["docs"]) / (s["docs"] - before["docs"])
            before = s
        return None

    rates: list[float | None] = []
    previous = reached(1)
    for tenth in range(1, 11):
        now = reached(tenth * total / 10)
        if now is None or previous is None:
            break
        span = now - previous
        rates.append(round((total / 10 - (1 if tenth == 1 else 0)) / span, 2) if span > 0 else None)
        previous = now
    out["docs_per_s_by_tenth"] = rates  # the first tenth counts from the first stored document
    first = next((s for s in samples if s["docs"] > 0), None)
    out["startup_s"] = first["t"] if first else None
    return out


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the ingest like Ctrl-C does


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="articles to write and ingest [10000]")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    parser.add_argument("--workers", type=int, help="passed to communique ingest --workers")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="texts to build articles from")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between samples [1]")
    parser.add_argument("--keep", type=Path, help="write the articles and database here and keep them")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, _interrupted)
    host = machine()
    with tempfile.TemporaryDirectory(prefix="communique-memory-") as tmp:
        work = args.keep or Path(tmp)
        folder, db = work / "articles", work / "memory.db"
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.monotonic()
        origin = write_articles(folder, args.count, args.gold)
        print(f"{args.count} articles written in {time.monotonic() - t0:.1f} s", file=sys.stderr)
        result = run(folder, db, args.workers, args.interval, work / "ingest.log")
    report = {"articles": args.count, "built_from": origin, **summarize(result),
              "returncode": result["returncode"], "wall_s": result["wall_s"],
              "final_documents": result["final_documents"],
              "command": " ".join(str(a).replace(str(folder), "FOLDER").replace(str(db), "DB")
                                  for a in result["command"]),  # type: ignore[attr-defined]
              "machine": {**host, "load_average_end": [round(x, 2) for x in os.getloadavg()]},
              "ingest_output": result["output"], "samples": result["samples"]}
    text = json.dumps(report, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    summary = {k: v for k, v in report.items() if k != "samples"}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("interrupted: the ingest was stopped", file=sys.stderr)
        sys.exit(130)
