"""The command line, through click's CliRunner (real model: slow)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import EXIT_PARTIAL, cli
from communique.store import Store

pytestmark = pytest.mark.slow

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "seeds" / "gold.jsonl"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def messy_folder(tmp_path: Path, examples_dir: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(examples_dir / "004_c184dba52402bfdb.txt", folder / "kcna.txt")
    shutil.copy(examples_dir / "000_188856d1e9c907ac.txt", folder / "sub" / "rstv.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks in Paris: France met Spain.".encode("latin-1"))
    return folder


def test_ingest_stores_good_records_bad_and_is_idempotent(runner, messy_folder, tmp_path):
    db = tmp_path / "c.db"
    first = runner.invoke(cli, ["ingest", str(messy_folder), "--db", str(db)])
    assert first.exit_code == EXIT_PARTIAL, first.output
    assert "2 documents stored" in first.output and "3 failed" in first.output
    with Store(db, readonly=True) as store:
        counts = store.counts()
        reasons = {Path(f.source).name: f.reason for f in store.failures()}
    assert counts["documents"] == 2 and counts["events"] > 0
    assert reasons == {"empty.txt": "empty", "image.bin": "encoding", "latin1.txt": "encoding"}
    again = runner.invoke(cli, ["ingest", str(messy_folder), "--db", str(db)])
    assert "0 documents stored" in again.output and "2 already stored" in again.output
    with Store(db, readonly=True) as store:
        assert store.counts() == counts


def test_code_prints_one_object_per_document_in_input_order(runner, tmp_path):
    rows = [
        {"id": "b-2", "text": "Chile and Peru signed a trade agreement on Monday.", "published": "2025-02-05"},
        {"id": "a-1", "text": "Kenya accused Uganda of violating the border."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = runner.invoke(cli, ["code", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["doc"]["input_id"] for line in lines] == ["b-2", "a-1"]
    assert lines[0]["events"][0]["event"] == "SUPPORT"
    assert lines[0]["events"][0]["date"] == "2025-02-03"


def test_code_reads_stdin_with_published(runner):
    result = runner.invoke(cli, ["code", "-", "--published", "2025-02-05"], input="Chile and Peru signed a trade agreement on Monday.")
    assert json.loads(result.output)["events"][0]["date"] == "2025-02-03"


def test_events_filters_and_formats(runner, examples_dir, tmp_path):
    db = tmp_path / "c.db"
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--db", str(db)]).exit_code == 0
    out = runner.invoke(cli, ["events", "--db", str(db), "--type", "SUPPORT", "--country", "RUS", "--format", "jsonl"])
    records = [json.loads(line) for line in out.output.splitlines()]
    assert records and all(r["event"] == "SUPPORT" for r in records)
    assert all(any(e["code"] == "RUS" for e in r["actor"] + r["recipient"]) for r in records)
    as_csv = runner.invoke(cli, ["events", "--db", str(db), "--format", "csv"]).output
    table = list(csv.DictReader(io.StringIO(as_csv)))
    assert {row["event"] for row in table} >= {"SUPPORT", "CONSULT"}
    shown = runner.invoke(cli, ["show", records[0]["doc_id"][:8], "--db", str(db)])
    assert json.loads(shown.output)["id"] == records[0]["doc_id"]
    assert runner.invoke(cli, ["events", "--db", str(db), "--actor", "Putin"]).output.count("SUPPORT") >= 1


def test_events_on_missing_database_says_what_to_do(runner, tmp_path):
    result = runner.invoke(cli, ["events", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "communique ingest" in result.output


def test_schema_is_json_schema(runner):
    schema = json.loads(runner.invoke(cli, ["schema"]).output)
    assert schema["properties"]["events"]["items"]["properties"]["event"]["enum"][0] == "AGREE"


@pytest.mark.skipif(not SHARED_SEEDS.exists(), reason="needs ../shared/benchmarks/seeds")
def test_evaluate_seed_articles_meets_the_bar(runner):
    result = runner.invoke(cli, ["evaluate", str(SHARED_SEEDS), "--json"])
    scores = json.loads(result.output)
    assert scores["events"]["f1"] >= 0.8
    assert scores["people_recall"] >= 0.9


def test_serve_has_an_example_and_refuses_a_missing_database(tmp_path: Path) -> None:
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Example: communique serve" in help_text and "127.0.0.1" in help_text
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_readme_documents_serve_and_its_options() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `communique serve"))
    for option in ("--db FILE", "--host 127.0.0.1", "--port 8000"):
        assert option in row
