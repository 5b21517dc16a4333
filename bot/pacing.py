"""Telegram lets a bot send about 20 messages a minute into one group and about one a second
into one chat. A `SlotBook` books each message a time within such a limit (at most `limit` in
any `window`, in booking order), so the sender waits instead of being refused, and the
handlers can see how long a chat's next message would wait and answer elsewhere instead."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Hashable
from contextlib import asynccontextmanager

# Telegram's windows, those booked ahead a little wider: it counts when a message arrives,
# which is later; the overall gate counts from the answer, which comes later still
GROUP_LIMIT, GROUP_WINDOW = 20, 61.0
CHAT_LIMIT, CHAT_WINDOW = 1, 1.1
OVERALL_LIMIT, OVERALL_WINDOW = 30, 1.0
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
    """At most `limit` sends in any `window`, each counted until `window` after its answer came
    back: Telegram counts a message when it arrives, which is after it was sent and before it
    was answered, so sends held up on the way (a slow network, a paused process) cannot bunch
    there. `pause` holds every send (Telegram said: retry after)."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit!r}")
        self._limit = limit
        self._window = window
        self._clock = clock
        self._in_flight = 0
        self._answered: deque[float] = deque()  # when each answer came back, oldest first
        self._paused_until = 0.0
        self._lock = asyncio.Lock()
        self._left = asyncio.Event()

    @property
    def in_flight(self) -> int:
        """Sends let through and not yet answered."""
        return self._in_flight

    @asynccontextmanager
    async def sending(self) -> AsyncIterator[None]:
        """A place for one send, held until it is answered or has failed."""
        await self._enter()
        try:
            yield
        finally:
            self._in_flight -= 1
            self._answered.append(self._clock())
            self._left.set()

    async def _enter(self) -> None:
        async with self._lock:  # one at a time, in arrival order
            while True:
                now = self._clock()
                while self._answered and self._answered[0] <= now - self._window:
                    self._answered.popleft()
                wait = self._paused_until - now
                if self._in_flight + len(self._answered) >= self._limit:
                    if not self._answered:  # all on their way: until one is answered
                        self._left.clear()
                        await self._left.wait()
                        continue
                    wait = max(wait, self._answered[0] + self._window - now)
                if wait <= 0:
                    self._in_flight += 1
                    return
                await asyncio.sleep(wait)

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + seconds)


def overall_gate(clock: Callable[[], float] = time.monotonic) -> Gate:
    return Gate(OVERALL_LIMIT, OVERALL_WINDOW, clock)
