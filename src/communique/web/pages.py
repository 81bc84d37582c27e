"""The HTML pages: server-rendered Jinja2 templates with autoescaping on.

Pages read the same queries as the JSON API and pass plain data to the templates; the only
markup built in Python is the highlighted article text (:mod:`communique.web.highlight`) and
search snippets, both escaped piece by piece. Interactive parts (the timeline, the article's
event list) are external scripts in ``static/`` that read JSON from ``/api``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from communique.errors import StoreError
from communique.events.ontology import EVENT_TYPES
from communique.web import queries
from communique.web.api import Database
from communique.web.highlight import highlight, marks_of

__all__ = ["error_page", "router"]

PAGE_SIZE = 50
AGREEMENT_PAGE = 50
SPEAKER_PAGE = 25  # the statements page shows this many speakers,
SPEAKER_STATEMENTS = 20  # each with its first statements (the rest are on the actor page)
# An actor page lists this many of the actor's newest events, statements and documents.
ACTOR_LIST = 100
SEARCH_PAGE_SIZE = 20
ACTOR_KINDS = ("person", "organization", "state", "group")


def _url(path: str, **params: Any) -> str:
    """``path`` with the non-empty parameters as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def _path_part(value: str) -> str:
    return quote(value, safe="")


def _marked(text: str | None, spans: list[list[int]] | None) -> Markup:
    """``text`` escaped, with the given [start, end] spans in ``<mark>``."""
    text = text or ""
    out: list[Markup] = []
    at = 0
    for start, end in sorted(spans or []):
        if start < at or end > len(text):
            continue
        out += [Markup.escape(text[at:start]), Markup("<mark>{}</mark>").format(text[start:end])]
        at = end
    out.append(Markup.escape(text[at:]))
    return Markup("").join(out)


def _web_link(url: str | None) -> str | None:
    """A document's URL if it is an http(s) link; anything else (javascript:…) is not linked."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _names(entities: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{e.get('entity_name')}" + (f" [{e['code']}]" if e.get("code") else "") for e in entities
    )


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(files("communique.web") / "templates")),
    autoescape=True,  # every {{ value }} is HTML-escaped, attributes included
    trim_blocks=True,
    lstrip_blocks=True,
)
# The download links of each listing page (web/downloads.py serves them): suffix, label.
DOWNLOAD_FORMATS = {
    "events": (("jsonl", "JSONL"), ("csv", "CSV"), ("tsv", "POLECAT TSV"), ("parquet", "Parquet")),
    **{kind: (("jsonl", "JSONL"), ("csv", "CSV"), ("parquet", "Parquet"))
       for kind in ("agreements", "statements", "actors")},
}
_ENV.globals.update(url=_url, event_types=EVENT_TYPES, quad_classes=queries.QUAD_CLASSES,
                    download_formats=DOWNLOAD_FORMATS)
_ENV.filters.update(path_part=_path_part, marked=_marked, web_link=_web_link, names=_names)


def _render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    database: Database = request.app.state.database
    html = _ENV.get_template(template).render(
        request_path=request.url.path, database=database.path, version=request.app.version,
        **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An HTML error page (the JSON API answers errors in JSON instead)."""
    return _render(request, "error.html", status=status, status_code=status, message=message)


