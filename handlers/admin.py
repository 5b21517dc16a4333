"""The maintainers' commands, for `ADMIN_IDS` in a private chat with the bot: /reload, /stats,
/unanswered. `handlers.app` lets no one else reach them: everyone else gets the reply to an
unknown command.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

from telegram import Update

from bot import wording
from bot.knowledge import KnowledgeBase
from bot.reloading import report
from bot.replies import fixed
from bot.upkeep import Usage, group_unanswered, read, stats_brief, summarize, unanswered_brief
from handlers.context import Context
from handlers.sending import command_language, send

REPORTED = timedelta(days=30)


async def reload(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    outcome = await asyncio.to_thread(context.bot_data.reloader.reload)
    await send(update.effective_message, fixed(report(outcome)))


async def stats(update: Update, context: Context) -> None:
    await _brief(update, context, lambda usage, kb: stats_brief(summarize(usage, kb)))


async def unanswered(update: Update, context: Context) -> None:
    await _brief(update, context, lambda usage, kb: unanswered_brief(group_unanswered(usage, kb)))


async def _brief(
    update: Update, context: Context, brief: Callable[[Usage, KnowledgeBase], str]
) -> None:
    """A short report of the last 30 days, read and computed off the event loop; the text is
    Telegram HTML already (`bot.upkeep.brief`)."""
    message = update.effective_message
    if message is None:
        return
    data = context.bot_data
    if data.store is None:
        await send(message, fixed(wording.NOT_RECORDING))
        return
    store, knowledge = data.store, data.conversation.engine.knowledge
    text = await asyncio.to_thread(lambda: brief(read(store, REPORTED), knowledge))
    await message.reply_text(text)


async def unknown_command(update: Update, context: Context) -> None:
    if update.effective_message:
        data = context.bot_data
        words = data.conversation.words(command_language(update, data)).words
        await send(update.effective_message, fixed(words.unknown_command))
