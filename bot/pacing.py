"""Telegram lets a bot send about 20 messages a minute into one group and about one a second
into one chat. A `SlotBook` books each message a time within such a limit (at most `limit` in
any `window`, in booking order), so the sender waits instead of being refused, and the
handlers can see how long a chat's next message would wait and answer elsewhere instead."""

from __future__ import annotations

import asyncio
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


class Gate:
    """At most `limit` sends in any `window`, counted when they actually start, so a burst of
    late wake-ups cannot bunch them; `pause` holds every send (Telegram said: retry after)."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = limit
        self._window = window
        self._clock = clock
        self._starts: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    async def enter(self) -> None:
        async with self._lock:  # one at a time, in arrival order
            while True:
                now = self._clock()
                while self._starts and self._starts[0] <= now - self._window:
                    self._starts.popleft()
                wait = self._paused_until - now
                if len(self._starts) >= self._limit:
                    wait = max(wait, self._starts[0] + self._window - now)
                if wait <= 0:
                    self._starts.append(now)
                    return
                await asyncio.sleep(wait)

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + seconds)


def overall_gate(clock: Callable[[], float] = time.monotonic) -> Gate:
    return Gate(OVERALL_LIMIT, OVERALL_WINDOW, clock)
