"""Cleaning: from a raw input to a :class:`~communique.records.Document`.

Steps, in order: HTML main text (trafilatura), a leading ``date YYYY-MM-DD`` metadata line,
boilerplate lines, the dateline (place, outlet, month/day), the title, the publication date,
the language, and the stable document id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from communique.clean.boilerplate import strip_boilerplate
from communique.clean.dateline import find_dateline
from communique.clean.dates import normalize_published
from communique.clean.html import extract_html
from communique.clean.language import detect_language
from communique.errors import EmptyInputError
from communique.records import Dateline, Document, RawDocument

__all__ = ["clean", "document_id", "normalize_text"]

# A first line this short, without a closing full stop, followed by more text, is a headline.
MAX_TITLE_CHARS = 160
_METADATA_DATE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)


def normalize_text(text: str) -> str:
    """The form of a text that its id is computed from: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def document_id(text: str) -> str:
    """Stable id of a document: the first 16 hex digits of the SHA-256 of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= MAX_TITLE_CHARS and not line.endswith((".", ":", ";", ","))


def _split_header(text: str) -> tuple[str | None, Dateline | None, str]:
    """Split ``text`` into (title, dateline, body)."""
    lines = text.splitlines()
    found = find_dateline(text)
    if found is not None:
        index, dateline = found
        title = next((ln.strip() for ln in reversed(lines[:index]) if ln.strip()), None)
        if title is not None and not _looks_like_title(title):
            title = None
        first = lines[index].replace("\u00a0", " ").strip()[len(dateline.text):].strip()
        body = "\n".join(([first] if first else []) + lines[index + 1 :]).strip()
        return title, dateline, body
    non_empty = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(non_empty) > 1 and _looks_like_title(lines[non_empty[0]]):
        return lines[non_empty[0]].strip(), None, "\n".join(lines[non_empty[0] + 1 :]).strip()
    return None, None, text.strip()


def _published_from_dateline(dateline: Dateline | None) -> str | None:
    if dateline is None or dateline.year is None or dateline.month is None or dateline.day is None:
        return None
    try:
        return dt.date(dateline.year, dateline.month, dateline.day).isoformat()
    except ValueError:
        return None


def clean(raw: RawDocument) -> Document:
    """Turn a raw input into a cleaned document.

    Raises:
        EmptyInputError: nothing is left once markup and boilerplate are gone.
        InputError: the HTML cannot be parsed or has no main text.

    Example:
        >>> doc = clean(RawDocument(source="x", text="Moscow, May 3 (TASS) -- Talks began."))
        >>> doc.text, doc.outlet, doc.dateline.place, doc.published
        ('Talks began.', 'TASS', 'Moscow', None)
    """
    notes: list[str] = []
    text, title, published, outlet, url = raw.text, raw.title, raw.published, raw.outlet, raw.url
    language = raw.language
    if raw.html is not None:
        page = extract_html(raw.html, url=raw.url)
        text = page.text
        title = title or page.title
        published = published or page.published
        outlet = outlet or page.outlet
        url = url or page.url
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and (m := _METADATA_DATE.match(lines[first])):
        published = published or m.group(1)
        text = "\n".join(lines[first + 1 :])
    text = strip_boilerplate(text)
    found_title, dateline, body = _split_header(text)
    if not body.strip():
        raise EmptyInputError("no article text left after removing markup and boilerplate")
    title = title or found_title
    published_iso = normalize_published(published) or _published_from_dateline(dateline)
    if published and not normalize_published(published):
        notes.append(f"publication date {published!r} is not a full date; ignored")
    if published_iso is None and dateline is not None and dateline.month and dateline.year is None:
        notes.append("dateline gives a month and day but no year; publication date left empty")
    return Document(
        id=document_id(body),
        text=body,
        source=raw.source,
        input_id=raw.input_id,
        title=title,
        outlet=outlet or (dateline.outlet if dateline else None),
        published=published_iso,
        language=language or detect_language(body),
        url=url,
        dateline=dateline,
        notes=tuple(notes),
    )
