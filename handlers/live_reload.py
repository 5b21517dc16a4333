"""Live reload in Telegram: on a saved edit of the knowledge folder, on SIGHUP, on /reload.

The rebuild runs in a thread (`asyncio.to_thread`), so updates keep being answered by the old
knowledge base meanwhile; admins hear about an edit that was refused or needs a look.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import Application

from bot.reloading import Reload, report
from bot.replies import fixed
from bot.views import telegram_view
from bot.watching import knowledge_changes
from handlers.context import BotData
from handlers.running import pause

logger = logging.getLogger(__name__)

FIRST_BACKOFF_SECONDS = 1.0
MOST_BACKOFF_SECONDS = 60.0

TelegramApplication = Application[Any, Any, Any, Any, BotData, Any]


async def reload_and_tell(bot: Bot, data: BotData, *, always: bool = False) -> Reload:
    """Reload; tell the admins when the edit was refused or has warnings (or `always`)."""
    outcome = await asyncio.to_thread(data.reloader.reload)
    if always or not outcome.done or outcome.warnings:
        await tell_admins(bot, data.admins, report(outcome))
    return outcome


async def tell_admins(bot: Bot, admins: frozenset[int], text: str) -> None:
    chunks = telegram_view(fixed(text)).chunks
    for admin in sorted(admins):
        try:
            for chunk in chunks:
                await bot.send_message(admin, chunk)
        except TelegramError as error:  # an admin who never started the bot: nothing to do
            logger.warning("could not tell an admin about the reload: %s", error)


def start(application: TelegramApplication) -> None:
    """Watch the knowledge folder and take SIGHUP (where the platform has it)."""
    data = application.bot_data
    data.stop_watching.clear()
    data.watcher = asyncio.create_task(_watch(application), name="knowledge-watcher")
    if hasattr(signal, "SIGHUP"):
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, lambda: application.create_task(reload_and_tell(application.bot, data))
        )


async def stop(application: TelegramApplication) -> None:
    data = application.bot_data
    if hasattr(signal, "SIGHUP"):
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    data.stop_watching.set()
    if data.watcher is not None:
        await data.watcher
        data.watcher = None


async def _watch(application: TelegramApplication) -> None:
    """Reload after each saved edit until told to stop; a watch that fails (the folder removed
    or replaced, say) is logged and started again with backoff, so live reload goes on."""
    data = application.bot_data
    backoff = FIRST_BACKOFF_SECONDS
    while not data.stop_watching.is_set():
        try:
            async for _ in knowledge_changes(data.reloader.root, data.stop_watching):
                backoff = FIRST_BACKOFF_SECONDS
                await _reload(application.bot, data)
        except Exception:
            logger.exception("watching the knowledge folder failed; again in %.0f s", backoff)
        await pause(data.stop_watching, backoff)  # at once if told to stop
        backoff = min(backoff * 2, MOST_BACKOFF_SECONDS)


async def _reload(bot: Bot, data: BotData) -> None:
    try:
        await reload_and_tell(bot, data)
    except Exception:  # a reload must never end the watching
        logger.exception("reload failed")
