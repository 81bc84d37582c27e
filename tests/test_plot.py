"""communique.plot: the aggregates behind the figures, the figures' labels and legends, PNG/SVG
files, 100,000 synthetic events, and the `communique plot` commands (no model)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from communique import plot
from communique.cli import cli
from communique.errors import OutputError
from communique.plot.layout import spring_layout
from communique.store import Store
from export_records import fill, synthetic_events

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def ev(kind: str, actor: list[str], recipient: list[str], date: str | None = None, *,
       published: str | None = None, symmetric: bool = False, quad: int | None = None,
       intensity: float = 1.0) -> dict[str, Any]:
    from communique.events.ontology import QUAD

    return {"event": kind, "quad_code": QUAD.get(kind, 0) if quad is None else quad, "intensity": intensity,
            "date": date, "doc_published": published, "symmetric": symmetric,
            "actor": [{"entity_name": f"{c} gov", "code": c} for c in actor],
            "recipient": [{"entity_name": f"{c} gov", "code": c} for c in recipient]}


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield fill(s)


@pytest.fixture(scope="module")
def many() -> list[dict[str, Any]]:
    return synthetic_events(100_000)


# -- aggregates ------------------------------------------------------------------------------

def test_event_day_uses_the_date_else_the_publication_date_for_undated_events() -> None:
    assert plot.event_day(ev("AID", [], [], "2024-03-05", published="2024-03-09")) == dt.date(2024, 3, 5)
    assert plot.event_day(ev("AID", [], [], None, published="2024-03-09")) == dt.date(2024, 3, 9)
    assert plot.event_day(ev("AID", [], [], "2024-03", published="2024-03-09")) is None  # a month: no week
    assert plot.event_day(ev("AID", [], [], None, published=None)) is None


def test_dyad_events_go_either_way_and_include_symmetric_co_actors() -> None:
    events = [
        ev("CONSULT", ["PRK"], ["RUS"]), ev("ACCUSE", ["RUS"], ["PRK", "USA"]),
        ev("SUPPORT", ["PRK", "RUS"], [], symmetric=True), ev("ACCUSE", ["PRK", "RUS"], ["USA"]),
        ev("AID", ["PRK"], ["CHN"]),
    ]
    assert [e["event"] for e in plot.dyad_events(events, "prk", "RUS")] == ["CONSULT", "ACCUSE", "SUPPORT"]
    assert plot.dyad_events(events, "PRK", "PRK") == []


def test_weekly_bins_are_mondays_without_gaps() -> None:
    events = [ev("AID", ["A"], ["B"], "2024-01-03", intensity=7.0),  # Wednesday, week of Jan 1
              ev("ACCUSE", ["A"], ["B"], "2024-01-07", intensity=-2.0),  # Sunday, same week
              ev("ASSAULT", ["A"], ["B"], "2024-01-22", intensity=-9.0),  # two weeks later
              ev("AID", ["A"], ["B"], "2024-01"), ev("AID", ["A"], ["B"])]
    week = plot.weekly(events)
    assert week.weeks == [dt.date(2024, 1, 1), dt.date(2024, 1, 8), dt.date(2024, 1, 15), dt.date(2024, 1, 22)]
    assert week.counts == {1: [0, 0, 0, 0], 2: [1, 0, 0, 0], 3: [1, 0, 0, 0], 4: [0, 0, 0, 1]}
    assert week.intensity[0] == 2.5 and math.isnan(week.intensity[1]) and week.intensity[3] == -9.0
    assert week.unplaced == 2 and week.total == 3


def test_type_counts_list_all_sixteen_types_in_order_then_others() -> None:
    counts = plot.type_counts([ev("ASSAULT", [], []), ev("AGREE", [], []), ev("DISAPPROVE", [], [], quad=3)])
    assert list(counts)[:3] == ["AGREE", "CONSULT", "SUPPORT"] and list(counts)[-1] == "DISAPPROVE"
    assert len(counts) == 17 and counts["ASSAULT"][4] == 1 and counts["DISAPPROVE"][3] == 1


def test_network_keeps_the_top_actors_and_counts_what_it_leaves_out() -> None:
    events = [ev("CONSULT", ["A"], ["B"]), ev("ACCUSE", ["A"], ["B"]), ev("AID", ["A"], ["C"]),
              ev("SUPPORT", ["B", "C"], [], symmetric=True), ev("ASSAULT", ["D"], ["E"])]
    net = plot.network_counts(events, top=3)
    assert list(net.nodes) == ["A", "B", "C"]
    assert (net.nodes["A"].events, net.nodes["A"].cooperation, net.nodes["A"].conflict) == (3, 2, 1)
    assert {pair: tie.events for pair, tie in net.edges.items()} == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}
    assert (net.hidden_nodes, net.hidden_events, net.events) == (2, 1, 5)
    by_name = plot.network_counts(events, by="actor", top=1)
    assert list(by_name.nodes) == ["A gov"]
    with pytest.raises(ValueError, match="by must be"):
        plot.network_counts(events, by="sector")


def test_layout_is_deterministic_and_inside_the_frame() -> None:
    weights = {(0, 1): 5.0, (1, 2): 1.0, (3, 4): 2.0}
    first, second = spring_layout(6, weights), spring_layout(6, weights)
    assert np.array_equal(first, second)
    assert np.abs(first).max() <= 1.0 + 1e-9
    assert spring_layout(1, {}).shape == (1, 2) and spring_layout(0, {}).shape == (0, 2)


# -- figures ---------------------------------------------------------------------------------

def _labels(fig: Any) -> list[tuple[str, str]]:
    return [(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes]


def test_dyad_figure_has_labelled_axes_legends_and_a_title(store: Store) -> None:
    fig = plot.dyad(store.events(), "nor", "chl")
    counts_ax, intensity_ax = fig.axes
    assert counts_ax.get_ylabel() == "events per week"
    assert intensity_ax.get_ylabel() == "mean intensity" and intensity_ax.get_xlabel().startswith("week")
    assert [t.get_text() for t in counts_ax.get_legend().get_texts()] == ["verbal cooperation"]
    assert "mean intensity" in intensity_ax.get_legend().get_texts()[0].get_text()
    assert fig.get_suptitle().startswith("NOR – CHL: 1 event, 06 May 2024 – 12 May 2024")
    assert "not shown: 1 event" in counts_ax.get_title(loc="right")  # the SUPPORT dated "2024-05"


def test_network_figure_has_a_legend_caption_and_title(store: Store) -> None:
    fig = plot.network(store.events())
    (ax,) = fig.axes
    assert ax.get_legend() is not None and "cooperation" in ax.get_legend().get_texts()[0].get_text()
    assert ax.get_xlabel().startswith("node size: events")
    assert ax.get_title() == "Actor network: 4 countries, 6 events"


def test_types_figure_has_labelled_axes_and_a_legend(store: Store) -> None:
    fig = plot.types(store.events())
    (ax,) = fig.axes
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("events", "PLOVER event type")
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(plot.QUAD_NAMES.values())
    assert [bar.get_width() for bar in ax.patches][:3] == [0, 1, 1]  # AGREE, CONSULT, SUPPORT
    assert ax.get_title() == "Events by type: 6 events"


def test_save_writes_png_and_reproducible_svg(store: Store, tmp_path: Path) -> None:
    fig = plot.types(store.events())
    assert plot.save(fig, tmp_path / "t.png").read_bytes().startswith(PNG_MAGIC)
    svg = plot.save(fig, tmp_path / "t.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and "PLOVER event type" in svg
    assert plot.save(plot.types(store.events()), tmp_path / "again.svg").read_text(encoding="utf-8") == svg


@pytest.mark.parametrize("name", ["t.jpg", "t.pdf", "t"])
def test_other_suffixes_are_refused(store: Store, tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match=r"name the file \.png or \.svg"):
        plot.save(plot.types(store.events()), tmp_path / name)


def test_nothing_to_plot_says_so() -> None:
    with pytest.raises(OutputError, match="no events between PRK and RUS"):
        plot.dyad([ev("AID", ["PRK"], ["CHN"], "2024-01-01")], "PRK", "RUS")
    with pytest.raises(OutputError, match="none of the 1 events between PRK and RUS"):
        plot.dyad([ev("AID", ["PRK"], ["RUS"], "2024-01")], "PRK", "RUS")
    with pytest.raises(OutputError, match="no events"):
        plot.types([])
    with pytest.raises(OutputError, match="no events with a country"):
        plot.network([ev("AID", [], [])])


def test_one_hundred_thousand_events_make_readable_figures(many: list[dict[str, Any]], tmp_path: Path) -> None:
    dyad = plot.dyad(many, "PRK", "RUS")
    assert len(dyad.axes[0].patches) <= 5  # one step patch per quad class, not one bar per event
    assert plot.save(dyad, tmp_path / "dyad.png").read_bytes().startswith(PNG_MAGIC)
    network = plot.network(many)
    (ax,) = network.axes
    assert ax.get_title() == "Actor network: top 30 of 60 countries, 100,000 events"
    assert "30 more actors not shown" in ax.get_xlabel() and "ties are drawn" in ax.get_xlabel()
    assert len(ax.texts) == 30 and len(ax.collections) == 2  # labels, one LineCollection, one scatter
    assert plot.save(network, tmp_path / "network.svg").stat().st_size > 0
    types = plot.types(many)
    assert len(types.axes[0].patches) == 16
    assert plot.save(types, tmp_path / "types.png").read_bytes().startswith(PNG_MAGIC)


# -- command line ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plots") / "c.db"
    with Store(path) as s:
        fill(s)
    return path


def test_plot_dyad_writes_the_file_it_is_given(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "nor-chl.svg"
    result = CliRunner().invoke(cli, ["plot", "dyad", "NOR", "chl", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert "2 events between NOR and CHL" in result.output


def test_plot_dyad_default_name(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plot", "dyad", "per", "CHL", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dyad-PER-CHL.png").read_bytes().startswith(PNG_MAGIC)


def test_plot_dyad_without_events_says_what_to_try(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plot", "dyad", "PRK", "RUS", "--db", str(db), "-o", str(tmp_path / "x.png")])
    assert result.exit_code == 1
    assert f"no events between PRK and RUS in {db}; try `communique events --country PRK`" in result.output
    assert not (tmp_path / "x.png").exists()


def test_plot_network_and_types(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["network", "--top", "3", "-o", str(tmp_path / "n.png")],
                 ["types", "--country", "CHL", "-o", str(tmp_path / "t.svg")],
                 ["network", "--by", "actor", "--since", "2024-06", "-o", str(tmp_path / "a.png")]):
        result = runner.invoke(cli, ["plot", *args, "--db", str(db)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "n.png").read_bytes().startswith(PNG_MAGIC)
    assert (tmp_path / "t.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_plot_refuses_other_suffixes_before_reading(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plot", "types", "--db", str(tmp_path / "none.db"), "-o", "t.jpg"])
    assert result.exit_code == 2 and "name the file .png or .svg" in result.output


def test_plot_with_no_matching_events(db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plot", "types", "--db", str(db), "--country", "PRK",
                                      "-o", str(tmp_path / "t.png")])
    assert result.exit_code == 1 and "no events in" in result.output


@pytest.mark.parametrize("command", ["dyad", "network", "types"])
def test_plot_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, ["plot", command, "--help"])
    assert f"Example: communique plot {command}" in result.output and "--output" in result.output
