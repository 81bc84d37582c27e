"""`communique events | agreements | statements --format ... -o FILE` through click's CliRunner,
on a hand-built database (no model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.store import Store
from export_records import fill


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "c.db"
    with Store(path) as store:
        fill(store)
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("kind", ["events", "agreements", "statements"])
def test_parquet_file_holds_what_jsonl_prints(db: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.parquet"
    code, output = _run(kind, "--db", str(db), "--format", "parquet", "-o", str(path))
    assert code == 0, output
    code, jsonl = _run(kind, "--db", str(db), "--format", "jsonl")
    assert pq.read_table(path).to_pylist() == [json.loads(line) for line in jsonl.splitlines()]


def test_the_suffix_of_o_picks_the_format(db: Path, tmp_path: Path) -> None:
    for name in ("e.parquet", "e.csv", "e.tsv", "e.jsonl", "e.txt"):
        code, output = _run("events", "--db", str(db), "--country", "PER", "-o", str(tmp_path / name))
        assert code == 0, output
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 2
    assert len(pd.read_csv(tmp_path / "e.csv")) == 2
    assert pd.read_csv(tmp_path / "e.tsv", sep="\t", quoting=csv.QUOTE_NONE).columns[0] == "Event ID"
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert (tmp_path / "e.txt").read_text(encoding="utf-8").rstrip().endswith("2 events")  # a table


def test_format_wins_over_the_suffix(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    code, _ = _run("events", "--db", str(db), "--format", "csv", "-o", str(path))
    assert code == 0 and path.read_text(encoding="utf-8").startswith("id,date,event")


def test_polecat_tsv_on_stdout_has_story_columns(db: Path) -> None:
    code, output = _run("events", "--db", str(db), "--country", "CHL", "--format", "tsv-polecat")
    assert code == 0, output
    frame = pd.read_csv(io.StringIO(output), sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    assert len(frame.columns) == 40 and len(frame) == 5
    assert "Kari Nordmann; Envoy of Chile" in set(frame["Story People"])


def test_csv_on_stdout_reads_back(db: Path) -> None:
    code, output = _run("agreements", "--db", str(db), "--format", "csv")
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(output))
    assert row["parties"] == "CHL; NOR"


def test_parquet_on_stdout_when_piped(db: Path) -> None:
    result = CliRunner().invoke(cli, ["statements", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).num_rows == 3


@pytest.mark.parametrize("kind", ["agreements", "statements"])
def test_polecat_for_anything_but_events_is_a_usage_error(db: Path, kind: str) -> None:
    code, output = _run(kind, "--db", str(db), "--format", "tsv-polecat")
    assert code == 2
    assert "tsv-polecat applies to events only" in output


def test_polecat_suffix_for_statements_says_so_too(db: Path, tmp_path: Path) -> None:
    code, output = _run("statements", "--db", str(db), "-o", str(tmp_path / "s.tsv"))
    assert code == 2 and "events only" in output


def test_unwritable_output_is_reported(db: Path, tmp_path: Path) -> None:
    code, output = _run("events", "--db", str(db), "-o", str(tmp_path / "missing" / "e.csv"))
    assert code != 0 and "missing" in output


def test_help_lists_the_formats() -> None:
    _, output = _run("events", "--help")
    for word in ("tsv-polecat", "parquet", "--output", "Example: communique events"):
        assert word in output


def test_readme_documents_the_formats_and_the_plot_commands() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = {line.split("`")[1].split(" [")[0]: line for line in readme.splitlines()
            if line.startswith("| `communique ")}
    assert "tsv-polecat" in rows["communique events"] and "parquet" in rows["communique events"]
    for command in ("communique agreements", "communique statements"):
        assert "parquet" in rows[command] and "-o FILE" in rows[command]
    for command, options in (("communique plot dyad A B", ("--since", "--until", "-o FILE")),
                             ("communique plot network", ("--country", "--by", "--top", "-o FILE")),
                             ("communique plot types", ("--country", "--since", "-o FILE"))):
        assert all(option in rows[command] for option in options), command
    assert "## Exports" in readme and "## Plots" in readme and "docs/plot-dyad.png" in readme
    for image in ("plot-dyad.png", "plot-types.png"):
        assert (Path(__file__).resolve().parents[1] / "docs" / image).read_bytes().startswith(b"\x89PNG")
