"""Downloads: what a listing page shows, as a file in every export format.

``/api/events.csv?country=PRK`` is ``communique events --country PRK --format csv``: the same
query (``Store.events``/``agreements``/``statements``/``actors``) and the same writer
(:func:`communique.export.from_store`), so a file saved from the browser and one written by
the command line are byte for byte the same. The suffix names the format: ``jsonl``, ``csv``,
``parquet``, and for events ``tsv`` (POLECAT's 40 columns, ``--format tsv-polecat``).

The file is written into a spooled temporary file (in memory up to ``SPOOL_BYTES``, then on
disk) while the read-only connection is open, then streamed with its length.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import StreamingResponse

from communique import export
from communique.web.api import Code, Database, DateBound, Filter, _blank

__all__ = ["MEDIA_TYPES", "SUFFIXES", "router"]

# URL suffix → export format.
SUFFIXES = {"jsonl": "jsonl", "csv": "csv", "tsv": "tsv-polecat", "parquet": "parquet"}
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv-polecat": "text/tab-separated-values; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",  # registered with IANA in 2024
}
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_BYTES = 64 * 1024

_EVENT_SUFFIX = Annotated[str, Path(pattern="^(jsonl|csv|tsv|parquet)$", description=(
    "`jsonl` (PLOVER records), `csv` (flat rows), `tsv` (POLECAT's 40 columns) or `parquet`."))]
_SUFFIX = Annotated[str, Path(pattern="^(jsonl|csv|parquet)$", description=(
    "`jsonl` (full records), `csv` (flat rows) or `parquet`."))]


def _file_responses(formats: tuple[str, ...]) -> dict[int | str, dict[str, Any]]:
    binary = {"type": "string", "format": "binary"}
    return {
        200: {"description": "Every matching record, as a file (Content-Disposition: attachment).",
              "content": {MEDIA_TYPES[f].split(";")[0]: {"schema": binary} for f in formats}},
        400: {"description": "A malformed filter."},
    }


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(CHUNK_BYTES):
            yield chunk
    finally:
        spool.close()


def file_response(database: Database, kind: str, suffix: str,
                  filters: dict[str, Any]) -> StreamingResponse:
    """The records of ``kind`` matching ``filters`` (keyword arguments of the store's query)
    as a download in the format ``suffix`` names.

    Raises:
        HTTPException: 400 for a malformed filter (a date bound the store refuses).
    """
    fmt = SUFFIXES[suffix]
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - closed by _chunks
    try:
        # One text layer over the binary spool: the text formats write through it, Parquet
        # writes to its buffer (export.write unwraps a text stream that has one).
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
        try:
            with database.open() as store:
                export.from_store(store, kind, fmt, text, **filters)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        finally:
            text.flush()
            text.detach()  # leaves the spool open for reading
        size = spool.tell()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    headers = {"Content-Disposition": f'attachment; filename="{kind}.{suffix}"',
               "Content-Length": str(size)}
    return StreamingResponse(_chunks(spool), media_type=MEDIA_TYPES[fmt], headers=headers)


def _db(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


router = APIRouter(prefix="/api", tags=["downloads"])


@router.get("/events.{suffix}", summary="Download the filtered events (every match)",
            description="The filters of `/api/events`; oldest first, as `communique events "
                        "--format FORMAT` writes them.",
            response_class=StreamingResponse, responses=_file_responses(tuple(SUFFIXES.values())))
def events_file(request: Request, suffix: _EVENT_SUFFIX, actor: Filter = None,
                country: Code = None, type: Code = None, since: DateBound = None,
                until: DateBound = None, outlet: Filter = None) -> StreamingResponse:
    return file_response(_db(request), "events", suffix, {
        "actor": _blank(actor), "country": _blank(country), "event_type": _blank(type),
        "since": _blank(since), "until": _blank(until), "outlet": _blank(outlet)})


_THREE = ("jsonl", "csv", "parquet")


@router.get("/agreements.{suffix}", summary="Download the filtered agreements",
            description="The filters of `/api/agreements`, as `communique agreements` writes them.",
            response_class=StreamingResponse, responses=_file_responses(_THREE))
def agreements_file(request: Request, suffix: _SUFFIX, party: Code = None,
                    text: Filter = None, since: DateBound = None,
                    until: DateBound = None) -> StreamingResponse:
    return file_response(_db(request), "agreements", suffix, {
        "party": _blank(party), "text": _blank(text), "since": _blank(since), "until": _blank(until)})


@router.get("/statements.{suffix}", summary="Download the filtered statements",
            description="The filters of `/api/statements`, as `communique statements` writes them.",
            response_class=StreamingResponse, responses=_file_responses(_THREE))
def statements_file(request: Request, suffix: _SUFFIX, speaker: Filter = None,
                    country: Code = None, since: DateBound = None,
                    until: DateBound = None) -> StreamingResponse:
    return file_response(_db(request), "statements", suffix, {
        "speaker": _blank(speaker), "country": _blank(country), "since": _blank(since),
        "until": _blank(until)})


@router.get("/actors.{suffix}", summary="Download the filtered actors",
            description="The filters of `/api/actors`, as `communique actors` writes them.",
            response_class=StreamingResponse, responses=_file_responses(_THREE))
def actors_file(request: Request, suffix: _SUFFIX, name: Filter = None,
                country: Code = None, kind: Code = None) -> StreamingResponse:
    return file_response(_db(request), "actors", suffix, {
        "name": _blank(name), "country": _blank(country), "kind": _blank(kind)})
