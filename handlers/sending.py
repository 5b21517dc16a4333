"""Copying the core's views into Telegram messages and keyboards."""

from __future__ import annotations

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType

from bot.replies import Reply, ReplyKind
from bot.store import ChatKind
from bot.views import Keyboard, telegram_view
from handlers.context import BotData, Context


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
    data = context.bot_data
    asked_in = thread(message)
    follows = data.chat_memory.recall(asked_in) if asked_in else None
    turn = data.conversation.ask(
        question, follows, chat=chat_kind(message.chat), workshop=session_of(message, data)
    )
    sent = await send(message, turn.reply)
    remember_answer(context, sent, turn.reply)
    if turn.reply.kind is ReplyKind.CLARIFY:
        data.open_questions.remember((sent.chat_id, sent.message_id), question)


def session_of(message: Message, data: BotData) -> str | None:
    """The workshop session a group message belongs to, if one is running there."""
    return None if message.chat.type == ChatType.PRIVATE else data.workshop_in(message.chat_id)


def chat_kind(chat: Chat) -> ChatKind:
    """What the records say about a chat: its kind, never which one."""
    return ChatKind.PRIVATE if chat.type == ChatType.PRIVATE else ChatKind.GROUP


def thread(message: Message) -> tuple[int, ...] | None:
    """Which conversation a message continues: the private chat, or in a group the bot's
    message it replies to (each group answer starts a thread of its own)."""
    if message.chat.type == ChatType.PRIVATE:
        return (message.chat_id,)
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == message.get_bot().id:
        return (message.chat_id, replied.message_id)
    return None


def remember_answer(context: Context, sent: Message, reply: Reply) -> None:
    """The entry a reply answered, as the context of what the chat (or thread) says next."""
    if reply.entry_id is None:
        return
    key = (sent.chat_id,) if sent.chat.type == ChatType.PRIVATE else (sent.chat_id, sent.message_id)
    context.bot_data.chat_memory.remember(key, reply.entry_id)
