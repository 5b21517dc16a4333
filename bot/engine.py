"""The knowledge base and what is built from it (the matcher, the message reader), as one value.

A reply takes the engine once and works on it throughout, so a knowledge base is never paired
with an index or a detector built from another one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.intents import Reader
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matching import Matcher, Thresholds, build_matcher


@dataclass(frozen=True, slots=True)
class AnswerEngine:
    knowledge: KnowledgeBase
    matcher: Matcher
    reader: Reader

    @classmethod
    def load(cls, root: Path, thresholds: Thresholds | None = None) -> AnswerEngine:
        return cls.build(load_knowledge(root), thresholds)

    @classmethod
    def build(cls, knowledge: KnowledgeBase, thresholds: Thresholds | None = None) -> AnswerEngine:
        return cls(knowledge, build_matcher(knowledge, thresholds), Reader(knowledge))
