"""Questions about the bot itself ("siapa yang bikin bot ini?", "ai làm ra bot này?", "where
do your answers come from?"), too varied for a closed set of phrases: matched, like questions
about the report, by character n-grams on the phrasings of the knowledge base
(`knowledge/asked.yaml` in English, `asked` in each `knowledge/i18n/<code>.yaml`), beside
questions about the report in the same frames ("who made the report?"), which must not be taken
for them.
"""

from __future__ import annotations

import re
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
# A message that names the bot ("บอทเก็บเบอร์โทรของเราไหม", "bot ni simpan nombor saya?", "ban
# la AI a?") asks about it from this score, when no entry scores higher, and is never taken for
# a question about the report. On fresh sets in eight languages (2026-12-03): 10 more of 176
# recognised, no question about the report and none out of scope more taken for one; from 0.08
# to 0.15 the same.
NAMED_FROM = 0.15
# In the region's languages, where the best entry is scored the same way: a message this close
# to a kind and half again as close as to any entry asks about the bot. Thai questions about the
# bot score lower than the others' (their character n-grams spread over more words): 0.17-0.28
# where an entry's is 0.10-0.18. On the fresh sets 8 more of 176 recognised, none more of 64
# about the report; from 0.15 (or a lead of 1.3), "Apa berita terkini hari ni?" (today's news)
# and two more of 310 questions out of scope got the bot's text.
CLEAR_FROM = 0.22
CLEAR_LEAD = 1.5
# how people name the bot: "bot", "chatbot", and in Thai, Khmer and Burmese script; not Malay's
# boat ("atas bot nelayan", "lari dari bot")
_NAMES_THE_BOT = re.compile(
    r"(?i:(?<!atas )(?<!dalam )(?<!naik )(?<!kat )(?<!di )(?<!dari )(?<!ke )"
    r"\b(?:chat ?)?bots?\b(?! nelayan| ikan))"
    r"|บอท|បូត|ဘော့"
    # or the chat with it: "will anyone else see this chat?", "chat ni selamat?", "แชทนี้" (not
    # "my chat with the recruiter")
    r"|(?i:\b(?:this|our) (?:chat|conversation)\b|\bchat (?:ini|ni|na (?:ito|to)|này|nay)\b"
    r"|\b(?:percakapan|perbualan|cuộc trò chuyện) (?:ini|ni|này)\b)|แชทนี้"
)
# "AI", in capitals ("ai" is Vietnamese for who), names it in a short question ("ban la AI a?",
# "เป็น AI เหรอ") or said of whom one writes to ("are you an AI or ..."); otherwise it is a
# subject ("how do traffickers use AI to find victims?")
_AI = re.compile(r"\bAI\b")
_YOU_AN_AI = re.compile(
    r"\b(?i:are you|r u|you are|u r|is this|is it|talking to|chatting with) (?i:an? )?AI\b"
)
AI_WORDS = 5


def names_the_bot(text: str) -> bool:
    if _NAMES_THE_BOT.search(text) is not None or _YOU_AN_AI.search(text) is not None:
        return True
    return _AI.search(text) is not None and len(text.split()) <= AI_WORDS


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
        self._about_the_report = np.array([kind is None for kind in self._kinds], dtype=np.bool_)
        self._index = RegionalIndex(phrasings, list(phrasings)) if phrasings else None

    def ask(self, text: str, entry_score: float, *, scored_alike: bool) -> SmallTalk | None:
        """The kind of question about the bot a message asks, if it asks one: it is closer to
        one of them than to any entry (`entry_score`: the best entry's) and close enough, or
        names the bot; `scored_alike`: whether the entry was scored as these are (a message in
        one of the region's languages), so that a clear lead over it tells too."""
        named = names_the_bot(text)
        found = self.read(text, named=named)
        if found is None:
            return None
        kind, score = found
        least = NAMED_FROM if named else ASKED_FROM
        if scored_alike and score >= CLEAR_LEAD * entry_score:
            least = min(least, CLEAR_FROM)
        return kind if score >= least and score > entry_score else None

    def read(self, text: str, *, named: bool = False) -> tuple[SmallTalk, float] | None:
        """The kind of question about the bot the text is closest to, and its score; None when
        it is closer to a question about the report (unless it `named` the bot), or there are
        no phrasings of them."""
        if self._index is None:
            return None
        scores = self._index.entry_scores(text)
        if named:
            scores = np.where(self._about_the_report, -1.0, scores)
        best = int(np.argmax(scores))
        kind = self._kinds[best]
        return None if kind is None else (kind, float(scores[best]))


# the fields of `AskedAboutTheBot` and what they are; `about_the_report`: none of these
_KINDS: dict[str, SmallTalk | None] = {
    **{kind.value: SmallTalk(kind.value) for kind in AboutTheBotKind},
    "about_the_report": None,
}
