"""Inline-button presses: open an answer, show sources, browse topics, give feedback.

The toast (`answerCallbackQuery`) is best effort: Telegram takes it only for a short while
after the press, and what the press asked for is sent or edited all the same.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError

from bot.callbacks import Action, Callback
from bot.replies import Delivery
from bot.views import telegram_view
from handlers import errors
from handlers.context import Context
from handlers.sending import chat_kind, inline_keyboard, remember_answer, send, session_of

logger = logging.getLogger(__name__)


async def press(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    callback = Callback.decode(query.data)
    # a message too old to read comes as InaccessibleMessage (or with date 0): it can't be edited
    message = query.message if isinstance(query.message, Message) else None
    if message is not None and not message.is_accessible:
        message = None
    data = context.bot_data
    if callback is None or message is None:
        language = callback.language if callback else None
        await _toast(query, data.conversation.words(language).words.expired)
        return
    closing = callback.action is Action.NONE_OF_THESE
    question = data.open_questions.recall((message.chat_id, message.message_id), forget=closing)
    chat = data.pseudonyms.chat(message.chat_id)
    reply = data.conversation.press(
        callback,
        question,
        chat=chat_kind(message.chat),
        workshop=session_of(message, data),
        language=data.conversation.chosen_language(chat),
        chat_key=chat,
    )
    await _toast(query, reply.notice if reply else None)
    if reply is None:
        return
    view = telegram_view(reply)
    match view.delivery:
        case Delivery.EDIT_BUTTONS:
            await _edit(message.edit_reply_markup(inline_keyboard(view.keyboard)))
        case Delivery.EDIT_TEXT:
            await _edit(
                message.edit_text(view.chunks[0], reply_markup=inline_keyboard(view.keyboard))
            )
        case Delivery.SEND:
            remember_answer(context, await send(message, reply), reply.entry_id)


async def _toast(query: CallbackQuery, text: str | None) -> None:
    """Stop the button's spinner, showing `text` if any; a refusal does not stop the reply (a
    press from a backlog, or answered again after a restart, is "too old" for a toast)."""
    try:
        await query.answer(text)
    except TelegramError as error:
        if errors.refused_for_the_users_sake(error) or errors.undelivered(error):
            logger.info("no toast for a button press: %s", error)
        else:  # a toast Telegram refuses is ours to fix: too long, say
            logger.error("toast refused by Telegram: %s", error)


async def _edit(edit: Awaitable[object]) -> None:
    try:
        await edit
    except BadRequest as error:  # "message is not modified": pressed twice; nothing to do
        if "not modified" not in str(error).lower():
            raise  # the error handler drops it if the message is gone, else reports a bug
