"""Train the sentence typer (communique.events.typer) and write its package data file.

usage: python scripts/train_typer.py [--check] [--holdout LETTERS]

Trains on sentences the communique authors wrote, nothing else: the development probe files
(bench/probes/*.jsonl, each sentence with its gold PLOVER type; the held-out files named in
bench/probes.py are left out) and bench/typer/none_*.jsonl (sentences that report no event,
label NONE). Writes src/communique/data/sentence_typer.tsv. Training is deterministic, so the
same files give the same weights.

--check        train, and fail unless the result equals the shipped file (run after changing
               the training sentences or the features, to see the file is up to date)
--holdout L    for measuring only: leave out the probe files whose names start with one of the
               letters L (and every third NONE sentence), train on the rest, and print the
               accuracy on what was left out; writes nothing
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from communique.events.typer import DATA_FILE, features, fit
from communique.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "bench/probes"
NONE_FILES = ROOT / "bench/typer"
OUT = ROOT / "src/communique/data" / DATA_FILE
HELD_OUT = ("h_mixed.jsonl", "m_mixed.jsonl")  # as bench/probes.py: never trained on


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences(holdout: str = "") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(training, left out) pairs of (text, label)."""
    train: list[tuple[str, str]] = []
    left: list[tuple[str, str]] = []
    for path in sorted(PROBES.glob("*.jsonl")):
        if path.name in HELD_OUT:
            continue
        (left if holdout and path.name[0] in holdout else train).extend((r["text"], r["event"]) for r in _rows(path))
    for path in sorted(NONE_FILES.glob("none_*.jsonl")):
        for i, r in enumerate(_rows(path)):
            (left if holdout and i % 3 == 0 else train).append((r["text"], "NONE"))
    return train, left


def _top(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=probabilities.__getitem__)


def main() -> None:
    argv = sys.argv[1:]
    holdout = argv[argv.index("--holdout") + 1] if "--holdout" in argv else ""
    train, left = sentences(holdout)
    nlp = load_model()
    model = fit([(features(doc[:]), label) for doc, (_, label) in zip(nlp.pipe(t for t, _ in train), train)])
    if holdout:
        right = sum(
            _top(model.probabilities(doc[:])) == label
            for doc, (_, label) in zip(nlp.pipe(t for t, _ in left), left)
        )
        print(f"trained on {len(train)}, left out {len(left)}: accuracy {right / len(left):.3f}")
        return
    header = (f"# communique sentence typer: weights of a softmax regression ({len(model.labels)} labels, "
              f"{len(model.weights)} features),\n# trained by scripts/train_typer.py on {len(train)} sentences "
              "the communique authors wrote. Do not edit: retrain.\n")
    text = header + model.to_tsv()
    if "--check" in argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date: run python scripts/train_typer.py")
        print(f"{OUT.name} is up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(train)} sentences, {len(model.weights)} features)")


if __name__ == "__main__":
    main()
