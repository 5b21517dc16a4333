"""A journal that keeps what it is told, so tests can assert on what would be stored."""

from __future__ import annotations

from bot.store import Asked, Event, Pressed, PressKind


class RecordingJournal:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def record(self, event: Event) -> None:
        self.events.append(event)

    def flush(self) -> bool:
        return True

    @property
    def questions(self) -> list[Asked]:
        return [e for e in self.events if isinstance(e, Asked)]

    @property
    def presses(self) -> list[Pressed]:
        return [e for e in self.events if isinstance(e, Pressed)]

    @property
    def ratings(self) -> list[tuple[str | None, bool]]:
        rated = (PressKind.HELPFUL, PressKind.UNHELPFUL)
        return [(p.entry_id, p.kind is PressKind.HELPFUL) for p in self.presses if p.kind in rated]

    @property
    def unanswered(self) -> list[str | None]:
        """Texts of questions that got nothing, and of those closed with "None of these"."""
        declined = [q.text for q in self.questions if q.decision == "none" and q.intent is None]
        closed = [p.question for p in self.presses if p.kind is PressKind.NONE_OF_THESE]
        return declined + closed
