"""Read-only queries the web UI needs beyond :class:`~communique.store.Store`'s own.

Everything here reads through a store's connection and returns plain dicts and lists (what
the JSON API sends). Filters compare exact names where a page is about one actor (the actor
page, statements by one speaker) and the case-insensitive substrings of ``Store.events`` where
a user types a filter.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from communique.store import Store

__all__ = [
    "QUAD_CLASSES",
    "actor_event_count",
    "actor_events",
    "actor_exists",
    "actor_list",
    "actor_profile",
    "actor_statements",
    "bin_start",
    "document_list",
    "dyad_timeline",
    "event_page",
    "facets",
    "timeline",
    "top_dyads",
]

# PLOVER quad classes, by quad_code.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
# A timeline with more weekly bins than this is drawn by month instead.
MAX_WEEK_BINS = 260


def _rows(store: Store, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
    return store.conn.execute(sql, tuple(params)).fetchall()


def _record(row: sqlite3.Row) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(row["record"])
    record.update(doc_title=row["title"], doc_outlet=row["outlet"],
                  doc_published=row["published"])
    return record


def document_list(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    """Stored documents, newest publication first (undated last), one page of them."""
    total = _rows(store, "SELECT count(*) FROM documents")[0][0]
    rows = _rows(
        store,
        "SELECT d.id, d.title, d.outlet, d.published, d.language, d.source,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"
        " FROM documents d ORDER BY d.published IS NULL, d.published DESC, d.id"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return {"total": total, "documents": [dict(r) for r in rows]}


def facets(store: Store) -> dict[str, list[dict[str, Any]]]:
    """What the filter forms offer: outlets and participant country codes, with counts."""
    outlets = _rows(
        store,
        "SELECT outlet AS value, count(*) AS n FROM documents WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY n DESC, outlet",
    )
    codes = _rows(
        store,
        "SELECT code AS value, count(DISTINCT event_id) AS n FROM event_actors"
        " WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code",
    )
    return {"outlets": [dict(r) for r in outlets], "countries": [dict(r) for r in codes]}


# The order of Store.events(newest_first=True).
NEWEST_FIRST = "e.date IS NULL, e.date DESC, d.published IS NULL, d.published DESC, e.id DESC"


def event_page(
    store: Store,
    *,
    actor: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of the events matching the filters (those of ``Store.events``), newest first,
    and how many match in all.

    Raises:
        ValueError: a malformed date bound.
    """
    filters = {"actor": actor, "country": country, "event_type": event_type, "since": since,
               "until": until, "outlet": outlet}
    page = store.events(**filters, limit=limit, offset=offset, newest_first=True)
    total = store.event_count(**filters) if limit is not None else offset + len(page)
    return {"total": total, "offset": offset, "events": page}


