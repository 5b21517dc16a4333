"""The error handler: tell a bug from a delivery that failed, and apologise only for bugs.

A reply Telegram refused for the user's sake (blocked by the user: 403; chat or message gone:
400) is recorded and dropped. A reply that could not be delivered in time, or may have been
(a read timeout), gets no apology on top: the apology would meet the same fate, or contradict
the answer. Anything else is a bug: logged with its update, and the user is told.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot import wording
from handlers.context import Context
from handlers.sending import command_language

logger = logging.getLogger(__name__)


async def on_error(update: object | None, context: Context) -> None:
    error = context.error
    where = _describe(update)
    if isinstance(error, Forbidden | BadRequest):
        logger.info("reply dropped on update %s: Telegram said %s", where, error)
        return
    if isinstance(error, NetworkError | RetryAfter):  # timeouts are network errors too
        logger.warning("reply not delivered on update %s: %s", where, error)
        return
    logger.error("handler failed on update %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(_sorry(update, context))
        except Exception as failed:  # the error may be that Telegram cannot be reached
            logger.warning("could not tell the user about the error: %s", failed)


def _sorry(update: Update, context: Context) -> str:
    """The apology in the chat's language; in English if even that fails."""
    try:
        data = context.bot_data
        return data.conversation.words(command_language(update, data)).words.sorry
    except Exception:  # after a bug, the apology must not depend on what may be broken
        logger.exception("no apology in the chat's language")
        return wording.SORRY


def _describe(update: object | None) -> str:
    if isinstance(update, Update):
        return f"{update.update_id} ({type(update.effective_message).__name__})"
    return repr(update)
