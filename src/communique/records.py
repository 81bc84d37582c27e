"""The records that cross module boundaries: frozen dataclasses and nothing else.

Every record that comes out of the coder carries its provenance: the document id, the sentence
index and character offsets into the document's cleaned text, and the coder version.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

CODER_VERSION = "0.1.0"


def _plain(value: Any) -> Any:
    """Turn nested records and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        if to_dict is not None:
            return to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as an ingest reader found it, before cleaning.

    Exactly one of ``text`` and ``html`` is set. ``source`` says where it came from
    (a path, ``path:line`` for a JSONL/CSV row, ``path#offset`` for a WARC record,
    ``path#item-N`` for a feed item, or ``<stdin>``). ``fallback_published`` is a date the
    container gives, and what it is (``("2024-05-01", "the HTTP Last-Modified date")``): it
    is used, with a note, only when neither the input nor the page states a publication date.
    """

    source: str
    text: str | None = None
    html: str | None = None
    input_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    fallback_published: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline such as ``Pyongyang, July 21 (KCNA) --``.

    ``month`` and ``day`` are what the dateline says; ``year`` is None when it gives none
    (we never invent one).
    """

    text: str
    place: str | None
    outlet: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: main text plus what we know about it.

    ``id`` is a hash of the normalized main text, so the same article read from two places
    gets the same id. ``notes`` lists what cleaning could not decide (e.g. a dateline with
    no year).
    """

    id: str
    text: str
    source: str
    input_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    dateline: Dateline | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input_id": self.input_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "language": self.language,
            "url": self.url,
            "dateline": _plain(self.dateline),
            "source": self.source,
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or state, resolved to a PLOVER country code and sector.

    ``code`` is ISO 3166-1 alpha-3 or a PLOVER pseudo-country (IGO, UNO, EUR, NGO, ISM, IMG,
    MNC); ``office`` is the title the text gives ("Ambassador of the DPRK to the Russian
    Federation") and ``organization`` the body the person belongs to.
    """

    entity_text: str
    entity_name: str
    kind: str  # "person" | "organization" | "state" | "group"
    code: str | None = None
    sector: str | None = None
    office: str | None = None
    organization: str | None = None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "entity_name": self.entity_name,
            "entity_type": self.kind,
            "code": self.code,
            "country": self.code,
            "sector": self.sector,
            "office": self.office,
            "organization": self.organization,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that states an event: its index and character offsets in the document."""

    sentence: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"sequence": self.sentence, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event in PLOVER terms, with every sentence that states it."""

    id: str
    doc_id: str
    event: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    evidence: tuple[Evidence, ...]
    trigger: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    quad_code: int = 0
    intensity: float = 0.0
    date: str | None = None
    date_precision: str | None = None
    location: str | None = None
    cameo: str | None = None
    symmetric: bool = False
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    coder_version: str = CODER_VERSION

    def to_dict(self) -> dict[str, Any]:
        first = self.evidence[0]
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "symmetric": self.symmetric,
            "location": self.location,
            "event_text": first.text,
            "trigger": self.trigger,
            "text_info": first.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "negated": self.negated,
            "future": self.future,
            "hypothetical": self.hypothetical,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's cleaned text: character offsets and the text itself."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Agreement:
    """A signed agreement, declaration, memorandum or communiqué, with its clauses.

    ``kind`` is one of ``agreement | declaration | memorandum | communique``; ``parties`` are
    the states or bodies bound by it, ``signatories`` the people who signed. ``clauses`` are
    the commitments the text enumerates (empty when it lists none).
    """

    id: str
    doc_id: str
    title: str
    kind: str
    parties: tuple[Entity, ...]
    evidence: tuple[Evidence, ...]
    signatories: tuple[Entity, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    clauses: tuple[Span, ...] = ()
    coder_version: str = CODER_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "title": self.title,
            "kind": self.kind,
            "parties": sorted({p.code for p in self.parties if p.code}),
            "party_entities": [p.to_dict() for p in self.parties],
            "signatories": [s.to_dict() for s in self.signatories],
            "date": self.date,
            "date_precision": self.date_precision,
            "place": self.place,
            "clauses": [c.to_dict() for c in self.clauses],
            "clause_count": len(self.clauses),
            "evidence": [e.to_dict() for e in self.evidence],
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed claim: who said it, with which reporting verb, and what.

    ``claim`` is the span of the claim itself (inside the quotation marks for direct speech,
    the complement clause for indirect speech); ``about`` lists the actors the claim names.
    """

    id: str
    doc_id: str
    speaker: Entity
    verb: str
    claim: Span
    evidence: Evidence
    direct: bool = False
    about: tuple[Entity, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    coder_version: str = CODER_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "speaker": self.speaker.to_dict(),
            "verb": self.verb,
            "claim": self.claim.text,
            "claim_info": self.claim.to_dict(),
            "direct": self.direct,
            "about": [a.to_dict() for a in self.about],
            "date": self.date,
            "date_precision": self.date_precision,
            "text_info": self.evidence.to_dict(),
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become a document, and why."""

    source: str
    reason: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """Everything communique extracts from one document."""

    doc: Document
    actors: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    statements: tuple[Statement, ...] = ()
    coder_version: str = CODER_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "agreements": [a.to_dict() for a in self.agreements],
            "statements": [s.to_dict() for s in self.statements],
            "coder_version": self.coder_version,
        }
