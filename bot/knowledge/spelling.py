"""The id someone probably meant when they mistyped one ("uncak" for "uncac"), so that an error
can say "did you mean" instead of only pointing at a list."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

# the share of characters alike from which an id reads as a slip of a known one: one swap in
# "lwa" leaves "law" two thirds alike
ALIKE_FROM = 0.6


def likely_meant(name: str, known: Iterable[str]) -> str | None:
    """The known id closest to `name` in spelling, if close enough to be a slip of it."""
    found = process.extractOne(
        name.casefold(),
        sorted(known),  # ties go the same way every run
        scorer=DamerauLevenshtein.normalized_similarity,
        score_cutoff=ALIKE_FROM,
    )
    return None if found is None else found[0]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" to add to an error about `name`, or "" when nothing is close."""
    meant = likely_meant(name, known)
    return "" if meant is None else f" (did you mean '{meant}'?)"


def spelling_hint(name: str, known: Iterable[str], otherwise: str) -> str:
    """How to fix an unknown id: the one it is a slip of, if any, else `otherwise`."""
    meant = likely_meant(name, known)
    return otherwise if meant is None else f"did you mean '{meant}'?"
