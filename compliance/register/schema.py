"""The register's schema and its migrations, from the first release on.

The version is SQLite's `user_version`. Each migration takes the database from version
N-1 to N inside the transaction that opens it, so a failed migration leaves the file at
its old version. A file from a newer release is refused, never written to.

- v1 (first release): cases, letters with their files and hashes, replies, events.
- v2: deliveries, one row per attempt to send a letter (SMTP) or per letter marked as sent
  (Outlook), with its Message-ID; `sending` is recorded before the SMTP conversation, so an
  interrupted run is visible afterwards.
- v3: a reply points to the records file its new facts were entered in (path and sha256 of
  the validated file at the time).
- v4: a letter written while office.yaml still had unconfirmed values is a draft
  (OSNUTEK on every page); `send` refuses it.
- v5: the obligations a letter asks about, so that next year's letter on the same
  obligation can say it was written about before (NULL for letters recorded earlier).
"""

from __future__ import annotations

V1 = """
CREATE TABLE cases (
    year INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
    PRIMARY KEY (year, municipality)
);
CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('first', 'reminder')),
    number TEXT NOT NULL,
    date TEXT NOT NULL,
    deadline TEXT NOT NULL,
    subject TEXT NOT NULL,
    recipients TEXT NOT NULL,          -- JSON list of e-mail addresses
    folder TEXT NOT NULL,              -- where the batch was written
    cites INTEGER REFERENCES letters (id),  -- a reminder cites the first letter
    replaced_by INTEGER REFERENCES letters (id),  -- an unsent letter written again
    FOREIGN KEY (year, municipality) REFERENCES cases (year, municipality)
);
CREATE INDEX letters_by_case ON letters (year, municipality);
CREATE TABLE letter_files (
    letter INTEGER NOT NULL REFERENCES letters (id),
    format TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (letter, format)
);
CREATE TABLE replies (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    date TEXT NOT NULL,
    file TEXT,                         -- the copy in the working folder
    sha256 TEXT,
    note TEXT,
    FOREIGN KEY (year, municipality) REFERENCES cases (year, municipality)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,                  -- UTC, ISO 8601
    by TEXT NOT NULL,
    what TEXT NOT NULL,
    year INTEGER,
    municipality TEXT,
    details TEXT NOT NULL DEFAULT '{}'  -- JSON
);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""

V2 = """
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    letter INTEGER NOT NULL REFERENCES letters (id),
    how TEXT NOT NULL CHECK (how IN ('smtp', 'manual')),
    state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'uncertain')),
    message_id TEXT,
    started TEXT NOT NULL,             -- UTC, ISO 8601
    finished TEXT,
    sent_on TEXT,                      -- the day it went out (YYYY-MM-DD)
    error TEXT,
    reason TEXT                        -- why it was sent again (--resend)
);
CREATE INDEX deliveries_by_letter ON deliveries (letter);
"""

V3 = """
ALTER TABLE replies ADD COLUMN records_file TEXT;    -- the records file the reply's facts went into
ALTER TABLE replies ADD COLUMN records_sha256 TEXT;  -- as validated when the reply was recorded
"""

V4 = """
ALTER TABLE letters ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;  -- OSNUTEK: never sent
"""

V5 = """
ALTER TABLE letters ADD COLUMN reasons TEXT;  -- JSON list of the obligations asked about
"""

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5)
VERSION = len(MIGRATIONS)
