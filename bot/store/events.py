"""What the bot keeps of its use: one record per question and per button press.

Nothing here can hold who asked: there is no field for a user, a chat or a name, and the text
of a message from someone in danger is never kept (`Asked.text` is None for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ChatKind(StrEnum):
    """Where a question was asked: enough to read the reports, not to find the chat."""

    PRIVATE = "private"
    GROUP = "group"
    INLINE = "inline"
    TERMINAL = "terminal"


class PressKind(StrEnum):
    CHOICE = "choice"  # an entry taken from "did you mean"
    NONE_OF_THESE = "none_of_these"
    HELPFUL = "helpful"
    UNHELPFUL = "unhelpful"


@dataclass(frozen=True, slots=True)
class Candidate:
    entry_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Asked:
    """A question and what it got."""

    at: datetime  # aware, UTC
    chat: ChatKind
    text: str | None  # None: not kept (a message from someone in danger)
    decision: str  # the matcher's: answer, clarify or none
    confidence: float
    candidates: tuple[Candidate, ...]  # the first three, best first
    intent: str | None = None  # danger, greeting, follow_up...
    entry_id: str | None = None  # the entry answered
    reason: str | None = None  # why nothing was answered
    workshop: str | None = None  # the workshop session it was asked in
    language: str | None = None  # the region's language it was matched in; None for English


@dataclass(frozen=True, slots=True)
class Pressed:
    """A button press that tells the maintainers something."""

    at: datetime
    chat: ChatKind
    kind: PressKind
    entry_id: str | None = None  # the entry chosen or rated
    question: str | None = None  # the question a "did you mean" offered choices for
    workshop: str | None = None


Event = Asked | Pressed
