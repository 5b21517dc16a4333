"""Evaluation sets and the metrics that say whether the matcher answers right and knows when not.

An evaluation file is a YAML list of `{q: question, expect: entry-id}`; `expect: null` marks a
question the knowledge base does not answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.knowledge import EvalQuestion
from bot.matching.matcher import Decision, Match, Matcher


@dataclass(frozen=True, slots=True)
class Outcome:
    question: EvalQuestion
    match: Match

    @property
    def in_scope(self) -> bool:
        return self.question.expect is not None

    @property
    def correct(self) -> bool:
        """Answered with the expected entry, or (out of scope) not answered."""
        if self.question.expect is None:
            return self.match.decision is not Decision.ANSWER
        return self.match.answer_id == self.question.expect

    @property
    def top_is_right(self) -> bool:
        """Whether answering with the top candidate would have been right: the calibration label."""
        top = self.match.candidates[0].entry_id if self.match.candidates else None
        return self.question.expect is not None and top == self.question.expect

    @property
    def within_one_tap(self) -> bool:
        """In scope, and answered right or offered among the "did you mean" choices."""
        return self.correct or (
            self.match.decision is Decision.CLARIFY and self.question.expect in self.match.choices
        )

    @property
    def declined_though_answerable(self) -> bool:
        """In scope, given no answer and no choice, although the top candidate was right."""
        return self.match.decision is Decision.NONE and self.top_is_right

    @property
    def reciprocal_rank(self) -> float:
        ids = [c.entry_id for c in self.match.candidates]
        return 1.0 / (ids.index(self.question.expect) + 1) if self.question.expect in ids else 0.0


@dataclass(frozen=True, slots=True)
class Metrics:
    """Each rate is None when nothing could be counted (no in-scope questions, no clarify case,
    no out-of-scope question): 0.000 would read as a measured failure or success."""

    questions: int
    in_scope: int
    out_of_scope: int
    accuracy: float | None  # answer with the expected id, over in-scope questions
    wrong_answer_rate: float | None  # answer with another id, over in-scope questions
    clarify_rate: float | None  # clarify, over in-scope questions
    clarify_hit_rate: float | None  # expected id among the choices, over in-scope clarify cases
    oos_false_answer_rate: float | None  # answer to an out-of-scope question
    within_one_tap: float | None  # answered right or among the choices, over in-scope
    declined_answerable: float | None  # no answer nor choice though the top was right, in-scope
    oos_clarify_rate: float | None  # "did you mean" offered to an out-of-scope question
    mrr: float | None  # mean reciprocal rank of the expected id, over in-scope questions
    failures: tuple[Outcome, ...] = field(repr=False)

    def as_dict(self) -> dict[str, float | int | None]:
        rates = {
            "accuracy": self.accuracy,
            "wrong_answer_rate": self.wrong_answer_rate,
            "clarify_rate": self.clarify_rate,
            "clarify_hit_rate": self.clarify_hit_rate,
            "oos_false_answer_rate": self.oos_false_answer_rate,
            "within_one_tap": self.within_one_tap,
            "declined_answerable": self.declined_answerable,
            "oos_clarify_rate": self.oos_clarify_rate,
            "mrr": self.mrr,
        }
        return {
            "questions": self.questions,
            "in_scope": self.in_scope,
            "out_of_scope": self.out_of_scope,
        } | {name: None if rate is None else round(rate, 4) for name, rate in rates.items()}


def run(matcher: Matcher, questions: Sequence[EvalQuestion]) -> list[Outcome]:
    return [Outcome(question, matcher.match(question.q)) for question in questions]


def measure(outcomes: Sequence[Outcome]) -> Metrics:
    scoped = [o for o in outcomes if o.in_scope]
    unscoped = [o for o in outcomes if not o.in_scope]
    clarified = [o for o in scoped if o.match.decision is Decision.CLARIFY]
    answered_wrong = [o for o in scoped if o.match.decision is Decision.ANSWER and not o.correct]
    return Metrics(
        questions=len(outcomes),
        in_scope=len(scoped),
        out_of_scope=len(unscoped),
        accuracy=_share(sum(o.correct for o in scoped), len(scoped)),
        wrong_answer_rate=_share(len(answered_wrong), len(scoped)),
        clarify_rate=_share(len(clarified), len(scoped)),
        clarify_hit_rate=_share(
            sum(o.question.expect in o.match.choices for o in clarified), len(clarified)
        ),
        oos_false_answer_rate=_share(
            sum(o.match.decision is Decision.ANSWER for o in unscoped), len(unscoped)
        ),
        within_one_tap=_share(sum(o.within_one_tap for o in scoped), len(scoped)),
        declined_answerable=_share(sum(o.declined_though_answerable for o in scoped), len(scoped)),
        oos_clarify_rate=_share(
            sum(o.match.decision is Decision.CLARIFY for o in unscoped), len(unscoped)
        ),
        mrr=_share(sum(o.reciprocal_rank for o in scoped), len(scoped)),
        failures=tuple(o for o in outcomes if not o.correct),
    )


def _share(part: float, whole: int) -> float | None:
    return part / whole if whole else None
