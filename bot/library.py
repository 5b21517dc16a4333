"""The knowledge base and its matcher as one value, swapped whole when the knowledge changes.

A reply reads `holder.current` once and works on that snapshot, so a reload can never pair a
new knowledge base with an old index.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.build import build_matcher
from bot.matching.matcher import Matcher
from bot.matching.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class Library:
    knowledge: KnowledgeBase
    matcher: Matcher

    @classmethod
    def load(cls, root: Path, thresholds: Thresholds | None = None) -> Library:
        knowledge = load_knowledge(root)
        return cls(knowledge, build_matcher(knowledge, thresholds))


class LibraryHolder:
    """Holds the library in use; `swap` replaces it in one assignment."""

    def __init__(self, library: Library) -> None:
        self._current = library

    @property
    def current(self) -> Library:
        return self._current

    def swap(self, library: Library) -> None:
        self._current = library
