"""Callback data of inline buttons: one short, validated format within Telegram's 64 bytes.

`<action>:<argument>`, the argument an entry or topic id (a slug), so every button fits
Telegram's limit and a forged or stale payload is recognised and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge import CALLBACK_DATA_LIMIT, SLUG_PATTERN

MAX_BYTES = CALLBACK_DATA_LIMIT
_SLUG = re.compile(SLUG_PATTERN)


class Action(StrEnum):
    OPEN = "o"  # show an entry's answer
    SOURCES = "s"  # show an entry's sources
    HELPFUL = "y"  # 👍 on an entry
    UNHELPFUL = "n"  # 👎 on an entry
    NONE_OF_THESE = "x"  # none of the "did you mean" choices
    TOPICS = "t"  # the list of topics
    TOPIC = "p"  # the questions of one topic
    RATED = "k"  # the thanks shown after feedback: pressing it only acknowledges


_NEEDS_ARGUMENT = {Action.OPEN, Action.SOURCES, Action.HELPFUL, Action.UNHELPFUL, Action.TOPIC}


@dataclass(frozen=True, slots=True)
class Callback:
    action: Action
    argument: str = ""

    def encode(self) -> str:
        data = f"{self.action.value}:{self.argument}"
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def decode(cls, data: str | None) -> Callback | None:
        """The callback, or None for anything this bot did not write."""
        if not data or len(data.encode()) > MAX_BYTES or ":" not in data:
            return None
        code, argument = data.split(":", 1)
        try:
            action = Action(code)
        except ValueError:
            return None
        if (action in _NEEDS_ARGUMENT) != bool(argument):
            return None
        if argument and not _SLUG.match(argument):
            return None
        return cls(action, argument)
