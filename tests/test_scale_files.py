"""Scale-out without a cluster or a model: the lossless record codec, partitioning, partition
files (atomic, complete, readable back) and the DuckDB queries that docs/scale.md shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.errors import OutputError
from communique.records import CodedDocument, Failure, RawDocument
from communique.scale import decode_item, encode_item, partitions, read_partition
from communique.scale.parquet import is_complete, partition_files, write_partition
from export_records import lima_events, oslo_events
from statement_records import oslo, reykjavik

DOCS = Path(__file__).resolve().parents[1] / "docs" / "scale.md"


def _results() -> list[CodedDocument | Failure]:
    return [oslo_events(), Failure("x.bin", "encoding", "binary data"), lima_events(), oslo(), reykjavik()]


def test_codec_gives_back_every_record_exactly() -> None:
    raw = RawDocument(source="a.jsonl:3", text="Norway met Chile.", input_id="n-1", url="https://example.org/a",
                      title="Talks", published="2024-05-06", outlet="Wire", language="en")
    for item in [*_results(), raw, RawDocument(source="p.html", html="<p>x</p>")]:
        data = json.loads(json.dumps(encode_item(item), ensure_ascii=False))
        assert decode_item(data) == item
    # The document text is part of the record (Document.to_dict leaves it out).
    assert encode_item(oslo_events())["record"]["doc"]["text"] == oslo_events().doc.text


def test_codec_refuses_what_it_cannot_rebuild() -> None:
    with pytest.raises(ValueError, match="kind"):
        decode_item({"kind": "event", "record": {}})
    with pytest.raises(ValueError, match="Failure"):
        decode_item({"kind": "failure", "record": {"source": "x", "no such field": 1}})


def test_partitions_keep_order_and_are_named_by_their_content() -> None:
    raws = [RawDocument(source=f"s{i}", text=f"Text number {i}.") for i in range(7)]
    parts = list(partitions(iter(raws), 3))
    assert [len(p.items) for p in parts] == [3, 3, 1] and [p.index for p in parts] == [0, 1, 2]
    assert [item for p in parts for item in p.items] == raws
    again = list(partitions(raws, 3))
    assert [p.key for p in again] == [p.key for p in parts]
    assert len({p.key for p in parts}) == 3 and all(re.fullmatch(r"part-[0-9a-f]{20}\.parquet", p.filename)
                                                     for p in parts)
    changed = list(partitions([*raws[:4], RawDocument(source="s4", text="Text number 4!"), *raws[5:]], 3))
    assert changed[0].key == parts[0].key and changed[1].key != parts[1].key
    with pytest.raises(ValueError, match="at least 1"):
        list(partitions(raws, 0))


def test_partition_file_round_trip_and_completeness(tmp_path: Path) -> None:
    results = _results()
    path = tmp_path / "part-abc.parquet"
    write_partition(results, path, key="abc", inputs=5)
    assert list(read_partition(path)) == results
    assert is_complete(path, key="abc", inputs=5)
    assert not is_complete(path, key="abd", inputs=5) and not is_complete(path, key="abc", inputs=4)
    assert not is_complete(tmp_path / "missing.parquet", key="abc", inputs=5)
    garbage = tmp_path / "part-bad.parquet"
    garbage.write_bytes(b"PAR1 not really")
    assert not is_complete(garbage, key="bad", inputs=1)
    with pytest.raises(OutputError, match="delete it"):
        list(read_partition(garbage))
    assert partition_files(tmp_path) == [path, garbage]


def test_partition_write_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    def half_then_die(table, where, **kwargs):  # type: ignore[no-untyped-def]
        where.write(b"PAR1 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", half_then_die)
    with pytest.raises(OutputError, match="No space left"):
        write_partition(_results(), tmp_path / "part-x.parquet", key="x", inputs=5)
    assert list(tmp_path.iterdir()) == []


def _documented_queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_duckdb_queries_in_the_docs_run_on_partition_files(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    folder = tmp_path / "news.db-partitions"
    folder.mkdir()
    results = _results()
    write_partition(results[:2], folder / "part-one.parquet", key="one", inputs=2)
    write_partition(results[2:], folder / "part-two.parquet", key="two", inputs=3)
    queries = _documented_queries()
    assert len(queries) >= 5
    con = duckdb.connect()
    outputs = []
    for sql in queries:
        con.execute(sql.replace("news.db-partitions/", f"{folder.as_posix()}/"))
        outputs.append(con.fetchall() if con.description else [])
    joined = repr(outputs)
    events = [e for r in results if isinstance(r, CodedDocument) for e in r.events]
    # Counts per type, the failure, statements and the view over all events come back.
    assert ("CONSULT", 1) in outputs[1] and "binary data" in joined and "Kari Lund" in joined
    assert any(len(rows) == 1 and rows[0][0] == len(events) for rows in outputs)


def test_leftovers_of_killed_writers_are_removed_once_their_partition_is_whole(tmp_path: Path) -> None:
    from communique.scale.engine import remove_leftovers

    write_partition(_results(), tmp_path / "part-aaa.parquet", key="aaa", inputs=5)
    done = tmp_path / ".part-aaa.parquet.123-abcd1234.tmp"
    pending = tmp_path / ".part-bbb.parquet.123-abcd1234.tmp"
    done.write_bytes(b"PAR1 half")
    pending.write_bytes(b"PAR1 half")
    assert remove_leftovers(tmp_path) == 1
    assert not done.exists() and pending.exists()


def test_the_scale_options_are_documented() -> None:
    from click.testing import CliRunner

    from communique.cli import cli

    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).output
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `communique ingest"))
    docs = DOCS.read_text(encoding="utf-8")
    for option in ("--workers", "--cluster", "--parquet-dir", "--partition-size"):
        assert option in help_text and option in row and option in docs
    assert "dask-jobqueue" in docs and "Kubernetes" in docs and "DuckDB" in docs


def test_a_folder_of_partition_files_loads_into_a_store_once(tmp_path: Path) -> None:
    from communique.scale import load
    from communique.store import Store

    results = _results()
    write_partition(results[:3], tmp_path / "part-one.parquet", key="one", inputs=3)
    write_partition(results[2:], tmp_path / "part-two.parquet", key="two", inputs=3)  # lima twice
    with Store(":memory:") as store:
        tally = load(store, (r for path in partition_files(tmp_path) for r in read_partition(path)))
        assert (tally["stored"], tally["already stored"], tally["new failures"]) == (4, 1, 1)
        assert tally["events"] == sum(len(r.events) for r in results if isinstance(r, CodedDocument))
        again = load(store, (r for path in partition_files(tmp_path) for r in read_partition(path)))
        assert again["stored"] == 0 and again["known failures"] == 1