def actor_list(
    store: Store,
    *,
    name: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of ``Store.actors`` (most often named first) and how many actors match in all."""
    actors = store.actors(name=name, country=country, kind=kind)
    return {"total": len(actors), "actors": actors[offset:offset + limit]}


def actor_exists(store: Store, name: str) -> bool:
    """Whether some document or event names an actor exactly so."""
    return bool(_rows(store, "SELECT 1 FROM actors WHERE entity_name = ? UNION ALL"
                             " SELECT 1 FROM event_actors WHERE entity_name = ? LIMIT 1", (name, name)))


def actor_profile(store: Store, name: str, *, limit: int = 100) -> dict[str, Any] | None:
    """Everything stored about the actor with exactly this name, or None if there is none.

    Returns:
        ``name``, ``kinds``, ``countries``, ``sectors``, ``titles`` and ``organizations``
        (each ``[{"value", "n"}]``: how many mentions give it), ``documents`` (the newest
        ``limit``) and ``document_count``, ``event_count``, ``counterparts`` (the actors it has events with), ``statement_count`` and
        ``summary``: its rows of ``Store.actors`` (one per kind: the most frequent country and
        sector, the fullest title, document and event counts, first and last publication
        date), the figures the actor list shows.
    """
    mentions = _rows(
        store,
        "SELECT a.entity_type, a.code, a.sector, a.office, a.organization, a.doc_id"
        " FROM actors a WHERE a.entity_name = ?",
        (name,),
    )
    if not mentions and not actor_exists(store, name):
        return None

    def counted(index: int) -> list[dict[str, Any]]:
        counts = Counter(m[index] for m in mentions if m[index])
        return [{"value": v, "n": n} for v, n in counts.most_common()]

    naming = ("(SELECT doc_id FROM actors WHERE entity_name = ?"
              " UNION SELECT e.doc_id FROM events e JOIN event_actors ea ON ea.event_id = e.id"
              " WHERE ea.entity_name = ?)")
    documents = _rows(
        store,
        f"SELECT d.id, d.title, d.outlet, d.published FROM documents d WHERE d.id IN {naming}"
        " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ?",
        (name, name, limit),
    )
    document_count = _rows(store, f"SELECT count(*) FROM {naming}", (name, name))[0][0]
    counterparts = _rows(
        store,
        "SELECT other.entity_name AS name, other.code AS code, count(DISTINCT other.event_id) AS n"
        " FROM event_actors me JOIN event_actors other ON other.event_id = me.event_id"
        " WHERE me.entity_name = ? AND other.entity_name != me.entity_name"
        " GROUP BY other.entity_name ORDER BY n DESC, other.entity_name LIMIT 20",
        (name,),
    )
    statement_count = 0
    if _rows(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'statements'"):
        statement_count = _rows(store, "SELECT count(*) FROM statements WHERE speaker_name = ?",
                                (name,))[0][0]
    return {
        "name": name,
        "kinds": counted(0), "countries": counted(1), "sectors": counted(2),
        "titles": counted(3), "organizations": counted(4),
        "documents": [dict(d) for d in documents],
        "document_count": document_count,
        "event_count": actor_event_count(store, name),
        "counterparts": [dict(c) for c in counterparts],
        "statement_count": statement_count,
        "summary": [a for a in store.actors(name=name) if a["name"] == name],
    }


def actor_events(store: Store, name: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Events with an actor or recipient of exactly this name, newest first (the newest
    ``limit`` of them, if given).

    Each record gains ``roles``: whether the actor is among the ``actor`` or the ``recipient``.
    """
    rows = _rows(
        store,
        "SELECT e.record, d.title, d.outlet, d.published,"
        " group_concat(DISTINCT ea.role) AS roles"
        " FROM events e JOIN documents d ON d.id = e.doc_id"
        " JOIN event_actors ea ON ea.event_id = e.id"
        f" WHERE ea.entity_name = ? GROUP BY e.id ORDER BY {NEWEST_FIRST}"
        + (" LIMIT ?" if limit is not None else ""),
        (name,) if limit is None else (name, limit),
    )
    records = []
    for row in rows:
        record = _record(row)
        record["roles"] = sorted(row["roles"].split(","))
        records.append(record)
    return records


def actor_statements(store: Store, name: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Statements whose speaker has exactly this name, newest first (as ``Store.statements``
    records)."""
    if not _rows(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'statements'"):
        return []
    rows = _rows(
        store,
        "SELECT s.record, d.title, d.outlet, d.published FROM statements s"
        " JOIN documents d ON d.id = s.doc_id WHERE s.speaker_name = ?"
        " ORDER BY coalesce(s.date, d.published) IS NULL, coalesce(s.date, d.published) DESC, s.id DESC"
        + (" LIMIT ?" if limit is not None else ""),
        (name,) if limit is None else (name, limit),
    )
    return [_record(row) for row in rows]


def actor_event_count(store: Store, name: str) -> int:
    """How many events have an actor or recipient of exactly this name."""
    return int(_rows(store, "SELECT count(DISTINCT event_id) FROM event_actors WHERE entity_name = ?",
                     (name,))[0][0])


# -- timelines ---------------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (the first day it can mean)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return dt.date(*numbers)
    except ValueError:
        return None


def bin_start(day: dt.date, by: str) -> dt.date:
    """The first day of the week (Monday) or month holding ``day``."""
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_bin(start: dt.date, by: str) -> dt.date:
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def timeline(records: list[dict[str, Any]], *, by: str = "week") -> dict[str, Any]:
    """Count events per week or month by quad class, with every gap filled.

    An event is placed on its own date, or else on its article's publication date
    (``dated_by`` says which); events with neither are counted in ``undated``.

    Returns:
        ``by`` (``week`` or ``month``; weeks become months past ``MAX_WEEK_BINS``), ``bins``
        (``start``, ``end`` exclusive, ``counts`` by quad code as strings, ``events`` ids),
        ``events`` (the placed records, oldest first, with ``day`` and ``dated_by``) and
        ``undated``.
    """
    placed: list[dict[str, Any]] = []
    undated = 0
    for record in records:
        own = _day(record.get("date"))
        day = own or _day(record.get("doc_published"))
        if day is None:
            undated += 1
            continue
        placed.append({**record, "day": day.isoformat(),
                       "dated_by": "event" if own else "publication"})
    placed.sort(key=lambda r: (r["day"], r["id"]))
    if by == "week" and placed:
        first, last = _day(placed[0]["day"]), _day(placed[-1]["day"])
        assert first is not None and last is not None
        if (last - first).days // 7 > MAX_WEEK_BINS:
            by = "month"
    grouped: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for record in placed:
        day = _day(record["day"])
        assert day is not None
        grouped[bin_start(day, by)].append(record)
    bins = []
    if grouped:
        start, stop = min(grouped), max(grouped)
        while start <= stop:
            members = grouped.get(start, [])
            counts = Counter(str(r.get("quad_code") or 0) for r in members)
            following = _next_bin(start, by)
            bins.append({
                "start": start.isoformat(), "end": following.isoformat(),
                "counts": {str(q): counts.get(str(q), 0) for q in QUAD_CLASSES},
                "events": [r["id"] for r in members],
            })
            start = following
    return {"by": by, "bins": bins, "events": placed, "undated": undated}


def _matches(entity: dict[str, Any], spec: str) -> bool:
    """Whether an entity is what a dyad side names: its country code, or part of its name."""
    if (entity.get("code") or "").casefold() == spec.casefold():
        return True
    return spec.casefold() in (entity.get("entity_name") or "").casefold()


def _direction(record: dict[str, Any], a: str, b: str) -> str | None:
    """How an event links A and B: ``a->b``, ``b->a``, ``joint`` (both among the actors), or None."""
    actors, recipients = record.get("actor", []), record.get("recipient", [])

    def side(entities: list[dict[str, Any]], spec: str) -> bool:
        return any(_matches(e, spec) for e in entities)

    if side(actors, a) and side(recipients, b):
        return "a->b"
    if side(actors, b) and side(recipients, a):
        return "b->a"
    for x, y in ((a, b), (b, a)):
        for i, first in enumerate(actors):
            if _matches(first, x) and any(_matches(o, y) for j, o in enumerate(actors) if j != i):
                return "joint"
    return None


def dyad_timeline(store: Store, a: str, b: str, *, by: str = "week") -> dict[str, Any]:
    """The events between two sides, each a country code or part of an actor's name.

    An event belongs to the dyad when one side is among its actors and the other among its
    recipients, or both are among its actors (a joint act such as signing together).
    """
    candidates = store.events(actor=a) + store.events(country=a)
    seen: set[str] = set()
    records = []
    for record in candidates:
        if record["id"] in seen:
            continue
        seen.add(record["id"])
        direction = _direction(record, a, b)
        if direction is not None:
            records.append({**record, "direction": direction})
    result = timeline(records, by=by)
    return {"a": a, "b": b, **result}


def top_dyads(store: Store, *, limit: int = 12) -> list[dict[str, Any]]:
    """The country pairs with the most events between them (an unordered pair each)."""
    pairs: Counter[tuple[str, str]] = Counter()
    rows = _rows(store, "SELECT event_id, role, code FROM event_actors WHERE code IS NOT NULL"
                        " ORDER BY event_id")
    by_event: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        by_event[row["event_id"]][row["role"]].add(row["code"])
    for roles in by_event.values():
        found: set[tuple[str, str]] = set()
        for x in roles["actor"]:
            for y in roles["recipient"] | roles["actor"]:
                if x != y:
                    found.add((min(x, y), max(x, y)))
        pairs.update(found)
    return [{"a": x, "b": y, "n": n} for (x, y), n in pairs.most_common(limit)]

