"""Flat rows for CSV: one row per record, lists joined into one cell.

Each kind has a column tuple and a function that turns one record (as the store returns it)
into a dict with exactly those keys. Missing values are empty strings, never ``None``, so a
CSV reader gets back what a spreadsheet shows. The terminal tables of the CLI use the same
rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "ACTOR_COLUMNS",
    "AGREEMENT_COLUMNS",
    "EVENT_COLUMNS",
    "FLAT",
    "STATEMENT_COLUMNS",
    "flat_actor",
    "flat_agreement",
    "flat_event",
    "flat_statement",
]

# Lists in one cell are joined with this; POLECAT and the existing CSVs use it too.
JOIN = "; "

EVENT_COLUMNS = ("id", "date", "event", "mode", "quad_code", "intensity", "actor", "actor_country",
                 "recipient", "recipient_country", "cameo", "doc_id", "doc_outlet", "event_text")

AGREEMENT_COLUMNS = ("id", "date", "kind", "title", "parties", "signatories", "place", "clause_count",
                     "clauses", "doc_id", "doc_outlet", "evidence")

STATEMENT_COLUMNS = ("id", "date", "speaker", "speaker_country", "speaker_sector", "speaker_office", "verb",
                     "direct", "claim", "about", "doc_id", "doc_outlet", "sentence")

ACTOR_COLUMNS = ("name", "kind", "country", "sector", "office", "organization", "documents", "events",
                 "first_published", "last_published", "offices")


def _text(value: Any) -> Any:
    return "" if value is None else value


def flat_event(record: Mapping[str, Any]) -> dict[str, Any]:
    """One event record as a CSV row (:data:`EVENT_COLUMNS`).

    ``actor`` and ``recipient`` are the entity names joined with ``"; "``; the country
    columns list their codes in the same order (an empty entry where an entity has none).
    """

    def names(key: str) -> str:
        return JOIN.join(e["entity_name"] for e in record[key])

    def codes(key: str) -> str:
        return JOIN.join(e.get("code") or "" for e in record[key])

    return {"id": record["id"], "date": _text(record.get("date")), "event": record["event"],
            "mode": _text(record.get("mode")), "quad_code": record["quad_code"], "intensity": record["intensity"],
            "actor": names("actor"), "actor_country": codes("actor"), "recipient": names("recipient"),
            "recipient_country": codes("recipient"), "cameo": _text(record.get("cameo")),
            "doc_id": record["doc_id"], "doc_outlet": _text(record.get("doc_outlet")),
            "event_text": record["event_text"]}


def flat_agreement(record: Mapping[str, Any]) -> dict[str, Any]:
    """One agreement record as a CSV row (:data:`AGREEMENT_COLUMNS`).

    ``signatories`` reads "Name (Title)"; ``clauses`` holds one clause per line.
    """

    def person(e: Mapping[str, Any]) -> str:
        return f"{e['entity_name']} ({e['office']})" if e.get("office") else e["entity_name"]

    return {"id": record["id"], "date": _text(record.get("date")), "kind": record["kind"],
            "title": record["title"], "parties": JOIN.join(record["parties"]),
            "signatories": JOIN.join(map(person, record["signatories"])),
            "place": _text(record.get("place")), "clause_count": len(record["clauses"]),
            "clauses": "\n".join(c["text"] for c in record["clauses"]), "doc_id": record["doc_id"],
            "doc_outlet": _text(record.get("doc_outlet")),
            "evidence": record["evidence"][0]["text"] if record["evidence"] else ""}


def flat_statement(record: Mapping[str, Any]) -> dict[str, Any]:
    """One statement record as a CSV row (:data:`STATEMENT_COLUMNS`)."""
    speaker = record["speaker"]
    return {"id": record["id"], "date": _text(record.get("date")), "speaker": speaker["entity_name"],
            "speaker_country": _text(speaker.get("code")), "speaker_sector": _text(speaker.get("sector")),
            "speaker_office": _text(speaker.get("office")), "verb": record["verb"], "direct": record["direct"],
            "claim": record["claim"], "about": JOIN.join(e["entity_name"] for e in record.get("about", [])),
            "doc_id": record["doc_id"], "doc_outlet": _text(record.get("doc_outlet")),
            "sentence": record["text_info"]["text"]}


def flat_actor(record: Mapping[str, Any]) -> dict[str, Any]:
    """One actor (as ``Store.actors()`` lists them) as a CSV row (:data:`ACTOR_COLUMNS`).

    ``offices`` joins every distinct title the documents give, fullest in ``office``.
    """
    row = {column: _text(record.get(column)) for column in ACTOR_COLUMNS}
    row["offices"] = JOIN.join(record.get("offices") or ())
    return row


FLAT: dict[str, tuple[tuple[str, ...], Callable[[Mapping[str, Any]], dict[str, Any]]]] = {
    "events": (EVENT_COLUMNS, flat_event),
    "agreements": (AGREEMENT_COLUMNS, flat_agreement),
    "statements": (STATEMENT_COLUMNS, flat_statement),
    "actors": (ACTOR_COLUMNS, flat_actor),
}
