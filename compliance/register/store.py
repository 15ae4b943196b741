"""Reading and changing the register: one transaction per change, each with its event.

Rows are never updated without an event that says what changed, when and by whom; the
events table itself refuses updates and deletes (triggers in the schema). Writes take
SQLite's write lock at the start of the transaction (BEGIN IMMEDIATE), so two clerks
working at once get a clear "locked" message instead of a half-done change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.register import schema

USER_ENV = "COMPLIANCE_USER"
# How long a command waits for another one's write lock before it gives up (seconds).
TIMEOUT_ENV = "COMPLIANCE_REGISTER_TIMEOUT"
STATES = ("open", "answered", "closed")


def actor(by: Optional[str] = None) -> str:
    """Who makes the change: --by, else COMPLIANCE_USER, else the operating-system user."""
    if by and by.strip():
        return by.strip()
    if os.environ.get(USER_ENV, "").strip():
        return os.environ[USER_ENV].strip()
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "?"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _statements(script: str) -> Iterator[str]:
    # executescript() would commit the migration's transaction; run statement by statement.
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


@dataclass(frozen=True)
class LetterRow:
    id: int
    year: int
    municipality: str
    kind: str
    number: str
    date: dt.date
    deadline: dt.date
    subject: str
    recipients: tuple[str, ...]
    folder: Path
    cites: Optional[int]
    files: dict[str, tuple[str, str]]  # format -> (file name, sha256)
    draft: bool = False  # OSNUTEK: written with unconfirmed office details
    reasons: Optional[tuple[str, ...]] = None  # the obligations asked about (None: recorded before v5)

    def path(self, fmt: str) -> Path:
        return self.folder / self.files[fmt][0]


@dataclass(frozen=True)
class Delivery:
    id: int
    letter: int
    how: str
    state: str
    message_id: Optional[str]
    started: str
    sent_on: Optional[dt.date]
    error: Optional[str]
    reason: Optional[str]


@dataclass(frozen=True)
class Reply:
    id: int
    date: dt.date
    file: Optional[str]
    sha256: Optional[str]
    note: Optional[str]
    records_file: Optional[str] = None
    records_sha256: Optional[str] = None


class Register:
    """An open register file. Use `open_register`; close it (or use it as a context manager)."""

    def __init__(self, connection: sqlite3.Connection, path: Path, by: str):
        self.db = connection
        self.path = path
        self.by = by

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # ---- transactions and events
    @contextlib.contextmanager
    def transaction(self) -> Iterator["Register"]:
        """All the changes inside, or (on any error, or a kill) none of them."""
        _execute(self, "BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        _execute(self, "COMMIT")

    def event(self, what: str, year: Optional[int] = None, municipality: Optional[str] = None, **details: Any) -> None:
        self.db.execute(
            "INSERT INTO events (at, by, what, year, municipality, details) VALUES (?, ?, ?, ?, ?, ?)",
            (now(), self.by, what, year, municipality, json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)),
        )

    def events(self, year: Optional[int] = None) -> list[dict[str, Any]]:
        sql = "SELECT id, at, by, what, year, municipality, details FROM events"
        rows = self.db.execute(sql + (" WHERE year = ?" if year is not None else "") + " ORDER BY id",
                               (year,) if year is not None else ()).fetchall()
        return [
            {"id": r[0], "at": r[1], "by": r[2], "what": r[3], "year": r[4], "municipality": r[5],
             "details": json.loads(r[6])}
            for r in rows
        ]

    # ---- cases
    def state(self, year: int, municipality: str) -> Optional[str]:
        row = self.db.execute("SELECT state FROM cases WHERE year = ? AND municipality = ?", (year, municipality)).fetchone()
        return row[0] if row else None

    def cases(self, year: int) -> list[tuple[str, str]]:
        """(municipality, state) of the year's cases, in the order they were opened."""
        return self.db.execute("SELECT municipality, state FROM cases WHERE year = ? ORDER BY rowid", (year,)).fetchall()

    def years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT year FROM cases ORDER BY year")]

    def set_state(self, year: int, municipality: str, state: str, **why: Any) -> None:
        old = self.state(year, municipality)
        if old == state:
            return
        if old is None:
            self.db.execute("INSERT INTO cases (year, municipality, state) VALUES (?, ?, ?)", (year, municipality, state))
        else:
            self.db.execute("UPDATE cases SET state = ? WHERE year = ? AND municipality = ?", (state, year, municipality))
        self.event("case_state", year, municipality, old=old, new=state, **why)

    # ---- letters
    def letters(self, year: int, municipality: Optional[str] = None, kind: Optional[str] = None,
                current: bool = True) -> list[LetterRow]:
        """The year's letters (without those written again), oldest first."""
        sql = ("SELECT id, year, municipality, kind, number, date, deadline, subject, recipients, folder, cites, draft, reasons"
               " FROM letters WHERE year = ?")
        args: list[Any] = [year]
        if municipality is not None:
            sql += " AND municipality = ?"
            args.append(municipality)
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind)
        if current:
            sql += " AND replaced_by IS NULL"
        rows = self.db.execute(sql + " ORDER BY date, id", args).fetchall()
        return [self._letter(r) for r in rows]

    def letter(self, letter_id: int) -> LetterRow:
        row = self.db.execute(
            "SELECT id, year, municipality, kind, number, date, deadline, subject, recipients, folder, cites, draft, reasons"
            " FROM letters WHERE id = ?", (letter_id,)).fetchone()
        return self._letter(row)

    def _letter(self, r: Sequence[Any]) -> LetterRow:
        files = {
            fmt: (name, sha)
            for fmt, name, sha in self.db.execute(
                "SELECT format, name, sha256 FROM letter_files WHERE letter = ? ORDER BY format", (r[0],))
        }
        return LetterRow(
            id=r[0], year=r[1], municipality=r[2], kind=r[3], number=r[4], date=dt.date.fromisoformat(r[5]),
            deadline=dt.date.fromisoformat(r[6]), subject=r[7], recipients=tuple(json.loads(r[8])),
            folder=Path(r[9]), cites=r[10], files=files, draft=bool(r[11]),
            reasons=None if r[12] is None else tuple(json.loads(r[12])),
        )

    def record_letter(
        self, *, year: int, municipality: str, kind: str, number: str, date: dt.date, deadline: dt.date,
        subject: str, recipients: Sequence[str], folder: Path, files: dict[str, tuple[str, str]],
        cites: Optional[int] = None, draft: bool = False, reasons: Optional[Sequence[str]] = None,
    ) -> int:
        """Record a written letter (inside a transaction). The same letter written again
        unchanged is recorded once; an unsent earlier letter of the same kind and day is
        replaced (with an event); a sent one is never replaced."""
        folder = Path(folder).resolve()
        for old in self.letters(year, municipality, kind):
            if kind == "reminder" and old.date != date:
                continue  # earlier reminders stay; each cites the first letter
            if (old.folder, old.files, old.number, old.date, old.draft) == (folder, files, number, date, draft):
                return old.id
            sent = self.sent(old.id)
            if sent is not None:
                raise ComplianceError(msg(
                    "register.already_sent", municipality=municipality, number=old.number,
                    date=old.date.isoformat(), sent=sent.sent_on.isoformat() if sent.sent_on else "?",
                ))
        if self.state(year, municipality) is None:
            self.set_state(year, municipality, "open", letter=number)
        cursor = self.db.execute(
            "INSERT INTO letters (year, municipality, kind, number, date, deadline, subject, recipients, folder, cites,"
            " draft, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (year, municipality, kind, number, date.isoformat(), deadline.isoformat(), subject,
             json.dumps(list(recipients), ensure_ascii=False), str(folder), cites, int(draft),
             None if reasons is None else json.dumps(list(reasons))),
        )
        letter_id = _row_id(cursor)
        self.db.executemany(
            "INSERT INTO letter_files (letter, format, name, sha256) VALUES (?, ?, ?, ?)",
            [(letter_id, fmt, name, sha) for fmt, (name, sha) in sorted(files.items())],
        )
        replaced = [old for old in self.letters(year, municipality, kind)
                    if old.id != letter_id and (kind == "first" or old.date == date)]
        for old in replaced:
            self.db.execute("UPDATE letters SET replaced_by = ? WHERE id = ?", (letter_id, old.id))
        self.event(
            "letter_recorded", year, municipality, letter=letter_id, kind=kind, number=number,
            date=date.isoformat(), deadline=deadline.isoformat(), recipients=list(recipients), folder=str(folder),
            files={fmt: {"name": n, "sha256": s} for fmt, (n, s) in sorted(files.items())},
            replaces=[old.id for old in replaced], cites=cites, draft=draft,
        )
        return letter_id

    # ---- deliveries
    def deliveries(self, letter_id: int) -> list[Delivery]:
        rows = self.db.execute(
            "SELECT id, letter, how, state, message_id, started, sent_on, error, reason FROM deliveries"
            " WHERE letter = ? ORDER BY id", (letter_id,)).fetchall()
        return [Delivery(r[0], r[1], r[2], r[3], r[4], r[5], dt.date.fromisoformat(r[6]) if r[6] else None, r[7], r[8])
                for r in rows]

    def earlier_letters(self, year: int, municipality: str) -> list[LetterRow]:
        """First letters of earlier years to the municipality that went out (sent, or marked
        as sent), newest first."""
        rows = self.db.execute(
            "SELECT id FROM letters WHERE municipality = ? AND year < ? AND kind = 'first' AND replaced_by IS NULL"
            " ORDER BY year DESC, date DESC, id DESC", (municipality, year)).fetchall()
        return [letter for letter in (self.letter(r[0]) for r in rows) if self.sent(letter.id) is not None]

    def sent(self, letter_id: int) -> Optional[Delivery]:
        """The letter's first successful delivery, if any."""
        return next((d for d in self.deliveries(letter_id) if d.state == "sent"), None)

    def last_delivery(self, letter_id: int) -> Optional[Delivery]:
        found = self.deliveries(letter_id)
        return found[-1] if found else None

    def start_delivery(self, letter: LetterRow, how: str, message_id: Optional[str], reason: Optional[str] = None,
                       sent_on: Optional[dt.date] = None, state: str = "sending") -> int:
        cursor = self.db.execute(
            "INSERT INTO deliveries (letter, how, state, message_id, started, sent_on, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (letter.id, how, state, message_id, now(), sent_on.isoformat() if sent_on else None, reason),
        )
        self.event(f"delivery_{state}", letter.year, letter.municipality, letter=letter.id, number=letter.number,
                   how=how, message_id=message_id, reason=reason, sent_on=sent_on.isoformat() if sent_on else None)
        return _row_id(cursor)

    def finish_delivery(self, letter: LetterRow, delivery: int, state: str, sent_on: Optional[dt.date] = None,
                        error: Optional[str] = None) -> None:
        self.db.execute(
            "UPDATE deliveries SET state = ?, finished = ?, sent_on = ?, error = ? WHERE id = ?",
            (state, now(), sent_on.isoformat() if sent_on else None, error, delivery),
        )
        self.event(f"delivery_{state}", letter.year, letter.municipality, letter=letter.id, number=letter.number,
                   delivery=delivery, sent_on=sent_on.isoformat() if sent_on else None, error=error)

    # ---- replies
    def replies(self, year: int, municipality: str) -> list[Reply]:
        rows = self.db.execute(
            "SELECT id, date, file, sha256, note, records_file, records_sha256 FROM replies"
            " WHERE year = ? AND municipality = ? ORDER BY date, id", (year, municipality)).fetchall()
        return [Reply(r[0], dt.date.fromisoformat(r[1]), *r[2:]) for r in rows]

    def record_reply(self, year: int, municipality: str, date: dt.date, file: Optional[str], sha256: Optional[str],
                     note: Optional[str], records: Optional[tuple[str, str]] = None) -> int:
        records_file, records_sha256 = records or (None, None)
        cursor = self.db.execute(
            "INSERT INTO replies (year, municipality, date, file, sha256, note, records_file, records_sha256)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (year, municipality, date.isoformat(), file, sha256, note, records_file, records_sha256),
        )
        self.event("reply_recorded", year, municipality, reply=_row_id(cursor), date=date.isoformat(),
                   file=file, sha256=sha256, note=note, records_file=records_file, records_sha256=records_sha256)
        return _row_id(cursor)


