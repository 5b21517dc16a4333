"""What every front end needs before its first reply: the answer engine, loaded or explained."""

from __future__ import annotations

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.feedback import LogFeedback
from bot.knowledge import KnowledgeBaseError
from bot.settings import Settings
from bot.wording import FrontEnd


class StartError(Exception):
    """The bot cannot start; the message is one line for the person starting it."""


def load_engine(settings: Settings) -> AnswerEngine:
    try:
        return AnswerEngine.load(settings.knowledge_path, settings.thresholds)
    except KnowledgeBaseError as error:
        details = "\n".join(str(p) for p in error.problems[:20])
        raise StartError(f"the knowledge base has problems:\n{details}") from None


def conversation_for(settings: Settings, front_end: FrontEnd) -> Conversation:
    return Conversation(load_engine(settings), LogFeedback(), front_end)
