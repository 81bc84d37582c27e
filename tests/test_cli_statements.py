"""`communique statements` through click's CliRunner: a hand-built database, and one run of
the real model end to end (slow)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.store import Store
from statement_records import oslo as _oslo
from statement_records import reykjavik as _reykjavik


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(_oslo())
        store.add(_reykjavik())
    return path


def test_jsonl_gives_full_records_filtered_by_country(db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["statements", "--db", str(db), "--country", "NOR", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["speaker"]["entity_name"] for r in records] == [
        "Norway's foreign ministry",
        "Kari Lund",
    ]
    assert (
        records[1]["claim"] == "We expect an apology from Reykjavik"
        and records[1]["direct"] is True
    )


def test_csv_has_one_row_per_statement_with_speaker_columns(db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["statements", "--db", str(db), "--format", "csv", "--speaker", "prime"]
    )
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["speaker"], row["speaker_country"], row["claim"]) == (
        "Iceland's prime minister",
        "ISL",
        "the quotas were fair",
    )
    assert row["sentence"] == "Iceland's prime minister said the quotas were fair."


def test_table_shows_speaker_country_and_claim_and_writes_to_a_file(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.txt"
    result = CliRunner().invoke(
        cli, ["statements", "--db", str(db), "--since", "2025-03-04", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = out.read_text(encoding="utf-8")
    assert "Kari Lund [NOR]" in table and "“We expect an apology from Reykjavik”" in table
    assert "the talks with Iceland had failed" not in table  # said on 2025-03-03
    assert table.rstrip().endswith("2 statements")


def test_bad_date_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["statements", "--db", str(db), "--until", "last week"])
    assert result.exit_code == 2
    assert "YYYY" in result.output


def test_missing_database_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["statements", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "communique ingest" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["statements", "--help"])
    assert "Example: communique statements" in result.output
    for option in ("--speaker", "--country", "--since", "--until", "--format", "--output"):
        assert option in result.output


@pytest.mark.slow
def test_ingest_then_list_statements(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Oslo, March 4 (NTB) -- Norway's foreign ministry said on Monday that the fisheries talks with "
        'Iceland had broken down.\n\n"We will not accept quotas set in Reykjavik," the ministry said in a '
        "statement.\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(article), "--db", str(db)]).exit_code == 0
    out = runner.invoke(
        cli, ["statements", "--db", str(db), "--country", "NOR", "--format", "jsonl"]
    )
    records = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["verb"], r["direct"], r["claim"]) for r in records] == [
        ("say", False, "the fisheries talks with Iceland had broken down"),
        ("say", True, "We will not accept quotas set in Reykjavik"),
    ]
    again = runner.invoke(cli, ["ingest", str(article), "--db", str(db)])
    assert "1 already stored" in again.output
    assert (
        len(
            runner.invoke(
                cli, ["statements", "--db", str(db), "--format", "jsonl"]
            ).output.splitlines()
        )
        == 2
    )
    code = runner.invoke(cli, ["code", str(article)])
    assert [s["speaker"]["country"] for s in json.loads(code.output)["statements"]] == [
        "NOR",
        "NOR",
    ]


def test_readme_documents_the_command_and_its_options() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `communique statements"))
    for option in ("--speaker", "--country", "--since", "--until", "--format", "-o FILE"):
        assert option in row
