"""The store's interface: what the bot writes and the maintainers' reports read.

SQLite (`bot.store.sqlite`) is the default. Another database, such as PostgreSQL for several
webhook replicas, is one more module implementing `Store` and one more scheme in
`bot.store.opening` (docs/store.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.store.events import Asked, Event, Pressed


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says why in one line."""


class Store(Protocol):
    def write(self, events: Sequence[Event]) -> None:
        """All of them or none (one transaction)."""

    def questions(self, since: datetime) -> list[Asked]:
        """Questions asked at or after `since`, oldest first."""

    def presses(self, since: datetime) -> list[Pressed]:
        """Button presses at or after `since`, oldest first."""

    def purge(self, before: datetime) -> int:
        """Forget everything older than `before`; how many records went."""

    def close(self) -> None: ...
