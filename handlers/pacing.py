"""The rate limiter: messages go out within Telegram's limits instead of being refused.

About 30 messages a second overall, at most 20 a minute into one group and one a second into
one private chat, each booked with a `bot.pacing.SlotBook` (a sliding window, as Telegram
counts), so that the handlers can see how long a group's next
message would wait. A 429 that happens anyway is waited out by the request
(`handlers.delivery`), not here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import BaseRateLimiter

from bot.pacing import SlotBook, overall_book

_PACED = ("send", "edit", "copy", "forward")  # what puts a message into a chat
OVERALL = "all chats"


class Pace(BaseRateLimiter[None]):
    def __init__(self, groups: SlotBook, chats: SlotBook, overall: SlotBook | None = None) -> None:
        self.groups = groups
        self.chats = chats
        self.overall = overall or overall_book()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if not endpoint.startswith(_PACED):
            return await callback(*args, **kwargs)
        chat = data.get("chat_id")
        if endpoint.startswith("send") and chat is not None:
            book = self.groups if in_a_group(chat) else self.chats
            await asyncio.sleep(book.book(str(chat)))
        await asyncio.sleep(self.overall.book(OVERALL))
        return await callback(*args, **kwargs)


def in_a_group(chat: object) -> bool:
    """Group and supergroup ids are negative (channels too, which the bot does not serve)."""
    try:
        return int(str(chat)) < 0
    except ValueError:
        return False
