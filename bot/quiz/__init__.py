"""Quiz rounds on the knowledge base's quiz questions, for workshops and for rehearsing."""

from bot.quiz import views
from bot.quiz.memory import MemoryRounds
from bot.quiz.names import Names
from bot.quiz.requests import QuizRequest, QuizRequestError, parse_request
from bot.quiz.rounds import Question, QuestionResult, QuizMaster, Results, RoundError, RoundStore

__all__ = [
    "MemoryRounds",
    "Names",
    "Question",
    "QuestionResult",
    "QuizMaster",
    "QuizRequest",
    "QuizRequestError",
    "Results",
    "RoundError",
    "RoundStore",
    "parse_request",
    "views",
]
