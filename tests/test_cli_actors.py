"""`communique actors` through click's CliRunner (no model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.records import CodedDocument, Document, Entity
from communique.store import Store

PEOPLE = (
    Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", sector="GOV",
           office="Minister of Foreign Affairs [acting]", organization="Norway"),
    Entity("Sweden", "Sweden", "state", code="SWE", sector="GOV"),
    Entity("NTB", "NTB", "organization", code="NOR", sector="JRN"),
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add(CodedDocument(doc=Document(id="a1", text="Kari met the Swedes.", source="a.txt",
                                             published="2024-03-01"), actors=PEOPLE))
    return path


def test_table_lists_people_with_titles_and_organizations(db: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "--db", str(db), "--kind", "person"])
    assert result.exit_code == 0, result.output
    assert "Kari Nordmann" in result.output and "NOR" in result.output and "GOV" in result.output
    assert "Minister of Foreign Affairs [acting]" in result.output  # brackets shown as written
    assert "Norway" in result.output and "Sweden" not in result.output
    assert result.output.rstrip().endswith("1 actors")


def test_jsonl_to_a_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["actors", "--db", str(db), "--country", "NOR", "--format", "jsonl", "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {r["name"] for r in rows} == {"Kari Nordmann", "NTB"}
    kari = next(r for r in rows if r["name"] == "Kari Nordmann")
    assert kari["office"] == "Minister of Foreign Affairs [acting]" and kari["documents"] == 1


def test_csv_has_a_header_and_one_row_per_actor(db: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "--db", str(db), "--name", "swe", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["name"], r["kind"], r["country"], r["office"]) for r in rows] == [("Sweden", "state", "SWE", "")]


def test_a_missing_database_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "communique ingest" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["actors", "--help"])
    assert "Example: communique actors" in result.output
