"""Danger in the region's languages: one detector per language, learnt from its examples
(`knowledge/safety/<code>.yaml`) with the language's phrasings and questions about the bot as
ordinary messages.

No cue pattern or stemmer of English applies there, so a message is read as its words and its
character n-grams, which need no word boundaries (Thai, Khmer and Burmese write none) and
relate the forms of a word. A language without examples has no detector: every message in it
gets the safety note, since nobody can tell.
"""

from __future__ import annotations

import re

from bot.intents.detector import Detector
from bot.knowledge import KnowledgeBase, fold
from bot.matching import SCRIPT_LANGUAGES

GRAM_SIZES = (3, 4)
# From this probability a message in one of the region's languages gets the safety note first;
# read off the tuning parts of knowledge/eval/danger/<code>.yaml (docs/languages.md).
DANGER_FROM = 0.2
# where sentences end (Burmese ။, Khmer ។ and ៕, full-width ? and ! too)
_SENTENCE_END = re.compile("[.!?;\n\u104b\u17d4\u17d5\uff1f\uff01]+")


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
                read=features,
            )
            for code, examples in knowledge.regional_safety.items()
        }

    def is_danger(self, language: str, text: str) -> bool | None:
        """Whether a message in `language` reads as from or about someone in danger; None when
        the language has no detector."""
        probability = self._probability(language, text)
        return None if probability is None else probability >= DANGER_FROM

    def reads_danger(self, text: str) -> str | None:
        """The language written in Latin letters whose detector reads danger likeliest in a
        message whose language is not known ("bos pukul aku"), or None. (Thai, Khmer and
        Burmese are told by their script: a message in none of them is in neither.)"""
        found = {
            code: probability
            for code in self._detectors.keys() - SCRIPT_LANGUAGES
            if (probability := self._probability(code, text)) is not None
        }
        likeliest = max(found, key=lambda code: (found[code], code), default=None)
        return likeliest if likeliest and found[likeliest] >= DANGER_FROM else None

    def _probability(self, language: str, text: str) -> float | None:
        """The message read whole and sentence by sentence, the likeliest deciding: in "paspor
        saya ditahan. bot ini resmi?" the question would dilute the plea. (Thai often ends a
        sentence with a space alone; reading the runs between spaces too put the note on 3 to
        16% more ordinary messages in Thai, Khmer and Burmese and caught no plea more.)"""
        detector = self._detectors.get(language)
        if detector is None:
            return None
        parts = {s.strip() for s in _SENTENCE_END.split(text) if s.strip()} - {text.strip()}
        return max(detector.probability(t) for t in (text, *parts))


def _asked_about_the_bot(knowledge: KnowledgeBase, code: str) -> list[str]:
    """How people ask about the bot in the language: ordinary messages ("do you keep what I
    write?") that share words with someone in trouble."""
    words = knowledge.translations.get(code)
    return words.asked.texts if words else []
