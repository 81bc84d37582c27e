"""The POLECAT TSV export: 40 columns in POLECAT's order, its conventions, read back with csv
and pandas and compared with the store."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from communique import export
from communique.records import CODER_VERSION
from communique.store import Store
from export_records import fill

# Written out here, not imported, so that a change to the module's tuple cannot go unnoticed.
POLECAT_HEADER = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield fill(s)


@pytest.fixture(scope="module")
def tsv(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("polecat") / "events.tsv"
    assert export.from_store(store, "events", "tsv-polecat", path) == 6
    return path


@pytest.fixture(scope="module")
def rows(tsv: Path) -> dict[str, dict[str, str]]:
    with tsv.open(encoding="utf-8", newline="") as f:
        return {r["Event ID"]: r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def test_columns_are_polecats_forty_in_order(tsv: Path) -> None:
    assert len(POLECAT_HEADER) == 40
    assert export.POLECAT_COLUMNS == tuple(POLECAT_HEADER)
    lines = tsv.read_text(encoding="utf-8").split("\n")
    assert lines[0].split("\t") == POLECAT_HEADER
    assert lines[-1] == "" and len(lines) == 1 + 6 + 1  # header, one line per event, final newline
    assert all(line.count("\t") == 39 for line in lines[:-1])


def test_pandas_reads_it_back_and_every_event_is_there(tsv: Path, store: Store) -> None:
    frame = pd.read_csv(tsv, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    assert list(frame.columns) == POLECAT_HEADER
    records = store.events()
    assert list(frame["Event ID"]) == [r["id"] for r in records]
    assert list(frame["Event Type"]) == [r["event"] for r in records]
    assert [float(x) for x in frame["Event Intensity"]] == [r["intensity"] for r in records]
    assert list(frame["Event Date"]) == [r["date"] or "" for r in records]
    assert set(frame["Version"]) == {CODER_VERSION}


def test_event_cells(rows: dict[str, dict[str, str]]) -> None:
    meet = rows["e0e0e0e0e0e0e0e0-e001"]
    assert meet["Event Date"] == "2024-05-06" and meet["Event Type"] == "CONSULT"
    assert meet["Event Mode"] == "meet" and meet["Event Intensity"] == "1.0"
    assert meet["Quad Code"] == "VERBAL COOPERATION" and meet["Contexts"] == "diplomatic"
    assert meet["Placename"] == meet["Raw Placename"] == "Oslo"
    assert meet["Source"] == "Example Wire" and meet["Publication Date"] == "2024-05-07"
    assert meet["Language"] == "en"
    for empty in ("Wikipedia Actor ID", "Wikipedia Recipient ID", "City", "District", "Province", "Country",
                  "Latitude", "Longitude", "GeoNames ID", "Feature Type"):
        assert meet[empty] == "", empty
    assert rows["e0e0e0e0e0e0e0e0-e002"]["Contexts"] == "economic; environment"
    assert rows["e1e1e1e1e1e1e1e1-e002"]["Quad Code"] == "MATERIAL CONFLICT"
    assert rows["e1e1e1e1e1e1e1e1-e002"]["Event Mode"] == ""


def test_several_actors_are_joined_in_the_same_order(rows: dict[str, dict[str, str]]) -> None:
    meet = rows["e0e0e0e0e0e0e0e0-e001"]
    assert meet["Actor Name"] == "Kari Nordmann; Norway"
    assert meet["Actor Country"] == "NOR; NOR" and meet["Actor COW"] == "385; 385"
    assert meet["Primary Actor Sector"] == "GOV" and meet["Actor Sectors"] == "GOV; GOV"
    assert meet["Actor Title"] == "Foreign Minister; " and meet["Actor Name Raw"] == "Kari Nordmann; Norway's"
    assert (meet["Recipient Name"], meet["Recipient Country"], meet["Recipient COW"], meet["Recipient Title"]) == (
        "Envoy of Chile", "CHL", "155", "Envoy")
    urge = rows["e0e0e0e0e0e0e0e0-e003"]
    assert (urge["Actor Country"], urge["Actor COW"]) == ("IGO", "")  # a pseudo-country has no COW number
    assert (urge["Recipient Country"], urge["Recipient COW"]) == ("NOR; CHL", "385; 155")
    assert urge["Actor Title"] == ""  # no title at all: empty, not "; "
    sign = rows["e0e0e0e0e0e0e0e0-e002"]
    assert sign["Recipient Name"] == sign["Recipient COW"] == sign["Primary Recipient Sector"] == ""


def test_story_columns_come_from_the_documents_actors(rows: dict[str, dict[str, str]]) -> None:
    meet = rows["e0e0e0e0e0e0e0e0-e001"]
    assert meet["Story People"] == "Kari Nordmann; Envoy of Chile"
    assert meet["Story Organizations"] == "United Nations; Example Wire"
    assert meet["Story Locations"] == "Oslo; Norway; Chile"
    lima = rows["e1e1e1e1e1e1e1e1-e001"]
    assert (lima["Story People"], lima["Story Locations"], lima["Language"], lima["Source"]) == ("", "Peru; Chile", "", "")


def test_tabs_and_line_breaks_in_values_become_spaces(rows: dict[str, dict[str, str]]) -> None:
    block = rows["e0e0e0e0e0e0e0e0-e004"]
    assert block["Actor Name Raw"] == "Protest- ers at the port"
    assert block["Quad Code"] == "MATERIAL CONFLICT" and block["Actor Sectors"] == "CVL"


def test_quotes_are_kept_as_they_are() -> None:
    record = {"id": "q", "event": "ACCUSE", "quad_code": 3, "intensity": -2.0,
              "actor": [{"entity_name": '"Free Coast" group', "entity_text": '"Free Coast"', "code": None}],
              "recipient": []}
    out = io.StringIO()
    export.polecat.write_polecat([record], out)
    line = out.getvalue().splitlines()[1].split("\t")
    assert line[7] == '"Free Coast" group' and line[13] == '"Free Coast"'
    assert line[8] == line[9] == line[10] == ""


def test_without_stories_the_story_columns_are_empty(store: Store) -> None:
    out = io.StringIO()
    export.write(store.events(country="PER"), "events", "tsv-polecat", out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                        keep_default_na=False)
    assert set(frame["Story Locations"]) == {""} and set(frame["Recipient Name"]) == {"Chile"}
