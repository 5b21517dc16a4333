"""The languages chats chose (/language) in the SQLite store: read back by the bot, so written
at once, each choice in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot.store.sqlite import SqliteStore, stored_time


def _now() -> datetime:
    return datetime.now(UTC)


class SqliteLanguages:
    def __init__(self, store: SqliteStore, clock: Callable[[], datetime] = _now) -> None:
        self.store = store
        self._clock = clock

    def chosen(self, chat: str) -> str | None:
        with self.store.reading() as connection:
            row = connection.execute(
                "SELECT language FROM chat_languages WHERE chat = ?", (chat,)
            ).fetchone()
        return str(row[0]) if row else None

    def choose(self, chat: str, language: str | None) -> None:
        with self.store.writing() as connection:
            if language is None:
                connection.execute("DELETE FROM chat_languages WHERE chat = ?", (chat,))
                return
            connection.execute(
                "INSERT OR REPLACE INTO chat_languages (chat, language, chosen_at)"
                " VALUES (?, ?, ?)",
                (chat, language, stored_time(self._clock())),
            )
