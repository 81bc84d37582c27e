"""What the plots show, computed from event records before anything is drawn.

Every figure is drawn from these small aggregates (weekly bins, per-type counts, the top actors
and their ties), never from one artist per event, so that 10 events and 100,000 events give
figures of the same size and cost. Nothing here imports matplotlib.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from communique.events.ontology import EVENT_TYPES, QUAD

__all__ = [
    "QUAD_NAMES",
    "Network",
    "Tie",
    "Weekly",
    "dyad_events",
    "event_day",
    "network_counts",
    "quad_of",
    "type_counts",
    "weekly",
]

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
COOPERATION = frozenset({1, 2})

Record = Mapping[str, Any]


def quad_of(record: Record) -> int:
    """The quad class (1–4) of an event record; from its type when the record has none."""
    quad = record.get("quad_code") or QUAD.get(str(record.get("event", "")).upper(), 0)
    return int(quad) if quad in (1, 2, 3, 4) else 0


def _day(text: Any) -> dt.date | None:
    if isinstance(text, str) and len(text) == 10:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def event_day(record: Record) -> dt.date | None:
    """The day an event is placed on in a timeline, or None.

    The event's own date when it names a day; an undated event takes its article's
    publication date (news reports what just happened); an event dated only to a month or a
    year ("in March 2024") is not placed in any week.
    """
    date = record.get("date")
    if date:
        return _day(date)
    return _day(record.get("doc_published"))


def _codes(entities: Iterable[Record]) -> set[str]:
    return {str(e["code"]).upper() for e in entities if e.get("code")}


def dyad_events(records: Iterable[Record], a: str, b: str) -> list[Record]:
    """The events between two countries (ISO3 or PLOVER codes), in either direction.

    An event is between A and B when one is among its actors and the other among its
    recipients, or when both are actors of a symmetric event (a meeting, a joint signing).
    """
    a, b = a.upper(), b.upper()
    found = []
    for record in records:
        actors, recipients = _codes(record.get("actor") or ()), _codes(record.get("recipient") or ())
        if ((a in actors and b in recipients) or (b in actors and a in recipients)
                or (record.get("symmetric") and a in actors and b in actors and a != b)):
            found.append(record)
    return found


@dataclass(frozen=True)
class Weekly:
    """Events per week by quad class, and their mean intensity per week.

    ``weeks`` are the Mondays from the first to the last week with an event, with no gaps;
    ``counts[q][i]`` is the number of events of quad class ``q`` in week ``i`` (``q`` 0, only
    when there are such events: a type without a quad class);
    ``intensity[i]`` the mean intensity of week ``i`` (NaN for a week without events).
    ``unplaced`` counts the events that no week could be given (see :func:`event_day`).
    """

    weeks: list[dt.date]
    counts: dict[int, list[int]]
    intensity: list[float]
    unplaced: int = 0

    @property
    def total(self) -> int:
        return sum(sum(c) for c in self.counts.values())


def weekly(records: Iterable[Record]) -> Weekly:
    """Bin events into weeks (Monday to Sunday) by quad class, with each week's mean intensity."""
    per_week: dict[dt.date, Counter[int]] = defaultdict(Counter)
    intensity_sum: dict[dt.date, float] = defaultdict(float)
    unplaced = 0
    for record in records:
        day = event_day(record)
        if day is None:
            unplaced += 1
            continue
        week = day - dt.timedelta(days=day.weekday())
        per_week[week][quad_of(record)] += 1
        intensity_sum[week] += float(record.get("intensity") or 0.0)
    if not per_week:
        return Weekly([], {q: [] for q in QUAD_NAMES}, [], unplaced)
    first, last = min(per_week), max(per_week)
    weeks = [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    quads = [*QUAD_NAMES, *([0] if any(c[0] for c in per_week.values()) else [])]
    counts = {q: [per_week[w][q] if w in per_week else 0 for w in weeks] for q in quads}
    means = []
    for w in weeks:
        n = sum(per_week[w].values()) if w in per_week else 0
        means.append(intensity_sum[w] / n if n else math.nan)
    return Weekly(weeks, counts, means, unplaced)


def type_counts(records: Iterable[Record]) -> dict[str, Counter[int]]:
    """Events per PLOVER type (all 16, in ontology order, then any other type), by quad class."""
    counts: dict[str, Counter[int]] = {t: Counter() for t in EVENT_TYPES}
    for record in records:
        kind = str(record.get("event") or "?").upper()
        counts.setdefault(kind, Counter())[quad_of(record)] += 1
    return counts


@dataclass
class Tie:
    """Events between two actors (or one actor's own events): how many cooperative, conflictual."""

    cooperation: int = 0
    conflict: int = 0

    @property
    def events(self) -> int:
        return self.cooperation + self.conflict

    @property
    def share(self) -> float:
        """Share of cooperation, 0 (all conflict) to 1 (all cooperation)."""
        return self.cooperation / self.events if self.events else 0.5

    def add(self, quad: int) -> None:
        if quad in COOPERATION:
            self.cooperation += 1
        else:
            self.conflict += 1


@dataclass
class Network:
    """The top actors, their ties, and what was left out.

    ``nodes`` maps each shown actor to its :class:`Tie` totals (most events first); ``edges``
    maps pairs of shown actors (sorted) to theirs. ``hidden_nodes`` actors did not make the top
    and ``hidden_events`` events involve none of the shown actors.
    """

    nodes: dict[str, Tie]
    edges: dict[tuple[str, str], Tie]
    hidden_nodes: int = 0
    hidden_events: int = 0
    events: int = 0
    by: str = "country"


def _keys(entities: Sequence[Record], by: str) -> list[str]:
    seen: dict[str, None] = {}
    for e in entities:
        key = (e.get("code") or "").upper() if by == "country" else (e.get("entity_name") or "")
        if key:
            seen.setdefault(key, None)
    return list(seen)


def network_counts(records: Iterable[Record], *, by: str = "country", top: int = 30) -> Network:
    """Count events per actor and per pair of actors, keeping the ``top`` actors by events.

    Args:
        records: Event records.
        by: ``"country"`` (nodes are country codes) or ``"actor"`` (nodes are entity names).
        top: How many actors to keep, those in the most events.

    A pair is tied by an event that has one as actor and the other as recipient, or both as
    actors of a symmetric event.
    """
    if by not in ("country", "actor"):
        raise ValueError(f"by must be 'country' or 'actor', got {by!r}")
    if top < 1:
        raise ValueError(f"top must be 1 or more, got {top}")
    nodes: dict[str, Tie] = defaultdict(Tie)
    edges: dict[tuple[str, str], Tie] = defaultdict(Tie)
    involved: list[frozenset[str]] = []
    for record in records:
        quad = quad_of(record)
        actors, recipients = _keys(record.get("actor") or (), by), _keys(record.get("recipient") or (), by)
        pairs = {tuple(sorted((a, r))) for a in actors for r in recipients if a != r}
        if record.get("symmetric") and not recipients:
            pairs |= {(a, b) for a in actors for b in actors if a < b}
        members = set(actors) | set(recipients)
        for key in members:
            nodes[key].add(quad)
        for pair in pairs:
            edges[pair].add(quad)  # type: ignore[index]
        involved.append(frozenset(members))
    ranked = sorted(nodes, key=lambda k: (-nodes[k].events, k))
    shown = set(ranked[:top])
    return Network(
        nodes={k: nodes[k] for k in ranked[:top]},
        edges={p: t for p, t in sorted(edges.items()) if p[0] in shown and p[1] in shown},
        hidden_nodes=max(0, len(ranked) - top),
        hidden_events=sum(1 for members in involved if not members & shown),
        events=len(involved),
        by=by,
    )
