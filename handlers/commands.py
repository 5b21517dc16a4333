"""Commands: /start (with deep links), /help, /about, /privacy, /topics, /glossary, /ask and
/language; each reply in the chat's language (`handlers.sending.command_language`)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.conversation import Conversation
from bot.replies import Reply, fixed
from handlers.context import Context
from handlers.sending import answer_question, command_language, send

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def replying_with(make: Callable[[Conversation, str | None], Reply]) -> Handler:
    """A command handler that answers with one fixed reply of the conversation."""

    async def handler(update: Update, context: Context) -> None:
        if update.effective_message:
            data = context.bot_data
            reply = make(data.conversation, command_language(update, data))
            await send(update.effective_message, reply)

    return handler


help_command = replying_with(Conversation.help)
about = replying_with(Conversation.about)
privacy = replying_with(Conversation.privacy)
topics = replying_with(Conversation.topics)


async def start(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    payload = context.args[0] if context.args else None
    data = context.bot_data
    reply = data.conversation.start(payload, command_language(update, data))
    await send(update.effective_message, reply)


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
        data = context.bot_data
        words = data.conversation.words(command_language(update, data)).words
        await send(message, fixed(words.ask_usage))
        return
    await answer_question(message, question, context)


async def language(update: Update, context: Context) -> None:
    """/language shows the choices; /language <code> chooses at once."""
    message = update.effective_message
    if message is None:
        return
    data = context.bot_data
    conversation = data.conversation
    current = command_language(update, data)
    if context.args:
        chat = data.pseudonyms.chat(message.chat_id)
        chosen = conversation.choose_language(chat, context.args[0].lower(), current)
        await send(message, chosen)
        return
    await send(message, conversation.language_menu(current))
