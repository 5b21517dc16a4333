"""The numbers of `python -m bot report` and `/stats`: how questions were met, which entries are
asked and rated, and what people chose from "did you mean".

Rates are over questions about the report: small talk ("hi", "thanks", "who made you?") is only
counted, and so is a message from someone in danger, which gets the safety note first whatever
the matcher decided. Chat kinds count every message.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.knowledge import KnowledgeBase
from bot.matching import Decision
from bot.store import PressKind
from bot.upkeep.phrasings import distinct, new_phrasings
from bot.upkeep.usage import (
    EntryCount,
    Usage,
    about_the_report,
    entry_question,
    is_danger,
    is_small_talk,
)

TOP_ENTRIES = 10


@dataclass(frozen=True, slots=True)
class Day:
    day: date  # UTC
    questions: int
    answered: int

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.questions if self.questions else None


@dataclass(frozen=True, slots=True)
class Rating:
    entry_id: str
    question: str | None
    helpful: int
    unhelpful: int


@dataclass(frozen=True, slots=True)
class Chosen:
    """An entry people took from "did you mean", and what they had asked."""

    entry_id: str
    question: str | None
    count: int
    waiting: tuple[str, ...]  # the wordings asked that the entry does not have yet


@dataclass(frozen=True, slots=True)
class Summary:
    since: datetime
    until: datetime
    messages: int  # everything recorded, small talk and danger included
    questions: int  # about the report: what the rates are over
    answered: int
    clarified: int  # "did you mean" offered
    declined: int
    small_talk: int
    danger: int  # a count only: nothing else of these messages is kept
    by_chat: tuple[tuple[str, int], ...]  # messages per chat kind, the most first
    # per language of the region: messages, and how many got an answer; the most first
    by_language: tuple[tuple[str, int, int], ...]
    top_entries: tuple[EntryCount, ...]  # the entries answered most, at most TOP_ENTRIES
    ratings: tuple[Rating, ...]  # the most 👎 first
    chosen: tuple[Chosen, ...]  # the most chosen first
    days: tuple[Day, ...]  # every UTC day of the period, oldest first

    def rate(self, count: int) -> float:
        return count / self.questions if self.questions else 0.0

    @property
    def answer_rate(self) -> float:
        return self.rate(self.answered)

    @property
    def clarify_rate(self) -> float:
        return self.rate(self.clarified)

    @property
    def decline_rate(self) -> float:
        return self.rate(self.declined)


def summarize(usage: Usage, knowledge: KnowledgeBase | None = None) -> Summary:
    """`knowledge` gives entries their questions and tells which wordings they already have."""
    counted = [q for q in usage.questions if about_the_report(q)]
    decisions = Counter(q.decision for q in counted)
    answers = Counter(q.entry_id for q in counted if q.entry_id is not None)
    return Summary(
        since=usage.since,
        until=usage.until,
        messages=len(usage.questions),
        questions=len(counted),
        answered=decisions[Decision.ANSWER],
        clarified=decisions[Decision.CLARIFY],
        declined=decisions[Decision.NONE],
        small_talk=sum(is_small_talk(q) for q in usage.questions),
        danger=sum(is_danger(q) for q in usage.questions),
        by_chat=tuple(Counter(q.chat.value for q in usage.questions).most_common()),
        by_language=_by_language(usage),
        top_entries=tuple(
            EntryCount(entry_id, entry_question(knowledge, entry_id), count)
            for entry_id, count in answers.most_common(TOP_ENTRIES)
        ),
        ratings=_ratings(usage, knowledge),
        chosen=_chosen(usage, knowledge),
        days=_days(usage),
    )


def _ratings(usage: Usage, knowledge: KnowledgeBase | None) -> tuple[Rating, ...]:
    helpful: Counter[str] = Counter()
    unhelpful: Counter[str] = Counter()
    for press in usage.presses:
        if press.entry_id and press.kind is PressKind.HELPFUL:
            helpful[press.entry_id] += 1
        elif press.entry_id and press.kind is PressKind.UNHELPFUL:
            unhelpful[press.entry_id] += 1
    ratings = [
        Rating(
            entry_id, entry_question(knowledge, entry_id), helpful[entry_id], unhelpful[entry_id]
        )
        for entry_id in helpful.keys() | unhelpful.keys()
    ]
    ratings.sort(key=lambda r: (-r.unhelpful, -r.helpful, r.entry_id))
    return tuple(ratings)


def _chosen(usage: Usage, knowledge: KnowledgeBase | None) -> tuple[Chosen, ...]:
    counts: Counter[str] = Counter()
    asked: dict[str, list[str]] = {}
    for press in usage.presses:
        if press.kind is PressKind.CHOICE and press.entry_id:
            counts[press.entry_id] += 1
            if press.question:
                asked.setdefault(press.entry_id, []).append(press.question)
    return tuple(
        Chosen(
            entry_id,
            entry_question(knowledge, entry_id),
            count,
            new_phrasings(
                knowledge, entry_id, (text for text, _ in distinct(asked.get(entry_id, [])))
            ),
        )
        for entry_id, count in counts.most_common()
    )


def _days(usage: Usage) -> tuple[Day, ...]:
    counted = [q for q in usage.questions if about_the_report(q)]
    asked = Counter(_day(q.at) for q in counted)
    answered = Counter(_day(q.at) for q in counted if q.decision == Decision.ANSWER)
    first = _day(usage.since)
    span = (_day(usage.until) - first).days
    days = (first + timedelta(days=n) for n in range(span + 1))
    return tuple(Day(day, asked[day], answered[day]) for day in days)


def _day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _by_language(usage: Usage) -> tuple[tuple[str, int, int], ...]:
    asked = Counter(q.language for q in usage.questions if q.language)
    answered = Counter(q.language for q in usage.questions if q.language and q.entry_id)
    return tuple((code, count, answered[code]) for code, count in asked.most_common())
