"""Quiz rounds: drawing the questions, sending them one at a time, counting answers, results.

Telegram-free: `handlers/quiz.py` sends the polls this decides on, and the terminal chat runs
the same rounds. State lives in a `RoundStore` (SQLite in the bot), so a round outlives a
restart; chats and people are pseudonyms there, never ids or names. A question counts as sent
once it is (`sent_as`), so one that could not be sent is not waited for.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot import wording
from bot.knowledge import KnowledgeBase, QuizItem
from bot.quiz.requests import QuizRequest
from bot.store.workshop_records import QuizAnswer, QuizRound, RoundState

# A round a restart left behind goes on if its question closed less than this long ago; later,
# the room has moved on to something else, and the round is ended instead.
STALE_AFTER = timedelta(minutes=10)


class RoundStore(Protocol):
    def save_round(self, quiz: QuizRound) -> None: ...
    def running_round(self, chat: str) -> QuizRound | None: ...
    def quiz_round(self, round_id: str) -> QuizRound | None: ...
    def add_poll(self, poll_id: str, round_id: str, number: int) -> None: ...
    def poll(self, poll_id: str) -> tuple[str, int] | None: ...
    def add_answer(self, answer: QuizAnswer) -> bool: ...
    def answers(self, round_id: str) -> list[QuizAnswer]: ...


class RoundError(Exception):
    """No round can start; the message says why, for the chat."""


@dataclass(frozen=True, slots=True)
class Question:
    """A question of a round, ready to send."""

    quiz: QuizRound
    number: int  # from 1
    item: QuizItem

    @property
    def total(self) -> int:
        return len(self.quiz.items)


@dataclass(frozen=True, slots=True)
class QuestionResult:
    number: int
    item: QuizItem
    answered: int
    right: int

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None

    @property
    def missed(self) -> bool:
        """Most of the room got it wrong (or nobody answered): worth going back to the entry."""
        return self.answered == 0 or self.right * 2 < self.answered


@dataclass(frozen=True, slots=True)
class Results:
    quiz: QuizRound
    scores: tuple[tuple[str, int], ...]  # (person, right answers), best first
    questions: tuple[QuestionResult, ...]


def _now() -> datetime:
    return datetime.now(UTC)


class QuizMaster:
    def __init__(
        self,
        store: RoundStore,
        knowledge: Callable[[], KnowledgeBase],
        *,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self._knowledge = knowledge  # read at each step: a reload may have replaced it
        self._rng = rng or random.Random()
        self._clock = clock
        self._run_here: set[str] = set()  # rounds this process times; the rest a restart left

    def start(
        self, chat: str, starter: str, request: QuizRequest, workshop: str | None = None
    ) -> QuizRound:
        if self.store.running_round(chat) is not None:
            raise RoundError(wording.QUIZ_RUNNING)
        items = list(self._knowledge().quiz)
        if request.topic is not None:
            items = [item for item in items if item.topic == request.topic.id]
        if not items:
            raise RoundError(wording.QUIZ_EMPTY)
        drawn = self._rng.sample(items, min(request.count, len(items)))
        quiz = QuizRound(
            id=secrets.token_hex(8),
            chat=chat,
            starter=starter,
            items=tuple(item.id for item in drawn),
            started_at=self._clock(),
            workshop=workshop,
        )
        self.store.save_round(quiz)
        self._run_here.add(quiz.id)
        return quiz

    def running(self, chat: str) -> QuizRound | None:
        return self.store.running_round(chat)

    def take_up(self, chat: str) -> QuizRound | None:
        """The chat's running round if no one times it: a restart left it behind. Returned once,
        since this process times it from then on."""
        running = self.store.running_round(chat)
        if running is None or running.id in self._run_here:
            return None
        self._run_here.add(running.id)
        return running

    def moves_on_in(self, quiz: QuizRound, seconds: float) -> float | None:
        """Seconds until the round's latest question has been open `seconds` (0: it has, or
        none went out), counted from when it was sent; None when it closed over `STALE_AFTER`
        ago, for a round not worth going on with."""
        if quiz.sent_at is None:  # no question went out: none to wait for
            closes = quiz.started_at
        else:
            closes = quiz.sent_at + timedelta(seconds=seconds)
        left = closes - self._clock()
        return None if left < -STALE_AFTER else max(left.total_seconds(), 0.0)

    def next_question(self, quiz: QuizRound) -> Question | None:
        """The round's next question, to send; None when every one has been. Questions a reload
        removed since the round began are passed over."""
        current = self.store.quiz_round(quiz.id) or quiz
        if current.state is not RoundState.RUNNING:
            return None
        for number in range(current.sent + 1, len(current.items) + 1):
            if (item := self._item(current.items[number - 1])) is not None:
                return Question(current, number, item)
        return None

    def sent_as(self, question: Question, poll_id: str | None) -> None:
        """Mark the question sent, now, and count the answers its poll gets for it."""
        if poll_id is not None:
            self.store.add_poll(poll_id, question.quiz.id, question.number)
        current = self.store.quiz_round(question.quiz.id) or question.quiz
        self.store.save_round(replace(current, sent=question.number, sent_at=self._clock()))

    def answer(self, poll_id: str, person: str, chosen: list[int]) -> bool:
        """Count a poll answer; False when the poll is not a round's, or a repeat."""
        asked = self.store.poll(poll_id)
        if asked is None or not chosen:  # an unknown poll, or an answer taken back
            return False
        round_id, number = asked
        quiz = self.store.quiz_round(round_id)
        item = self._item(quiz.items[number - 1]) if quiz else None
        if quiz is None or item is None:
            return False
        answer = QuizAnswer(round_id, number, person, chosen[0] == item.correct, self._clock())
        return self.store.add_answer(answer)

    def finish(self, quiz: QuizRound, state: RoundState = RoundState.FINISHED) -> Results:
        current = self.store.quiz_round(quiz.id) or quiz
        ended = replace(current, state=state)
        self.store.save_round(ended)
        self._run_here.discard(quiz.id)
        return self.results(ended)

    def results(self, quiz: QuizRound) -> Results:
        answers = self.store.answers(quiz.id)
        right = Counter(a.person for a in answers if a.correct)
        people = dict.fromkeys(a.person for a in answers)  # first to answer first
        scores = sorted(((p, right[p]) for p in people), key=lambda s: -s[1])
        questions = []
        for number, item_id in enumerate(quiz.items[: quiz.sent], 1):
            item = self._item(item_id)
            if item is None:
                continue
            on_it = [a for a in answers if a.number == number]
            questions.append(
                QuestionResult(number, item, len(on_it), sum(a.correct for a in on_it))
            )
        return Results(quiz, tuple(scores), tuple(questions))

    def _item(self, item_id: str) -> QuizItem | None:
        return next((i for i in self._knowledge().quiz if i.id == item_id), None)
