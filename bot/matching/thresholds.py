"""Where the matcher switches between answering, asking "did you mean", and declining.

The defaults are read off the tuning parts of the evaluation sets (docs/matching.md).
"""

from __future__ import annotations

from dataclasses import dataclass

ANSWER = 0.50  # confidence from which the top entry is answered...
CLARIFY = 0.2  # ...from which "did you mean" is offered; below it, no answer
LEAD = 0.02  # ...and how far the top score must lead the runner-up for an answer


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer: float = ANSWER
    clarify: float = CLARIFY
    lead: float = LEAD
