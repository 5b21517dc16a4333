"""What is kept of workshops and quiz rounds: enough to run a round across a restart and to
report on a session afterwards. Chats and people appear only as pseudonyms (keyed hashes,
`bot.store.pseudonyms`); no id and no name is ever kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Workshop:
    id: str
    chat: str  # pseudonym of the group
    title: str
    started_at: datetime
    ended_at: datetime | None = None


class RoundState(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"  # every question asked and closed
    STOPPED = "stopped"  # ended early with /quiz stop


@dataclass(frozen=True, slots=True)
class QuizRound:
    id: str
    chat: str  # pseudonym of the chat
    starter: str  # pseudonym of who started it: they (or a chat admin) advance and stop it
    items: tuple[str, ...]  # quiz question ids, in the order asked
    started_at: datetime
    sent: int = 0  # questions sent so far
    sent_at: datetime | None = None  # when the latest one was sent
    state: RoundState = RoundState.RUNNING
    workshop: str | None = None


@dataclass(frozen=True, slots=True)
class QuizAnswer:
    round_id: str
    number: int  # which question of the round, from 1
    person: str  # pseudonym of who answered
    correct: bool
    at: datetime
