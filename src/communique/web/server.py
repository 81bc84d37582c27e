"""Running the web app: in the foreground (``communique serve``) or in a background thread.

uvicorn serves the ASGI app with its plain h11 protocol (which refuses request heads over
16 KiB); the server announces no version (``server_header=False``) and trusts no proxy
headers. The app answers only to the loopback names, the bound address and the names given
in ``allow_hosts`` (``communique.web.security``).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from communique.web.app import create_app
from communique.web.security import allowed_hosts

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "background_server", "is_loopback", "serve", "url_of"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# How long background_server waits for the server thread to accept connections.
START_TIMEOUT_S = 10.0


def _config(app: FastAPI, host: str, port: int, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, server_header=False,
                          proxy_headers=False, lifespan="off", access_log=log_level == "info",
                          http="h11")


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_of(host: str, port: int) -> str:
    """The http URL of a server bound to ``host`` (IPv6 addresses in brackets)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(db_path: str | os.PathLike[str], *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          allow_hosts: Iterable[str] = (), log_level: str = "warning") -> None:
    """Serve the web UI and JSON API of a database until interrupted (Ctrl+C).

    Args:
        db_path: The database, opened read-only.
        host: The address to listen on.
        port: The port to listen on.
        allow_hosts: Names the server answers to besides the loopback names and ``host``
            (``"*"``: any name; see ``docs/web.md`` before using it).
        log_level: uvicorn's log level (``"info"`` logs every request).

    Raises:
        StoreError: the database is missing or not a communique database.
    """
    app = create_app(db_path, hosts=allowed_hosts(host, allow_hosts))
    uvicorn.Server(_config(app, host, port, log_level)).run()


@contextmanager
def background_server(db_path: str | os.PathLike[str], *, host: str = DEFAULT_HOST,
                      port: int = 0, allow_hosts: Iterable[str] = ()) -> Iterator[str]:
    """Serve a database from a daemon thread for the duration of a ``with`` block.

    ``port=0`` picks a free port. Yields the server's URL. Useful in tests, notebooks and
    scripts (``bench/screenshots.py``).

    Example::

        with background_server("news.db") as url:
            print(httpx.get(url + "api/events").json()["total"])
    """
    app = create_app(db_path, hosts=allowed_hosts(host, allow_hosts))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say they are TCP; with it on, each keep-alive response waits ~40 ms for a
    # delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(_config(app, host, port, "warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="communique-web")
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("the web server did not start; see the log above")
        time.sleep(0.01)
    try:
        yield url_of(host, sock.getsockname()[1])
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_S)
        sock.close()
