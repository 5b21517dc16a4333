"""Rounds kept in memory: the terminal chat's rehearsal rounds, which nothing needs to keep."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.store.workshop_records import QuizAnswer, QuizRound, RoundState


@dataclass
class MemoryRounds:
    rounds: dict[str, QuizRound] = field(default_factory=dict)
    polls: dict[str, tuple[str, int]] = field(default_factory=dict)
    given: dict[tuple[str, int, str], QuizAnswer] = field(default_factory=dict)

    def save_round(self, quiz: QuizRound) -> None:
        self.rounds[quiz.id] = quiz

    def running_round(self, chat: str) -> QuizRound | None:
        running = [
            r for r in self.rounds.values() if r.chat == chat and r.state is RoundState.RUNNING
        ]
        return running[-1] if running else None

    def quiz_round(self, round_id: str) -> QuizRound | None:
        return self.rounds.get(round_id)

    def add_poll(self, poll_id: str, round_id: str, number: int) -> None:
        self.polls[poll_id] = (round_id, number)

    def poll(self, poll_id: str) -> tuple[str, int] | None:
        return self.polls.get(poll_id)

    def add_answer(self, answer: QuizAnswer) -> bool:
        key = (answer.round_id, answer.number, answer.person)
        if key in self.given:
            return False
        self.given[key] = answer
        return True

    def answers(self, round_id: str) -> list[QuizAnswer]:
        return [a for a in self.given.values() if a.round_id == round_id]
