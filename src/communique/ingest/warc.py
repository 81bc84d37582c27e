"""WARC and WARC.gz files (web archives, such as Common Crawl's news crawl), read with warcio.

Only ``response`` records become inputs; ``request``, ``metadata``, ``warcinfo`` and
``revisit`` records describe the crawl, not an article, and are passed over. A response is
read when its HTTP status is 2xx and its payload is HTML or plain text; any other response is
recorded as ``not-an-article``.

Each record's source is ``FILE#OFFSET`` (the byte offset of the record in the file, as CDX
indexes give it), and its input id the ``WARC-Record-ID``, so re-reading the same file yields
the same sources. The URL is the ``WARC-Target-URI``. The page's own publication date wins;
only when the page states none is the HTTP ``Last-Modified`` date (else the capture date,
``WARC-Date``) used, and the document says so in a note.

A damaged archive loses only what is damaged: a record whose bytes stop short of its
``Content-Length`` or whose ``WARC-Block-Digest`` does not match is recorded (``truncated``,
``corrupt``); after bytes that cannot be parsed, reading resumes at the next record header
(the next gzip member of a .warc.gz); an archive that ends inside a record records the rest
as ``truncated``. Payloads are read up to the article size limit, and a compressed payload
(``Content-Encoding: gzip``) is decompressed as a stream, so memory stays bounded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import logging
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from communique.errors import InputError
from communique.ingest.files import CHUNK_BYTES, GZIP_MAGIC
from communique.records import Failure, RawDocument

__all__ = ["read_warc"]

logger = logging.getLogger(__name__)

WARC_MAGIC = b"WARC/"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
# Where to look for the next record after damage: a gzip member header (with the deflate
# method byte) in a .warc.gz, a WARC version line in a plain .warc.
_GZIP_MEMBER = GZIP_MAGIC + b"\x08"
_WARC_LINE = b"\nWARC/1."

Item = RawDocument | Failure


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of a WARC-Date (ISO 8601) or an HTTP date (RFC 9110), or None."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed is not None else None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _read_payload(stream: Any, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of the payload, or None when it holds more."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    return None


def _drain(record: Any) -> None:
    while record.raw_stream.read(CHUNK_BYTES):
        pass


def _decode_payload(data: bytes, content_type: str | None) -> str:
    """Decode a payload in the charset its HTTP header names, else as other inputs are."""
    from communique.ingest import decode

    m = _CHARSET.search(content_type or "")
    if m is not None:
        try:
            codec = codecs.lookup(m[1]).name
            text = data.decode(codec)
            if text.strip():
                return text.lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header is common: the bytes and the page's own <meta> decide
    return decode(data)


def _record_item(source: str, record: Any, max_bytes: int) -> Item | None:
    """The document or failure of one record (None for records that are not inputs); the
    record is read to its end either way."""
    from communique.ingest import failure_of

    if record.rec_type != "response":
        _drain(record)
        return None
    headers = record.rec_headers
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    content_type = http.get_header("Content-Type") if http is not None else None
    media = _media_type(content_type)
    payload: bytes | None = None
    problem: Failure | None = None
    if http is None or not str(status or "").startswith("2"):
        problem = Failure(source, "not-an-article",
                          f"HTTP status {status or 'missing'} (a redirect or an error page), no article")
    elif media not in HTML_TYPES | TEXT_TYPES:
        problem = Failure(source, "not-an-article", f"content type {media or 'missing'}, not HTML or text")
    else:
        try:
            payload = _read_payload(record.content_stream(), max_bytes)
        except Exception as exc:  # noqa: BLE001 -- damaged chunked or compressed payloads raise many kinds
            problem = Failure(source, "corrupt", f"the payload cannot be decoded ({type(exc).__name__}: {exc})")
        if payload is None and problem is None:
            problem = Failure(source, "too-large", f"payload of more than {max_bytes} bytes; one article may be at most {max_bytes}")
    _drain(record)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return Failure(source, "truncated",
                       f"the record stops {missing} bytes short of its Content-Length "
                       "(the archive is cut off here): not read")
    checker = record.digest_checker
    if checker is not None and checker.passed is False:
        return Failure(source, "corrupt", "the record's content does not match its WARC digest "
                       f"({'; '.join(checker.problems) or 'digest mismatch'}): not read")
    if problem is not None:
        return problem
    assert payload is not None
    try:
        text = _decode_payload(payload, content_type)
    except InputError as exc:
        return failure_of(source, exc)
    last_modified = _iso_date(http.get_header("Last-Modified"))
    captured = _iso_date(headers.get_header("WARC-Date"))
    fallback = ((last_modified, "the HTTP Last-Modified date") if last_modified
                else (captured, "the capture date (WARC-Date)") if captured else None)
    html = media in HTML_TYPES
    return RawDocument(
        source=source,
        text=None if html else text,
        html=text if html else None,
        input_id=headers.get_header("WARC-Record-ID"),
        url=headers.get_header("WARC-Target-URI"),
        fallback_published=fallback,
    )


def _resync(stream: BinaryIO, start: int, gzipped: bool) -> int | None:
    """Offset of the first record header at or after ``start``, or None."""
    marker = _GZIP_MEMBER if gzipped else _WARC_LINE
    stream.seek(start)
    carry = b""
    base = start
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base - len(carry) + found + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        base += len(chunk)


def _printable(message: str, limit: int = 80) -> str:
    """An error message that may quote binary data, cut short and with control bytes escaped."""
    short = message.strip()[:limit]
    return "".join(ch if ch.isprintable() and ord(ch) < 0x250 else f"\\x{ord(ch) & 0xff:02x}" for ch in short)


def _only_padding(stream: BinaryIO, start: int, size: int) -> bool:
    """Whether the bytes from ``start`` to the end are a few blank lines or NULs."""
    if size - start > 64:
        return False
    stream.seek(start)
    return not stream.read(64).strip(b"\r\n\t \x00")


def read_warc(source: str, stream: BinaryIO, *, size: int, max_bytes: int) -> Iterator[Item]:
    """Read a WARC or WARC.gz stream (seekable, ``size`` bytes long) record by record."""
    from warcio.archiveiterator import ArchiveIterator

    stream.seek(0)
    gzipped = stream.read(2) == GZIP_MAGIC
    position = 0
    responses = 0
    while position < size:
        stream.seek(position)
        iterator = ArchiveIterator(stream, check_digests=True)
        offset = position
        try:
            for record in iterator:
                offset = iterator.offset
                responses += record.rec_type == "response"
                item = _record_item(f"{source}#{offset}", record, max_bytes)
                if item is not None:
                    yield item
            end = iterator.offset
        except Exception as exc:  # warcio, zlib and the HTTP parser raise many kinds
            if isinstance(exc, MemoryError):
                raise
            # The offset where the failing record starts (warcio moves it past each record).
            where = max(iterator.offset, offset, position)
            following = _resync(stream, where + 1, gzipped)
            yield Failure(f"{source}#{where}", "corrupt",
                          f"unreadable archive data ({type(exc).__name__}: {_printable(str(exc))}); "
                          + ("reading goes on at the next record, at byte "
                             f"{following}" if following is not None else "nothing after it was read"))
            if following is None:
                return
            position = following
            continue
        if end < size and not _only_padding(stream, end, size):
            # warcio stops quietly at a record it cannot start: the archive is cut off there.
            yield Failure(f"{source}#{end}", "truncated",
                          f"the archive ends inside a record, at or after byte {end} of {size}: "
                          "what follows the last complete record was not read")
        break
    if responses == 0:
        yield Failure(source, "no-text", "the archive holds no response records, so no pages to read")
