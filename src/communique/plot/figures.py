"""Matplotlib figures drawn from the aggregates of :mod:`communique.plot.aggregate`.

Figures are built with :class:`matplotlib.figure.Figure` directly, never through pyplot, so no
GUI backend is ever chosen and nothing global changes for a program that imports communique;
saving renders with Agg (PNG) or matplotlib's SVG writer. Each figure uses a fixed, small number
of artists (one step patch per quad class, one collection of ties, one bar container), whatever
the number of events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import matplotlib.dates as mdates
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from communique.events.ontology import QUAD
from communique.plot.aggregate import QUAD_NAMES, Network, Weekly
from communique.plot.layout import spring_layout

__all__ = ["QUAD_COLORS", "SIDE_COLORS", "dyad_figure", "network_figure", "types_figure"]

# Blues for cooperation, oranges for conflict (light: verbal, dark: material); readable in grey
# and by the common colour-blindnesses.
QUAD_COLORS = {1: "#9ecae1", 2: "#2171b5", 3: "#fdae6b", 4: "#d94801", 0: "#bdbdbd"}
# Ties and actors: mostly cooperation, mixed, mostly conflict.
SIDE_COLORS = {"cooperation": "#2171b5", "mixed": "#969696", "conflict": "#d94801"}
# A tie or an actor is "mostly" one side when at least this share of its events is.
MOSTLY = 2 / 3
# Weeks up to which the intensity line shows a marker on every week.
MARKER_WEEKS = 80
# The narrowest time axis of a dyad plot, in weeks.
MIN_SPAN_WEEKS = 8
# Ties drawn in a network, the heaviest first: beyond about three per actor the picture is a
# hairball that hides the ties that matter.
TIES_PER_ACTOR = 3


def _side(share: float) -> str:
    if share >= MOSTLY:
        return "cooperation"
    if share <= 1 - MOSTLY:
        return "conflict"
    return "mixed"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _span(first: dt.date, last: dt.date) -> str:
    return f"{first:%d %b %Y}" if first == last else f"{first:%d %b %Y} – {last:%d %b %Y}"


def dyad_figure(week: Weekly, a: str, b: str) -> Figure:
    """Events per week by quad class (stacked steps) over the mean intensity per week."""
    fig = Figure(figsize=(10, 6), layout="constrained")
    counts_ax, intensity_ax = fig.subplots(2, 1, sharex=True, height_ratios=[2, 1])
    edges = mdates.date2num([*week.weeks, week.weeks[-1] + dt.timedelta(weeks=1)])
    base = np.zeros(len(week.weeks))
    for quad, values in week.counts.items():
        steps = np.asarray(values, dtype=float)
        if steps.any():
            counts_ax.stairs(base + steps, edges, baseline=base.copy(), fill=True, color=QUAD_COLORS[quad],
                             label=QUAD_NAMES.get(quad, "no quad class"))
            base += steps
    counts_ax.set_ylabel("events per week")
    counts_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    counts_ax.legend(loc="upper left", fontsize=9, title="quad class", title_fontsize=9)
    counts_ax.grid(axis="y", alpha=0.3)
    if week.unplaced:
        counts_ax.set_title(f"not shown: {_count(week.unplaced, 'event')} without a day to place them on "
                            "(dated to a month or a year, or undated with no publication date)",
                            loc="right", fontsize=8, color="#555555")

    centres = edges[:-1] + 3.5
    marker = "o" if len(week.weeks) <= MARKER_WEEKS else None
    intensity_ax.plot(centres, week.intensity, marker=marker, markersize=4, linewidth=1.2, color="#252525",
                      label="mean intensity (−10 conflict … +10 cooperation)")
    intensity_ax.axhline(0.0, color="#969696", linewidth=0.8)
    intensity_ax.set_ylim(-10.5, 10.5)
    intensity_ax.set_ylabel("mean intensity")
    intensity_ax.set_xlabel("week (Monday to Sunday)")
    intensity_ax.legend(loc="lower left", fontsize=9)
    intensity_ax.grid(axis="y", alpha=0.3)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    intensity_ax.xaxis.set_major_locator(locator)
    intensity_ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    # A short timeline gets room around it, so that one week reads as a bar and not a block.
    pad = max(3.5, (MIN_SPAN_WEEKS * 7 - (edges[-1] - edges[0])) / 2)
    intensity_ax.set_xlim(edges[0] - pad, edges[-1] + pad)
    last_day = week.weeks[-1] + dt.timedelta(days=6)
    fig.suptitle(f"{a} – {b}: {_count(week.total, 'event')}, {_span(week.weeks[0], last_day)}")
    return fig


def network_figure(net: Network) -> Figure:
    """Top actors as nodes (size: events), ties as lines (width: events), coloured by side."""
    fig = Figure(figsize=(9, 9), layout="constrained")
    ax = fig.subplots()
    names = list(net.nodes)
    index = {name: i for i, name in enumerate(names)}
    pos = spring_layout(len(names), {(index[a], index[b]): t.events for (a, b), t in net.edges.items()})
    ties = sorted(net.edges.items(), key=lambda item: (-item[1].events, item[0]))
    drawn, left_out = ties[:TIES_PER_ACTOR * len(names)], len(ties) - TIES_PER_ACTOR * len(names)
    if drawn:
        heaviest = drawn[0][1].events
        segments = [(pos[index[a]], pos[index[b]]) for (a, b), _ in drawn]
        widths = [0.8 + 7.2 * np.sqrt(t.events / heaviest) for _, t in drawn]
        colors = [SIDE_COLORS[_side(t.share)] for _, t in drawn]
        ax.add_collection(LineCollection(segments, linewidths=widths, colors=colors, alpha=0.55, zorder=1))
    most = max(t.events for t in net.nodes.values())
    sizes = [150 + 2350 * np.sqrt(t.events / most) for t in net.nodes.values()]
    ax.scatter(pos[:, 0], pos[:, 1], s=sizes, c=[SIDE_COLORS[_side(t.share)] for t in net.nodes.values()],
               edgecolors="white", linewidths=1.5, zorder=2)
    for name, (x, y) in zip(names, pos, strict=True):
        ax.annotate(f"{name}\n{net.nodes[name].events:,}", (x, y), ha="center", va="center", fontsize=8,
                    zorder=3, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    handles = [Line2D([], [], marker="o", linestyle="-", color=SIDE_COLORS[side], markersize=9, label=label)
               for side, label in (("cooperation", "mostly cooperation (≥ 2/3 of events)"),
                                   ("mixed", "mixed"),
                                   ("conflict", "mostly conflict (≥ 2/3 of events)"))]
    ax.legend(handles=handles, loc="upper left", fontsize=9, title="actors and ties", title_fontsize=9)
    ax.set_xlim(-1.25, 1.25)
    ax.set_ylim(-1.25, 1.25)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    caption = ("node size: events the actor takes part in (number under the name); "
               "line width: events between the two")
    if net.hidden_nodes:
        caption += (f"\n{_count(net.hidden_nodes, 'more actor')} not shown; "
                    f"{net.hidden_events:,} of the {net.events:,} events involve none of those shown")
    if left_out > 0:
        caption += f"\nonly the {len(drawn):,} heaviest of {len(ties):,} ties are drawn"
    ax.set_xlabel(caption, fontsize=9)
    what = "countries" if net.by == "country" else "actors"
    shown = f"top {len(names)} of {len(names) + net.hidden_nodes}" if net.hidden_nodes else f"{len(names)}"
    ax.set_title(f"Actor network: {shown} {what}, {_count(net.events, 'event')}")
    return fig


def types_figure(counts: dict[str, Any], total: int) -> Figure:
    """Events per PLOVER type as horizontal bars, coloured by quad class, in ontology order."""
    fig = Figure(figsize=(9, 7), layout="constrained")
    ax = fig.subplots()
    kinds = list(counts)
    values = [sum(counts[k].values()) for k in kinds]
    colors = [QUAD_COLORS[QUAD.get(k, 0)] for k in kinds]
    y = np.arange(len(kinds))
    ax.barh(y, values, color=colors, edgecolor="white")
    ax.set_yticks(y, kinds)
    ax.invert_yaxis()
    ax.set_xlabel("events")
    ax.set_ylabel("PLOVER event type")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    top = max(values) if values else 0
    for i, value in enumerate(values):
        if value:
            ax.text(value + top * 0.01, i, f"{value:,}", va="center", fontsize=8)
    ax.set_xlim(0, max(top * 1.12, 1))
    quads = sorted({QUAD.get(k, 0) for k, v in zip(kinds, values, strict=True)})
    handles = [Patch(color=QUAD_COLORS[q], label=QUAD_NAMES.get(q, "no quad class")) for q in quads]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=9, title="quad class",
               title_fontsize=9)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"Events by type: {_count(total, 'event')}")
    return fig
