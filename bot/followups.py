"""Messages that only make sense after the previous answer ("and at sea?", "who said that?",
"tell me more"), and the short memory each chat keeps for them.

The memory holds, per chat (or per thread of replies in a group), the last entry answered and
when; in memory only, for `CONTEXT_SECONDS`, and never shared between keys.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from bot.knowledge import normalize
from bot.matching import QUESTION_WORDS

CONTEXT_SECONDS = 15 * 60
REMEMBERED_CHATS = 10_000
MAX_FOLLOW_UP_WORDS = 10

_MORE = re.compile(
    r"^(?:(?:ok |okay |please |can you |could you )?(?:tell me more|more|more please|go on|"
    r"continue|details|more details|more info\w*|expand|elaborate|say more|explain more|"
    r"explain further|what else|anything else|and then|keep going)(?: about (?:it|that|this))?"
    r"(?: please)?)$"
)
_LEAD = re.compile(
    r"^(?:and|but|so|also|then|plus|ok and|okay and|what about|how about|and what about|"
    r"what of|same for|same with|and for|and in|and at|and on|and the|is that|was that|"
    r"does that|did that|is it|was it|does it|did it|are they|were they|who said|who wrote|"
    r"when was|when did|where was|where did|why|how come|which one|which article|in which)\b"
)
_REFERS_BACK = frozenset(
    "that this it its they them those these he she him her his hers there same other another "
    "else former latter".split()
)
_OTHER = frozenset("other another else different rest".split())
_THE_ONE = re.compile(r"\b(?:the|that) one (?:on|about|for|with|against|in|from|of)\b")
_ALSO = frozenset("too also either".split())
BARE_QUESTION_WORDS = 3  # "who attended?", "since when?": too short to name their subject


def asks_for_more(text: str) -> bool:
    return bool(_MORE.match(normalize(text)))


def depends_on_context(text: str) -> bool:
    """Short, and opening like a continuation, pointing back at something said before, or a
    bare question word ("since when?", "who attended?", "at sea too?")."""
    words = normalize(text).split()
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    bare_question = len(words) <= BARE_QUESTION_WORDS and words[0] in QUESTION_WORDS
    return (
        asks_for_more(text)
        or bool(_LEAD.match(" ".join(words)))
        or bool(_REFERS_BACK.intersection(words))
        or bare_question
        or words[-1] in _ALSO
    )


def wants_another(text: str) -> bool:
    """ "and the other protocol?", "and the one on smuggling?": the answer is not the entry
    already given."""
    folded = normalize(text)
    return bool(_OTHER.intersection(folded.split())) or bool(_THE_ONE.search(folded))


class ChatMemory:
    """The last entry answered per chat key, forgotten after `CONTEXT_SECONDS`."""

    def __init__(
        self,
        seconds: float = CONTEXT_SECONDS,
        capacity: int = REMEMBERED_CHATS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._capacity = capacity
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def remember(self, key: Hashable, entry_id: str | None) -> None:
        if entry_id is None:
            return
        self._entries[key] = (entry_id, self._clock())
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def recall(self, key: Hashable) -> str | None:
        found = self._entries.get(key)
        if found is None:
            return None
        entry_id, when = found
        if self._clock() - when > self._seconds:
            del self._entries[key]
            return None
        return entry_id
