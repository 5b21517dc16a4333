"""Start the bot: Telegram by long polling or webhook, or the terminal chat."""

from __future__ import annotations

import logging
import sys
from urllib.parse import urlsplit

from telegram.error import InvalidToken

import handlers
from bot import logs
from bot.conversation import Conversation
from bot.feedback import LogFeedback
from bot.knowledge.problems import KnowledgeBaseError
from bot.library import Library, LibraryHolder
from bot.settings import Settings
from bot.telegram_app import POLL_TIMEOUT_SECONDS, build_application
from bot.terminal import TerminalChat

logger = logging.getLogger(__name__)


class StartError(Exception):
    """The bot cannot start; the message is one line for the person starting it."""


def conversation_for(settings: Settings) -> Conversation:
    try:
        library = Library.load(settings.knowledge_path, settings.thresholds)
    except KnowledgeBaseError as error:
        details = "\n".join(str(p) for p in error.problems[:20])
        raise StartError(f"the knowledge base has problems:\n{details}") from None
    return Conversation(LibraryHolder(library), LogFeedback())


def run_telegram(settings: Settings) -> int:
    if settings.telegram_bot_token is None:
        raise StartError("TELEGRAM_BOT_TOKEN is not set (without it, use: python -m bot chat)")
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    logs.configure(settings.log_level, *secrets)
    application = build_application(settings, conversation_for(settings))
    try:
        if settings.webhook_url:
            logger.info("webhook mode on %s:%s", settings.webhook_listen, settings.webhook_port)
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value()
                if settings.webhook_secret
                else None,
                allowed_updates=handlers.ALLOWED_UPDATES,
            )
        else:
            logger.info("long polling mode")
            application.run_polling(
                allowed_updates=handlers.ALLOWED_UPDATES, timeout=POLL_TIMEOUT_SECONDS
            )
    except InvalidToken:
        raise StartError("Telegram rejected TELEGRAM_BOT_TOKEN: check it with BotFather") from None
    logger.info("stopped")
    return 0


def run_terminal(settings: Settings) -> int:
    chat = TerminalChat(conversation_for(settings), sys.stdout, prompt=sys.stdin.isatty())
    return chat.run(sys.stdin)
