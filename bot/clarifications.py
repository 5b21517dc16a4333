"""The question behind each "did you mean" still on screen, for its "None of these" button.

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

    def recall(self, key: Hashable) -> str | None:
        """The question, forgotten once recalled: "None of these" is pressed once."""
        return self._questions.pop(key, None)
