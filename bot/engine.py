"""The knowledge base and what is built from it (the matcher, the message reader), as one value.

A reply takes the engine once and works on it throughout, so a knowledge base is never paired
with an index or a detector built from another one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.heap import give_back_freed_memory
from bot.intents import Reader
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matching import Matcher, Thresholds, build_matcher


@dataclass(frozen=True, slots=True)
class AnswerEngine:
    knowledge: KnowledgeBase
    matcher: Matcher
    reader: Reader
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def load(cls, root: Path, thresholds: Thresholds | None = None) -> AnswerEngine:
        return cls.build(load_knowledge(root), thresholds)

    @classmethod
    def build(
        cls,
        knowledge: KnowledgeBase,
        thresholds: Thresholds | None = None,
        matcher: Matcher | None = None,
    ) -> AnswerEngine:
        """`matcher`: one already built for this knowledge base (a reload's refitted one)."""
        engine = cls(knowledge, matcher or build_matcher(knowledge, thresholds), Reader(knowledge))
        give_back_freed_memory()  # what building it freed (docs/memory.md)
        return engine
