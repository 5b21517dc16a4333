"""The rate limiter: messages go out within Telegram's limits instead of being refused.

About 30 messages a second overall (`bot.pacing.Gate`, counted from when each send is
answered), at most 20 a minute into one group and one a second into one private chat, each
booked with a `bot.pacing.SlotBook` (a sliding window, as Telegram counts), so that the
handlers can see how long a group's next message would wait. A 429 that happens anyway is
waited out here, not by the request (`handlers.delivery`): every send is held for its
`retry_after`, and the refused one sent again, within `DELIVERY_PATIENCE_SECONDS`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.pacing import Gate, SlotBook, overall_gate

logger = logging.getLogger(__name__)

_PACED = ("send", "edit", "copy", "forward")  # what puts a message into a chat


class Pace(BaseRateLimiter[None]):
    def __init__(
        self, groups: SlotBook, chats: SlotBook, *, patience: float, overall: Gate | None = None
    ) -> None:
        self.groups = groups
        self.chats = chats
        self.overall = overall or overall_gate()
        self._patience = patience

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
        deadline = time.monotonic() + self._patience
        while True:
            if endpoint.startswith("send") and chat is not None:
                book = self.groups if in_a_group(chat) else self.chats
                await asyncio.sleep(book.book(str(chat)))
            try:
                async with self.overall.sending():
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = _seconds(error.retry_after)
                self.overall.pause(wait)
                if time.monotonic() + wait > deadline:
                    raise
                logger.info("%s: Telegram asked to wait %.0f s; holding every send", endpoint, wait)


def in_a_group(chat: object) -> bool:
    """Group and supergroup ids are negative (channels too, which the bot does not serve)."""
    try:
        return int(str(chat)) < 0
    except ValueError:
        return False


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
