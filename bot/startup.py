"""What every front end needs before its first reply: the answer engine, loaded or explained,
and the journal its conversation records to."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.knowledge import KnowledgeBaseError
from bot.language_choice import LanguageChoices
from bot.settings import Settings
from bot.store import DiscardJournal, Journal, Recorder, StoreError, store_path
from bot.store.sqlite import SqliteStore
from bot.wording import FrontEnd

logger = logging.getLogger(__name__)


class StartError(Exception):
    """The bot cannot start; the message is one line for the person starting it."""


def load_engine(settings: Settings) -> AnswerEngine:
    try:
        return AnswerEngine.load(settings.knowledge_path, settings.thresholds)
    except KnowledgeBaseError as error:
        details = "\n".join(str(p) for p in error.problems[:20])
        raise StartError(f"the knowledge base has problems:\n{details}") from None


@contextmanager
def recording(settings: Settings) -> Iterator[Journal]:
    """The running bot's journal, written out when the bot stops. A store that cannot be
    opened is logged and the bot answers without recording: answering comes first."""
    try:
        path = store_path(settings.store_url, settings.data_dir)
    except StoreError as error:
        raise StartError(str(error)) from None
    try:
        store = SqliteStore(path)
    except StoreError as error:
        logger.error("usage is not recorded: %s", error)
        yield DiscardJournal()
        return
    recorder = Recorder(store, retention=timedelta(days=settings.retention_days))
    try:
        yield recorder
    finally:
        recorder.close()


def conversation_for(
    settings: Settings,
    front_end: FrontEnd,
    journal: Journal,
    languages: LanguageChoices | None = None,
) -> Conversation:
    """`languages`: where chats' /language choices are kept (default: in memory)."""
    return Conversation(
        load_engine(settings),
        journal,
        front_end,
        retention_days=settings.retention_days,
        languages=languages,
        maintainer=settings.maintainer,
    )
