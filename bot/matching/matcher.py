"""The decision for a question: answer, ask "did you mean", or say honestly it is out of scope."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from bot.matching.index import MatchIndex
from bot.matching.thresholds import Thresholds
from bot.matching.vectors import FloatArray

MAX_QUESTION_CHARS = 500  # longer text is cut: nobody's question is longer, and it bounds work
CANDIDATES = 5
CLARIFY_CHOICES = 3


class Decision(StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    NONE = "none"


class Reason(StrEnum):
    """Why a question got `none`, so the reply can say the right thing."""

    EMPTY = "empty"
    OTHER_SCRIPT = "other_script"
    OTHER_LANGUAGE = "other_language"
    NO_KNOWN_WORDS = "no_known_words"
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt scaling of the top score and its lead over the runner-up into a probability."""

    bias: float = -6.0
    score: float = 10.0
    lead: float = 4.0

    def confidence(self, top: float, lead: float) -> float:
        z = self.bias + self.score * top + self.lead * lead
        # the logistic function written so that exp never overflows, whatever the sign of z
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        small = math.exp(z)
        return small / (1.0 + small)


@dataclass(frozen=True, slots=True)
class Candidate:
    entry_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    question: str
    decision: Decision
    confidence: float
    candidates: tuple[Candidate, ...]
    reason: Reason | None = None

    @property
    def top_score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    @property
    def lead(self) -> float:
        """How far the top candidate's score is ahead of the runner-up's."""
        runner_up = self.candidates[1].score if len(self.candidates) > 1 else 0.0
        return self.top_score - runner_up

    @property
    def answer_id(self) -> str | None:
        return self.candidates[0].entry_id if self.decision is Decision.ANSWER else None

    @property
    def choices(self) -> tuple[str, ...]:
        """The entries offered as "did you mean" when the decision is `clarify`."""
        if self.decision is not Decision.CLARIFY:
            return ()
        return tuple(c.entry_id for c in self.candidates[:CLARIFY_CHOICES])


class Matcher:
    def __init__(
        self,
        index: MatchIndex,
        thresholds: Thresholds | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.index = index
        self.thresholds = thresholds or Thresholds()
        self.calibration = calibration or Calibration()

    def match(self, question: str) -> Match:
        # spacing folded before the cut, so padding cannot hide a question; the cut text is
        # what is matched and echoed
        text = " ".join(question.split())[:MAX_QUESTION_CHARS]
        if not any(ch.isalpha() for ch in text):
            return Match(text, Decision.NONE, 0.0, (), Reason.EMPTY)
        if _mostly_other_script(text):
            return Match(text, Decision.NONE, 0.0, (), Reason.OTHER_SCRIPT)
        query = self.index.analyse(text)
        if query.other_language:
            return Match(text, Decision.NONE, 0.0, (), Reason.OTHER_LANGUAGE)
        if query.unrecognised:
            return Match(text, Decision.NONE, 0.0, (), Reason.NO_KNOWN_WORDS)
        scores = self.index.entry_scores(query)
        owner = self.index.phrasing_owner(query)
        if owner is not None:
            # someone who types a phrasing the knowledge base has gets its entry, however close
            # a neighbour scores: 1 is the most any score can be
            scores[owner] = 1.0
        ranked = Match(text, Decision.NONE, 0.0, self._top(scores))
        confidence = self.calibration.confidence(ranked.top_score, ranked.lead)
        limits = self.thresholds
        if confidence >= limits.answer and ranked.lead >= limits.lead:
            return replace(ranked, decision=Decision.ANSWER, confidence=confidence)
        if confidence >= limits.clarify:
            return replace(ranked, decision=Decision.CLARIFY, confidence=confidence)
        return replace(ranked, confidence=confidence, reason=Reason.OUT_OF_SCOPE)

    def _top(self, scores: FloatArray) -> tuple[Candidate, ...]:
        count = min(CANDIDATES, len(scores))
        if count == 0:
            return ()
        best = np.argpartition(-scores, count - 1)[:count]
        ranked = sorted(best.tolist(), key=lambda i: (-scores[i], i))
        ids = self.index.entry_ids
        return tuple(Candidate(ids[i], round(float(scores[i]), 4)) for i in ranked if scores[i] > 0)


def _mostly_other_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return bool(letters) and latin * 2 < len(letters)
