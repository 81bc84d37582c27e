"""Coding in worker processes gives the same records, in the same order, as one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique import pipeline, process
from communique.records import CodedDocument, Failure, RawDocument

pytestmark = pytest.mark.slow

OURS = [
    "Moscow, May 5 (TASS) -- Russia and China signed a trade agreement on Monday.",
    "Paris, June 2 -- France condemned the missile launch by North Korea on Sunday.",
    "Berlin, July 9 -- Germany's foreign minister met her Polish counterpart in Warsaw on Tuesday.",
    "Seoul, March 3 -- South Korea urged Japan to return to talks, the ministry said on Friday.",
]


def _raws(examples_dir: Path) -> list[RawDocument | Failure]:
    raws: list[RawDocument | Failure] = [
        RawDocument(source=str(p), text=p.read_text(encoding="utf-8"), published="2024-01-01")
        for p in sorted(examples_dir.glob("*.txt"))
    ]
    raws += [RawDocument(source=f"ours-{i}", text=t, published="2024-01-01") for i, t in enumerate(OURS)]
    raws.insert(2, Failure("broken.html", "encoding", "undecodable bytes"))
    raws.append(RawDocument(source="empty", text="   "))
    return raws


def _summary(results: list[CodedDocument | Failure]) -> list[tuple]:
    return [(r.source, r.reason) if isinstance(r, Failure) else
            (r.doc.source, r.doc.id, tuple(r.events), tuple(r.actors), r.agreements, r.statements)
            for r in results]


def test_workers_give_the_records_of_one_process_in_input_order(examples_dir: Path) -> None:
    raws = _raws(examples_dir)
    one = list(process(raws))
    two = list(process(raws, n_process=2, batch_size=2))
    assert _summary(two) == _summary(one)
    assert [r.source if isinstance(r, Failure) else r.doc.source for r in two] == [r.source for r in raws]
    assert sum(len(r.events) for r in two if isinstance(r, CodedDocument)) >= 8


def test_workers_skip_what_the_caller_says_is_stored(examples_dir: Path) -> None:
    raws = _raws(examples_dir)
    results = list(process(raws, n_process=2, batch_size=1, skip=lambda doc: doc.source.startswith("ours-")))
    skipped = [r for r in results if isinstance(r, CodedDocument) and r.doc.source.startswith("ours-")]
    assert len(skipped) == len(OURS) and all(not r.events and not r.actors for r in skipped)


def test_a_dead_worker_fails_only_its_batch(examples_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    coded = pipeline._guarded_code

    def dies_on_poison(document, parsed, coder, seconds):  # type: ignore[no-untyped-def]
        if "POISON" in document.text:
            os._exit(1)  # the worker process vanishes, as under the OOM killer
        return coded(document, parsed, coder, seconds)

    # Workers are forked, so they code with this function too.
    monkeypatch.setattr(pipeline, "_guarded_code", dies_on_poison)
    raws = [RawDocument(source=f"ours-{i}", text=t) for i, t in enumerate(OURS)]
    raws.insert(2, RawDocument(source="poison", text="POISON pill. Russia met China in Moscow on Monday."))
    results = list(process(raws, n_process=2, batch_size=1))
    assert [r.source if isinstance(r, Failure) else r.doc.source for r in results] == [r.source for r in raws]
    failed = [r for r in results if isinstance(r, Failure)]
    assert [(f.source, f.reason) for f in failed] == [("poison", "internal-error")]
    assert "died" in failed[0].detail
    assert all(r.events for r in results if isinstance(r, CodedDocument))


def test_ingest_with_processes_stores_what_one_process_stores(examples_dir: Path, tmp_path: Path) -> None:
    import sqlite3

    from click.testing import CliRunner

    from communique.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for p in examples_dir.glob("*.txt"):
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    for i, text in enumerate(OURS):
        (folder / f"ours-{i}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    tables = {}
    for name, extra in (("one", []), ("two", ["--processes", "2"])):
        db = tmp_path / f"{name}.db"
        result = runner.invoke(cli, ["ingest", str(folder), "--db", str(db), *extra])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as conn:
            tables[name] = sorted(conn.execute("SELECT * FROM events").fetchall())
    assert tables["two"] == tables["one"] and len(tables["one"]) >= 8
    again = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "two.db"), "--processes", "2"])
    assert again.exit_code == 0 and "0 documents stored" in again.output
    refused = runner.invoke(cli, ["ingest", str(folder), "--processes", "2", "--workers", "2"])
    assert refused.exit_code == 2 and "not both" in refused.output
