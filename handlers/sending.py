"""Copying the core's views into Telegram messages and keyboards."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.replies import Reply, ReplyKind
from bot.views import Keyboard, telegram_view
from handlers.context import Context


def inline_keyboard(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
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
            chunk, reply_markup=inline_keyboard(view.keyboard) if last else None
        )
    return sent


async def answer_question(message: Message, question: str, context: Context) -> None:
    turn = context.bot_data.conversation.ask(question)
    sent = await send(message, turn.reply)
    if turn.reply.kind is ReplyKind.CLARIFY:
        context.bot_data.open_questions.remember((sent.chat_id, sent.message_id), question)
