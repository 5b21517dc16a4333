"""The language each chat chose for the bot's words (/language), by the chat's pseudonym only.

A choice is what /language needs and nothing more: no user, no name, no chat id. The store's
version (`bot.store.sqlite_languages`) forgets it with the other records after the retention
period; then the bot's words follow each message's language again.
"""

from __future__ import annotations

from typing import Protocol

FOLLOW_MESSAGES = "auto"  # the /language button that withdraws a choice


class LanguageChoices(Protocol):
    def chosen(self, chat: str) -> str | None: ...
    def choose(self, chat: str, language: str | None) -> None: ...


class RememberedLanguages:
    """Choices in memory: for the terminal chat, and for the bot when the store is closed."""

    def __init__(self) -> None:
        self._chosen: dict[str, str] = {}

    def chosen(self, chat: str) -> str | None:
        return self._chosen.get(chat)

    def choose(self, chat: str, language: str | None) -> None:
        if language is None:
            self._chosen.pop(chat, None)
        else:
            self._chosen[chat] = language
