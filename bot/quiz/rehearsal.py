"""A quiz round in the terminal chat, so trainers can rehearse without Telegram: the same
drawing and counting as a Telegram round, each question with numbered options."""

from __future__ import annotations

from collections.abc import Callable

from bot import wording
from bot.knowledge import KnowledgeBase
from bot.numbers import whole_number
from bot.quiz import views
from bot.quiz.memory import MemoryRounds
from bot.quiz.requests import QuizRequestError, parse_request
from bot.quiz.rounds import Question, QuizMaster, RoundError
from bot.store.workshop_records import RoundState

CHAT = "terminal"
YOU = "you"
NAMES = {YOU: "You"}


class Rehearsal:
    def __init__(self, knowledge: Callable[[], KnowledgeBase]) -> None:
        self.master = QuizMaster(MemoryRounds(), knowledge)
        self._knowledge = knowledge
        self.question: Question | None = None  # the one waiting for an answer

    @property
    def running(self) -> bool:
        return self.question is not None

    def start(self, words: list[str]) -> str:
        try:
            request = parse_request(words, self._knowledge())
            if request.stop:
                return self.stop()
            quiz = self.master.start(CHAT, YOU, request)
        except QuizRequestError as error:
            return wording.QUIZ_USAGE.format(problem=error)
        except RoundError as error:
            return str(error)
        self.question = self.master.next_question(quiz)
        return self._asking()

    def answer(self, text: str) -> str:
        """Mark a typed option number and go on; anything else asks again, saying which numbers
        and how to leave the round (a question typed during it is no answer)."""
        question = self.question
        if question is None:
            return wording.QUIZ_NONE_RUNNING
        options = question.item.options
        number = whole_number(text)
        if number is None or not 1 <= number <= len(options):
            return wording.QUIZ_TERMINAL_AGAIN.format(count=len(options))
        self.master.sent_as(question, f"{question.quiz.id}:{question.number}")
        self.master.answer(f"{question.quiz.id}:{question.number}", YOU, [number - 1])
        item = question.item
        right = number - 1 == item.correct
        feedback = (
            wording.QUIZ_RIGHT.format(explanation=item.explanation)
            if right
            else wording.QUIZ_WRONG.format(answer=item.answer, explanation=item.explanation)
        )
        self.question = self.master.next_question(question.quiz)
        if self.question is None:
            results = self.master.finish(question.quiz)
            right_count = results.scores[0][1] if results.scores else 0
            score = wording.QUIZ_TERMINAL_SCORE.format(
                right=right_count, total=len(results.questions)
            )
            return f"{feedback}\n\n{score}\n\n{views.final(results, NAMES, _no_link)}"
        return f"{feedback}\n\n{self._asking()}"

    def stop(self) -> str:
        question, self.question = self.question, None
        if question is None:
            return wording.QUIZ_NONE_RUNNING
        results = self.master.finish(question.quiz, state=RoundState.STOPPED)
        return views.final(results, NAMES, _no_link)

    def _asking(self) -> str:
        question = self.question
        if question is None:
            return wording.QUIZ_EMPTY
        options = [f"- {n}. {option}" for n, option in enumerate(question.item.options, 1)]
        return "\n".join(
            [f"**{views.poll_question(question)}**", *options, "", wording.QUIZ_TERMINAL_ANSWER]
        )


def _no_link(entry_id: str) -> str | None:
    return None
