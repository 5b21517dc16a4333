"""Matching free-text questions onto knowledge-base entries, knowing when it does not know.

Callers outside this package import from here; the modules inside are its own business.
"""

from bot.matching import calibration
from bot.matching.ambiguity import AMBIGUITY_RATIO, ambiguity_warnings, similar_pairs
from bot.matching.build import build_matcher, recalibrated_matcher
from bot.matching.evaluation import Metrics, Outcome, measure, run
from bot.matching.focus import asking_sentences
from bot.matching.index import MatchIndex
from bot.matching.language_id import (
    COMMON_WORDS,
    SCRIPT_LANGUAGES,
    UNTOLD,
    LanguageWords,
    looks_english,
    no_longer_than,
    probable_languages,
    unidentified_warnings,
)
from bot.matching.learning import SparseRows, minimize
from bot.matching.matcher import (
    KINDS_OF_THING,
    QUESTION_WORDS,
    Calibration,
    Candidate,
    Decision,
    Match,
    Matcher,
    Reason,
)
from bot.matching.people import people
from bot.matching.regional import RegionalIndex
from bot.matching.shorthand import spelled_out
from bot.matching.split import Part, part_of, select
from bot.matching.thresholds import Thresholds

__all__ = [
    "AMBIGUITY_RATIO",
    "COMMON_WORDS",
    "KINDS_OF_THING",
    "QUESTION_WORDS",
    "SCRIPT_LANGUAGES",
    "UNTOLD",
    "Calibration",
    "Candidate",
    "Decision",
    "LanguageWords",
    "Match",
    "MatchIndex",
    "Matcher",
    "Metrics",
    "Outcome",
    "Part",
    "Reason",
    "RegionalIndex",
    "SparseRows",
    "Thresholds",
    "ambiguity_warnings",
    "asking_sentences",
    "build_matcher",
    "calibration",
    "looks_english",
    "measure",
    "minimize",
    "no_longer_than",
    "part_of",
    "people",
    "probable_languages",
    "recalibrated_matcher",
    "run",
    "select",
    "similar_pairs",
    "spelled_out",
    "unidentified_warnings",
]
