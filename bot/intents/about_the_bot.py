"""Questions about the bot itself ("bot ini resmi?", "ai làm ra bot này?", "where do your
answers come from?"), too varied for a closed set of phrases: matched, like questions about the
report, by character n-grams on the phrasings of the knowledge base (`knowledge/asked.yaml` in
English, `asked` in each `knowledge/i18n/<code>.yaml`), beside questions about the report in
the same frames ("who made the report?"), which must not be taken for them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from bot.intents.small_talk import SmallTalk
from bot.knowledge import AskedAboutTheBot
from bot.matching import RegionalIndex

# From this score a message is taken as a question about the bot, when no entry scores higher
# (in English, when the matcher declines it). Read off the tuning parts of knowledge/eval/about/
# and of the question sets: from 0.2, more questions about the bot were recognised, but 14 of
# 111 questions out of scope ("how do I make coffee") got the bot's help or about text instead
# of the decline; from 0.3, none did (docs/languages.md).
ASKED_FROM = 0.3


class QuestionsAboutTheBot:
    """The phrasings of every language together (their scripts and words seldom meet), by
    kind; read-only after construction."""

    def __init__(self, languages: Iterable[AskedAboutTheBot]) -> None:
        phrasings: defaultdict[str, list[str]] = defaultdict(list)
        for asked in languages:
            for kind, texts in asked.model_dump().items():
                phrasings[kind].extend(texts)
        phrasings = defaultdict(list, {k: v for k, v in phrasings.items() if v})
        kinds = {kind.value: kind for kind in SmallTalk}
        self._kinds = [kinds.get(kind) for kind in phrasings]  # None: about the report
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
