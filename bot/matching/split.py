"""The fixed split of evaluation questions into a tuning part and a test part.

Each question's part is decided by a keyed hash of its text with a committed seed: the split
never changes for a question once written, adding questions does not move others, and nobody
can choose where a question lands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

from bot.knowledge import normalize

SEED = b"unodc-rso-2021-03-29"


class Part(StrEnum):
    TUNE = "tune"
    TEST = "test"


def part_of(question: str) -> Part:
    digest = hashlib.blake2b(normalize(question).encode(), key=SEED, digest_size=8).digest()
    return Part.TEST if digest[0] % 2 else Part.TUNE


class Phrased(Protocol):
    @property
    def q(self) -> str: ...


Q = TypeVar("Q", bound=Phrased)


def select(questions: Iterable[Q], part: Part | None) -> list[Q]:
    """The questions in `part` (all of them for None)."""
    return [q for q in questions if part is None or part_of(q.q) is part]