def _execute(register: Register, sql: str) -> None:
    try:
        register.db.execute(sql)
    except sqlite3.OperationalError as exc:
        raise _locked_or(register.path, exc) from None


def _locked_or(path: Path, exc: sqlite3.Error) -> ComplianceError:
    if "locked" in str(exc) or "busy" in str(exc):
        return ComplianceError(msg("register.locked", path=display_path(path)))
    return ComplianceError(msg("register.unusable", path=display_path(path), reason=exc))


def _timeout() -> float:
    try:
        return float(os.environ.get(TIMEOUT_ENV, "5"))
    except ValueError:
        return 5.0


def open_register(path: Path, by: Optional[str] = None, create: bool = True) -> Register:
    """Open (and, with `create`, make) the register and bring its schema up to date.

    A missing file without `create`, a file that is not an SQLite database, one from a
    newer release and a register another command holds locked are each a ComplianceError.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise ComplianceError(msg("register.missing", path=display_path(path)))
    if path.exists() and path.is_dir():
        raise ComplianceError(msg("register.unusable", path=display_path(path), reason="is a folder"))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(str(path), timeout=_timeout(), isolation_level=None)
    except sqlite3.Error as exc:
        raise _locked_or(path, exc) from None
    register = Register(db, path, actor(by))
    try:
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.VERSION:
            raise ComplianceError(msg("register.newer", path=display_path(path), version=version, known=schema.VERSION))
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")  # a recorded send survives a power cut
        if version < schema.VERSION:
            _migrate(register)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise _locked_or(path, exc) from None
    except BaseException:
        db.close()
        raise
    return register


def read_register(path: Path) -> Optional[Register]:
    """The register opened to be read only: nothing migrated, no lock taken, nothing
    written (a preview may look without changing it). None when there is no register or its
    schema is not this release's (an older one holds less; a newer one is refused when
    something is recorded)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_timeout(), isolation_level=None)
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise _locked_or(path, exc) from None
    if version != schema.VERSION:
        db.close()
        return None
    return Register(db, path, actor(None))


def _migrate(register: Register) -> None:
    with register.transaction():
        # Read again under the write lock: another command may have migrated meanwhile.
        version = register.db.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.VERSION:
            raise ComplianceError(msg("register.newer", path=display_path(register.path), version=version,
                                      known=schema.VERSION))
        for target in range(version + 1, schema.VERSION + 1):
            for statement in _statements(schema.MIGRATIONS[target - 1]):
                register.db.execute(statement)
            register.db.execute(f"PRAGMA user_version = {target}")
            register.event("schema_migrated", version=target)


def _row_id(cursor: Any) -> int:
    """The id of the row an INSERT just made (sqlite3 sets it after every INSERT)."""
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)
