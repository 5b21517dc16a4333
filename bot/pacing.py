"""Telegram lets a bot send about 20 messages a minute into one group and about one a second
into one chat. A `SlotBook` books each message a time within such a limit (at most `limit` in
any `window`, in booking order), so the sender waits instead of being refused, and the
handlers can see how long a chat's next message would wait and answer elsewhere instead."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable

# Telegram's windows, a little wider: it counts when a message arrives, which is later
GROUP_LIMIT, GROUP_WINDOW = 20, 61.0
CHAT_LIMIT, CHAT_WINDOW = 1, 1.1
OVERALL_LIMIT, OVERALL_WINDOW = 30, 1.1
PRUNE_EVERY = 1_000  # bookings between sweeps of chats whose slots have all passed


class SlotBook:
    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = limit
        self._window = window
        self._clock = clock
        self._booked: dict[Hashable, deque[float]] = {}
        self._since_prune = 0

    def wait(self, chat: Hashable) -> float:
        """Seconds a message booked now would wait."""
        return self._slot(chat) - self._clock()

    def book(self, chat: Hashable) -> float:
        """Book the next slot; seconds until it."""
        slot = self._slot(chat)
        self._booked.setdefault(chat, deque()).append(slot)
        self._since_prune += 1
        if self._since_prune >= PRUNE_EVERY:
            self._prune()
        return max(0.0, slot - self._clock())

    def _slot(self, chat: Hashable) -> float:
        now = self._clock()
        booked = self._booked.get(chat)
        if not booked:
            return now
        while booked and booked[0] <= now - self._window:
            booked.popleft()
        slot = max(now, booked[-1]) if booked else now
        if len(booked) >= self._limit:
            slot = max(slot, booked[-self._limit] + self._window)
        return slot

    def _prune(self) -> None:
        past = self._clock() - self._window
        for chat in [c for c, slots in self._booked.items() if not slots or slots[-1] <= past]:
            del self._booked[chat]
        self._since_prune = 0


def group_book(clock: Callable[[], float] = time.monotonic) -> SlotBook:
    return SlotBook(GROUP_LIMIT, GROUP_WINDOW, clock)


def chat_book(clock: Callable[[], float] = time.monotonic) -> SlotBook:
    return SlotBook(CHAT_LIMIT, CHAT_WINDOW, clock)


def overall_book(clock: Callable[[], float] = time.monotonic) -> SlotBook:
    """All chats together: book them under one key."""
    return SlotBook(OVERALL_LIMIT, OVERALL_WINDOW, clock)
