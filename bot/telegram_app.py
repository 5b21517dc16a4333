"""Wiring of the Telegram application: settings, requests, defaults, handlers, commands menu."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults

import handlers
from bot.conversation import Conversation
from bot.heartbeat import HEARTBEAT_FILE, HeartbeatRequest
from bot.settings import Settings
from handlers.common import CONVERSATION

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = 10

TelegramApplication = Application[Any, Any, Any, Any, Any, Any]


async def _post_init(application: TelegramApplication) -> None:
    """Set the commands menu once the bot is known (run by run_polling / run_webhook)."""
    await application.bot.set_my_commands(
        [BotCommand(name, description) for name, description in handlers.COMMANDS.items()]
    )
    logger.info("started as @%s", application.bot.username)


def build_application(
    settings: Settings, conversation: Conversation, *, rate_limiter: bool = True
) -> TelegramApplication:
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    heartbeat = Path(settings.data_dir) / HEARTBEAT_FILE
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .request(HeartbeatRequest(heartbeat, connection_pool_size=64))
        .get_updates_request(
            HeartbeatRequest(
                heartbeat, connection_pool_size=2, read_timeout=POLL_TIMEOUT_SECONDS + 5
            )
        )
        .concurrent_updates(True)
        .post_init(_post_init)
    )
    limited = builder.rate_limiter(AIORateLimiter(max_retries=3)) if rate_limiter else builder
    application: TelegramApplication = limited.build()
    application.bot_data[CONVERSATION] = conversation
    handlers.register(application)
    return application
