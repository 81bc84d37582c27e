"""Readers: files, folders, JSONL/CSV exports and stdin → raw documents or failures.

Readers never raise for bad input: each input that cannot be read becomes a
:class:`~communique.records.Failure` with its reason, and reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from communique.errors import DecodeError, EmptyInputError, InputError
from communique.records import Failure, RawDocument

__all__ = ["decode", "read_inputs", "read_path", "read_stream"]

# A single article file larger than this is not an article (a dump, a disk image, an archive).
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# NUL bytes in the first block of a file that has no UTF-16 BOM mean it is binary.
SNIFF_BYTES = 8192
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
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


def _failure(source: str, exc: Exception) -> Failure:
    reasons: dict[type[Exception], str] = {EmptyInputError: "empty", DecodeError: "encoding"}
    reason = reasons.get(type(exc), "unreadable")
    return Failure(source=source, reason=reason, detail=str(exc))


def _row_document(source: str, row: dict[str, object]) -> Item:
    def field(name: str) -> str | None:
        value = row.get(name)
        return None if value is None or str(value).strip() == "" else str(value)

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
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, "malformed", f"not a JSON object: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(row, dict):
            yield Failure(where, "malformed", "a JSONL line must be a JSON object")
            continue
        yield _row_document(where, row)


def _read_csv(source: str, text: str) -> Iterator[Item]:
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
        yield Failure(source, "malformed", "CSV needs a 'text' or 'html' column in its header row")
        return
    try:
        for number, row in enumerate(reader, start=2):
            yield _row_document(f"{source}:{number}", dict(row))
    except csv.Error as exc:
        yield Failure(f"{source}:{reader.line_num}", "malformed", f"CSV error: {exc}")


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
    """Read one input's bytes: a single article, or a JSONL/CSV export of many."""
    try:
        text = decode(data)
    except InputError as exc:
        yield _failure(source, exc)
        return
    suffix = suffix.lower()
    stripped = text.lstrip()
    if suffix in {".jsonl", ".ndjson"} or (suffix not in {".csv"} | HTML_SUFFIXES and stripped.startswith("{")):
        yield from _read_jsonl(source, text)
    elif suffix == ".csv":
        yield from _read_csv(source, text)
    elif len(data) > MAX_DOCUMENT_BYTES:
        yield Failure(source, "too-large", f"{len(data)} bytes; one article may be at most {MAX_DOCUMENT_BYTES}")
    elif suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def _iter_files(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_path(path: str | os.PathLike[str]) -> Iterator[Item]:
    """Read a file or a folder (recursively, in sorted order; hidden files skipped)."""
    p = Path(path)
    files = _iter_files(p) if p.is_dir() else iter([p])
    for file in files:
        source = str(file)
        try:
            if file.stat().st_size > MAX_DOCUMENT_BYTES and file.suffix.lower() not in {".jsonl", ".ndjson", ".csv"}:
                yield Failure(source, "too-large", f"{file.stat().st_size} bytes; one article may be at most {MAX_DOCUMENT_BYTES}")
                continue
            data = file.read_bytes()
        except OSError as exc:
            yield Failure(source, "unreadable", f"{exc.strerror or exc}: check the path and its permissions")
            continue
        yield from read_stream(source, data, suffix=file.suffix)


def read_inputs(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Read every path in order; ``-`` reads standard input."""
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream("<stdin>", stream.read())
        else:
            yield from read_path(path)
