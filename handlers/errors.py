"""The error handler: tell a bug from a delivery that failed, and apologise only for bugs.

A reply Telegram refused for the user's sake (blocked or removed by them: 403; the chat or the
message gone, or pressed twice: one of `GONE`'s 400s) is recorded and dropped. A reply that
could not be delivered in time, or may have been (a read timeout), gets no apology on top: the
apology would meet the same fate, or contradict the answer. Anything else is a bug, and so is
any other 400 (markup Telegram cannot parse, a message too long, button data it refuses): it is
our request that was wrong, so it is logged at ERROR with its update, and the user, who got
nothing, is told.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot import wording
from handlers.context import Context
from handlers.sending import command_language

logger = logging.getLogger(__name__)

# What Telegram says (lower case) when a request failed for what the people in the chat did:
# the chat or the message is gone, the bot may no longer write there, a button pressed twice
# or long ago.
GONE = (
    "chat not found",
    "message to be replied not found",
    "message to edit not found",
    "message is not modified",
    "query is too old",  # a button's toast, past Telegram's few seconds
    "have no rights to send",  # admins took the bot's right to write
    "not enough rights to send",
)


async def on_error(update: object | None, context: Context) -> None:
    error = context.error
    where = _describe(update)
    if refused_for_the_users_sake(error):
        logger.info("reply dropped on update %s: Telegram said %s", where, error)
        return
    if undelivered(error):
        logger.warning("reply not delivered on update %s: %s", where, error)
        return
    logger.error("handler failed on update %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(_sorry(update, context))
        except Exception as failed:  # the error may be that Telegram cannot be reached
            logger.warning("could not tell the user about the error: %s", failed)


def refused_for_the_users_sake(error: BaseException | None) -> bool:
    """Blocked or removed (403), the group moved to a supergroup, or one of `GONE`."""
    if isinstance(error, Forbidden | ChatMigrated):
        return True
    return isinstance(error, BadRequest) and any(gone in error.message.lower() for gone in GONE)


def undelivered(error: BaseException | None) -> bool:
    """Telegram could not be reached in time (timeouts included), or asked to wait longer
    than the patience; a 400 is a `NetworkError` too, but Telegram did answer it."""
    return isinstance(error, NetworkError | RetryAfter) and not isinstance(error, BadRequest)


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
