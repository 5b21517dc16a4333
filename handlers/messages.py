"""Free text and everything else people send.

In private chats every text is a question. In groups the bot answers only what is addressed to
it: a mention of its username, or a reply to one of its messages (commands have their own
handlers); it never answers every message.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.ext import filters

from bot.replies import fixed
from handlers.context import Context
from handlers.sending import answer_question, chosen_language, send


def _mentions_bot(message: Message) -> bool:
    username = (message.get_bot().username or "").lower()
    mentioned = message.parse_entities([MessageEntity.MENTION]).values()
    return bool(username) and any(m.lstrip("@").lower() == username for m in mentioned)


def _replies_to_bot(message: Message) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == message.get_bot().id)


class AddressedToBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        return _mentions_bot(message) or _replies_to_bot(message)


ADDRESSED = AddressedToBot(name="AddressedToBot")


def _without_mention(message: Message) -> str:
    username = re.escape(message.get_bot().username or "")
    return re.sub(rf"@{username}\b", " ", message.text or "", flags=re.IGNORECASE).strip()


async def question(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await answer_question(message, _without_mention(message), context)


async def not_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message:
        language = chosen_language(message.chat_id, context.bot_data)
        words = context.bot_data.conversation.words(language).words
        await send(message, fixed(words.non_text))
