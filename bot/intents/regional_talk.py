"""Small talk in the region's languages, so that it gets the bot's own reply in the language
instead of "nothing found" or a guess among the report's entries.

Greetings and thanks ("terima kasih", "salamat po", "ขอบคุณครับ") are a closed set of phrases,
as in English, recognised before matching. Questions about the bot ("bot ini resmi?", "ai đứng
sau bot này?") are too varied for that: they are matched, like questions about the report, by
character n-grams on the phrasings of the knowledge base (`asked` in `knowledge/i18n/<code>.yaml`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from bot.intents.small_talk import SmallTalk
from bot.knowledge import Translation, fold
from bot.matching import RegionalIndex

# From this score a message is taken as a question about the bot, when no entry scores higher;
# read off the tuning part of knowledge/eval/about/ (docs/languages.md).
ASKED_FROM = 0.2

# What people write, folded (Vietnamese without tones), by language and kind.
_PHRASES: dict[str, dict[SmallTalk, tuple[str, ...]]] = {
    "id": {
        SmallTalk.GREETING: (
            "halo",
            "hai",
            "selamat pagi",
            "selamat siang",
            "selamat sore",
            "selamat malam",
            "assalamualaikum",
            "permisi",
        ),
        SmallTalk.THANKS: ("terima kasih", "makasih", "trima kasih", "terimakasih", "thx ya"),
    },
    "ms": {
        SmallTalk.GREETING: (
            "helo",
            "hai",
            "selamat pagi",
            "selamat petang",
            "selamat malam",
            "assalamualaikum",
        ),
        SmallTalk.THANKS: ("terima kasih", "terima kasih banyak", "tq", "terimakasih"),
    },
    "th": {
        SmallTalk.GREETING: ("สวัสดี", "สวัสดีครับ", "สวัสดีค่ะ", "หวัดดี"),
        SmallTalk.THANKS: ("ขอบคุณ", "ขอบคุณครับ", "ขอบคุณค่ะ", "ขอบใจ", "ขอบคุณมาก"),
    },
    "vi": {
        SmallTalk.GREETING: ("xin chao", "chao ban", "chao"),
        SmallTalk.THANKS: ("cam on", "cam on ban", "cam on nhieu", "cam on nhe"),
    },
    "fil": {
        SmallTalk.GREETING: (
            "kumusta",
            "kamusta",
            "magandang umaga",
            "magandang hapon",
            "magandang gabi",
        ),
        SmallTalk.THANKS: ("salamat", "salamat po", "maraming salamat", "maraming salamat po"),
    },
    "km": {
        SmallTalk.GREETING: ("សួស្តី", "ជំរាបសួរ"),
        SmallTalk.THANKS: ("អរគុណ", "អរគុណច្រើន", "សូមអរគុណ"),
    },
    "my": {
        SmallTalk.GREETING: ("မင်္ဂလာပါ",),
        SmallTalk.THANKS: ("ကျေးဇူးတင်ပါတယ်", "ကျေးဇူးပါ", "ကျေးဇူးပဲ"),
    },
}
# a word or two beside the phrase ("terima kasih banyak ya", "salamat po sa inyo") still is it
EXTRA_WORDS = 2
EXTRA_CHARACTERS = 6  # the same for scripts written without spaces


def regional_small_talk(text: str) -> tuple[str, SmallTalk] | None:
    """The language and kind of a greeting or thanks in one of the region's languages; None
    for anything else (a question, a plea), and for English, which `small_talk` reads."""
    folded = fold(text)
    for code, kinds in _PHRASES.items():
        for kind, phrases in kinds.items():
            if any(_is(folded, phrase) for phrase in phrases):
                return code, kind
    return None


def _is(folded: str, phrase: str) -> bool:
    if not folded.startswith(phrase):
        return False
    rest = folded[len(phrase) :]
    if not rest:
        return True
    if rest.startswith(" "):
        return len(rest.split()) <= EXTRA_WORDS
    # a script without spaces runs on ("ขอบคุณครับผม"); a Latin word does not ("chaos")
    return not rest.isascii() and len(rest) <= EXTRA_CHARACTERS


class QuestionsAboutTheBot:
    """The phrasings of questions about the bot, all languages together (their scripts and
    words seldom meet), by kind, beside questions about the report in the same frames ("who made
    the report?"); read-only after construction."""

    def __init__(self, translations: Mapping[str, Translation]) -> None:
        phrasings: defaultdict[str, list[str]] = defaultdict(list)
        for translation in translations.values():
            for kind, texts in translation.asked.model_dump().items():
                phrasings[kind].extend(texts)
        kinds = {kind.value: kind for kind in SmallTalk}
        self._kinds = [kinds.get(kind) for kind in phrasings]  # None: about the report
        self._index = RegionalIndex(phrasings, list(phrasings)) if phrasings else None

    def read(self, text: str) -> tuple[SmallTalk, float] | None:
        """The kind of question about the bot the text is closest to, and its score; None when
        it is closer to a question about the report, or no language has phrasings of them."""
        if self._index is None:
            return None
        scores = self._index.entry_scores(text)
        best = int(np.argmax(scores))
        kind = self._kinds[best]
        return None if kind is None else (kind, float(scores[best]))
