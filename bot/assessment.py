"""The whole conversation measured on the evaluation sets: what a person would get, not only
what the matcher decided.

Question sets go through `Conversation.ask` (a safety note or small talk is not an answer);
the safety and personal-legal sets measure the reader; the dialogue set measures follow-ups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot.conversation import Conversation, Turn
from bot.intents import Intent
from bot.knowledge import (
    AboutTheBotCase,
    AboutTheBotKind,
    AboutTheBotSet,
    DangerCase,
    DangerSet,
    EvalQuestion,
    EvalSet,
    FollowUpCase,
    FollowUpSet,
    KnowledgeBaseError,
    LegalCase,
    LegalSet,
    Problem,
    load_located,
    spelling_hint,
)
from bot.matching import Candidate, Decision, Match, Outcome
from bot.replies import ReplyKind


class SetKind(StrEnum):
    """What an evaluation file measures, told by the folder it is in."""

    QUESTIONS = "questions"  # knowledge/eval/*.yaml, eval/long/, eval/blind/
    DANGER = "danger"  # knowledge/eval/danger/
    LEGAL = "legal"  # knowledge/eval/legal/
    FOLLOW_UPS = "followups"  # knowledge/eval/followups/
    ABOUT_THE_BOT = "about"  # knowledge/eval/about/


_MODELS: dict[SetKind, Any] = {
    SetKind.QUESTIONS: EvalSet,
    SetKind.DANGER: DangerSet,
    SetKind.LEGAL: LegalSet,
    SetKind.FOLLOW_UPS: FollowUpSet,
    SetKind.ABOUT_THE_BOT: AboutTheBotSet,
}


def kind_of(file: Path) -> SetKind:
    folder = file.parent.name
    return next((kind for kind in SetKind if kind.value == folder), SetKind.QUESTIONS)


def load_cases(file: Path, entry_ids: Iterable[str]) -> list[Any]:
    """The cases of one evaluation file, by its kind; `KnowledgeBaseError` locates every
    problem, an expected entry the knowledge base does not have included."""
    loaded, document = load_located(file, _MODELS[kind_of(file)])
    cases: list[Any] = loaded.root
    known = set(entry_ids)
    unknown = [
        Problem(
            document.locate((index, field)),
            f"{field} names unknown entry '{value}'",
            spelling_hint(
                value, known, "use an id from the knowledge base, or null for out of scope"
            ),
        )
        for index, case in enumerate(cases)
        for field in ("expect", "first_expect")
        if (value := getattr(case, field, None)) is not None and value not in known
    ]
    if unknown:
        raise KnowledgeBaseError(unknown)
    return cases


def what_they_got(turn: Turn) -> Match:
    """The turn as a matcher decision: an answer only if the reply is that entry's answer (or
    "more" on it, or its sources), choices only if the reply offers them; a safety note or small
    talk is none.
    """
    reply, match = turn.reply, turn.match
    if reply.kind in (ReplyKind.ANSWER, ReplyKind.MORE, ReplyKind.SOURCES) and reply.entry_id:
        if match.decision is Decision.ANSWER and match.answer_id == reply.entry_id:
            return match
        others = tuple(c for c in match.candidates if c.entry_id != reply.entry_id)
        given = (Candidate(reply.entry_id, 1.0), *others)
        return replace(match, decision=Decision.ANSWER, candidates=given)
    if reply.kind is ReplyKind.CLARIFY:
        return match
    return replace(match, decision=Decision.NONE)


def ask_all(conversation: Conversation, questions: Sequence[EvalQuestion]) -> list[Outcome]:
    return [Outcome(q, what_they_got(conversation.ask(q.q))) for q in questions]


@dataclass(frozen=True, slots=True)
class Detection:
    """A yes-or-no detector measured on labelled messages."""

    positives: int
    negatives: int
    recall: float | None  # flagged positives over positives
    false_alarms: float | None  # flagged negatives over negatives
    missed: tuple[str, ...] = field(repr=False)
    false: tuple[str, ...] = field(repr=False)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "positives": self.positives,
            "negatives": self.negatives,
            "recall": _round(self.recall),
            "false_alarms": _round(self.false_alarms),
        }


def detection(flags: Sequence[tuple[str, bool, bool]]) -> Detection:
    """From (message, expected, flagged) triples."""
    positives = [(q, f) for q, e, f in flags if e]
    negatives = [(q, f) for q, e, f in flags if not e]
    return Detection(
        len(positives),
        len(negatives),
        _share(sum(f for _, f in positives), len(positives)),
        _share(sum(f for _, f in negatives), len(negatives)),
        tuple(q for q, f in positives if not f),
        tuple(q for q, f in negatives if f),
    )


def danger(conversation: Conversation, cases: Sequence[DangerCase]) -> Detection:
    return detection([(c.q, c.danger, _in_its_chat(conversation, c).safety_first) for c in cases])


def _in_its_chat(conversation: Conversation, case: DangerCase) -> Turn:
    """The reply to the message, after the answer to `first` when it follows one; as in a chat,
    a first question that got no answer leaves no context, one that got the safety note that."""
    follows = conversation.ask(case.first).context if case.first else None
    return conversation.ask(case.q, follows=follows)


def about_the_bot(conversation: Conversation, cases: Sequence[AboutTheBotCase]) -> Detection:
    """Questions about the bot recognised as their kind (recall), and questions about the
    report taken for one (false alarms)."""
    answers = {kind: _answered_by(kind) for kind in AboutTheBotKind}
    about = set().union(*answers.values())
    flags = []
    for case in cases:
        intent = conversation.ask(case.q).intent
        if case.kind is None:
            flags.append((case.q, False, intent in about))
        else:
            flags.append((case.q, True, intent in answers[case.kind]))
    return detection(flags)


def _answered_by(kind: AboutTheBotKind) -> set[Intent]:
    """The replies that answer a kind of question about the bot: its own, and for the languages
    also the /language menu, which lists them and switches to one ("can I write in Thai?")."""
    own = Intent(kind.value)
    return {own, Intent.LANGUAGE_NAMED} if own is Intent.LANGUAGES else {own}


def personal_legal(conversation: Conversation, cases: Sequence[LegalCase]) -> Detection:
    return detection([(c.q, c.personal, conversation.ask(c.q).legal_note) for c in cases])


@dataclass(frozen=True, slots=True)
class Dialogues:
    """Second turns of two-turn dialogues, each asked with the first turn's answer in context."""

    dialogues: int
    right: float | None  # answered with the expected entry, or (expect null) not answered
    wrong: float | None  # answered with another entry
    within_one_tap: float | None  # right, or the expected entry among the choices
    failures: tuple[tuple[FollowUpCase, Match], ...] = field(repr=False)  # what each got

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "dialogues": self.dialogues,
            "right": _round(self.right),
            "wrong": _round(self.wrong),
            "within_one_tap": _round(self.within_one_tap),
        }


def follow_ups(conversation: Conversation, cases: Sequence[FollowUpCase]) -> Dialogues:
    right = wrong = near = 0
    failures = []
    for case in cases:
        first = conversation.ask(case.first)
        got = what_they_got(conversation.ask(case.then, follows=first.context))
        answered = got.answer_id if got.decision is Decision.ANSWER else None
        if answered == case.expect:
            right += 1
            near += 1
            continue
        if answered is not None:
            wrong += 1
        elif case.expect in got.choices:
            near += 1
        failures.append((case, got))
    total = len(cases)
    return Dialogues(
        total, _share(right, total), _share(wrong, total), _share(near, total), tuple(failures)
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 4)
