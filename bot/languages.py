"""Which of the region's languages a message the bot cannot read is probably in, so that the
reply can say, in that language, that it reads English only for now, and give the safety note.

By script where the script tells (Thai, Khmer, Burmese), by Vietnamese's own letters, and by
common function words for Indonesian and Malay (too close to tell apart in a short message:
both are named) and Filipino. No model is loaded: a language model would cost the bot more
memory than all it serves (docs/memory.md); measured identification is issue work still open.
"""

from __future__ import annotations

import re
import unicodedata

from bot.matching import Match, Reason

_SCRIPTS = {"THAI": "th", "KHMER": "km", "MYANMAR": "my"}
# letters only Vietnamese uses among the region's Latin-script languages
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_MALAY_INDONESIAN = frozenset(
    "yang dan adalah dengan tidak ini itu apa siapa untuk dari ke bagaimana mengapa kenapa "
    "saya kami kita mereka boleh bisa tolong".split()
)
_FILIPINO = frozenset("ang mga ng sa ay hindi bakit paano ako ko ano sino nila".split())
MOST_NAMED = 2


def probable_languages(text: str) -> tuple[str, ...]:
    """Language codes (as `knowledge/i18n/` names its files), likeliest first; () if none of
    the region's languages is recognised."""
    letters = [ch for ch in text if ch.isalpha()]
    scripts: dict[str, int] = {}
    for ch in letters:
        name = unicodedata.name(ch, "").split(" ", 1)[0]
        if name in _SCRIPTS:
            scripts[_SCRIPTS[name]] = scripts.get(_SCRIPTS[name], 0) + 1
    if scripts:
        return tuple(sorted(scripts, key=lambda code: -scripts[code]))[:MOST_NAMED]
    if _VIETNAMESE.search(text):
        return ("vi",)
    words = re.findall(r"[a-z]+", text.casefold())
    malay = sum(word in _MALAY_INDONESIAN for word in words)
    filipino = sum(word in _FILIPINO for word in words)
    if filipino > malay:
        return ("fil",)
    if malay:
        return ("id", "ms")
    return ()


def unread(match: Match) -> bool:
    """A message in a language the bot cannot read yet: the reply says so (with the safety
    note), and its text is not kept, since nobody can tell whether its writer is in danger."""
    if match.reason in (Reason.OTHER_SCRIPT, Reason.OTHER_LANGUAGE):
        return True
    return match.reason is Reason.NO_KNOWN_WORDS and bool(probable_languages(match.question))
