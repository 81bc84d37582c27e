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

Item = RawDocument | Failure


def decode(data: bytes) -> str:
    """Decode an input's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        DecodeError: binary data, or bytes that are not valid UTF-8.
    """
    if not data.strip():
        raise EmptyInputError("empty file: nothing to code")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"broken UTF-16 at byte {exc.start}") from exc
    elif b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError("binary data (NUL bytes), not a text or HTML article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"invalid UTF-8 at byte {exc.start}; convert the file to UTF-8 "
                "(for example `iconv -f cp1252 -t utf-8`)"
            ) from exc
    # A byte-order mark followed by whitespace is still an empty file.
    if not text.strip():
        raise EmptyInputError("empty file: nothing to code")
    return text


def _failure(source: str, exc: Exception) -> Failure:
    reason = {EmptyInputError: "empty", DecodeError: "encoding"}.get(type(exc), "unreadable")
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


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head


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
