"""Events as POLECAT rows: its 40 columns, in its order, so that POLECAT loaders read ours.

Conventions (the ones POLECAT's weekly files follow, where we could tell):

- Several actors or recipients of one event share a row: names, countries, COW numbers,
  sectors, titles and raw names are joined with ``"; "`` in the same order, an empty entry
  standing for an entity that has no value (``"PRK; "``); a cell with no value at all is empty.
- ``Quad Code`` is the quad class as a label: ``VERBAL COOPERATION``, ``MATERIAL COOPERATION``,
  ``VERBAL CONFLICT``, ``MATERIAL CONFLICT`` (our records keep the number 1–4).
- ``Actor COW``/``Recipient COW`` are Correlates of War state numbers (``data/cow.tsv``);
  PLOVER pseudo-countries and non-COW territories get an empty entry.
- ``Story People``/``Story Organizations``/``Story Locations`` list the document's persons,
  organizations, and states plus the dateline place; ``Source`` is the outlet, ``Version``
  the communique coder version that coded the event.
- Columns we have nothing for (Wikipedia ids, geocoding: City … Feature Type) are empty.

The text is tab-separated with a header row, never quoted: tabs and line breaks inside a value
become spaces, so every line is one event and every tab a column boundary.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from communique.export.columns import JOIN

__all__ = [
    "POLECAT_COLUMNS",
    "QUAD_LABELS",
    "Story",
    "cow_number",
    "polecat_row",
    "polecat_rows",
    "stories",
    "write_polecat",
]

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
)

QUAD_LABELS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}

# SQLite's default limit on host parameters is 999 on old builds; stay well under it.
_CHUNK = 500


@lru_cache(maxsize=1)
def _cow_table() -> dict[str, str]:
    text = resources.files("communique.data").joinpath("cow.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, cow, _name = line.split("\t")
        table[iso3] = cow
    return table


def cow_number(code: str | None) -> str:
    """The Correlates of War state number of an ISO3 code, as text; ``""`` when there is none.

    Example:
        >>> cow_number("PRK"), cow_number("RUS"), cow_number("IGO")
        ('731', '365', '')
    """
    return _cow_table().get(code or "", "")


@dataclass(frozen=True, slots=True)
class Story:
    """What POLECAT's story columns say about the document an event comes from."""

    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    language: str | None = None


def stories(store: Any, doc_ids: Iterable[str]) -> dict[str, Story]:
    """The :class:`Story` of each document, read from a :class:`~communique.store.Store`.

    Persons and organizations are the document's actors of those kinds; locations are its
    states and its dateline place; each list keeps the order of first mention, without repeats.
    """
    wanted = sorted(set(doc_ids))
    found: dict[str, dict[str, Any]] = {}
    conn = store.conn
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, language, dateline FROM documents WHERE id IN ({marks})", chunk):
            dateline = json.loads(row["dateline"]) if row["dateline"] else None
            place = (dateline or {}).get("place")
            found[row["id"]] = {"language": row["language"], "person": {}, "organization": {},
                                "location": {place: None} if place else {}}
        actors = conn.execute(
            f"SELECT doc_id, entity_name, entity_type FROM actors WHERE doc_id IN ({marks}) ORDER BY doc_id, idx",
            chunk,
        )
        for row in actors:
            kind = {"state": "location"}.get(row["entity_type"], row["entity_type"])
            names = found.get(row["doc_id"], {}).get(kind)
            if names is not None and row["entity_name"]:
                names.setdefault(row["entity_name"], None)
    return {
        doc_id: Story(tuple(v["person"]), tuple(v["organization"]), tuple(v["location"]), v["language"])
        for doc_id, v in found.items()
    }


def _clean(value: Any) -> str:
    """A cell that holds no tab and no line break (they become spaces)."""
    if value is None:
        return ""
    text = str(value)
    if any(c in text for c in "\t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        text = " ".join(text.replace("\t", " ").splitlines())
    return text


def _joined(values: Sequence[str | None]) -> str:
    """``"; "``-joined values in entity order; empty when none of them has a value."""
    if not any(values):
        return ""
    return JOIN.join(v or "" for v in values)


def _side(entities: Sequence[Mapping[str, Any]]) -> list[str]:
    codes = [e.get("code") for e in entities]
    sectors = [e.get("sector") for e in entities]
    return [
        _joined([e.get("entity_name") for e in entities]),
        _joined(codes),
        _joined([cow_number(c) if c else "" for c in codes]),
        next((s for s in sectors if s), "") or "",
        _joined(sectors),
        _joined([e.get("office") for e in entities]),
        _joined([e.get("entity_text") for e in entities]),
        "",  # Wikipedia id: we do not link entities to Wikipedia
    ]


def polecat_row(record: Mapping[str, Any], story: Story | None = None) -> list[str]:
    """One event record as the 40 POLECAT cells, in :data:`POLECAT_COLUMNS` order.

    Args:
        record: An event record as ``Store.events()`` returns it (``Event.to_dict()`` plus
            ``doc_outlet`` and ``doc_published``).
        story: The document's :class:`Story`; without one the story columns and Language are empty.
    """
    story = story or Story()
    location = record.get("location")
    cells = [
        record["id"], record.get("date"), record["event"], record.get("mode"), record.get("intensity"),
        QUAD_LABELS.get(record.get("quad_code") or 0, ""), JOIN.join(record.get("context") or ()),
        *_side(record.get("actor") or ()),
        *_side(record.get("recipient") or ()),
        # Placename; then City, District, Province, Country, Latitude, Longitude, GeoNames ID
        # (we do not geocode); Raw Placename is the place as the text names it; Feature Type.
        location, "", "", "", "", "", "", "", location, "",
        record.get("doc_outlet"), record.get("doc_published"),
        JOIN.join(story.people), JOIN.join(story.organizations), JOIN.join(story.locations), story.language,
        record.get("coder_version"),
    ]
    return [_clean(cell) for cell in cells]


def polecat_rows(records: Iterable[Mapping[str, Any]],
                 stories: Mapping[str, Story] | None = None) -> Iterator[list[str]]:
    """The POLECAT cells of each event record, with the story of its document when given."""
    stories = stories or {}
    for record in records:
        yield polecat_row(record, stories.get(record.get("doc_id") or ""))


def write_polecat(records: Iterable[Mapping[str, Any]], out: IO[str],
                  stories: Mapping[str, Story] | None = None) -> int:
    """Write a header row and one tab-separated line per event; returns the number of events."""
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                        lineterminator="\n", quotechar=None)
    writer.writerow(POLECAT_COLUMNS)
    count = 0
    for row in polecat_rows(records, stories):
        writer.writerow(row)
        count += 1
    return count
