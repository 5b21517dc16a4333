"""Records as the bot stores them, written into a temporary SQLite store for the upkeep tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store import Asked, Candidate, ChatKind, Event, Pressed, PressKind
from bot.store.sqlite import SqliteStore

NOW = datetime.now(UTC).replace(microsecond=0)


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


def asked(
    text: str | None,
    decision: str = "none",
    *,
    top: Sequence[str] = (),
    intent: str | None = None,
    entry_id: str | None = None,
    chat: ChatKind = ChatKind.PRIVATE,
    at: datetime | None = None,
) -> Asked:
    """A question; `top` are its candidates' entry ids, best first."""
    candidates = tuple(Candidate(e, 0.5 - 0.1 * n) for n, e in enumerate(top))
    confidence = {"answer": 0.9, "clarify": 0.5}.get(decision, 0.1)
    return Asked(at or ago(hours=1), chat, text, decision, confidence, candidates, intent, entry_id)


def answered(
    entry_id: str,
    text: str = "a question",
    *,
    intent: str | None = None,
    chat: ChatKind = ChatKind.PRIVATE,
    at: datetime | None = None,
) -> Asked:
    return asked(
        text, "answer", top=(entry_id,), entry_id=entry_id, intent=intent, chat=chat, at=at
    )


def pressed(
    kind: PressKind,
    entry_id: str | None = None,
    question: str | None = None,
    at: datetime | None = None,
) -> Pressed:
    return Pressed(at or ago(minutes=50), ChatKind.PRIVATE, kind, entry_id, question)


def fill(path: Path, events: Sequence[Event]) -> Path:
    store = SqliteStore(path)
    try:
        store.write(events)
    finally:
        store.close()
    return path
