"""Build the matcher for a knowledge base: index, committed calibration, thresholds."""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.matching.calibration import load_calibration
from bot.matching.index import MatchIndex
from bot.matching.matcher import Matcher
from bot.matching.thresholds import Thresholds


def build_matcher(knowledge: KnowledgeBase, thresholds: Thresholds | None = None) -> Matcher:
    return Matcher(MatchIndex(knowledge), thresholds, load_calibration(knowledge.root))
