"""`communique agreements` through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.records import Agreement, CodedDocument, Document, Entity, Evidence, Span
from communique.store import Store

TEXT = ("Norway and Sweden signed an Agreement on Fishing Quotas [Skagerrak] in Oslo on Monday. "
        "The parties undertake to share catch data and to patrol the strait jointly.")


def _coded() -> CodedDocument:
    doc = Document(id="f15h000000000001", text=TEXT, source="fish.txt", published="2024-03-06")
    agreement = Agreement(
        id=f"{doc.id}-a01", doc_id=doc.id, title="Agreement on Fishing Quotas [Skagerrak]", kind="agreement",
        parties=(Entity("Norway", "Norway", "state", code="NOR"), Entity("Sweden", "Sweden", "state", code="SWE")),
        signatories=(Entity("Kari Nordmann", "Kari Nordmann", "person", code="NOR", office="Foreign Minister"),),
        date="2024-03-04", date_precision="day", place="Oslo",
        evidence=(Evidence(0, 0, 86, TEXT[:86]),),
        clauses=(Span(116, 132, "share catch data"), Span(140, 164, "patrol the strait jointly")),
    )
    return CodedDocument(doc=doc, agreements=(agreement,))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add(_coded())
    return path


def test_table_shows_title_kind_parties_date_and_clauses_beneath(db: Path) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.output
    # Titles are shown as written, brackets included (no markup is interpreted).
    assert "Agreement on Fishing Quotas [Skagerrak]" in out
    assert "2024-03-04" in out and "agreement" in out and "NOR; SWE" in out
    assert "signed by Kari Nordmann" in out
    lines = out.splitlines()
    title_line = next(i for i, line in enumerate(lines) if "Fishing Quotas" in line)
    first = next(i for i, line in enumerate(lines) if "1. share catch data" in line)
    second = next(i for i, line in enumerate(lines) if "2. patrol the strait jointly" in line)
    assert title_line < first < second
    assert out.rstrip().endswith("1 agreements")


def test_jsonl_gives_full_records(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["agreements", "--db", str(db), "--format", "jsonl", "-o", str(target)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["parties"] == ["NOR", "SWE"]
    assert [c["text"] for c in records[0]["clauses"]] == ["share catch data", "patrol the strait jointly"]


def test_csv_has_one_row_per_agreement_with_its_clauses(db: Path) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--db", str(db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["kind"], row["parties"], row["date"], row["place"], row["clause_count"]) == (
        "agreement", "NOR; SWE", "2024-03-04", "Oslo", "2")
    assert row["clauses"].splitlines() == ["share catch data", "patrol the strait jointly"]


@pytest.mark.parametrize(
    ("args", "count"),
    [(["--party", "swe"], 1), (["--party", "FRA"], 0), (["--since", "2024-03-05"], 0),
     (["--until", "2024"], 1), (["--text", "strait"], 1), (["--text", "wheat"], 0)],
)
def test_filters(db: Path, args: list[str], count: int) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == count


def test_bad_date_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--db", str(db), "--since", "last week"])
    assert result.exit_code == 2
    assert "YYYY" in result.output


def test_missing_database_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["agreements", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "communique ingest" in result.output


@pytest.mark.slow
def test_ingested_examples_list_their_agreements(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--db", str(db)]).exit_code == 0
    records = [json.loads(line) for line in
               runner.invoke(cli, ["agreements", "--db", str(db), "--format", "jsonl"]).output.splitlines()]
    by_kind = {r["kind"]: r for r in records}
    assert set(by_kind) == {"agreement", "declaration"}
    assert len(by_kind["declaration"]["clauses"]) == 7
    assert len(by_kind["agreement"]["clauses"]) == 5
    prk = runner.invoke(cli, ["agreements", "--db", str(db), "--party", "PRK", "--format", "jsonl"]).output
    assert [json.loads(line)["title"] for line in prk.splitlines()] == ["DPRK-Russia joint declaration"]
