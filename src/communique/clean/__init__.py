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
from communique.clean.dates import is_ambiguous, parse_published
from communique.clean.html import extract_html
from communique.clean.joins import repair_joins
from communique.clean.language import detect_language
from communique.errors import EmptyInputError
from communique.records import Dateline, Document, RawDocument

__all__ = ["clean", "document_id", "normalize_text"]

# A first line this short, without a closing full stop, followed by more text, is a headline.
MAX_TITLE_CHARS = 160
# A line before the dateline is kept as article text when it reads as a sentence: it ends like
# one and has at least this many words. Shorter lines there are labels ("Photo: KCNA.", "Back
# to the top."); a lead paragraph or a photo caption is longer.
MIN_PROSE_WORDS = 5
# A leading "date 2022-01-17" metadata line, or that prefix glued to the first line of text.
_METADATA_DATE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
# A photo credit closing a caption: "(Xinhua/Li Wei)", "(Photo by Li Wei)".
_CREDIT = re.compile(r"(?<=[.!?])\s*\([^()\n]{1,80}\)\s*$")
# "By Staff Writer", "By Jane Doe and Li Wei": a byline is never the title.
_BYLINE = re.compile(r"^(?:by|from)\s+\S", re.IGNORECASE)
MAX_BYLINE_WORDS = 8
# Words a date stamp line may hold besides numbers ("Updated: 15:58 GMT 30.01.2024").
_STAMP_WORDS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
        "sun", "am", "pm", "a", "m", "p", "gmt", "utc", "z", "t", "est", "edt", "cst", "cdt", "pst",
        "pdt", "cet", "cest", "eet", "eest", "msk", "kst", "jst", "bst", "ist", "updated",
        "published", "posted", "last", "modified", "date", "time", "at", "on",
    )
)
# Invisible characters that do not make two texts different for the id: byte-order marks left
# inside a text (a BOM-prefixed export field, concatenated files), zero-width spaces and word
# joiners. Zero-width (non-)joiners stay: Persian and Indic spellings differ by them.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060"), None)


def normalize_text(text: str) -> str:
    """The form of a text that its id is computed from: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold().split())


def document_id(text: str) -> str:
    """Stable id of a document: the first 16 hex digits of the SHA-256 of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


def _without_credit(line: str) -> str:
    """``line`` less a closing credit: "… on June 5. (Photo: Li Wei)" → "… on June 5."."""
    return _CREDIT.sub("", line.strip())


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= MAX_TITLE_CHARS and not _without_credit(line).endswith(
        (".", ":", ";", ",")
    )


def _is_byline(line: str) -> bool:
    line = line.strip()
    return (
        _BYLINE.match(line) is not None
        and len(line.split()) <= MAX_BYLINE_WORDS
        and _looks_like_title(line)
    )


def _is_stamp(line: str) -> bool:
    """A date or time line ("Thursday, May 4, 2023", "14:56 GMT 30.01.2024 (Updated: …)")."""
    words = re.findall(r"[^\W\d_]+", line)
    return re.search(r"\d", line) is not None and all(w.casefold() in _STAMP_WORDS for w in words)


def _is_prose(line: str) -> bool:
    line = line.strip()
    return len(line.split()) >= MIN_PROSE_WORDS and (
        len(line) > MAX_TITLE_CHARS or _SENTENCE_END.search(_without_credit(line)) is not None
    )


def _is_label(line: str) -> bool:
    """A one-word line: a section, kicker or outlet name ("World", "EXCLUSIVE", "AFP")."""
    return len(line.split()) == 1


def _title_candidate(line: str, *, labels: bool) -> bool:
    return (
        _looks_like_title(line)
        and (labels or not _is_label(line))
        and not _is_byline(line)
        and not _is_stamp(line)
    )


def _collapse_blank_runs(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line)
    return kept


