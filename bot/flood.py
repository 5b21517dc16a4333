"""One person flooding the bot (a hundred messages in ten seconds) gets a single "please slow
down" and nothing more until they do; nobody else waits for them. Kept in memory only."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from enum import StrEnum

WINDOW_SECONDS = 10.0
MOST_MESSAGES = 8  # in a window: faster than anyone types questions
REMEMBERED = 10_000  # people tracked at once; the quietest are forgotten first


class Admission(StrEnum):
    ANSWER = "answer"
    SLOW_DOWN = "slow_down"  # the first message over the limit: say so, once
    IGNORE = "ignore"


class FloodGate:
    def __init__(
        self,
        most: int = MOST_MESSAGES,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._most = most
        self._window = window
        self._clock = clock
        self._recent: OrderedDict[Hashable, deque[float]] = OrderedDict()
        self._warned: set[Hashable] = set()

    def admit(self, person: Hashable) -> Admission:
        now = self._clock()
        recent = self._recent.pop(person, None) or deque()
        while recent and recent[0] <= now - self._window:
            recent.popleft()
        recent.append(now)
        self._recent[person] = recent  # most recently active last
        while len(self._recent) > REMEMBERED:
            quiet, _ = self._recent.popitem(last=False)
            self._warned.discard(quiet)
        if len(recent) <= self._most:
            self._warned.discard(person)
            return Admission.ANSWER
        if person in self._warned:
            return Admission.IGNORE
        self._warned.add(person)
        return Admission.SLOW_DOWN
