"""Callback data of inline buttons: one short, validated format within Telegram's 64 bytes.

`<action>:<argument>[:<language>]`, the argument an entry or topic id (a slug), and the
language the bot spoke where the button was shown (when not English), so that what the press
brings speaks it too. Every button fits Telegram's limit, and a forged or stale payload is
recognised and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge import CALLBACK_DATA_LIMIT, SLUG_PATTERN

MAX_BYTES = CALLBACK_DATA_LIMIT
_SLUG = re.compile(SLUG_PATTERN)
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class Action(StrEnum):
    OPEN = "o"  # show an entry's answer
    SOURCES = "s"  # show an entry's sources
    HELPFUL = "y"  # 👍 on an entry
    UNHELPFUL = "n"  # 👎 on an entry
    NONE_OF_THESE = "x"  # none of the "did you mean" choices
    TOPICS = "t"  # the list of topics
    TOPIC = "p"  # the questions of one topic
    RATED = "k"  # the thanks shown after feedback: pressing it only acknowledges
    LANGUAGE = "l"  # choose the language of the bot's words (argument: its code, or "auto")


_NEEDS_ARGUMENT = {
    Action.OPEN,
    Action.SOURCES,
    Action.HELPFUL,
    Action.UNHELPFUL,
    Action.TOPIC,
    Action.LANGUAGE,
}


@dataclass(frozen=True, slots=True)
class Callback:
    action: Action
    argument: str = ""
    language: str = ""  # the bot's words where the button was shown; "" for English

    def encode(self) -> str:
        data = f"{self.action.value}:{self.argument}"
        if self.language:
            data = f"{data}:{self.language}"
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def decode(cls, data: str | None) -> Callback | None:
        """The callback, or None for anything this bot did not write."""
        if not data or len(data.encode()) > MAX_BYTES or ":" not in data:
            return None
        code, argument, *rest = data.split(":")
        language = rest[0] if len(rest) == 1 else ""
        try:
            action = Action(code)
        except ValueError:
            return None
        if len(rest) > 1 or (rest and not _LANGUAGE.match(language)):
            return None
        if (action in _NEEDS_ARGUMENT) != bool(argument):
            return None
        if argument and not _SLUG.match(argument):
            return None
        return cls(action, argument, language)
