"""`/workshop start [title]` and `/workshop end` in a group, for its admins: questions asked in
between are tagged with the session, and its end posts the summary to the group and, when they
have started the bot, privately to the trainer who ended it."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from telegram import Chat, Update
from telegram.error import TelegramError

from bot import wording, workshops
from bot.deep_links import deep_link
from bot.replies import fixed
from bot.store.workshop_records import Workshop
from bot.upkeep import Usage, read
from bot.views import telegram_view
from bot.workshops import WorkshopStore
from handlers.context import Context
from handlers.quiz import is_chat_admin
from handlers.sending import send

DEFAULT_TITLE = "Workshop"


async def workshop(update: Update, context: Context) -> None:
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    data = context.bot_data
    if chat.type == Chat.PRIVATE:
        await send(message, fixed(wording.WORKSHOP_GROUPS_ONLY))
        return
    if data.workshops is None:
        await send(message, fixed(wording.NOT_RECORDING))
        return
    if not await is_chat_admin(context, chat, user.id):
        await send(message, fixed(wording.WORKSHOP_ADMINS_ONLY))
        return
    action, *title = context.args or [""]
    action = action.lower()
    open_one = data.workshops.open_workshop(data.pseudonyms.chat(chat.id))
    if action == "start" and open_one is None:
        started = Workshop(
            secrets.token_hex(6),
            data.pseudonyms.chat(chat.id),
            workshops.title_of(title, DEFAULT_TITLE),
            datetime.now(UTC),
        )
        data.workshops.save_workshop(started)
        data.forget_workshop(chat.id)
        shown = started.title if title else None
        await send(message, fixed(workshops.started_text(shown)))
    elif action == "start":
        await send(message, fixed(wording.WORKSHOP_ALREADY))
    elif action == "end" and open_one is not None:
        ended = replace(open_one, ended_at=datetime.now(UTC))
        data.workshops.save_workshop(ended)
        data.forget_workshop(chat.id)
        text = await asyncio.to_thread(_summary, context, ended, data.workshops)
        await send(message, fixed(text))
        try:  # the trainer gets a copy if they have started the bot
            for chunk in telegram_view(fixed(text)).chunks:
                await context.bot.send_message(user.id, chunk)
        except TelegramError:
            pass
    elif action == "end":
        await send(message, fixed(wording.WORKSHOP_NONE))
    else:
        await send(message, fixed(wording.WORKSHOP_USAGE))


def _summary(context: Context, ended: Workshop, kept: WorkshopStore) -> str:
    """Read and computed off the event loop; the session's last questions are written first."""
    data = context.bot_data
    data.conversation.journal.flush()
    now = datetime.now(UTC)
    session = now - ended.started_at + timedelta(minutes=1)
    usage = read(data.store, session, now) if data.store else _empty_usage(now - session, now)
    results = [data.quiz.results(r) for r in kept.rounds_of(ended.id)]
    username = context.bot.username
    report = workshops.report(ended, usage, results, data.conversation.engine.knowledge)
    return workshops.summary_text(
        report, data.names, lambda entry: deep_link(username, entry) if username else None
    )


def _empty_usage(since: datetime, until: datetime) -> Usage:
    return Usage(since, until, (), ())
