"""Where the conversation sends what happened: one method, so the reply pipeline does not care
whether events are stored (`Recorder`), or dropped (evaluation runs, `python -m bot ask`)."""

from __future__ import annotations

from typing import Protocol

from bot.store.events import Event


class Journal(Protocol):
    def record(self, event: Event) -> None:
        """Must return at once: it is called on the reply path."""

    def flush(self) -> bool:
        """Everything recorded so far is in the store (for a report that must include it)."""


class DiscardJournal:
    """Keeps nothing: evaluation questions and a maintainer's `ask` are not users' questions."""

    def record(self, event: Event) -> None:
        pass

    def flush(self) -> bool:
        return True
