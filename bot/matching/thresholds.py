"""Where the matcher switches between answering, asking "did you mean", and declining.

The defaults are read off the calibration table of the tuning questions (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass

ANSWER = 0.70  # confidence from which the top entry is answered...
CLARIFY = 0.4  # ...from which "did you mean" is offered; below it, no answer
LEAD = 0.02  # ...and how far the top score must lead the runner-up for an answer


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer: float = ANSWER
    clarify: float = CLARIFY
    lead: float = LEAD
