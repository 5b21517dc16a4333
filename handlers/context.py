"""What every handler shares, typed: python-telegram-bot's `bot_data` is a `BotData`.

Handlers read `context.bot_data.conversation` instead of string keys and casts (the shape of
python-telegram-bot's `contexttypesbot` example).
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.clarifications import OpenQuestions
from bot.conversation import Conversation
from bot.flood import FloodGate
from bot.followups import ChatMemory
from bot.pacing import SlotBook, group_book
from bot.quiz import MemoryRounds, Names, QuizMaster
from bot.reloading import Reloader
from bot.store import Store
from bot.store.pseudonyms import Pseudonyms
from bot.workshops import WorkshopStore
from handlers.delivery import InFlight, PulseKeeper


class BotData:
    """Created empty by python-telegram-bot; `handlers.app.build_application` fills it."""

    def __init__(self) -> None:
        self._conversation: Conversation | None = None
        self._reloader: Reloader | None = None
        self.store: Store | None = None  # read by the admins' reports; None: not recording
        self.admins: frozenset[int] = frozenset()
        self.open_questions = OpenQuestions()  # keyed by (chat id, message id), memory only
        self.chat_memory = ChatMemory()  # the last answer per conversation thread, memory only
        self._pulse: PulseKeeper | None = None
        self.in_flight = InFlight()  # requests on the wire, so that a stop lets them land
        self.stop_watching = asyncio.Event()  # set when the application stops
        self.watcher: asyncio.Task[None] | None = None
        self.pseudonyms = Pseudonyms(b"")  # replaced by the data folder's keyed one
        self.workshops: WorkshopStore | None = None  # None: not recording
        self.quiz = QuizMaster(MemoryRounds(), lambda: self.conversation.engine.knowledge)
        self.quiz_seconds = 30
        self.names = Names()  # quiz players' display names, memory only
        self._workshop_of: dict[int, str | None] = {}  # chat id -> open session, memory only
        self.flood = FloodGate()  # who is sending too fast, memory only
        self.pace: SlotBook = group_book()  # group messages booked within 20 a minute
        self.group_wait_seconds = 60.0

    def workshop_in(self, chat_id: int) -> str | None:
        """The id of the workshop session running in a chat, if any (looked up once)."""
        if self.workshops is None:
            return None
        if chat_id not in self._workshop_of:
            running = self.workshops.open_workshop(self.pseudonyms.chat(chat_id))
            self._workshop_of[chat_id] = running.id if running else None
        return self._workshop_of[chat_id]

    def forget_workshop(self, chat_id: int) -> None:
        """After /workshop start or end: look it up again."""
        self._workshop_of.pop(chat_id, None)

    @property
    def conversation(self) -> Conversation:
        if self._conversation is None:
            raise RuntimeError("the application was built without a conversation")
        return self._conversation

    @conversation.setter
    def conversation(self, conversation: Conversation) -> None:
        self._conversation = conversation

    @property
    def pulse(self) -> PulseKeeper:
        """What the health check reads: updates arriving, replies delivered."""
        if self._pulse is None:
            raise RuntimeError("the application was built without a pulse")
        return self._pulse

    @pulse.setter
    def pulse(self, pulse: PulseKeeper) -> None:
        self._pulse = pulse

    @property
    def reloader(self) -> Reloader:
        if self._reloader is None:
            raise RuntimeError("the application was built without a reloader")
        return self._reloader

    @reloader.setter
    def reloader(self, reloader: Reloader) -> None:
        self._reloader = reloader


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
