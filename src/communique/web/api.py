"""The JSON API under ``/api``: read-only GET endpoints described by the OpenAPI schema.

Every handler opens its own read-only connection (``Database.open``) in the worker thread that
runs it, so no SQLite connection is shared between threads or outlives its request. Errors are
JSON: 400 for a malformed filter, 404 for an unknown document or actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from communique.errors import StoreError
from communique.schema import output_schema
from communique.store import Store
from communique.web import queries

__all__ = ["Database", "router"]

MAX_PAGE = 1000
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 300
MAX_CODE = 16
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

_SCHEMAS = output_schema()["properties"]
_EVENT = _SCHEMAS["events"]["items"]
_AGREEMENT = _SCHEMAS["agreements"]["items"]
_DOC_SUMMARY: dict[str, Any] = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"}, "title": {"type": ["string", "null"]},
        "outlet": {"type": ["string", "null"]}, "published": {"type": ["string", "null"]},
        "language": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]},
        "n_events": {"type": "integer"},
    },
}
_OFFSETS = {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}


def _page_of(key: str, item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": ["total", key],
            "properties": {"total": {"type": "integer"}, key: {"type": "array", "items": item}}}


def _ok(schema: dict[str, Any], description: str, media: str = "application/json") -> dict[Any, Any]:
    return {200: {"description": description, "content": {media: {"schema": schema}}},
            400: {"description": "A malformed filter (e.g. a date that is not YYYY[-MM[-DD]])."}}


class Database:
    """Where the served database is; opens one read-only :class:`Store` per use."""

    def __init__(self, path: str):
        self.path = path

    @contextmanager
    def open(self) -> Iterator[Store]:
        store = Store(self.path, readonly=True)
        try:
            yield store
        finally:
            store.close()


def _db(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _blank(value: str | None) -> str | None:
    """Forms send empty fields as ``""``: an empty filter is no filter."""
    return value.strip() or None if value is not None else None


router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description="Page size.")]
# SQLite integers are 64-bit: an offset past them would be an error, not an empty page.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
DateBound = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
By = Annotated[str, Query(pattern="^(week|month)$", description="Bin size: week or month.")]
# Every text parameter has a maximum length, so that any request the schema allows fits the
# server's limit on the request target (security.MAX_TARGET_BYTES) however it is encoded.
Filter = Annotated[str | None, Query(max_length=MAX_TEXT)]
Code = Annotated[str | None, Query(max_length=MAX_CODE)]


@router.get("/search", summary="Full-text search of titles and texts",
            responses=_ok({**_page_of("documents", {**_DOC_SUMMARY, "properties": {
                **_DOC_SUMMARY["properties"], "snippet": {"type": "string"},
                "highlights": _OFFSETS, "title_highlights": _OFFSETS}}),
                "properties": {**_page_of("documents", _DOC_SUMMARY)["properties"],
                               "mode": {"enum": ["fulltext", "substring"]},
                               "note": {"type": ["string", "null"]}}}, "Matching documents, best first."))
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
           limit: Limit = 20, offset: Offset = 0) -> Any:
    """Documents whose title or text contain every word of ``q`` ("quoted phrases" as phrases)."""
    with _db(request).open() as store:
        return store.search(q, limit=limit, offset=offset)


@router.get("/documents", summary="Stored documents, newest first",
            responses=_ok(_page_of("documents", _DOC_SUMMARY), "One page of documents."))
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Any:
    with _db(request).open() as store:
        return queries.document_list(store, limit=limit, offset=offset)


@router.get("/documents/{doc_id}", summary="One document with its actors, events, agreements and statements",
            responses={**_ok({"type": "object", "required": ["id", "text"]}, "The document."),
                       404: {"description": "No such document."}})
def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]) -> Any:
    with _db(request).open() as store:
        try:
            found = store.document(doc_id)
        except StoreError as exc:  # an ambiguous id prefix
            raise HTTPException(400, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


def _events(request: Request, actor: str | None, country: str | None, event_type: str | None,
            since: str | None, until: str | None, outlet: str | None,
            limit: int | None, offset: int) -> dict[str, Any]:
    with _db(request).open() as store:
        try:
            return queries.event_page(
                store, actor=_blank(actor), country=_blank(country), event_type=_blank(event_type),
                since=_blank(since), until=_blank(until), outlet=_blank(outlet), limit=limit,
                offset=offset)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc


_EVENT_FILTERS = """Filters: `actor` (part of an actor's or recipient's name), `country` (code of
an actor or recipient), `type` (PLOVER event type), `since`/`until` (dates, inclusive),
`outlet` (exact outlet name)."""


@router.get("/events", summary="Stored events, filtered, newest first", description=_EVENT_FILTERS,
            responses=_ok(_page_of("events", _EVENT), "One page of PLOVER event records."))
def events(request: Request, actor: Filter = None, country: Code = None,
           type: Code = None, since: DateBound = None, until: DateBound = None,
           outlet: Filter = None, limit: Limit = 50, offset: Offset = 0) -> Any:
    return _events(request, actor, country, type, since, until, outlet, limit, offset)


@router.get("/agreements", summary="Stored agreements with their clauses",
            responses=_ok({"type": "array", "items": _AGREEMENT}, "Agreements, oldest first."))
def agreements(request: Request, party: Code = None, text: Filter = None,
               since: DateBound = None, until: DateBound = None, limit: Limit = 200) -> Any:
    with _db(request).open() as store:
        try:
            return store.agreements(party=_blank(party), text=_blank(text), since=_blank(since),
                                    until=_blank(until), limit=limit)
        except StoreError:  # a database written before agreements were stored
            return []


@router.get("/statements", summary="Attributed statements: who claimed what",
            responses=_ok({"type": "array", "items": {"type": "object"}}, "Statements, oldest first."))
def statements(request: Request, speaker: Filter = None, country: Code = None,
               since: DateBound = None, until: DateBound = None, limit: Limit = 500) -> Any:
    with _db(request).open() as store:
        return store.statements(speaker=_blank(speaker), country=_blank(country),
                                since=_blank(since), until=_blank(until), limit=limit)


_TEXT = {"type": ["string", "null"]}
_ACTOR_SUMMARY: dict[str, Any] = {"type": "object", "required": ["name", "documents", "events"], "properties": {
    "name": {"type": "string"}, "kind": _TEXT, "country": _TEXT, "sector": _TEXT, "office": _TEXT,
    "offices": {"type": "array", "items": {"type": "string"}}, "organization": _TEXT,
    "documents": {"type": "integer"}, "events": {"type": "integer"},
    "first_published": _TEXT, "last_published": _TEXT}}


@router.get("/actors", summary="Distinct actors, most often named first (Store.actors)",
            responses=_ok(_page_of("actors", _ACTOR_SUMMARY), "One page of actors."))
def actors(request: Request, name: Filter = None, country: Code = None,
           kind: Code = None, limit: Limit = 100, offset: Offset = 0) -> Any:
    with _db(request).open() as store:
        return queries.actor_list(store, name=_blank(name), country=_blank(country),
                                  kind=_blank(kind), limit=limit, offset=offset)


_TIMELINE: dict[str, Any] = {
    "type": "object",
    "required": ["by", "bins", "events", "undated"],
    "properties": {
        "by": {"enum": ["week", "month"]},
        "bins": {"type": "array", "items": {"type": "object", "properties": {
            "start": {"type": "string"}, "end": {"type": "string"},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "events": {"type": "array", "items": {"type": "string"}}}}},
        "events": {"type": "array", "items": _EVENT},
        "undated": {"type": "integer"},
    },
}


@router.get("/timeline", summary="An actor's events per week or month by quad class",
            description="`actor`: the actor's exact name (as on its page).",
            responses={**_ok(_TIMELINE, "Bins and the events placed in them."),
                       404: {"description": "No such actor."}})
def actor_timeline(request: Request, actor: Annotated[str, Query(min_length=1, max_length=300)],
                   by: By = "month") -> Any:
    name = actor
    with _db(request).open() as store:
        if not queries.actor_exists(store, name):
            raise HTTPException(404, f"no actor named {name!r}")
        return queries.timeline(queries.actor_events(store, name), by=by)


@router.get("/actors/{name:path}", summary="Everything stored about one actor (exact name)",
            description="`limit`: how many of the newest documents and events to list "
                        "(`document_count` and `event_count` say how many there are).",
            responses={**_ok({"type": "object", "required": ["name", "events", "event_count"]},
                             "Titles, organizations, countries, documents, counterparts and events."),
                       404: {"description": "No such actor."}})
def actor(request: Request, name: Annotated[str, Path(max_length=MAX_TEXT)],
          limit: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 100) -> Any:
    with _db(request).open() as store:
        profile = queries.actor_profile(store, name, limit=limit)
        if profile is None:
            raise HTTPException(404, f"no actor named {name!r}")
        profile["events"] = queries.actor_events(store, name, limit=limit)
    return profile


@router.get("/dyad", summary="Events between two sides per week or month, by quad class",
            description="`a` and `b`: a country code (PRK) or part of an actor's name.",
            responses=_ok({**_TIMELINE, "properties": {**_TIMELINE["properties"],
                           "a": {"type": "string"}, "b": {"type": "string"}}},
                          "Bins and the events placed in them; each event has a `direction`."))
def dyad(request: Request, a: Annotated[str, Query(min_length=1, max_length=200)],
         b: Annotated[str, Query(min_length=1, max_length=200)], by: By = "week") -> Any:
    with _db(request).open() as store:
        return queries.dyad_timeline(store, a.strip(), b.strip(), by=by)


@router.get("/dyads", summary="Country pairs with the most events between them",
            responses=_ok({"type": "array", "items": {"type": "object", "properties": {
                "a": {"type": "string"}, "b": {"type": "string"}, "n": {"type": "integer"}}}},
                "Pairs, most events first."))
def dyads(request: Request, limit: Annotated[int, Query(ge=1, le=100)] = 12) -> Any:
    with _db(request).open() as store:
        return queries.top_dyads(store, limit=limit)


@router.get("/facets", summary="Outlets and country codes to filter by, with counts")
def facets(request: Request) -> Any:
    with _db(request).open() as store:
        return queries.facets(store)

