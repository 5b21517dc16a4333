"""The question behind each "did you mean" still on screen, recorded with the choice taken or
with "None of these".

A button's data cannot hold the question (64 bytes), so front ends remember it here, in memory
only and for the most recent ones, under a key of their own (Telegram: chat and message).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

REMEMBERED = 1_000


class OpenQuestions:
    def __init__(self, capacity: int = REMEMBERED) -> None:
        self._capacity = capacity
        self._questions: OrderedDict[Hashable, str] = OrderedDict()

    def remember(self, key: Hashable, question: str) -> None:
        self._questions[key] = question
        self._questions.move_to_end(key)
        while len(self._questions) > self._capacity:
            self._questions.popitem(last=False)

    def recall(self, key: Hashable, *, forget: bool) -> str | None:
        """The question; `forget` once "None of these" closes it (choices may be taken again)."""
        return self._questions.pop(key, None) if forget else self._questions.get(key)
