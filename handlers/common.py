"""What every handler shares: the conversation, and copying views into Telegram messages."""

from __future__ import annotations

from collections import OrderedDict
from typing import cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.ext import ContextTypes

from bot.conversation import Conversation
from bot.replies import Reply, ReplyKind
from bot.views import Keyboard, telegram_view

CONVERSATION = "conversation"
QUESTIONS = "questions"  # "did you mean" messages -> the question they answer
REMEMBERED_QUESTIONS = 1_000

Context = ContextTypes.DEFAULT_TYPE


def conversation(context: Context) -> Conversation:
    return cast(Conversation, context.bot_data[CONVERSATION])


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    button.label,
                    url=button.url,
                    callback_data=button.callback.encode() if button.callback else None,
                )
                for button in row
            ]
            for row in keyboard
        ]
    )


async def send(message: Message, reply: Reply) -> Message:
    """Reply in the message's chat; long texts go out in several messages, buttons on the last."""
    view = telegram_view(reply)
    sent = message
    for position, chunk in enumerate(view.chunks, 1):
        last = position == len(view.chunks)
        sent = await message.reply_text(
            chunk, reply_markup=markup(view.keyboard) if last else None, do_quote=False
        )
    return sent


async def answer_question(message: Message, question: str, context: Context) -> None:
    reply = conversation(context).ask(question)
    sent = await send(message, reply)
    if reply.kind is ReplyKind.CLARIFY:
        remember_question(context, sent, question)


def remember_question(context: Context, sent: Message, question: str) -> None:
    """Keep the question behind a "did you mean" message for its "None of these" button."""
    store = cast(
        "OrderedDict[tuple[int, int], str]",
        context.bot_data.setdefault(QUESTIONS, OrderedDict()),
    )
    store[(sent.chat_id, sent.message_id)] = question
    while len(store) > REMEMBERED_QUESTIONS:
        store.popitem(last=False)


def recall_question(context: Context, message: Message) -> str | None:
    store = cast(
        "OrderedDict[tuple[int, int], str]",
        context.bot_data.get(QUESTIONS, OrderedDict()),
    )
    return store.pop((message.chat_id, message.message_id), None)
