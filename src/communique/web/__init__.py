"""The local web UI and JSON API (C10): ``communique serve``.

A FastAPI application over one database opened read-only per request: server-rendered pages
(search, article with highlights, events, actors, dyad timelines, agreements, statements)
and a JSON API under ``/api`` with its OpenAPI schema at ``/api/openapi.json``. Templates,
styles and scripts ship inside this package; nothing is loaded from elsewhere. Why FastAPI
rather than Datasette: ``docs/web.md``.

Example::

    from communique.web import background_server
    with background_server("communique.db") as url:
        print("open", url)
"""

from communique.web.app import CONTENT_SECURITY_POLICY, create_app
from communique.web.server import background_server, serve

__all__ = ["CONTENT_SECURITY_POLICY", "background_server", "create_app", "serve"]
