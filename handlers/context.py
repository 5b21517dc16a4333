"""What every handler shares, typed: python-telegram-bot's `bot_data` is a `BotData`.

Handlers read `context.bot_data.conversation` instead of string keys and casts (the shape of
python-telegram-bot's `contexttypesbot` example).
"""

from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.clarifications import OpenQuestions
from bot.conversation import Conversation
from bot.followups import ChatMemory


class BotData:
    """Created empty by python-telegram-bot; `handlers.app.build_application` fills it."""

    def __init__(self) -> None:
        self._conversation: Conversation | None = None
        self.open_questions = OpenQuestions()  # keyed by (chat id, message id), memory only
        self.chat_memory = ChatMemory()  # the last answer per conversation thread, memory only

    @property
    def conversation(self) -> Conversation:
        if self._conversation is None:
            raise RuntimeError("the application was built without a conversation")
        return self._conversation

    @conversation.setter
    def conversation(self, conversation: Conversation) -> None:
        self._conversation = conversation


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
