"""Danger in the region's languages: one detector per language, learnt from its examples
(`knowledge/safety/<code>.yaml`) with the language's phrasings and questions about the bot as
ordinary messages.

No cue pattern or stemmer of English applies there, so a message is read as its words and its
character n-grams, which need no word boundaries (Thai, Khmer and Burmese write none) and
relate the forms of a word. A language without examples has no detector: every message in it
gets the safety note, since nobody can tell.
"""

from __future__ import annotations

from bot.intents.detector import Detector, shared_features
from bot.knowledge import KnowledgeBase, fold

GRAM_SIZES = (3, 4)
# From this probability a message in one of the region's languages gets the safety note first;
# read off the tuning parts of knowledge/eval/danger/<code>.yaml (docs/languages.md).
DANGER_FROM = 0.1


def features(text: str) -> set[str]:
    words = fold(text).split()
    marked = f" {' '.join(words)} "
    grams = {
        f"g:{marked[i : i + size]}" for size in GRAM_SIZES for i in range(len(marked) - size + 1)
    }
    return {*(f"w:{word}" for word in words), *grams}


class RegionalDanger:
    """Built once per knowledge base; read-only afterwards."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self._detectors = {
            code: Detector(
                examples.danger,
                [
                    *examples.not_danger,
                    *(t for texts in knowledge.phrasings[code].values() for t in texts),
                    *_asked_about_the_bot(knowledge, code),
                ],
                shared_features(features),
                read=features,
            )
            for code, examples in knowledge.regional_safety.items()
        }

    def is_danger(self, language: str, text: str) -> bool | None:
        """Whether a message in `language` reads as from or about someone in danger; None when
        the language has no detector."""
        detector = self._detectors.get(language)
        if detector is None:
            return None
        return detector.probability(text) >= DANGER_FROM


def _asked_about_the_bot(knowledge: KnowledgeBase, code: str) -> list[str]:
    """How people ask about the bot in the language: ordinary messages ("do you keep what I
    write?") that share words with someone in trouble."""
    words = knowledge.translations.get(code)
    return words.asked.texts if words else []
