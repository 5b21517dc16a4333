"""Commands: /start (with deep links), /help, /about, /privacy, /topics, /glossary, /ask."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot import wording
from bot.conversation import Conversation
from bot.replies import Reply, fixed
from handlers.context import Context
from handlers.sending import answer_question, send

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def replying_with(make: Callable[[Conversation], Reply]) -> Handler:
    """A command handler that answers with one fixed reply of the conversation."""

    async def handler(update: Update, context: Context) -> None:
        if update.effective_message:
            await send(update.effective_message, make(context.bot_data.conversation))

    return handler


help_command = replying_with(Conversation.help)
about = replying_with(Conversation.about)
privacy = replying_with(Conversation.privacy)
topics = replying_with(Conversation.topics)


async def start(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    payload = context.args[0] if context.args else None
    await send(update.effective_message, context.bot_data.conversation.start(payload))


async def glossary(update: Update, context: Context) -> None:
    if update.effective_message:
        term = " ".join(context.args or [])
        await send(update.effective_message, context.bot_data.conversation.glossary(term))


async def ask(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await send(message, fixed(wording.ASK_USAGE))
        return
    await answer_question(message, question, context)
