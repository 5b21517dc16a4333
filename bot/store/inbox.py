"""The inbox: updates from Telegram, recorded before Telegram is told they arrived, so that none
is lost to a crash and none is answered twice.

An update's body (who sent what) is kept only until it is handled: then it is erased, with
SQLite's `secure_delete` so the bytes are overwritten, and only its id stays, for a day, to
recognise a second delivery of the same update. The copies SQLite's write-ahead log still holds
go when the inbox drains (nothing left to handle): one checkpoint then rather than one per
update, so that a burst pays for it once, when it is over (meanwhile the log starts over every
100 pages: `bot.store.sqlite`). An update never handled is forgotten with the ids, body and
all: too old to answer.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import datetime

from bot.store.sqlite import SqliteStore, stored_time

logger = logging.getLogger(__name__)


class Inbox:
    def __init__(self, store: SqliteStore) -> None:
        self.store = store

    def receive(self, updates: Sequence[tuple[int, str]], at: datetime) -> set[int]:
        """Record `(update_id, body)` pairs in one transaction; the ids not seen before."""
        received = stored_time(at)
        fresh: set[int] = set()
        with self.store.writing() as connection:
            for update_id, body in updates:
                added = connection.execute(
                    "INSERT OR IGNORE INTO inbox (update_id, body, received_at) VALUES (?, ?, ?)",
                    (update_id, body, received),
                ).rowcount
                if added:
                    fresh.add(update_id)
        return fresh

    def handled(self, update_id: int) -> None:
        """Erase the update's body; once none is waiting, its copies in the log too."""
        with self.store.writing() as connection:
            connection.execute(
                "UPDATE inbox SET done = 1, body = NULL WHERE update_id = ?", (update_id,)
            )
            (drained,) = connection.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM inbox WHERE done = 0)"
            ).fetchone()
        if drained:
            self.store.checkpoint()

    def pending(self, *, besides: Collection[int] = (), limit: int = -1) -> list[tuple[int, str]]:
        """Updates recorded but not handled, oldest first, leaving out `besides` (those being
        handled already); at most `limit`."""
        leave_out = ",".join("?" * len(besides))
        with self.store.reading() as connection:
            rows = connection.execute(
                "SELECT update_id, body FROM inbox WHERE done = 0"
                f" AND update_id NOT IN ({leave_out}) ORDER BY update_id LIMIT ?",
                (*besides, limit),
            ).fetchall()
        return [(int(update_id), str(body)) for update_id, body in rows]

    def waiting(self) -> int:
        with self.store.reading() as connection:
            (count,) = connection.execute("SELECT count(*) FROM inbox WHERE done = 0").fetchone()
        return int(count)

    def last_id(self) -> int | None:
        with self.store.reading() as connection:
            (last,) = connection.execute("SELECT max(update_id) FROM inbox").fetchone()
        return int(last) if last is not None else None

    def forget(self, before: datetime) -> int:
        """Updates received before `before`, handled or not: Telegram redelivers for a day at
        most, and a body is not kept longer than an id. How many were forgotten."""
        cut = stored_time(before)
        with self.store.writing() as connection:
            unanswered = connection.execute(
                "DELETE FROM inbox WHERE done = 0 AND received_at < ?", (cut,)
            ).rowcount
            answered = connection.execute(
                "DELETE FROM inbox WHERE received_at < ?", (cut,)
            ).rowcount
        self.store.checkpoint()
        if unanswered:
            logger.warning("%d updates too old to answer were forgotten unanswered", unanswered)
        return unanswered + answered
