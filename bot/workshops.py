"""A workshop session's summary: what the room asked, what the bot could not answer, which
"did you mean" choices were taken, and the quiz results; for the group at `/workshop end`, for
the trainer privately, and afterwards from `python -m bot workshop report`.

It reads the session's records only (those tagged with its id); no name or id is in them.
What people typed (the title, their questions, their names) is shown as typed, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from bot import wording
from bot.knowledge import KnowledgeBase, answer_markup
from bot.quiz import Results, RoundStore, views
from bot.store.workshop_records import QuizRound, Workshop
from bot.upkeep import Summary, UnansweredReport, Usage, group_unanswered, summarize

SHOWN = 5  # entries, questions and choices listed per section
QUESTION_LIMIT = 300  # characters of an unanswered question listed
TITLE_LIMIT = 100  # characters of a session's title, as typed after /workshop start


class WorkshopStore(RoundStore, Protocol):
    """Where sessions and quiz rounds are kept (`bot.store.sqlite_workshops` in the bot)."""

    def save_workshop(self, workshop: Workshop) -> None: ...
    def open_workshop(self, chat: str) -> Workshop | None: ...
    def workshop(self, workshop_id: str) -> Workshop | None: ...
    def workshops(self) -> list[Workshop]: ...
    def rounds_of(self, workshop_id: str) -> list[QuizRound]: ...


def title_of(typed: Sequence[str], default: str) -> str:
    """A session's title from the words typed after `/workshop start`: one line, capped; else
    `default`."""
    return answer_markup.shortened(" ".join(" ".join(typed).split()), TITLE_LIMIT) or default


def started_text(title: str | None) -> str:
    """What `/workshop start` says, with the title (if one was typed) shown as typed."""
    named = f": {answer_markup.literal(title)}" if title else ""
    return wording.WORKSHOP_STARTED.format(title=named)


@dataclass(frozen=True, slots=True)
class WorkshopReport:
    workshop: Workshop
    summary: Summary
    unanswered: UnansweredReport
    quizzes: tuple[Results, ...]


def report(
    workshop: Workshop,
    usage: Usage,
    quizzes: Sequence[Results],
    knowledge: KnowledgeBase | None,
) -> WorkshopReport:
    """`usage`: records of any period that covers the session; only its own are counted."""
    own = replace(
        usage,
        since=workshop.started_at,
        until=workshop.ended_at or usage.until,
        questions=tuple(q for q in usage.questions if q.workshop == workshop.id),
        presses=tuple(p for p in usage.presses if p.workshop == workshop.id),
    )
    return WorkshopReport(
        workshop, summarize(own, knowledge), group_unanswered(own, knowledge), tuple(quizzes)
    )


def summary_text(
    result: WorkshopReport, names: Mapping[str, str], link: Callable[[str], str | None]
) -> str:
    """In the answers' markup: for Telegram, the terminal and the Markdown report."""
    workshop, summary = result.workshop, result.summary
    ended = f" to {workshop.ended_at:%H:%M}" if workshop.ended_at else ""
    lines = [
        f"**Workshop summary: {answer_markup.literal(workshop.title)}**",
        f"{workshop.started_at:%d %B %Y, %H:%M}{ended} UTC",
        "",
        f"Questions asked: {summary.questions} (answered {summary.answered}, "
        f'"did you mean" {summary.clarified}, not answered {summary.declined})',
    ]
    if summary.danger:
        lines.append(f"Messages that got the safety note: {summary.danger}")
    if summary.top_entries:
        lines += ["", "**Most asked**"]
        lines += [f"- {e.question or e.entry_id} ({e.count})" for e in summary.top_entries[:SHOWN]]
    unanswered = [text for group in result.unanswered.groups for text in group.texts]
    if unanswered:
        lines += ["", "**Not answered** (questions as asked, no names)"]
        lines += [f"- {answer_markup.literal(text, QUESTION_LIMIT)}" for text in unanswered[:SHOWN]]
        if len(unanswered) > SHOWN:
            lines.append(f"- and {len(unanswered) - SHOWN} more")
    if summary.chosen:
        lines += ["", '**Chosen from "did you mean"**']
        lines += [f"- {c.question or c.entry_id} ({c.count})" for c in summary.chosen[:SHOWN]]
    for number, quiz in enumerate(result.quizzes, 1):
        lines += ["", f"**Quiz round {number}**", views.final(quiz, names, link)]
    return "\n".join(lines)
