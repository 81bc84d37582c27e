"""SQLite storage of coded documents, their events and the inputs that failed.

A :class:`Store` wraps one ``sqlite3`` connection opened in autocommit mode; every write is
an explicit ``BEGIN IMMEDIATE`` … ``COMMIT`` so that a crash or an error part-way through a
document leaves nothing of it behind. Events keep their full ``Event.to_dict()`` record as
JSON, so reading them back gives exactly what the coder produced; the other columns exist to
filter on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from communique.errors import StoreError
from communique.records import Agreement, CodedDocument, Entity, Event, Failure, Statement
from communique.store.schema import SCHEMA_SQL, SCHEMA_VERSION
from communique.store.search import search_documents

__all__ = ["SCHEMA_SQL", "SCHEMA_VERSION", "Store"]

logger = logging.getLogger(__name__)

MEMORY = ":memory:"
# Shorter prefixes of a 16-hex-digit id match too many documents to be worth resolving.
MIN_ID_PREFIX = 6
BUSY_TIMEOUT_MS = 5000
COUNTED_TABLES = ("documents", "events", "actors", "failures", "mentions")
_DATE_BOUND = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Params = Sequence[Any]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _casefold(value: Any) -> Any:
    """SQL function ``casefold(x)``: SQLite's own ``lower()`` only folds ASCII letters."""
    return value.casefold() if isinstance(value, str) else value


