"""Full-text search over stored documents: SQLite FTS5, with a substring fallback.

The index (``documents_fts``, see :mod:`communique.store.schema`) is filled by a trigger on
every insert and backfilled when a database written before it existed is next opened for
writing. A read-only connection to such an older database cannot build it; search then falls
back to a case-insensitive substring match over titles and texts and says so in ``note``.

User input never reaches FTS5's query syntax directly: :func:`fts_query` keeps only words and
double-quoted phrases and quotes every one of them, so no input can be a syntax error or an
operator (``NEAR``, ``OR``, column filters).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

__all__ = ["fts_query", "search_documents"]

# Words of context FTS5's snippet() gives around the matches (its maximum is 64).
SNIPPET_WORDS = 24
# Characters of context either side of the first match in a substring-fallback snippet.
FALLBACK_CONTEXT = 90
# Bare words this long or longer also match as prefixes ("Kiyash" finds "Kiyashchenko");
# shorter ones would match too much ("US" would find "use").
MIN_PREFIX_LENGTH = 3
# bm25 weights of the indexed columns (doc_id is unindexed, its weight is ignored): a word in
# the title says more about the article than one in its text.
TITLE_WEIGHT, TEXT_WEIGHT = 5.0, 1.0
# Control characters that mark matches in snippet() output; they cannot come from a query
# and are split off before anything is shown.
_OPEN, _CLOSE = "\x02", "\x03"

_QUERY_PART = re.compile(r'"([^"]*)"?|([^"\s]+)')
_WORD = re.compile(r"\w+")

FALLBACK_NOTE = (
    "This database has no full-text index yet (it was written by an older communique and is "
    "open read-only), so the search matched substrings. Open it for writing once, e.g. "
    "`communique ingest MORE_FILES --db FILE`, to build the index."
)


def fts_query(text: str) -> str | None:
    """An FTS5 query for what a user typed: all words and "quoted phrases" must occur.

    Returns:
        The query, or None when the text holds no word at all.

    Example::

        fts_query('joint "Korean people"')   # '"joint"* "korean people"'
    """
    terms: list[str] = []
    for phrase, bare in _QUERY_PART.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        for word in _WORD.findall(bare):
            terms.append(f'"{word}"' + ("*" if len(word) >= MIN_PREFIX_LENGTH else ""))
    return " ".join(terms) or None


def _unmark(marked: str | None) -> tuple[str, list[list[int]]]:
    """Split snippet()/highlight() output into plain text and [start, end] match offsets."""
    plain: list[str] = []
    spans: list[list[int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked or ""):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                spans.append([start, length])
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), spans


def _has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents_fts'"
    ).fetchone() is not None


_SUMMARY = (
    "d.id, d.title, d.outlet, d.published, d.language, d.source,"
    " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"
)


def search_documents(
    conn: sqlite3.Connection, text: str, *, limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """Documents whose title or text contain every word of ``text``, best match first.

    Returns:
        ``{"mode": "fulltext" | "substring", "total": int, "note": str | None,
        "documents": [...]}``; each document has the fields of ``Store.documents()`` plus
        ``snippet`` (plain text around the matches), ``highlights`` ([start, end] offsets of
        the matches in the snippet) and ``title_highlights`` (the same for the title).

    Raises:
        sqlite3.Error: the database refused the query.
    """
    if _has_index(conn):
        query = fts_query(text)
        if query is None:
            return {"mode": "fulltext", "total": 0, "note": None, "documents": []}
        total = conn.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)
        ).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_SUMMARY},"
            f" snippet(documents_fts, 2, char(2), char(3), '…', {SNIPPET_WORDS}) AS marked_text,"
            " highlight(documents_fts, 1, char(2), char(3)) AS marked_title"
            " FROM documents_fts f JOIN documents d ON d.id = f.doc_id"
            " WHERE documents_fts MATCH ?"
            f" ORDER BY bm25(documents_fts, 0, {TITLE_WEIGHT}, {TEXT_WEIGHT}), d.id"
            " LIMIT ? OFFSET ?",
            (query, limit, offset),
        ).fetchall()
        documents = []
        for row in rows:
            found = {k: row[k] for k in row.keys() if not k.startswith("marked_")}  # noqa: SIM118 - a Row iterates values
            found["snippet"], found["highlights"] = _unmark(row["marked_text"])
            _, found["title_highlights"] = _unmark(row["marked_title"])
            documents.append(found)
        return {"mode": "fulltext", "total": total, "note": None, "documents": documents}
    return _substring_search(conn, text, limit=limit, offset=offset)


def _substring_search(
    conn: sqlite3.Connection, text: str, *, limit: int, offset: int
) -> dict[str, Any]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return {"mode": "substring", "total": 0, "note": FALLBACK_NOTE, "documents": []}
    where = " AND ".join(
        "instr(casefold(coalesce(d.title, '') || char(10) || d.text), ?) > 0" for _ in words
    )
    total = conn.execute(f"SELECT count(*) FROM documents d WHERE {where}", words).fetchone()[0]
    rows = conn.execute(
        f"SELECT {_SUMMARY}, d.text AS full_text FROM documents d WHERE {where}"
        " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?",
        [*words, limit, offset],
    ).fetchall()
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    documents = []
    for row in rows:
        found = {k: row[k] for k in row.keys() if k != "full_text"}  # noqa: SIM118 - a Row iterates values
        body: str = row["full_text"]
        first = pattern.search(body)
        lo = max(0, first.start() - FALLBACK_CONTEXT) if first else 0
        hi = min(len(body), (first.end() if first else 0) + FALLBACK_CONTEXT)
        window = body[lo:hi]
        prefix = "…" if lo > 0 else ""
        found["snippet"] = prefix + window + ("…" if hi < len(body) else "")
        found["highlights"] = [
            [m.start() + len(prefix), m.end() + len(prefix)] for m in pattern.finditer(window)
        ]
        found["title_highlights"] = [[m.start(), m.end()] for m in pattern.finditer(row["title"] or "")]
        documents.append(found)
    return {"mode": "substring", "total": total, "note": FALLBACK_NOTE, "documents": documents}
