"""Throughput of communique's coding against plain spaCy ``nlp.pipe`` over the same texts.

usage: python bench/throughput.py FOLDER_OR_GOLD_JSONL [--repeat N] [--rounds R]

Both sides read the same texts (the articles of a folder, or the ``text`` fields of a gold
JSONL file, repeated N times), single process. Plain spaCy runs the full pipeline (the same
model) over the cleaned texts; communique runs clean → parse → actors → events. Each side is
timed R times, alternating, and the medians are compared. Prints JSON.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from pathlib import Path

from communique import process
from communique.clean import clean
from communique.ingest import read_inputs
from communique.nlp import load_model
from communique.records import RawDocument


def _raws(source: Path) -> list[RawDocument]:
    if source.suffix == ".jsonl":
        rows = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
        return [RawDocument(source=f"{source}:{i}", text=r["text"], published=r.get("published")) for i, r in enumerate(rows)]
    return [r for r in read_inputs([str(source)]) if isinstance(r, RawDocument)]


def main() -> None:
    args = sys.argv[1:]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 3
    raws = _raws(Path(args[0])) * repeat
    texts = [clean(r).text for r in raws]
    nlp = load_model()
    list(nlp.pipe(texts[:4]))  # warm up both paths once
    list(process(raws[:4]))
    plain, ours = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_events = sum(len(c.events) for c in process(raws) if hasattr(c, "events"))
        ours.append(time.perf_counter() - t0)
    p, o = statistics.median(plain), statistics.median(ours)
    print(json.dumps({
        "documents": len(raws), "characters": sum(map(len, texts)), "rounds": rounds,
        "spacy_pipe_s_median": round(p, 3), "communique_s_median": round(o, 3),
        "communique_docs_per_s": round(len(raws) / o, 1), "spacy_docs_per_s": round(len(raws) / p, 1),
        "ratio_communique_over_spacy_speed": round(p / o, 3), "events": n_events,
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip(),
    }, indent=1))


if __name__ == "__main__":
    main()