def _split_header(text: str) -> tuple[str | None, Dateline | None, str]:
    """Split ``text`` into (title, dateline, body).

    With a dateline, the lines above it are the page's header and perhaps some text:

    - the title is the nearest headline-like line above the dateline (short, no closing full
      stop), passing over bylines ("By Staff Writer"), date stamps and sentences;
    - lines that read as sentences (a lead paragraph, a photo caption, an earlier story) stay
      in the body, in their place before the dateline's story: they are article text (less a
      caption's closing credit, "(Xinhua/Li Wei)");
    - the other header lines (section labels, kickers, bylines, stamps) are left out.

    The dateline itself is taken off the start of its line and reported separately.

    Without a dateline, a headline-like first line of more than one word is the title when
    more text follows; the rest is the body. Bylines, date stamps and one-word labels ("World",
    "AFP") above it are passed over and left out; when no title follows them, they stay in the
    body.
    """
    lines = text.splitlines()
    found = find_dateline(text)
    if found is not None:
        index, dateline = found
        header = lines[:index]
        title = next(
            (
                ln.strip()
                for ln in reversed(header)
                if ln.strip() and _title_candidate(ln, labels=True)
            ),
            None,
        )
        # A caption's closing credit ("… 2017. (Xinhua/Li Wei)") is no article text, and left
        # in place it is read as the start of the next sentence.
        before = _collapse_blank_runs(
            [_without_credit(ln) if _is_prose(ln) else "" for ln in header]
        )
        first = lines[index].replace("\u00a0", " ").strip()[len(dateline.text) :].strip()
        body = "\n".join(before + ([first] if first else []) + lines[index + 1 :]).strip()
        return title, dateline, body
    non_empty = [i for i, ln in enumerate(lines) if ln.strip()]
    lead = 0
    while lead < len(non_empty) - 1 and (
        _is_stamp(lines[non_empty[lead]])
        or _is_byline(lines[non_empty[lead]])
        or _is_label(lines[non_empty[lead]])
    ):
        lead += 1
    if len(non_empty) - lead > 1 and _title_candidate(lines[non_empty[lead]], labels=False):
        start = non_empty[lead]
        return lines[start].strip(), None, "\n".join(lines[start + 1 :]).strip()
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
        notes.extend(page.notes)
        text = page.text
        title = title or page.title
        published = published or page.published
        outlet = outlet or page.outlet
        url = url or page.url
    # Line ends of every platform; NULs and byte-order marks inside the text are no text.
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\ufeff", "")
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is not None and (m := _METADATA_DATE.match(lines[first])):
        published = published or m.group(1)
        rest = lines[first][m.end() :]
        text = "\n".join(([rest] if rest.strip() else []) + lines[first + 1 :])
    text = strip_boilerplate(text)
    found_title, dateline, body = _split_header(text)
    if (repaired := repair_joins(body)) != body:
        body = repaired
        notes.append("spaces lost between words (\"rejectedTokyo\") were put back")
    if not any(ch.isalnum() for ch in body):
        raise EmptyInputError("no article text left after removing markup and boilerplate")
    title = title or found_title
    if not published and _published_from_dateline(dateline) is None and raw.fallback_published:
        published, what = raw.fallback_published
        notes.append(f"the page states no publication date: {what}, {published}, is used instead")
    stated = parse_published(published)
    from_metadata = stated.iso if stated is not None and stated.precision == "day" else None
    published_iso = from_metadata or _published_from_dateline(dateline)
    if published and stated is None:
        notes.append(f"publication date {published!r} is not a full date; ignored")
    elif published and stated is not None and from_metadata is None:
        notes.append(
            f"publication date {published!r} gives only the {stated.precision} ({stated.iso}); "
            + (
                f"the dateline's {published_iso} is used"
                if published_iso
                else "publication date left empty, so relative dates in the text are not resolved"
            )
        )
    elif from_metadata is not None and is_ambiguous(published):
        notes.append(f"publication date {published!r} could be read either way; read month first")
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
