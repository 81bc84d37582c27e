"""The SQLite schema of a communique database, as text that ``communique schema`` can print.

Every statement is idempotent (``IF NOT EXISTS`` / ``OR IGNORE``), so the whole script can run
against an existing database. Column names that are SQL keywords (``end``) are quoted.
"""

from __future__ import annotations

__all__ = ["SCHEMA_SQL", "SCHEMA_VERSION"]

# Bump when a table or column changes; Store refuses a database with another version rather
# than reading columns that mean something else.
SCHEMA_VERSION = 1

SCHEMA_SQL = f"""\
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');

-- One row per distinct article (id = hash of its normalized text).
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    input_id TEXT,
    source TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    url TEXT,
    dateline TEXT,          -- JSON object or null
    notes TEXT,             -- JSON list of strings
    text TEXT NOT NULL,
    coder_version TEXT,
    ingested_at TEXT
);

-- Every place an article was seen: the first source and any later duplicates.
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    source TEXT NOT NULL,
    input_id TEXT,
    UNIQUE (doc_id, source)
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    entity_text TEXT,
    entity_name TEXT,
    entity_type TEXT,
    code TEXT,
    sector TEXT,
    office TEXT,
    organization TEXT,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    event TEXT,
    mode TEXT,
    context TEXT,           -- JSON list of strings
    quad_code INTEGER,
    intensity REAL,
    date TEXT,
    date_precision TEXT,
    location TEXT,
    cameo TEXT,
    symmetric INTEGER,
    negated INTEGER,
    future INTEGER,
    hypothetical INTEGER,
    confidence REAL,
    trigger TEXT,
    coder_version TEXT,
    record TEXT NOT NULL    -- the full Event.to_dict() as JSON
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id),
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position INTEGER NOT NULL,
    entity_name TEXT,
    entity_text TEXT,
    code TEXT,
    sector TEXT,
    office TEXT,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE IF NOT EXISTS evidence (
    event_id TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    text TEXT,
    PRIMARY KEY (event_id, position)
);

-- Inputs that never became documents. content_hash is '' when unknown so that UNIQUE
-- dedupes them too (NULLs are all distinct to UNIQUE).
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    content_hash TEXT NOT NULL DEFAULT '',
    at TEXT,
    UNIQUE (source, reason, content_hash)
);

CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_event ON events (event);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors (code);
CREATE INDEX IF NOT EXISTS event_actors_entity_name ON event_actors (entity_name);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
CREATE INDEX IF NOT EXISTS actors_entity_name ON actors (entity_name, entity_type);

-- Agreements (C5): signed agreements, declarations, memoranda and communiques.
CREATE TABLE IF NOT EXISTS agreements (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    title TEXT,
    kind TEXT,
    date TEXT,
    date_precision TEXT,
    place TEXT,
    record TEXT NOT NULL    -- the full Agreement.to_dict() as JSON
);

-- The commitments an agreement's text enumerates, with offsets into the document text.
CREATE TABLE IF NOT EXISTS agreement_clauses (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    position INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT,
    PRIMARY KEY (agreement_id, position)
);

-- Parties (states, organizations) and signatories (persons) of an agreement.
CREATE TABLE IF NOT EXISTS agreement_parties (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    role TEXT NOT NULL CHECK (role IN ('party', 'signatory')),
    position INTEGER NOT NULL,
    entity_name TEXT,
    code TEXT,
    sector TEXT,
    office TEXT,
    PRIMARY KEY (agreement_id, role, position)
);

CREATE INDEX IF NOT EXISTS agreements_doc_id ON agreements (doc_id);
CREATE INDEX IF NOT EXISTS agreements_date ON agreements (date);
CREATE INDEX IF NOT EXISTS agreement_parties_code ON agreement_parties (code);

-- Attributed statements (C6): who claimed what. sentence is the evidence text; record is the
-- full Statement.to_dict() as JSON.
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_sector TEXT,
    speaker_office TEXT,
    verb TEXT,
    claim TEXT NOT NULL,
    claim_start INTEGER,
    claim_end INTEGER,
    direct INTEGER,
    date TEXT,
    sentence TEXT,
    record TEXT NOT NULL
);

-- The actors a statement's claim names, in text order.
CREATE TABLE IF NOT EXISTS statement_about (
    statement_id TEXT NOT NULL REFERENCES statements(id),
    position INTEGER NOT NULL,
    entity_name TEXT,
    code TEXT,
    PRIMARY KEY (statement_id, position)
);

CREATE INDEX IF NOT EXISTS statements_doc_id ON statements (doc_id);
CREATE INDEX IF NOT EXISTS statements_speaker_code ON statements (speaker_code);
CREATE INDEX IF NOT EXISTS statements_date ON statements (date);

-- Full-text search over document titles and texts (C10). The index keeps its own copy of the
-- text (not external content: the implicit rowid of documents may change on VACUUM). The
-- trigger keeps it in step with every insert; the INSERT ... SELECT fills it once for a
-- database written before the index existed (meta key documents_fts marks that it is done).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    doc_id UNINDEXED,
    title,
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (doc_id, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
    DELETE FROM documents_fts WHERE doc_id = old.id;
END;
INSERT INTO documents_fts (doc_id, title, text)
    SELECT id, title, text FROM documents
    WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'documents_fts');
INSERT OR IGNORE INTO meta (key, value) VALUES ('documents_fts', 'built');
"""
