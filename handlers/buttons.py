"""Inline-button presses: open an answer, show sources, browse topics, give feedback."""

from __future__ import annotations

from collections.abc import Awaitable

from telegram import Message, Update
from telegram.error import BadRequest

from bot import texts
from bot.callbacks import Action, Callback
from bot.replies import ReplyKind
from bot.views import telegram_view
from handlers.common import Context, conversation, markup, recall_question, send

# Browsing edits the message in place instead of flooding the chat.
_EDITED_IN_PLACE = {ReplyKind.TOPICS, ReplyKind.TOPIC}
_FEEDBACK = {Action.HELPFUL, Action.UNHELPFUL, Action.RATED}


async def press(update: Update, context: Context) -> None:
    query = update.callback_query
    if query is None:
        return
    callback = Callback.decode(query.data)
    message = query.message if isinstance(query.message, Message) else None
    if callback is None or message is None:
        await query.answer(texts.EXPIRED)
        return
    question = (
        recall_question(context, message) if callback.action is Action.NONE_OF_THESE else None
    )
    reply = conversation(context).press(callback, question)
    if callback.action in _FEEDBACK:
        await query.answer(texts.RATED)
    else:
        await query.answer()
    if reply is None:
        return
    view = telegram_view(reply)
    if callback.action in _FEEDBACK:
        await _edit(message.edit_reply_markup(markup(view.keyboard)))
    elif reply.kind in _EDITED_IN_PLACE and len(view.chunks) == 1:
        await _edit(message.edit_text(view.chunks[0], reply_markup=markup(view.keyboard)))
    else:
        await send(message, reply)


async def _edit(edit: Awaitable[object]) -> None:
    try:
        await edit
    except BadRequest as error:  # "message is not modified": pressed twice; nothing to do
        if "not modified" not in str(error).lower():
            raise
