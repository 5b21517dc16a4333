"""The records of one period, read once, and what kind of message each question was.

Every report and brief starts from a `Usage`, so the command line and the admin commands count
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.intents import Intent
from bot.knowledge import KnowledgeBase
from bot.store import Asked, Pressed, Store

SMALL_TALK = frozenset(
    {
        Intent.GREETING,
        Intent.THANKS,
        Intent.CAPABILITIES,
        Intent.ABOUT_BOT,
        Intent.PRIVACY,
        Intent.LANGUAGES,
        Intent.HUMAN,
    }
)


@dataclass(frozen=True, slots=True)
class Usage:
    since: datetime
    until: datetime
    questions: tuple[Asked, ...]  # oldest first
    presses: tuple[Pressed, ...]


@dataclass(frozen=True, slots=True)
class EntryCount:
    """An entry and how often something happened to it."""

    entry_id: str
    question: str | None  # None when the knowledge base does not have the entry (any more)
    count: int


def read(store: Store, period: timedelta, now: datetime | None = None) -> Usage:
    """What the store holds of the last `period`; `StoreError` when it cannot be read."""
    until = now or datetime.now(UTC)
    since = until - period
    return Usage(since, until, tuple(store.questions(since)), tuple(store.presses(since)))


def is_small_talk(question: Asked) -> bool:
    return question.intent in SMALL_TALK


def is_danger(question: Asked) -> bool:
    return question.intent == Intent.DANGER


def about_the_report(question: Asked) -> bool:
    """A question the rates count: neither small talk nor a message from someone in danger,
    which gets the safety note whatever the matcher decided."""
    return not is_small_talk(question) and not is_danger(question)


def entry_question(knowledge: KnowledgeBase | None, entry_id: str) -> str | None:
    """The entry's canonical question; None without a knowledge base or for an id it lost."""
    entry = knowledge.get(entry_id) if knowledge is not None else None
    return entry.question if entry is not None else None
