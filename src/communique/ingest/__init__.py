"""Readers: files, folders, JSONL/CSV exports, WARC archives, RSS/Atom feeds and stdin → raw
documents or failures.

Readers never raise for bad input: each input that cannot be read becomes a
:class:`~communique.records.Failure` with its reason, and reading goes on. What a file is, is
decided by its first bytes before its name: gzip data is decompressed as a stream (a
decompression bomb stops at a cap), ``WARC/`` opens a web archive (:mod:`.warc`), an ``<rss>``
or ``<feed>`` root a feed (:mod:`.feeds`); then the suffix tells JSONL and CSV exports, which
are read row by row, from single articles (text or HTML), which are read whole up to
``MAX_DOCUMENT_BYTES``. Folder walks follow the rules of :mod:`.files` (symbolic links, special
files). Nothing holds more than one article, row or record in memory at a time.

Failure reasons: ``empty``, ``encoding``, ``malformed``, ``too-large``, ``truncated``,
``corrupt``, ``unreadable``, ``not-a-file``, ``outside-input``, ``symlink``, ``unsafe-xml``,
``not-an-article``, ``no-text`` (and, from the pipeline, ``timeout`` and ``internal-error``).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from communique.errors import DecodeError, EmptyInputError, InputError
from communique.ingest import files
from communique.ingest.feeds import is_feed, read_feed
from communique.ingest.warc import WARC_MAGIC, read_warc
from communique.records import Failure, RawDocument

__all__ = ["decode", "failure_of", "read_inputs", "read_path", "read_stream"]

# A single article file larger than this is not an article (a dump, a disk image, an archive).
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# NUL bytes in the first block of a file that has no UTF-16 BOM mean it is binary.
SNIFF_BYTES = 8192
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SNIFF_BYTES = 64 * 1024
# The longest line of a JSONL export that is read: one article and its metadata, generously.
MAX_ROW_BYTES = 2 * MAX_DOCUMENT_BYTES
ROW_FIELDS = ("id", "url", "title", "published", "outlet", "language")
# An encoding a page declares in its first bytes: <meta charset="windows-1251">, <meta
# http-equiv="Content-Type" content="text/html; charset=euc-kr">, <?xml … encoding="…"?>.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# Labels that mean a larger encoding in practice (the WHATWG Encoding Standard's mapping, which
# browsers follow): pages declaring Latin-1 are written in Windows-1252, and so on.
_CHARSET_SUPERSETS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-9": "cp1254", "tis-620": "cp874",
}

Item = RawDocument | Failure


def decode(data: bytes) -> str:
    """Decode an input's bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, or
    the encoding a page declares (``<meta charset=…>``, ``<?xml encoding=…?>``) when it is not
    UTF-8.

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        DecodeError: binary data, or bytes that are neither UTF-8 nor a declared encoding.
    """
    if not data.strip():
        raise EmptyInputError("empty file: nothing to code")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # Before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
        text = _decode_bom(data, "utf-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_bom(data, "utf-16")
    elif b"\x00" in data[:SNIFF_BYTES]:
        if _utf16_without_bom(data[:SNIFF_BYTES]):
            raise DecodeError("UTF-16 text without a byte-order mark: convert it to UTF-8 (for "
                              "example `iconv -f utf-16le -t utf-8`)")
        raise DecodeError("binary data (NUL bytes), not a text or HTML article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _decode_declared(data, exc)
    # A byte-order mark followed by whitespace is still an empty file.
    if not text.strip():
        raise EmptyInputError("empty file: nothing to code")
    return text


def _utf16_without_bom(head: bytes) -> bool:
    """Whether NULs fall on every other byte, as in UTF-16 text of Latin script."""
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (even.count(0) >= 0.9 * len(even) or odd.count(0) >= 0.9 * len(odd))


def _decode_bom(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"broken {codec.upper()} at byte {exc.start}") from exc


def _decode_declared(data: bytes, error: UnicodeDecodeError) -> str:
    """Decode bytes that are not UTF-8 in the encoding the page declares, if it declares one."""
    advice = "convert the file to UTF-8 (for example `iconv -f cp1252 -t utf-8`)"
    m = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if m is None:
        raise DecodeError(f"invalid UTF-8 at byte {error.start}; {advice}") from error
    label = (m[1] or m[2]).decode("ascii").lower()
    try:
        codec = codecs.lookup(_CHARSET_SUPERSETS.get(label, label)).name
    except LookupError:
        raise DecodeError(
            f"invalid UTF-8 at byte {error.start}, and the declared encoding {label!r} is "
            f"unknown; {advice}"
        ) from error
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"the bytes are neither UTF-8 nor the declared {label!r} (invalid at byte "
            f"{exc.start}); {advice}"
        ) from exc


def failure_of(source: str, exc: Exception) -> Failure:
    """The failure record of an input that raised ``exc`` while being decoded."""
    reasons: dict[type[Exception], str] = {EmptyInputError: "empty", DecodeError: "encoding"}
    reason = reasons.get(type(exc), "unreadable")
    return Failure(source=source, reason=reason, detail=str(exc))


_failure = failure_of
# JSON escapes can spell half a UTF-16 surrogate pair ("\ud83d" of a cut emoji), which no
# encoding, SQLite's included, can store: it becomes U+FFFD, as a lenient decoder would make it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _row_document(source: str, row: dict[str, object]) -> Item:
    def field(name: str) -> str | None:
        value = row.get(name)
        if value is None or str(value).strip() == "":
            return None
        return _LONE_SURROGATE.sub("\ufffd", str(value))

    text, html = field("text"), field("html")
    if text is None and html is None:
        return Failure(source, "empty", "row has neither a 'text' nor an 'html' field with content")
    meta = {name: field(name) for name in ROW_FIELDS}
    return RawDocument(
        source=source,
        text=text if html is None else None,
        html=html,
        input_id=meta["id"],
        url=meta["url"],
        title=meta["title"],
        published=meta["published"],
        outlet=meta["outlet"],
        language=meta["language"],
    )


def _read_jsonl(source: str, text: str) -> Iterator[Item]:
    # Split on "\n" only: str.splitlines() would also split inside JSON strings at U+2028,
    # U+0085 and other separators that JSON writers leave unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        yield _json_row(where, line)


def _json_row(where: str, line: str) -> Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(where, "malformed", f"not a JSON object: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Failure(where, "malformed", "JSON nested too deeply to be an article row")
    except ValueError as exc:  # an integer of more than 4,300 digits, say
        return Failure(where, "malformed", f"not a JSON object: {exc}")
    if not isinstance(row, dict):
        return Failure(where, "malformed", "a JSONL line must be a JSON object")
    return _row_document(where, row)


def _stream_jsonl(source: str, stream: BinaryIO) -> Iterator[Item]:
    """A UTF-8 JSONL export, line by line: a bad line fails alone, an overlong one is skipped."""
    number = 0
    rows = 0
    while True:
        line = stream.readline(MAX_ROW_BYTES + 1)
        if not line:
            break
        number += 1
        where = f"{source}:{number}"
        if len(line) > MAX_ROW_BYTES and not line.endswith(b"\n"):
            skipped = len(line)
            while (rest := stream.readline(files.CHUNK_BYTES)) and not rest.endswith(b"\n"):
                skipped += len(rest)
            skipped += len(rest)
            rows += 1
            yield Failure(where, "too-large", f"a line of {skipped} bytes; one row may be at most {MAX_ROW_BYTES}")
            continue
        line = line.rstrip(b"\r\n")
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        rows += 1
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(where, "encoding", f"invalid UTF-8 at byte {exc.start} of the line; JSONL is UTF-8")
            continue
        yield _json_row(where, text)
    if rows == 0:
        yield Failure(source, "empty", "empty file: nothing to code")


def _read_csv(source: str, text: str | io.TextIOBase) -> Iterator[Item]:
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.DictReader(io.StringIO(text) if isinstance(text, str) else text)
    try:
        header = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as exc:
        yield Failure(source, "encoding" if isinstance(exc, UnicodeDecodeError) else "malformed",
                      f"unreadable header row ({exc}): a CSV export is UTF-8 text with a header row")
        return
    if not header or not {"text", "html"} & set(header):
        yield Failure(source, "malformed", "CSV needs a 'text' or 'html' column in its header row")
        return
    try:
        for number, row in enumerate(reader, start=2):
            yield _row_document(f"{source}:{number}", dict(row))
    except csv.Error as exc:
        yield Failure(f"{source}:{reader.line_num}", "malformed", f"CSV error: {exc}")
    except UnicodeDecodeError as exc:
        yield Failure(f"{source}:{reader.line_num + 1}", "encoding",
                      f"invalid {exc.encoding} after line {reader.line_num}; the rest of the file was "
                      "not read: convert it to UTF-8")


_BOM_CODECS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _bom_codec(head: bytes) -> str | None:
    return next((codec for bom, codec in _BOM_CODECS if head.startswith(bom)), None)


def _stream_csv(source: str, stream: BinaryIO, head: bytes) -> Iterator[Item]:
    """A CSV export, row by row, in UTF-8 (or UTF-16/32 with a byte-order mark)."""
    if not head.strip() or head.strip() in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        yield Failure(source, "empty", "empty file: nothing to code")
        return
    text = io.TextIOWrapper(stream, encoding=_bom_codec(head) or "utf-8-sig", errors="strict", newline="")
    try:
        yield from _read_csv(source, text)
    finally:
        text.detach()


# A text that opens with one of these elements is an HTML fragment ("<div class=…><p>…"), as
# saved from a CMS or a browser's "copy element".
_OPENING_TAG = re.compile(
    r"<(?:article|body|div|section|main|header|p|h[1-6]|table|ul|ol|span|font|center|!--)[\s>/]"
)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return (
        head.startswith(("<!doctype html", "<html", "<?xml"))
        or _OPENING_TAG.match(head) is not None
        or "<body" in head
        or "<p>" in head
    )


def read_stream(source: str, data: bytes, *, suffix: str = "") -> Iterator[Item]:
    """Read one input's bytes: a single article, an export of many, an archive or a feed."""
    yield from _read_binary(source, io.BytesIO(data), suffix=suffix, size=len(data))


