"""Questions about the bot itself ("siapa yang bikin bot ini?", "ai làm ra bot này?", "where
do your answers come from?"), too varied for a closed set of phrases: matched, like questions
about the report, by character n-grams on the phrasings of the knowledge base
(`knowledge/asked.yaml` in English, `asked` in each `knowledge/i18n/<code>.yaml`), beside
questions about the report in the same frames ("who made the report?"), which must not be taken
for them.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bot.intents.small_talk import SmallTalk
from bot.knowledge import AboutTheBotKind, AskedAboutTheBot
from bot.matching import RegionalIndex

# From this score a message is taken as a question about the bot, when no entry scores higher
# (in English, when the matcher declines it). Read off the tuning parts of knowledge/eval/about/
# and of the question sets: from 0.2, more questions about the bot were recognised, but 14 of
# 111 questions out of scope ("how do I make coffee") got the bot's help or about text instead
# of the decline; from 0.3, none did (docs/languages.md).
ASKED_FROM = 0.3


class QuestionsAboutTheBot:
    """The phrasings of every language in one index, by kind: their scripts and words seldom
    meet, and a message that mixes in English words finds the English phrasings too. Its scores
    run lower than one language's phrasings alone would give (each kind's phrasings spread over
    eight languages), so beside an entry's score it errs towards the entry. Read-only after
    construction."""

    def __init__(self, languages: Iterable[AskedAboutTheBot]) -> None:
        phrasings: dict[str, list[str]] = {}
        for asked in languages:
            for kind, texts in asked.model_dump().items():
                phrasings.setdefault(kind, []).extend(texts)
        phrasings = {kind: texts for kind, texts in phrasings.items() if texts}
        self._kinds = [_KINDS.get(kind) for kind in phrasings]
        self._index = RegionalIndex(phrasings, list(phrasings)) if phrasings else None

    def read(self, text: str) -> tuple[SmallTalk, float] | None:
        """The kind of question about the bot the text is closest to, and its score; None when
        it is closer to a question about the report, or there are no phrasings of them."""
        if self._index is None:
            return None
        scores = self._index.entry_scores(text)
        best = int(np.argmax(scores))
        kind = self._kinds[best]
        return None if kind is None else (kind, float(scores[best]))


# the fields of `AskedAboutTheBot` and what they are; `about_the_report`: none of these
_KINDS: dict[str, SmallTalk | None] = {
    **{kind.value: SmallTalk(kind.value) for kind in AboutTheBotKind},
    "about_the_report": None,
}