def _db(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _blank(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


def _pages(total: int, size: int, page: int) -> dict[str, int]:
    return {"page": page, "pages": max(1, math.ceil(total / size)), "total": total, "size": size}


router = APIRouter(include_in_schema=False)
Page = Annotated[int, Query(ge=1, le=100_000)]
Text = Annotated[str | None, Query(max_length=500)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: Text = None, page: Page = 1) -> HTMLResponse:
    query = _blank(q)
    with _db(request).open() as store:
        if query:
            found = store.search(query, limit=SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE)
            return _render(request, "search.html", q=query, result=found,
                           paging=_pages(found["total"], SEARCH_PAGE_SIZE, page))
        listing = queries.document_list(store, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        counts = store.counts()
    return _render(request, "search.html", q="", result=None, listing=listing, counts=counts,
                   paging=_pages(listing["total"], PAGE_SIZE, page))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    with _db(request).open() as store:
        try:
            found = store.document(doc_id)
        except StoreError as exc:
            return error_page(request, 400, str(exc))
    if found is None:
        return error_page(request, 404, f"No document {doc_id!r} in this database.")
    return _render(request, "document.html", doc=found,
                   article=highlight(found["text"], marks_of(found)))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, actor: Text = None, country: Text = None, type: Text = None,
           since: Text = None, until: Text = None, outlet: Text = None,
           page: Page = 1) -> HTMLResponse:
    filters = {"actor": _blank(actor), "country": _blank(country), "type": _blank(type),
               "since": _blank(since), "until": _blank(until), "outlet": _blank(outlet)}
    with _db(request).open() as store:
        facets = queries.facets(store)
        try:
            found = queries.event_page(
                store, actor=filters["actor"], country=filters["country"],
                event_type=filters["type"], since=filters["since"], until=filters["until"],
                outlet=filters["outlet"], limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            problem = None
        except ValueError as exc:
            found, problem = {"total": 0, "events": []}, str(exc)
    return _render(request, "events.html", status=400 if problem else 200, filters=filters,
                   found=found, problem=problem, facets=facets,
                   paging=_pages(found["total"], PAGE_SIZE, page))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, name: Text = None, country: Text = None, kind: Text = None,
           page: Page = 1) -> HTMLResponse:
    filters = {"name": _blank(name), "country": _blank(country), "kind": _blank(kind)}
    with _db(request).open() as store:
        found = queries.actor_list(store, name=filters["name"], country=filters["country"],
                                   kind=filters["kind"], limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return _render(request, "actors.html", filters=filters, found=found, kinds=ACTOR_KINDS,
                   paging=_pages(found["total"], PAGE_SIZE, page))


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor(request: Request, name: str) -> HTMLResponse:
    with _db(request).open() as store:
        profile = queries.actor_profile(store, name, limit=ACTOR_LIST)
        if profile is None:
            return error_page(request, 404, f"No actor named {name!r} in this database.")
        records = queries.actor_events(store, name, limit=ACTOR_LIST)
        said = queries.actor_statements(store, name, limit=ACTOR_LIST) if profile["statement_count"] else []
    return _render(request, "actor.html", actor=profile, events=records, statements=said)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, a: Text = None, b: Text = None,
         by: Annotated[str, Query(pattern="^(week|month)$")] = "week") -> HTMLResponse:
    side_a, side_b = _blank(a), _blank(b)
    # The timeline and its counts come from /api/dyad (static/timeline.js): computed once.
    with _db(request).open() as store:
        suggestions = queries.top_dyads(store)
    return _render(request, "dyad.html", a=side_a or "", b=side_b or "", by=by,
                   suggestions=suggestions)


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request, party: Text = None, text: Text = None, since: Text = None,
               until: Text = None, page: Page = 1) -> HTMLResponse:
    filters = {"party": _blank(party), "text": _blank(text), "since": _blank(since),
               "until": _blank(until)}
    problem = None
    with _db(request).open() as store:
        try:
            found = store.agreements(party=filters["party"], text=filters["text"],
                                     since=filters["since"], until=filters["until"])
        except (ValueError, StoreError) as exc:
            found, problem = [], str(exc)
    shown = found[(page - 1) * AGREEMENT_PAGE:page * AGREEMENT_PAGE]
    return _render(request, "agreements.html", status=400 if problem else 200, filters=filters,
                   found=shown, total=len(found), problem=problem,
                   paging=_pages(len(found), AGREEMENT_PAGE, page))


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request, speaker: Text = None, country: Text = None, since: Text = None,
               until: Text = None, page: Page = 1) -> HTMLResponse:
    filters = {"speaker": _blank(speaker), "country": _blank(country), "since": _blank(since),
               "until": _blank(until)}
    problem = None
    with _db(request).open() as store:
        try:
            found = store.statements(speaker=filters["speaker"], country=filters["country"],
                                     since=filters["since"], until=filters["until"])
        except ValueError as exc:
            found, problem = [], str(exc)
    speakers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for statement in found:
        speakers[statement["speaker"]["entity_name"]].append(statement)
    grouped = sorted(speakers.items(), key=lambda item: (-len(item[1]), item[0].casefold()))
    shown = grouped[(page - 1) * SPEAKER_PAGE:page * SPEAKER_PAGE]
    return _render(request, "statements.html", status=400 if problem else 200, filters=filters,
                   grouped=shown, speakers=len(grouped), total=len(found), problem=problem,
                   per_speaker=SPEAKER_STATEMENTS,
                   paging=_pages(len(grouped), SPEAKER_PAGE, page))
