"""Thin python-telegram-bot handlers: updates in, core calls, Telegram messages out."""