def _read_text_input(source: str, data: bytes, suffix: str) -> Iterator[Item]:
    """A single article (or a small export in another encoding), decoded whole."""
    try:
        text = decode(data)
    except InputError as exc:
        yield failure_of(source, exc)
        return
    stripped = text.lstrip()
    if suffix in JSONL_SUFFIXES or (suffix not in {".csv"} | HTML_SUFFIXES and stripped.startswith("{")):
        yield from _read_jsonl(source, text)
    elif suffix == ".csv":
        yield from _read_csv(source, text)
    elif len(data) > MAX_DOCUMENT_BYTES:
        yield Failure(source, "too-large", f"{len(data)} bytes; one article may be at most {MAX_DOCUMENT_BYTES}")
    elif suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def _too_large(source: str, what: str) -> Failure:
    return Failure(source, "too-large", f"{what}; one article may be at most {MAX_DOCUMENT_BYTES} bytes")


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a stream, without consuming them."""
    if stream.seekable():
        head = stream.read(FEED_SNIFF_BYTES)
        stream.seek(0)
        return head
    return stream.peek(FEED_SNIFF_BYTES)[:FEED_SNIFF_BYTES]  # type: ignore[attr-defined]


def _is_jsonl(head: bytes, suffix: str) -> bool:
    if suffix in JSONL_SUFFIXES:
        return True
    return suffix not in {".csv"} | HTML_SUFFIXES and head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{")


def _read_binary(source: str, stream: BinaryIO, *, suffix: str, size: int | None,
                 compressed: bool = False) -> Iterator[Item]:
    """Read one input from a binary stream, deciding what it is from its first bytes.

    ``size`` is the stream's length when known (a file), None for a decompressed stream.
    """
    suffix = suffix.lower()
    head = _head(stream)
    unicode_bom = _bom_codec(head)
    if head.startswith(files.GZIP_MAGIC) and not compressed:
        yield from _read_gzip(source, stream, suffix=suffix, size=size)
    elif head.startswith(WARC_MAGIC) and size is not None:
        yield from read_warc(source, stream, size=size, max_bytes=MAX_DOCUMENT_BYTES)
    elif unicode_bom is None and _is_jsonl(head, suffix):
        yield from _stream_jsonl(source, stream)
    elif suffix == ".csv":
        yield from _stream_csv(source, stream, head)
    elif unicode_bom is None and suffix not in JSONL_SUFFIXES and is_feed(head, suffix):
        yield from read_feed(source, stream, max_chars=MAX_DOCUMENT_BYTES)
    elif size is not None and size > MAX_DOCUMENT_BYTES:
        yield _too_large(source, f"{size} bytes")
    else:
        # One article, or a small export in UTF-16/32: read whole, up to the limit.
        try:
            data = files.read_at_most(stream, MAX_DOCUMENT_BYTES)
        except files.TooLarge as exc:
            yield _too_large(source, str(exc))
            return
        yield from _read_text_input(source, data, suffix)


def _read_gzip(source: str, raw: BinaryIO, *, suffix: str, size: int | None) -> Iterator[Item]:
    """A gzip file: a WARC.gz (read by the WARC reader, member by member), or any other input
    compressed (``.txt.gz``, ``.jsonl.gz``), decompressed as a stream under a bomb check. The
    suffix before ``.gz`` says what the content is."""
    suffixes = Path(source).suffixes
    inner = suffixes[-2].lower() if suffix == ".gz" and len(suffixes) >= 2 else ""
    if raw.seekable() and size is not None and files.gzip_head(raw, len(WARC_MAGIC)) == WARC_MAGIC:
        # A WARC.gz is a series of gzip members, one a record: the WARC reader needs their offsets.
        yield from read_warc(source, raw, size=size, max_bytes=MAX_DOCUMENT_BYTES)
        return
    stream = files.gzip_budget(raw)
    try:
        yield from _read_binary(source, stream, suffix=inner, size=None, compressed=True)
    except files.TooLarge as exc:
        yield Failure(source, "too-large", str(exc))
    except files.GZIP_ERRORS as exc:
        yield files.gzip_error(source, exc)


def read_path(path: str | os.PathLike[str]) -> Iterator[Item]:
    """Read a file or a folder (recursively, in sorted order; hidden files skipped).

    In a folder, symbolic links that lead out of it and special files are refused with their
    reason (see :mod:`communique.ingest.files`).
    """
    p = Path(path)
    entries = files.walk(p) if p.is_dir() else iter([p])
    for entry in entries:
        if isinstance(entry, Failure):
            yield entry
            continue
        yield from _read_file(entry)


def _read_file(path: Path) -> Iterator[Item]:
    source = files.label(path)
    opened = files.open_regular(path)
    if isinstance(opened, Failure):
        yield opened
        return
    with opened as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            yield from _read_binary(source, stream, suffix=path.suffix, size=size)
        except OSError as exc:
            yield Failure(source, "unreadable", f"{exc.strerror or exc}: check the path and its permissions")


def _read_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input, spooled to a temporary file past the article size limit so that an
    export or an archive piped in is read like a file, in bounded memory."""
    with tempfile.SpooledTemporaryFile(max_size=MAX_DOCUMENT_BYTES) as spool:
        size = 0
        while chunk := stream.read(files.CHUNK_BYTES):
            spool.write(chunk)
            size += len(chunk)
        spool.seek(0)
        yield from _read_binary("<stdin>", spool, suffix="", size=size)  # type: ignore[arg-type]


def read_inputs(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Read every path in order; ``-`` reads standard input."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        else:
            yield from read_path(path)
