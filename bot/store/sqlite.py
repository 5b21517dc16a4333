"""The default store: one SQLite file, created on first use, in WAL mode so that the reports
can read while the bot writes.

What is deleted is overwritten (`secure_delete`), but in WAL mode the older versions of its
pages stay in the write-ahead log until the log is emptied or overwritten. So whoever deletes
something private empties the log (`checkpoint`: the inbox once it drains, the purge), and in
between the log starts over every 100 pages (`wal_autocheckpoint`), cut back to what it then
holds (`journal_size_limit`), so that no older copy lingers in its tail."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.store.base import StoreError
from bot.store.events import Asked, Candidate, ChatKind, Event, Pressed, PressKind
from bot.store.migrations import STEPS

BUSY_TIMEOUT_SECONDS = 5.0


class SqliteStore:
    """Thread-safe: each thread gets a connection of its own."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        timeout: float = BUSY_TIMEOUT_SECONDS,
        steps: Sequence[str] = STEPS,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._timeout = timeout
        self._steps = steps
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if read_only and not path.exists():
            raise StoreError(f"no store at {path}: the bot has not recorded anything yet")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"cannot create {path.parent}: {error.strerror}") from None
        with self._errors("open"):
            connection = self._connection()
            if not read_only:
                connection.execute("PRAGMA journal_mode = WAL")
                migrate(connection, steps)
            elif (version := schema_version(connection)) != len(steps):
                raise StoreError(
                    f"{path} has schema version {version}, this bot reads {len(steps)}: "
                    "start the bot once to migrate it"
                )

    # --- writing -------------------------------------------------------------------------

    def write(self, events: Sequence[Event]) -> None:
        questions = [_question_row(e) for e in events if isinstance(e, Asked)]
        presses = [_press_row(e) for e in events if isinstance(e, Pressed)]
        with self._errors("write to"), self._transaction() as connection:
            connection.executemany(
                "INSERT INTO questions (at, chat, text, decision, confidence, candidates,"
                " intent, entry_id, reason, workshop, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                questions,
            )
            connection.executemany(
                "INSERT INTO presses (at, chat, kind, entry_id, question, workshop)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                presses,
            )

    def purge(self, before: datetime) -> int:
        cut = stored_time(before)
        old_rounds = "SELECT id FROM quiz_rounds WHERE started_at < ?"
        with self._errors("purge"), self._transaction() as connection:
            gone = 0
            for statement in (
                "DELETE FROM questions WHERE at < ?",
                "DELETE FROM presses WHERE at < ?",
                f"DELETE FROM quiz_answers WHERE round_id IN ({old_rounds})",
                f"DELETE FROM quiz_polls WHERE round_id IN ({old_rounds})",
                "DELETE FROM quiz_rounds WHERE started_at < ?",
                "DELETE FROM workshops WHERE started_at < ?",
                "DELETE FROM chat_languages WHERE chosen_at < ?",
            ):
                gone += connection.execute(statement, (cut,)).rowcount
        self.checkpoint()
        return gone

    # --- reading -------------------------------------------------------------------------

    def questions(self, since: datetime) -> list[Asked]:
        with self._errors("read"):
            rows = self._connection().execute(
                "SELECT at, chat, text, decision, confidence, candidates, intent, entry_id,"
                " reason, workshop, language FROM questions WHERE at >= ? ORDER BY at, id",
                (stored_time(since),),
            )
            return [_question(*row) for row in rows]

    def presses(self, since: datetime) -> list[Pressed]:
        with self._errors("read"):
            rows = self._connection().execute(
                "SELECT at, chat, kind, entry_id, question, workshop FROM presses"
                " WHERE at >= ? ORDER BY at, id",
                (stored_time(since),),
            )
            return [
                Pressed(parse_time(at), ChatKind(chat), PressKind(kind), entry, question, workshop)
                for at, chat, kind, entry, question, workshop in rows
            ]

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file and empty it, so that what was
        erased leaves no older copy in the log. A reader still using the log keeps it (SQLite
        waits up to the busy timeout); the next checkpoint empties it."""
        with self._errors("checkpoint"):
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; a database error becomes a `StoreError`."""
        with self._errors("write to"), self._transaction() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._errors("read"):
            yield self._connection()

    # --- plumbing ------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            target = f"file:{self.path}?mode=ro" if self.read_only else f"file:{self.path}"
            connection = sqlite3.connect(
                target,
                uri=True,
                timeout=self._timeout,
                isolation_level=None,  # transactions are explicit
                check_same_thread=False,
            )
            connection.execute("PRAGMA synchronous = NORMAL")
            # what is deleted (an update's body once answered, old records) is overwritten
            connection.execute("PRAGMA secure_delete = ON")
            # the log starts over every 100 pages (not 1000), its tail of older pages cut off
            connection.execute("PRAGMA wal_autocheckpoint = 100")
            connection.execute("PRAGMA journal_size_limit = 0")
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(f"cannot {doing} {self.path}: {error}") from error


def schema_version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(connection: sqlite3.Connection, steps: Sequence[str] = STEPS) -> None:
    """Apply the steps the database has not had, each with its version in one transaction."""
    version = schema_version(connection)
    if version > len(steps):
        raise StoreError(
            f"the store has schema version {version}, newer than this bot's {len(steps)}"
        )
    for number, step in enumerate(steps[version:], version + 1):
        try:
            connection.executescript(f"BEGIN; {step}; PRAGMA user_version = {number}; COMMIT;")
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def stored_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _question_row(event: Asked) -> tuple[object, ...]:
    candidates = json.dumps([[c.entry_id, round(c.score, 4)] for c in event.candidates])
    return (
        stored_time(event.at),
        event.chat.value,
        event.text,
        event.decision,
        round(event.confidence, 4),
        candidates,
        event.intent,
        event.entry_id,
        event.reason,
        event.workshop,
        event.language,
    )


def _question(
    at: str,
    chat: str,
    text: str | None,
    decision: str,
    confidence: float,
    candidates: str,
    intent: str | None,
    entry_id: str | None,
    reason: str | None,
    workshop: str | None,
    language: str | None,
) -> Asked:
    ranked = tuple(Candidate(str(i), float(s)) for i, s in json.loads(candidates))
    return Asked(
        parse_time(at),
        ChatKind(chat),
        text,
        decision,
        confidence,
        ranked,
        intent,
        entry_id,
        reason,
        workshop,
        language,
    )


def _press_row(event: Pressed) -> tuple[object, ...]:
    return (
        stored_time(event.at),
        event.chat.value,
        event.kind.value,
        event.entry_id,
        event.question,
        event.workshop,
    )
