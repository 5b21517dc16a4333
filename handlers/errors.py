"""The error handler: log every exception with the update that caused it, and tell the user."""

from __future__ import annotations

import logging

from telegram import Update

from bot import wording
from handlers.context import Context

logger = logging.getLogger(__name__)


async def on_error(update: object | None, context: Context) -> None:
    logger.error("handler failed on update %s", _describe(update), exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(wording.SORRY)
        except Exception:  # the error may be that Telegram cannot be reached
            logger.warning("could not tell the user about the error", exc_info=True)


def _describe(update: object | None) -> str:
    if isinstance(update, Update):
        return f"{update.update_id} ({type(update.effective_message).__name__})"
    return repr(update)
