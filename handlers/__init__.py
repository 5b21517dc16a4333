"""Thin python-telegram-bot handlers: updates in, core calls, Telegram messages out."""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from handlers import buttons, commands, errors, inline, messages

COMMANDS = {
    "start": "Welcome and example questions",
    "topics": "Browse the questions I can answer",
    "ask": "Ask a question (also in groups)",
    "help": "How to ask",
    "about": "Where my knowledge comes from",
    "privacy": "What I keep",
}

_NOT_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.Document.ALL
    | filters.LOCATION
    | filters.CONTACT
    | filters.ANIMATION
    | filters.POLL
)


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Every handler, in one place; order matters only within a group."""
    application.add_handler(CommandHandler("start", commands.start))
    application.add_handler(CommandHandler("help", commands.help_command))
    application.add_handler(CommandHandler("about", commands.about))
    application.add_handler(CommandHandler("privacy", commands.privacy))
    application.add_handler(CommandHandler("topics", commands.topics))
    application.add_handler(CommandHandler("ask", commands.ask))
    private_text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    group_text = filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND & messages.ADDRESSED
    application.add_handler(MessageHandler(private_text | group_text, messages.question))
    private_other = filters.ChatType.PRIVATE & _NOT_TEXT
    group_other = filters.ChatType.GROUPS & _NOT_TEXT & messages.ADDRESSED
    application.add_handler(MessageHandler(private_other | group_other, messages.not_text))
    application.add_handler(CallbackQueryHandler(buttons.press))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_error_handler(errors.on_error)


ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
