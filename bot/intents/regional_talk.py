"""Greetings and thanks in the region's languages ("terima kasih", "salamat po", "ขอบคุณครับ"):
a closed set of phrasings, as in English, recognised before matching, so that they get a word
back in their language instead of "nothing found". Questions about the bot, too varied for a
closed set, are `bot.intents.about_the_bot`'s.
"""

from __future__ import annotations

from bot.intents.small_talk import SmallTalk
from bot.knowledge import fold

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
        # a run of a script without spaces is a sentence, not a word: "สวัสดีค่ะ อยากทราบว่า..."
        # asks something after its greeting
        extra = rest.split()
        return len(extra) <= EXTRA_WORDS and all(
            word.isascii() or len(word) <= EXTRA_CHARACTERS for word in extra
        )
    # a script without spaces runs on ("ขอบคุณครับผม"); a Latin word does not ("chaos")
    return not rest.isascii() and len(rest) <= EXTRA_CHARACTERS
