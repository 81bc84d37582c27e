"""Throughput of ``communique ingest`` against plain spaCy ``nlp.pipe`` over the same texts.

usage: python bench/throughput.py FOLDER_OR_GOLD_JSONL [--repeat N] [--rounds R] [--n-process P]

Both sides read the same texts: the articles of a folder, or the ``text`` fields of a gold
JSONL file, each repeated N times with a numbered first line (so that no copy is a duplicate
that ingest would skip). They are written as files into a temporary folder first.

- plain spaCy: read every file and run the model's full pipeline (``spacy.load`` of the same
  package, every component) with ``nlp.pipe(texts, n_process=P)``;
- communique: what ``communique ingest FOLDER --db FILE`` does, into a fresh database each
  round: read, clean, parse, resolve actors, code events, agreements and statements, store.
  With ``--n-process P`` > 1 it codes in P worker processes (``communique.process(...,
  n_process=P)``).

Each side is timed R times, alternating, in one process; the medians are compared
(``ratio`` = spaCy's time / communique's time: above 1, communique is faster), and so are the
CPU seconds each side used (with its worker processes), which a machine shared with other jobs
disturbs less than the wall clock. Prints JSON with the machine.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy

from communique import Store, process
from communique.ingest import read_inputs
from communique.nlp import MODEL_NAME, load_model
from communique.records import CodedDocument


def _texts(source: Path) -> list[str]:
    if source.suffix == ".jsonl":
        rows = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
        return [r["text"] for r in rows]
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(source.glob("*.txt"))]


def _arg(args: list[str], name: str, default: int) -> int:
    return int(args[args.index(name) + 1]) if name in args else default


def _machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu or platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}"


def plain_spacy(nlp, folder: Path, n_process: int) -> int:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    return sum(len(doc) for doc in nlp.pipe(texts, n_process=n_process))


def communique_ingest(folder: Path, db: Path, n_process: int) -> int:
    events = 0
    with Store(db) as store:
        for result in process(read_inputs([str(folder)]), n_process=n_process,
                              skip=lambda doc: store.has_document(doc.id)):
            if isinstance(result, CodedDocument):
                store.add(result)
                events += len(result.events)
            else:
                store.add_failure(result)
    return events


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> None:
    args = sys.argv[1:]
    repeat, rounds, n_process = _arg(args, "--repeat", 4), _arg(args, "--rounds", 3), _arg(args, "--n-process", 1)
    texts = _texts(Path(args[0]))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        for copy in range(repeat):
            for i, text in enumerate(texts):
                Path(folder, f"{copy:03d}-{i:04d}.txt").write_text(f"Copy {copy}.\n\n{text}", encoding="utf-8")
        plain = spacy.load(MODEL_NAME)  # the model as its package ships it: every component
        load_model()
        # Warm up both sides once (first calls build caches and compile patterns).
        warm = Path(tmp, "warm")
        warm.mkdir()
        for i, text in enumerate(texts[:3]):
            Path(warm, f"{i}.txt").write_text(text, encoding="utf-8")
        plain_spacy(plain, warm, 1)
        communique_ingest(warm, Path(tmp, "warm.db"), 1)
        spacy_s, ours_s, spacy_cpu, ours_cpu, tokens, events = [], [], [], [], 0, 0
        for r in range(rounds):
            t0, c0 = time.perf_counter(), _cpu()
            tokens = plain_spacy(plain, folder, n_process)
            spacy_s.append(time.perf_counter() - t0)
            spacy_cpu.append(_cpu() - c0)
            t0, c0 = time.perf_counter(), _cpu()
            events = communique_ingest(folder, Path(tmp, f"round{r}.db"), n_process)
            ours_s.append(time.perf_counter() - t0)
            ours_cpu.append(_cpu() - c0)
    n = repeat * len(texts)
    p, o = statistics.median(spacy_s), statistics.median(ours_s)
    print(json.dumps({
        "documents": n, "characters": repeat * sum(map(len, texts)), "tokens": tokens, "rounds": rounds,
        "n_process": n_process, "spacy_pipe_s": [round(s, 2) for s in spacy_s],
        "communique_ingest_s": [round(s, 2) for s in ours_s], "spacy_s_median": round(p, 3),
        "communique_s_median": round(o, 3), "spacy_docs_per_s": round(n / p, 1),
        "communique_docs_per_s": round(n / o, 1), "ratio_spacy_time_over_communique_time": round(p / o, 3),
        "spacy_cpu_s_median": round(statistics.median(spacy_cpu), 3),
        "communique_cpu_s_median": round(statistics.median(ours_cpu), 3),
        "cpu_ratio": round(statistics.median(spacy_cpu) / statistics.median(ours_cpu), 3),
        "events": events, "machine": _machine(), "load_average": os.getloadavg(),
    }, indent=1))


if __name__ == "__main__":
    main()