def _check_date_bound(name: str, value: str) -> None:
    if not _DATE_BOUND.match(value):
        raise ValueError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent non-empty value (the first seen among equals), or None."""
    counts = Counter(v for v in values if v)
    return max(counts, key=counts.__getitem__) if counts else None


def _check_limit(limit: int | None) -> None:
    # SQLite reads a negative LIMIT as "no limit", which would hide a caller's bug.
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit}")


class Store:
    """A communique SQLite database.

    Args:
        path: Database file, or ``":memory:"`` for a throwaway database.
        readonly: Open the file read-only (it must exist); writes raise :class:`StoreError`.

    Raises:
        StoreError: the file is missing (read-only), cannot be opened, is not a communique
            database, or has another schema version.

    Example::

        with Store("communique.db") as store:
            store.add(coded)
            rows = store.events(country="NOR", since="2024-01-01")
    """

    def __init__(self, path: str | os.PathLike[str] = "communique.db", *, readonly: bool = False):
        self.path = os.fspath(path)
        self.readonly = readonly
        self._conn = self._connect()
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        memory = self.path == MEMORY
        if self.readonly and not memory and not Path(self.path).exists():
            raise StoreError(
                f"no database at {self.path}: run `communique ingest PATH` first (or pass --db)"
            )
        try:
            if self.readonly and not memory:
                # A file: URI is the only way to ask SQLite itself to refuse writes.
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database at {self.path}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        return conn

    def _prepare(self) -> None:
        """Set pragmas, create the schema if writable, and check the schema version."""
        conn = self._conn
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not self.readonly:
                if self.path != MEMORY:
                    # WAL lets readers (`communique events`) run while an ingest writes.
                    conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA foreign_keys=ON")
                conn.execute("PRAGMA synchronous=NORMAL")
                self._create_schema()
            elif self.path == MEMORY:
                self._create_schema()
                conn.execute("PRAGMA query_only=ON")
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path} is not a usable communique database: {exc}") from exc
        version = None if row is None else row["value"]
        if version != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path} has schema version {version}, this communique needs "
                f"{SCHEMA_VERSION}: ingest into a new database (--db NEW.db)"
            )
        logger.debug("opened %s (readonly=%s)", self.path, self.readonly)

    def _create_schema(self) -> None:
        # executescript() would commit a pending transaction first, so the BEGIN is part of
        # the script; the statements are idempotent, so this is safe on an existing database.
        try:
            self._conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA_SQL}\nCOMMIT;")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    # -- lifetime --------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection, for ad-hoc queries."""
        return self._conn

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}, readonly={self.readonly})"

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the body as one write transaction; roll it all back on any exception."""
        if self.readonly:
            raise StoreError(f"database {self.path} was opened read-only; cannot write")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            # Some errors (disk full, I/O) make SQLite roll back on its own.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
            raise

    def _query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc

    # -- writing ---------------------------------------------------------------------------

    def add(self, coded: CodedDocument) -> bool:
        """Store a coded document with its actors, events and evidence, all or nothing.

        A document already in the store (same ``doc.id``) only gains a mention of this
        source, so re-adding the same document changes nothing.

        Returns:
            True if the document is new, False if it was already stored.

        Raises:
            StoreError: the store is read-only or the database refused the write.
        """
        doc = coded.doc
        with self._transaction() as conn:
            new = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone() is None
            if new:
                self._insert_document(conn, coded)
                self._insert_actors(conn, coded)
                for event in coded.events:
                    self._insert_event(conn, event)
                for agreement in coded.agreements:
                    self._insert_agreement(conn, agreement)
                for statement in coded.statements:
                    self._insert_statement(conn, statement)
            conn.execute(
                "INSERT OR IGNORE INTO mentions (doc_id, source, input_id) VALUES (?, ?, ?)",
                (doc.id, doc.source, doc.input_id),
            )
        logger.debug("%s document %s from %s", "added" if new else "saw", doc.id, doc.source)
        return new

    @staticmethod
    def _insert_document(conn: sqlite3.Connection, coded: CodedDocument) -> None:
        doc = coded.doc
        record = doc.to_dict()
        conn.execute(
            "INSERT INTO documents (id, input_id, source, title, outlet, published, language,"
            " url, dateline, notes, text, coder_version, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, doc.input_id, doc.source, doc.title, doc.outlet, doc.published,
                doc.language, doc.url, json.dumps(record["dateline"]),
                json.dumps(record["notes"]), doc.text, coded.coder_version, _now(),
            ),
        )

    @staticmethod
    def _insert_actors(conn: sqlite3.Connection, coded: CodedDocument) -> None:
        conn.executemany(
            "INSERT INTO actors (doc_id, idx, entity_text, entity_name, entity_type, code,"
            ' sector, office, organization, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                (coded.doc.id, idx, a.entity_text, a.entity_name, a.kind, a.code, a.sector,
                 a.office, a.organization, a.start, a.end)
                for idx, a in enumerate(coded.actors)
            ],
        )

    @staticmethod
    def _insert_event(conn: sqlite3.Connection, event: Event) -> None:
        conn.execute(
            "INSERT INTO events (id, doc_id, event, mode, context, quad_code, intensity, date,"
            " date_precision, location, cameo, symmetric, negated, future, hypothetical,"
            " confidence, trigger, coder_version, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id, event.doc_id, event.event, event.mode, json.dumps(list(event.context)),
                event.quad_code, event.intensity, event.date, event.date_precision,
                event.location, event.cameo, int(event.symmetric), int(event.negated),
                int(event.future), int(event.hypothetical), event.confidence, event.trigger,
                event.coder_version, json.dumps(event.to_dict(), ensure_ascii=False),
            ),
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, role, position, entity_name, entity_text, code,"
            " sector, office) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (event.id, role, position, e.entity_name, e.entity_text, e.code, e.sector,
                 e.office)
                for role, entities in (("actor", event.actor), ("recipient", event.recipient))
                for position, e in enumerate(entities)
            ],
        )
        conn.executemany(
            'INSERT INTO evidence (event_id, position, sentence, start, "end", text)'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (event.id, position, ev.sentence, ev.start, ev.end, ev.text)
                for position, ev in enumerate(event.evidence)
            ],
        )

    @staticmethod
    def _insert_agreement(conn: sqlite3.Connection, agreement: Agreement) -> None:
        conn.execute(
            "INSERT INTO agreements (id, doc_id, title, kind, date, date_precision, place, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                agreement.id, agreement.doc_id, agreement.title, agreement.kind, agreement.date,
                agreement.date_precision, agreement.place,
                json.dumps(agreement.to_dict(), ensure_ascii=False),
            ),
        )
        conn.executemany(
            'INSERT INTO agreement_clauses (agreement_id, position, start, "end", text)'
            " VALUES (?, ?, ?, ?, ?)",
            [(agreement.id, position, c.start, c.end, c.text)
             for position, c in enumerate(agreement.clauses)],
        )
        conn.executemany(
            "INSERT INTO agreement_parties (agreement_id, role, position, entity_name, code,"
            " sector, office) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (agreement.id, role, position, e.entity_name, e.code, e.sector, e.office)
                for role, entities in (("party", agreement.parties),
                                       ("signatory", agreement.signatories))
                for position, e in enumerate(entities)
            ],
        )

    @staticmethod
    def _insert_statement(conn: sqlite3.Connection, statement: Statement) -> None:
        speaker = statement.speaker
        conn.execute(
            "INSERT INTO statements (id, doc_id, speaker_name, speaker_code, speaker_sector,"
            " speaker_office, verb, claim, claim_start, claim_end, direct, date, sentence, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                statement.id, statement.doc_id, speaker.entity_name, speaker.code, speaker.sector,
                speaker.office, statement.verb, statement.claim.text, statement.claim.start,
                statement.claim.end, int(statement.direct), statement.date, statement.evidence.text,
                json.dumps(statement.to_dict(), ensure_ascii=False),
            ),
        )
        conn.executemany(
            "INSERT INTO statement_about (statement_id, position, entity_name, code) VALUES (?, ?, ?, ?)",
            [(statement.id, position, e.entity_name, e.code) for position, e in enumerate(statement.about)],
        )

    def add_failure(self, failure: Failure, *, content_hash: str | None = None) -> bool:
        """Record an input that could not be coded, once per (source, reason, content hash).

        Returns:
            True if the failure is new, False if it was already recorded.
        """
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO failures (source, reason, detail, content_hash, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (failure.source, failure.reason, failure.detail, content_hash or "", _now()),
            )
        return cursor.rowcount == 1

    # -- reading ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with exactly this id is stored."""
        return bool(self._query("SELECT 1 FROM documents WHERE id = ?", (doc_id,)))

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        outlet: str | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events matching every given filter.

        Args:
            actor: Case-insensitive substring of any actor's or recipient's name or text.
            country: Code (ISO3 or PLOVER pseudo-country) of any actor or recipient.
            event_type: PLOVER event type, e.g. ``"CONSULT"`` (case-insensitive).
            since: First date, inclusive (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
            until: Last date, inclusive; ``"2024-03"`` includes all of March.
            doc_id: Only events of this document.
            limit: At most this many events.
            outlet: Only events of documents from this outlet (its exact name, any case).
            offset: Skip this many events first (paging, with ``limit``).
            newest_first: Order by date, publication date and id descending (undated last).

        Returns:
            Each event's ``Event.to_dict()`` record plus ``doc_title``, ``doc_outlet`` and
            ``doc_published``, ordered by date (undated last), publication date and id
            (descending with ``newest_first``). Events without a date are left out when
            ``since`` or ``until`` is given.

        Raises:
            ValueError: a malformed date bound, or a negative limit or offset.
        """
        _check_limit(limit)
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, got {offset}")
        where, params = self._event_filters(actor=actor, country=country, event_type=event_type,
                                            since=since, until=until, doc_id=doc_id, outlet=outlet)
        order = ("e.date IS NULL, e.date DESC, d.published IS NULL, d.published DESC, e.id DESC"
                 if newest_first else "e.date IS NULL, e.date, d.published IS NULL, d.published, e.id")
        sql = (
            "SELECT e.record, d.title, d.outlet, d.published"
            " FROM events e JOIN documents d ON d.id = e.doc_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {order}"
            + (" LIMIT ? OFFSET ?" if limit is not None else " LIMIT -1 OFFSET ?" if offset else "")
        )
        if limit is not None:
            params.append(limit)
        if limit is not None or offset:
            params.append(offset)
        results = []
        for row in self._query(sql, params):
            record = json.loads(row["record"])
            record.update(
                doc_title=row["title"], doc_outlet=row["outlet"], doc_published=row["published"]
            )
            results.append(record)
        return results

    def event_count(self, **filters: Any) -> int:
        """How many stored events :meth:`events` with the same filters (no limit) returns.

        Raises:
            ValueError: a malformed date bound.
        """
        where, params = self._event_filters(**filters)
        sql = ("SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id"
               + (" WHERE " + " AND ".join(where) if where else ""))
        return int(self._query(sql, params)[0][0])

    @staticmethod
    def _event_filters(
        *,
        actor: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        outlet: str | None = None,
    ) -> tuple[list[str], list[Any]]:
        """The WHERE conditions (over ``events e JOIN documents d``) and parameters of the
        event filters."""
        where: list[str] = []
        params: list[Any] = []
        participant = "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND {})"
        if actor is not None:
            where.append(participant.format(
                "(instr(casefold(ea.entity_name), ?) > 0 OR instr(casefold(ea.entity_text), ?) > 0)"
            ))
            params += [actor.casefold()] * 2
        if country is not None:
            where.append(participant.format("ea.code = ? COLLATE NOCASE"))
            params.append(country)
        if event_type is not None:
            where.append("e.event = ? COLLATE NOCASE")
            params.append(event_type)
        # A NULL date compares as NULL, so these also drop undated events.
        if since is not None:
            _check_date_bound("since", since)
            where.append("e.date >= ?")
            params.append(since)
        if until is not None:
            _check_date_bound("until", until)
            # Compare at the bound's precision so that a month or year bound is inclusive.
            where.append("substr(e.date, 1, ?) <= ?")
            params += [len(until), until]
        if doc_id is not None:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if outlet is not None:
            where.append("casefold(d.outlet) = ?")
            params.append(outlet.casefold())
        return where, params

    def agreements(
        self,
        *,
        party: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored agreements matching every given filter.

        Args:
            party: Country code (ISO3 or PLOVER pseudo-country) of a party or a signatory.
            since: First date, inclusive (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
            until: Last date, inclusive; ``"2024-03"`` includes all of March.
            text: Case-insensitive substring of the title or of a clause.
            doc_id: Only agreements of this document.
            limit: At most this many agreements.

        Returns:
            Each agreement's ``Agreement.to_dict()`` record (title, kind, parties,
            signatories, date, place, clauses, evidence) plus ``doc_title``, ``doc_outlet``
            and ``doc_published``, ordered by date (undated last), publication date and id.
            Undated agreements are left out when ``since`` or ``until`` is given.

        Raises:
            ValueError: a malformed date bound or a negative limit.
            StoreError: the database predates agreements (no ``agreements`` table).

        Example::

            store.agreements(party="PRK", since="2000")
        """
        _check_limit(limit)
        if not self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agreements'"):
            raise StoreError(
                f"{self.path} was created before communique stored agreements: open it for "
                "writing once (e.g. `communique ingest MORE_FILES --db FILE`) to add the tables; "
                "documents stored earlier have no agreements until ingested into a new database"
            )
        where: list[str] = []
        params: list[Any] = []
        if party is not None:
            where.append("EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id"
                         " AND ap.code = ? COLLATE NOCASE)")
            params.append(party)
        if text is not None:
            where.append("(instr(casefold(a.title), ?) > 0 OR EXISTS (SELECT 1 FROM agreement_clauses"
                         " ac WHERE ac.agreement_id = a.id AND instr(casefold(ac.text), ?) > 0))")
            params += [text.casefold()] * 2
        return self._records_with_documents("agreements", "a", "a.date", where, params,
                                            since=since, until=until, doc_id=doc_id, limit=limit)

    def statements(
        self,
        *,
        speaker: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored attributed statements matching every given filter.

        Args:
            speaker: Case-insensitive substring of the speaker's name.
            country: The speaker's code (ISO3 or PLOVER pseudo-country).
            since: First date, inclusive (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
            until: Last date, inclusive; ``"2024-03"`` includes all of March.
            doc_id: Only statements of this document.
            limit: At most this many statements.

        Returns:
            Each statement's ``Statement.to_dict()`` record plus ``doc_title``, ``doc_outlet``
            and ``doc_published``, ordered by date (undated last), publication date and id.
            A statement whose text gives no date is dated by its document's publication date
            for ``since`` and ``until``; with neither date it is left out by those filters.

        Raises:
            ValueError: a malformed date bound or a negative limit.
        """
        _check_limit(limit)
        if not self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'statements'"):
            return []  # a read-only database written before statements were stored
        where: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            where.append("instr(casefold(s.speaker_name), ?) > 0")
            params.append(speaker.casefold())
        if country is not None:
            where.append("s.speaker_code = ? COLLATE NOCASE")
            params.append(country)
        return self._records_with_documents("statements", "s", "coalesce(s.date, d.published)", where, params,
                                            since=since, until=until, doc_id=doc_id, limit=limit)

    def _records_with_documents(self, table: str, alias: str, day: str, where: list[str], params: list[Any], *,
                                since: str | None, until: str | None, doc_id: str | None,
                                limit: int | None) -> list[dict[str, Any]]:
        """The ``record`` JSON of rows of ``table`` matching ``where`` and the date bounds on
        ``day``, each with its document's title, outlet and publication date, by date."""
        if since is not None:
            _check_date_bound("since", since)
            where.append(f"{day} >= ?")
            params.append(since)
        if until is not None:
            _check_date_bound("until", until)
            where.append(f"substr({day}, 1, ?) <= ?")
            params += [len(until), until]
        if doc_id is not None:
            where.append(f"{alias}.doc_id = ?")
            params.append(doc_id)
        sql = (
            f"SELECT {alias}.record, d.title, d.outlet, d.published"
            f" FROM {table} {alias} JOIN documents d ON d.id = {alias}.doc_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {alias}.date IS NULL, {alias}.date, d.published IS NULL, d.published, {alias}.id"
            + (" LIMIT ?" if limit is not None else "")
        )
        if limit is not None:
            params.append(limit)
        results = []
        for row in self._query(sql, params):
            record = json.loads(row["record"])
            record.update(doc_title=row["title"], doc_outlet=row["outlet"], doc_published=row["published"])
            results.append(record)
        return results

    def actors(
        self,
        *,
        kind: str | None = None,
        country: str | None = None,
        name: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Distinct actors of the stored documents, one per name and kind.

        Args:
            kind: ``"person"``, ``"organization"`` or ``"state"``.
            country: Code (ISO3 or PLOVER pseudo-country) the actor has in some document.
            name: Case-insensitive substring of the actor's name.
            doc_id: Only actors of this document.
            limit: At most this many actors.

        Returns:
            Dicts with ``name``, ``kind``, ``country`` and ``sector`` (the most frequent across
            documents), ``office`` (the fullest title any document gives), ``offices`` (every
            distinct title), ``organization``, ``documents`` (how many documents name the
            actor), ``events`` (how many stored events have it as actor or recipient),
            ``first_published`` and ``last_published``; most documents first.

        Raises:
            ValueError: a negative limit.

        Example::

            store.actors(kind="person", country="PRK")
        """
        _check_limit(limit)
        where: list[str] = []
        params: list[Any] = []
        if kind is not None:
            where.append("a.entity_type = ?")
            params.append(kind)
        if country is not None:
            where.append("a.code = ? COLLATE NOCASE")
            params.append(country)
        if name is not None:
            where.append("instr(casefold(a.entity_name), ?) > 0")
            params.append(name.casefold())
        if doc_id is not None:
            where.append("a.doc_id = ?")
            params.append(doc_id)
        sql = (
            "SELECT a.entity_name AS name, a.entity_type AS kind, count(DISTINCT a.doc_id) AS documents,"
            " json_group_array(json_array(a.code, a.sector, a.office, a.organization)) AS details,"
            " min(d.published) AS first_published, max(d.published) AS last_published,"
            " (SELECT count(DISTINCT ea.event_id) FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            "  WHERE ea.entity_name = a.entity_name"
            + (" AND e.doc_id = ?" if doc_id is not None else "")
            + ") AS events"
            " FROM actors a JOIN documents d ON d.id = a.doc_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY a.entity_name, a.entity_type"
            " ORDER BY documents DESC, events DESC, casefold(a.entity_name), a.entity_type"
            + (" LIMIT ?" if limit is not None else "")
        )
        if doc_id is not None:
            params.insert(0, doc_id)
        if limit is not None:
            params.append(limit)
        results = []
        for row in self._query(sql, params):
            details = [tuple(d) for d in json.loads(row["details"])]
            offices = list(dict.fromkeys(d[2] for d in details if d[2]))
            best = max(offices, key=lambda o: len(o.split()), default=None)
            organization = next((d[3] for d in details if d[2] == best and d[3]), None) or _most_common(
                d[3] for d in details)
            results.append({
                "name": row["name"], "kind": row["kind"],
                "country": _most_common(d[0] for d in details), "sector": _most_common(d[1] for d in details),
                "office": best, "offices": offices, "organization": organization,
                "documents": row["documents"], "events": row["events"],
                "first_published": row["first_published"], "last_published": row["last_published"],
            })
        return results

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Documents whose title or text contain every word of ``text`` (full-text, FTS5).

        Words also match longer forms ("sign" finds "signed"); "quoted phrases" match as
        phrases. A read-only database written before the index existed is searched by
        substring instead, and ``note`` says how to build the index.

        Returns:
            ``{"mode", "total", "note", "documents"}``: documents as in :meth:`documents`
            plus ``snippet``, ``highlights`` and ``title_highlights`` (match offsets), best
            match first.

        Raises:
            ValueError: a negative limit or offset.

        Example::

            store.search('joint declaration Putin', limit=10)["documents"]
        """
        _check_limit(limit)
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, got {offset}")
        try:
            return search_documents(self._conn, text, limit=limit, offset=offset)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot search {self.path}: {exc}") from exc

    def documents(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """A summary of each stored document, by publication date (undated last), then id.

        Returns:
            Dicts with id, title, outlet, published, language, source and n_events.
        """
        _check_limit(limit)
        sql = (
            "SELECT d.id, d.title, d.outlet, d.published, d.language, d.source,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"
            " FROM documents d ORDER BY d.published IS NULL, d.published, d.id"
            + (" LIMIT ?" if limit is not None else "")
        )
        return [dict(row) for row in self._query(sql, () if limit is None else (limit,))]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document in full, by id or by a unique id prefix of 6 or more characters.

        Returns:
            Every document column (``dateline`` and ``notes`` decoded), plus ``actors``
            (entity dicts), ``events`` (event records), ``agreements`` (agreement records),
            ``statements`` (statement records)
            and ``mentions`` (sources); None if nothing matches.

        Raises:
            StoreError: the prefix matches more than one document.
        """
        row = self._resolve_document(doc_id)
        if row is None:
            return None
        result = dict(row)
        result["dateline"] = json.loads(result["dateline"]) if result["dateline"] else None
        result["notes"] = json.loads(result["notes"]) if result["notes"] else []
        result["actors"] = [
            Entity(
                entity_text=a["entity_text"], entity_name=a["entity_name"],
                kind=a["entity_type"], code=a["code"], sector=a["sector"], office=a["office"],
                organization=a["organization"], start=a["start"], end=a["end"],
            ).to_dict()
            for a in self._query("SELECT * FROM actors WHERE doc_id = ? ORDER BY idx", (row["id"],))
        ]
        result["events"] = [
            json.loads(r["record"])
            for r in self._query(
                "SELECT record FROM events WHERE doc_id = ? ORDER BY date IS NULL, date, id",
                (row["id"],),
            )
        ]
        if self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agreements'"):
            result["agreements"] = self.agreements(doc_id=row["id"])
        result["statements"] = self.statements(doc_id=row["id"])
        mentions = self._query("SELECT source FROM mentions WHERE doc_id = ? ORDER BY rowid",
                               (row["id"],))
        result["mentions"] = [r["source"] for r in mentions]
        return result

    def _resolve_document(self, doc_id: str) -> sqlite3.Row | None:
        rows = self._query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if rows or len(doc_id) < MIN_ID_PREFIX:
            return rows[0] if rows else None
        rows = self._query(
            "SELECT * FROM documents WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 6",
            (len(doc_id), doc_id),
        )
        if len(rows) > 1:
            shown = ", ".join(r["id"] for r in rows[:5])
            raise StoreError(
                f"document id prefix {doc_id!r} is ambiguous ({shown}, ...): give more characters"
            )
        return rows[0] if rows else None

    def failures(self) -> list[Failure]:
        """Every recorded failure, in the order they were recorded."""
        return [
            Failure(source=r["source"], reason=r["reason"], detail=r["detail"] or "")
            for r in self._query("SELECT source, reason, detail FROM failures ORDER BY rowid")
        ]

    def counts(self) -> dict[str, int]:
        """Row counts of documents, events, actors, failures and mentions."""
        # Table names come from a constant, never from the caller.
        return {
            table: self._query(f"SELECT count(*) FROM {table}")[0][0] for table in COUNTED_TABLES
        }

    def integrity_ok(self) -> bool:
        """Whether ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` find nothing."""
        check = [r[0] for r in self._query("PRAGMA integrity_check")]
        return check == ["ok"] and not self._query("PRAGMA foreign_key_check")
