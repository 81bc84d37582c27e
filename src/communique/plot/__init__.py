"""Figures of stored events: a dyad timeline, an actor network, an event-type breakdown.

Each function takes event records (as ``Store.events()`` returns them, or hand-built dicts with
the same keys) and returns a :class:`matplotlib.figure.Figure`; :func:`save` writes it as PNG or
SVG by the file's suffix. The records are aggregated first (weekly bins, per-type counts, the
top actors), so a figure of 100,000 events costs what one of 10 does.

Example::

    from communique import Store, plot

    with Store("communique.db", readonly=True) as store:
        events = store.events(country="PRK")
    plot.save(plot.dyad(events, "PRK", "RUS"), "prk-rus.png")
    plot.save(plot.types(events), "types.svg")
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import OutputError
from communique.plot.aggregate import (
    QUAD_NAMES,
    Network,
    Weekly,
    dyad_events,
    event_day,
    network_counts,
    type_counts,
    weekly,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "DEFAULT_TOP",
    "QUAD_NAMES",
    "SUFFIXES",
    "Network",
    "Weekly",
    "dyad",
    "dyad_events",
    "event_day",
    "format_for_path",
    "network",
    "network_counts",
    "save",
    "type_counts",
    "types",
    "weekly",
]

SUFFIXES = {".png": "png", ".svg": "svg"}
# Actors shown in a network; more labels than this overlap on a 9-inch figure.
DEFAULT_TOP = 30
PNG_DPI = 150

Record = Mapping[str, Any]


def format_for_path(path: str | os.PathLike[str]) -> str:
    """``"png"`` or ``"svg"`` from a file name's suffix.

    Raises:
        OutputError: any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(f"plots are written as PNG or SVG: name the file .png or .svg (got {os.fspath(path)!r})")
    return SUFFIXES[suffix]


def dyad(records: Iterable[Record], a: str, b: str) -> Figure:
    """Events between two countries per week by quad class, with their mean intensity per week.

    Args:
        records: Event records; those between ``a`` and ``b`` (see :func:`dyad_events`) are used.
        a: Country code (ISO3 or PLOVER pseudo-country), e.g. ``"PRK"``.
        b: The other country code.

    Raises:
        OutputError: no events between the two, or none that can be placed in a week.
    """
    from communique.plot.figures import dyad_figure

    a, b = a.upper(), b.upper()
    events = dyad_events(records, a, b)
    if not events:
        raise OutputError(f"no events between {a} and {b}")
    week = weekly(events)
    if not week.weeks:
        raise OutputError(
            f"none of the {len(events)} events between {a} and {b} has a day or a publication date to place it in a week"
        )
    return dyad_figure(week, a, b)


def network(records: Iterable[Record], *, by: str = "country", top: int = DEFAULT_TOP) -> Figure:
    """Actors as nodes sized by their events, tied by the events between them.

    Nodes and ties are coloured by their share of cooperation (quad classes 1–2) against
    conflict (3–4). Only the ``top`` actors with the most events are drawn; the figure says
    how many were left out.

    Args:
        records: Event records.
        by: ``"country"`` (one node per country code) or ``"actor"`` (one per entity name).
        top: How many actors to draw.

    Raises:
        OutputError: no events with an actor to draw.
        ValueError: a bad ``by`` or ``top``.
    """
    from communique.plot.figures import network_figure

    net = network_counts(records, by=by, top=top)
    if not net.nodes:
        raise OutputError(f"no events with {'a country' if by == 'country' else 'an actor'} to draw")
    return network_figure(net)


def types(records: Iterable[Record]) -> Figure:
    """Events per PLOVER type, coloured by quad class.

    Raises:
        OutputError: no events.
    """
    from communique.plot.figures import types_figure

    counts = type_counts(records)
    total = sum(sum(c.values()) for c in counts.values())
    if not total:
        raise OutputError("no events to count")
    return types_figure(counts, total)


def save(fig: Figure, path: str | os.PathLike[str]) -> Path:
    """Write a figure as PNG or SVG, by the suffix of ``path``; returns the path.

    SVG output is reproducible (no timestamp, fixed element ids).

    Raises:
        OutputError: a suffix other than ``.png`` or ``.svg``.
    """
    from matplotlib import rc_context

    fmt = format_for_path(path)
    path = Path(path)
    with rc_context({"svg.hashsalt": "communique"}), warnings.catch_warnings():
        # Names in scripts the default font lacks (Hangul, Chinese) are drawn as boxes; that is
        # no reason to stop.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        if fmt == "svg":
            fig.savefig(path, format="svg", metadata={"Date": None})
        else:
            fig.savefig(path, format="png", dpi=PNG_DPI)
    return path
