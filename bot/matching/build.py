"""Build the matcher for a knowledge base: index, committed calibration, thresholds."""

from __future__ import annotations

import bot.matching.calibration as calibration
from bot.knowledge import KnowledgeBase, KnowledgeBaseError
from bot.matching.index import MatchIndex
from bot.matching.matcher import Matcher
from bot.matching.thresholds import Thresholds


def build_matcher(knowledge: KnowledgeBase, thresholds: Thresholds | None = None) -> Matcher:
    root = knowledge.root
    return Matcher(
        MatchIndex(knowledge),
        thresholds,
        calibration.load_calibration(root),
        calibration.load_regional_calibration(root),
    )


def recalibrated_matcher(
    knowledge: KnowledgeBase, thresholds: Thresholds
) -> tuple[Matcher, str | None]:
    """The matcher for an edited knowledge base, and a warning when the committed calibration
    no longer fits it: then the refit on the tuning questions (what `calibrate --write` would
    commit) is used in memory, so that confidences keep meaning what they say."""
    root = knowledge.root
    if not (root / calibration.CALIBRATION_FILE).is_file():
        return build_matcher(knowledge, thresholds), None
    committed = calibration.load_calibration(root)
    try:
        questions = calibration.tuning_questions(root)
    except KnowledgeBaseError as error:
        unchecked = f"calibration not checked, the evaluation questions have problems: {error}"
        return build_matcher(knowledge, thresholds), unchecked
    committed_regional = calibration.load_regional_calibration(root)
    result = calibration.refit(knowledge, thresholds, questions)
    index = result.matcher.index
    english_stale = result.fitted is not None and calibration.stale(committed, result.fitted)
    regional_stale = calibration.stale(committed_regional, result.regional)
    if not english_stale and not regional_stale:
        return Matcher(index, thresholds, committed, committed_regional), None
    fitted = result.fitted if english_stale and result.fitted is not None else committed
    warning = (
        f"the calibration was stale and is refitted in memory ({fitted}, in the region's "
        f"languages {result.regional}); commit it with: python -m bot calibrate --write"
    )
    return Matcher(index, thresholds, fitted, result.regional), warning
