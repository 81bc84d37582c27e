"""The web app's outer walls, as ASGI middleware: what every request must be and what every
response carries.

:class:`RequestGuard` answers before any route runs:

- **Host allow-list** (400): a page on another site can make a browser send requests to
  127.0.0.1 under that site's own name by re-pointing its DNS record ("DNS rebinding"); the
  browser then treats our answers as that site's and lets its scripts read them. Such requests
  still carry the other site's name in ``Host``, so only our own names are served: the
  loopback names, the address the server is bound to and whatever ``--allow-host`` adds. Any
  port is accepted with an allowed name (an SSH tunnel may forward another local port).
- **Read-only methods** (405): only ``GET`` and ``HEAD`` exist; nothing changes state. HEAD is
  answered as GET without the body.
- **Size limits**: a request target (path and query) over ``MAX_TARGET_BYTES`` gets 414;
  headers over ``MAX_HEADER_BYTES`` in all 431; a body over ``MAX_BODY_BYTES`` 413 (no
  endpoint reads one). uvicorn's h11 parser refuses a request head that does not arrive
  whole within 16 KiB or that h11 cannot buffer (about 64 KiB) with 400.

:class:`SecurityHeaders` adds a strict Content-Security-Policy and its companions to every
response, error pages included.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from ipaddress import ip_address

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "ALLOWED_METHODS",
    "CONTENT_SECURITY_POLICY",
    "LOOPBACK_HOSTS",
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "MAX_TARGET_BYTES",
    "SECURITY_HEADERS",
    "RequestGuard",
    "SecurityHeaders",
    "allowed_hosts",
    "host_name",
]

logger = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ALLOWED_METHODS = ("GET", "HEAD")
# The API caps every text parameter (300-500 characters): the longest request its schema
# allows, every character percent-encoded as 4 UTF-8 bytes (12 characters), stays under this.
MAX_TARGET_BYTES = 16 * 1024
# Browsers send 0.5-2 KiB of headers (cookies of other local services included).
MAX_HEADER_BYTES = 16 * 1024
# No endpoint takes a body; a client that sends one anyway (an empty JSON object, a form
# left over) is let through up to this size.
MAX_BODY_BYTES = 1024
# Addresses that mean "every interface": not a name a browser sends.
_WILDCARDS = ("0.0.0.0", "::", "")

# Scripts, styles and images come only from our own /static; no inline script or style (not
# even style="" attributes), no plugins, no framing, forms only to ourselves. Article text is
# escaped on the server besides; this is the second wall if an escape were ever missed.
CSP_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
)
CONTENT_SECURITY_POLICY = "; ".join(CSP_DIRECTIVES)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def _normal(name: str) -> str:
    name = name.strip().lower()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        return str(ip_address(name))  # one spelling per address (::0:1 is ::1)
    except ValueError:
        return name


def allowed_hosts(bound: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a server bound to ``bound`` answers to: loopback names, ``bound`` (unless
    it is a wildcard such as 0.0.0.0) and ``extra`` (``"*"`` among them allows any name)."""
    names = {*LOOPBACK_HOSTS, *extra}
    if bound is not None and bound not in _WILDCARDS:
        names.add(bound)
    return frozenset(_normal(n) for n in names if n.strip())


def host_name(header: str) -> str | None:
    """The name in a ``Host`` header without its port (IPv6 without brackets), lower case;
    None when the header is malformed."""
    header = header.strip()
    if header.startswith("["):
        end = header.find("]")
        if end < 0:
            return None
        name, rest = header[1:end], header[end + 1:]
    else:
        name, _, port = header.partition(":")
        rest = ":" + port if _ else ""
    if rest and not (rest.startswith(":") and rest[1:].isdigit() and len(rest) <= 6):
        return None
    return _normal(name) if name else None


async def _plain(send: Send, status: int, text: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"), *headers]})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware: Host allow-list, GET/HEAD only, size limits (see the module docstring).

    Args:
        app: The application behind the guard.
        hosts: Allowed host names (:func:`allowed_hosts`); ``"*"`` among them turns the
            Host check off.
    """

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str]):
        self.app = app
        self.hosts = frozenset(_normal(h) for h in hosts)
        self.any_host = "*" in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: dict[bytes, str] = {}
        size = 0
        for key, value in scope["headers"]:
            headers.setdefault(key.lower(), value.decode("latin-1"))
            size += len(key) + len(value) + 4
        if size > MAX_HEADER_BYTES:
            await _plain(send, 431, f"Request headers too large: at most {MAX_HEADER_BYTES} bytes.\n")
            return
        if not self.any_host:
            name = host_name(headers.get(b"host", ""))
            if name is None or name not in self.hosts:
                await _plain(send, 400, "Bad request: this server does not answer to that Host name. "
                             "To serve it under another name, start it with --allow-host NAME.\n")
                return
        method = scope["method"]
        if method not in ALLOWED_METHODS:
            await _plain(send, 405, "Method not allowed: this server only reads (GET, HEAD).\n",
                         [(b"allow", b"GET, HEAD")])
            return
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if target > MAX_TARGET_BYTES:
            await _plain(send, 414, f"URI too long: at most {MAX_TARGET_BYTES} bytes of path and query.\n")
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > MAX_BODY_BYTES):
            await _plain(send, 413, f"Request body too large: at most {MAX_BODY_BYTES} bytes.\n")
            return
        if b"transfer-encoding" in headers:
            # A body of unknown length: read it here (no endpoint reads bodies) up to the limit.
            received = 0
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                received += len(message.get("body", b""))
                more = message.get("more_body", False)
                if received > MAX_BODY_BYTES:
                    await _plain(send, 413, f"Request body too large: at most {MAX_BODY_BYTES} bytes.\n")
                    return
            receive = _empty_body(receive)
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        await self.app(scope, receive, send)


def _empty_body(receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return await receive()

    return replay


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return  # the GET's body is computed but not sent
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_head


class SecurityHeaders:
    """ASGI middleware that adds :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # A bug: logged with its traceback; the client gets a plain 500 that carries the
            # headers too (Starlette's own last-resort answer is outside this middleware).
            logger.exception("error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _plain(send_with_headers, 500, "Internal server error; the server's log says why.\n")
