"""Quiz rounds: drawing the questions, sending them one at a time, counting answers, results.

Telegram-free: `handlers/quiz.py` sends the polls this decides on, and the terminal chat runs
the same rounds. State lives in a `RoundStore` (SQLite in the bot), so a round outlives a
restart; chats and people are pseudonyms there, never ids or names.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from bot import wording
from bot.knowledge import KnowledgeBase, QuizItem
from bot.quiz.requests import QuizRequest
from bot.store.workshop_records import QuizAnswer, QuizRound, RoundState


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
        return quiz

    def running(self, chat: str) -> QuizRound | None:
        return self.store.running_round(chat)

    def next_question(self, quiz: QuizRound) -> Question | None:
        """The round's next question, marked as sent; None when every one has been."""
        current = self.store.quiz_round(quiz.id) or quiz
        if current.state is not RoundState.RUNNING or current.done:
            return None
        item = self._item(current.items[current.sent])
        if item is None:  # removed by a reload since the round began: skip it
            current = replace(current, sent=current.sent + 1)
            self.store.save_round(current)
            return self.next_question(current)
        sent = replace(current, sent=current.sent + 1, sent_at=self._clock())
        self.store.save_round(sent)
        return Question(sent, sent.sent, item)

    def sent_as(self, question: Question, poll_id: str) -> None:
        self.store.add_poll(poll_id, question.quiz.id, question.number)

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
