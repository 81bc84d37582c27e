"""JSON Schema of what ``communique code`` prints (one object per document)."""

from __future__ import annotations

from typing import Any

from communique.events.ontology import EVENT_TYPES

_STR = {"type": ["string", "null"]}
_ENTITY: dict[str, Any] = {
    "type": "object",
    "required": ["entity_text", "entity_name", "code", "sector"],
    "properties": {
        "entity_text": {"type": "string", "description": "the words of the mention"},
        "entity_name": {"type": "string", "description": "canonical name in this document"},
        "entity_type": {"enum": ["person", "organization", "state", "group"]},
        "code": {**_STR, "description": "ISO 3166-1 alpha-3 or PLOVER pseudo-country (IGO UNO EUR NGO ISM IMG MNC)"},
        "country": {**_STR, "description": "same as code"},
        "sector": {**_STR, "description": "PLOVER sector (GOV MIL LEG JUD COP PTY REB SPY CVL BUS JRN MED ...)"},
        "office": {**_STR, "description": "title the text gives the person"},
        "organization": _STR,
        "start": {"type": "integer"},
        "end": {"type": "integer"},
    },
}
_EVIDENCE = {
    "type": "object",
    "properties": {"sequence": {"type": "integer", "description": "sentence index"},
                   "start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}},
}


def output_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``communique code`` output line."""
    event = {
        "type": "object",
        "required": ["id", "event", "actor", "recipient", "event_text", "text_info"],
        "properties": {
            "id": {"type": "string"},
            "doc_id": {"type": "string"},
            "date": {**_STR, "description": "YYYY-MM-DD (or YYYY-MM) resolved against publication"},
            "date_precision": {"enum": ["day", "month", "year", None]},
            "event": {"enum": list(EVENT_TYPES)},
            "mode": _STR,
            "context": {"type": "array", "items": {"type": "string"}},
            "quad_code": {"enum": [1, 2, 3, 4], "description": "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"},
            "intensity": {"type": "number", "minimum": -10, "maximum": 10},
            "cameo": _STR,
            "actor": {"type": "array", "items": _ENTITY},
            "recipient": {"type": "array", "items": _ENTITY},
            "symmetric": {"type": "boolean"},
            "location": _STR,
            "event_text": {"type": "string", "description": "the first evidence sentence"},
            "trigger": {"type": "string"},
            "text_info": _EVIDENCE,
            "evidence": {"type": "array", "items": _EVIDENCE, "description": "every sentence stating the event"},
            "negated": {"type": "boolean"}, "future": {"type": "boolean"}, "hypothetical": {"type": "boolean"},
            "confidence": {"type": "number"},
            "coder_version": {"type": "string"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "communique code output (one document)",
        "type": "object",
        "required": ["doc", "actors", "events", "agreements", "statements"],
        "properties": {
            "doc": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string", "description": "stable content id (hash of normalized main text)"},
                    "input_id": _STR, "title": _STR, "outlet": _STR,
                    "published": _STR, "language": _STR, "url": _STR, "source": _STR,
                    "dateline": {"type": ["object", "null"]},
                    "notes": {"type": "array", "items": {"type": "string"}},
                },
            },
            "actors": {"type": "array", "items": _ENTITY},
            "events": {"type": "array", "items": event},
            "agreements": {"type": "array", "items": _AGREEMENT},
            "statements": {"type": "array"},
            "coder_version": {"type": "string"},
        },
    }


_SPAN = {"type": "object", "properties": {"start": {"type": "integer"}, "end": {"type": "integer"},
                                          "text": {"type": "string"}}}
_AGREEMENT: dict[str, Any] = {
    "type": "object",
    "required": ["id", "title", "kind", "parties", "clauses"],
    "properties": {
        "id": {"type": "string"},
        "doc_id": {"type": "string"},
        "title": {"type": "string", "description": "the agreement's title in the text's words"},
        "kind": {"enum": ["agreement", "declaration", "memorandum", "communique"]},
        "parties": {"type": "array", "items": {"type": "string"}, "description": "country codes of the parties"},
        "party_entities": {"type": "array", "items": _ENTITY},
        "signatories": {"type": "array", "items": _ENTITY, "description": "persons who signed, with their titles"},
        "date": {**_STR, "description": "YYYY-MM-DD (or YYYY-MM, YYYY) of the signing"},
        "date_precision": {"enum": ["day", "month", "year", None]},
        "place": _STR,
        "clauses": {"type": "array", "items": _SPAN, "description": "the commitments the text enumerates"},
        "clause_count": {"type": "integer"},
        "evidence": {"type": "array", "items": _EVIDENCE, "description": "every sentence naming the agreement"},
        "coder_version": {"type": "string"},
    },
}
