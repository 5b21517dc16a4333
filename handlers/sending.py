"""Copying the core's views into Telegram messages and keyboards, and where an answer goes:
the chat it was asked in, or the asker's private chat when a group would make it wait."""

from __future__ import annotations

from telegram import Bot, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import Forbidden

from bot.deep_links import deep_link
from bot.flood import Admission
from bot.replies import Reply, ReplyKind, fixed
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


async def send_to(bot: Bot, chat_id: int, reply: Reply) -> Message:
    """`send`, into a chat the bot was not just written in (an asker's private chat)."""
    view = telegram_view(reply)
    *before, last = view.chunks
    for chunk in before:
        await bot.send_message(chat_id, chunk)
    return await bot.send_message(chat_id, last, reply_markup=inline_keyboard(view.keyboard))


async def answer_question(message: Message, question: str, context: Context) -> None:
    data = context.bot_data
    asker = message.from_user
    language = chosen_language(message.chat_id, data)
    if asker is not None:  # an anonymous group admin has no user to count
        match data.flood.admit(asker.id):
            case Admission.IGNORE:
                return
            case Admission.SLOW_DOWN:
                await send(message, fixed(data.conversation.words(language).words.slow_down))
                return
    asked_in = thread(message)
    follows = data.chat_memory.recall(asked_in) if asked_in else None
    turn = data.conversation.ask(
        question,
        follows,
        chat=chat_kind(message.chat),
        workshop=session_of(message, data),
        language=language,
    )
    if asker is not None and _group_would_wait(message, data):
        await _answer_privately(message, asker.id, turn.reply, context)
        return
    sent = await send(message, turn.reply)
    remember_answer(context, sent, turn.context)
    if turn.reply.kind is ReplyKind.CLARIFY and turn.text_kept is not None:
        data.open_questions.remember((sent.chat_id, sent.message_id), turn.text_kept)


def _group_would_wait(message: Message, data: BotData) -> bool:
    if message.chat.type == ChatType.PRIVATE:
        return False
    return data.pace.wait(str(message.chat_id)) > data.group_wait_seconds


async def _answer_privately(message: Message, asker: int, reply: Reply, context: Context) -> None:
    """A busy group's answer goes to the asker's private chat; if they have not started the
    bot (Telegram refuses), the group gets a short note with a link that opens the answer."""
    try:
        sent = await send_to(context.bot, asker, reply)
    except Forbidden:
        username = context.bot.username
        link = deep_link(username, reply.entry_id) if reply.entry_id else f"https://t.me/{username}"
        await send(message, fixed(reply.voice.words.group_busy.format(link=link)))
        return
    remember_answer(context, sent, reply.entry_id)


def chosen_language(chat_id: int, data: BotData) -> str | None:
    """The language the chat chose for the bot's words (/language), if it chose one."""
    return data.conversation.chosen_language(data.pseudonyms.chat(chat_id))


def command_language(update: Update, data: BotData) -> str | None:
    """The language of a command's reply: the chat's choice, else the person's Telegram's."""
    chat, user = update.effective_chat, update.effective_user
    chosen = chosen_language(chat.id, data) if chat else None
    return data.conversation.command_language(chosen, user.language_code if user else None)


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


def remember_answer(context: Context, sent: Message, follows: str | None) -> None:
    """What a reply leaves to read the chat's (or thread's) next message with: the entry it
    answered, or that it carried the safety note (`Turn.context`)."""
    if follows is None:
        return
    key = (sent.chat_id,) if sent.chat.type == ChatType.PRIVATE else (sent.chat_id, sent.message_id)
    context.bot_data.chat_memory.remember(key, follows)
