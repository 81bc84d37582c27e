"""The ASGI application: HTML pages, the JSON API, static assets and security headers.

Example::

    from communique.web import create_app
    app = create_app("communique.db")      # any ASGI server; `communique serve` uses uvicorn
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.errors import StoreError
from communique.store import Store
from communique.web import api, downloads, pages
from communique.web.security import (
    CONTENT_SECURITY_POLICY,
    SECURITY_HEADERS,
    RequestGuard,
    SecurityHeaders,
    allowed_hosts,
)

__all__ = ["CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "SecurityHeaders", "create_app"]


# Answers of the request guard (web/security.py), possible on every operation.
GUARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "A malformed filter, or a Host name this server does not answer to."},
    413: {"description": "A request body (none is read) over the limit."},
    414: {"description": "A request target (path and query) over the limit."},
    431: {"description": "Request headers over the limit."},
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(db_path: str | os.PathLike[str], *, hosts: Iterable[str] | None = None) -> FastAPI:
    """The web UI and JSON API over one communique database, read-only.

    Args:
        db_path: The SQLite database; it is opened read-only, once per request.
        hosts: The names the app answers to in the ``Host`` header (``"*"``: any); by
            default the loopback names (:func:`communique.web.security.allowed_hosts`).

    Raises:
        StoreError: the database is missing or not a communique database (checked now, so
            that a server never starts on a wrong path).
    """
    path = os.fspath(db_path)
    with Store(path, readonly=True):
        pass
    # No Swagger/ReDoc pages: they load their scripts from a CDN. The schema is served.
    app = FastAPI(
        title="communique",
        summary="PLOVER events, actors, agreements and statements extracted from news articles.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        responses=GUARD_RESPONSES,
    )
    app.state.database = api.Database(path)
    # The last added is the outermost: the guard's refusals carry the security headers too.
    app.add_middleware(RequestGuard, hosts=allowed_hosts() if hosts is None else hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(files("communique.web") / "static")), name="static")
    app.include_router(downloads.router)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Any:
        if _wants_json(request):
            return JSONResponse({"detail": _plain_errors(exc)}, status_code=422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return pages.error_page(request, 422, f"Bad request: {problems}")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Any:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=500)
        return pages.error_page(request, 500, str(exc))

    return app


def _plain_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only JSON-safe parts: the raw input may be any object pydantic saw.
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


def _version() -> str:
    from communique import __version__

    return __version__

