"""Where answer feedback and unanswered questions go: one interface, so the conversation does
not care whether they are logged or stored. Nothing identifying the user is passed in.
"""

from __future__ import annotations

import logging
from typing import Protocol

logger = logging.getLogger("bot.feedback")


class FeedbackSink(Protocol):
    def rate(self, entry_id: str, helpful: bool) -> None: ...

    def unanswered(self, question: str, reason: str) -> None: ...


class LogFeedback:
    """Writes each event as one structured log line."""

    def rate(self, entry_id: str, helpful: bool) -> None:
        logger.info("feedback entry=%s helpful=%s", entry_id, helpful)

    def unanswered(self, question: str, reason: str) -> None:
        logger.info("unanswered reason=%s question=%r", reason, question[:500])


class DiscardFeedback:
    """Keeps nothing: for evaluation runs, whose questions are not users' questions."""

    def rate(self, entry_id: str, helpful: bool) -> None:
        pass

    def unanswered(self, question: str, reason: str) -> None:
        pass
