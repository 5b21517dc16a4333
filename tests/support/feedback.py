"""A feedback sink that keeps what it is told, so tests can assert on it."""

from __future__ import annotations


class RecordingFeedback:
    def __init__(self) -> None:
        self.ratings: list[tuple[str, bool]] = []
        self.unanswered_questions: list[tuple[str, str]] = []

    def rate(self, entry_id: str, helpful: bool) -> None:
        self.ratings.append((entry_id, helpful))

    def unanswered(self, question: str, reason: str) -> None:
        self.unanswered_questions.append((question, reason))
