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
from enum import StrEnum

from bot.knowledge import normalize
from bot.matching import KINDS_OF_THING, QUESTION_WORDS

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
    "one ones else former latter".split()
)
_OTHER = frozenset("other another else different rest".split())
# "other" or "else" that asks for no other entry: "can one become the other?", "how do you
# tell them from each other?", "what else has he written?"
_SAME_AGAIN = re.compile(
    r"\b(?:each|one|one of them|one of these) (?:\w+ ){0,3}?(?:the |each )?other\b|"
    r"\b(?:what|anything|something) else\b"
)
_THE_ONE = re.compile(
    r"\b(?:the|that) one (?:on|about|for|with|against|in|from|of)\b|"
    r"^(?:and |(?:and )?(?:what|how) about )?the (?!(?:last|first|second|third|fourth|fifth|"
    r"latest|recent|next|same|"
    r"previous) )\w+ one(?:$| (?=(?:what|which|who|how|is|does|tell)\b))"
)
# "another thing: what is UNCAC?", "new topic - ...": the message says it moves on
_NEW_SUBJECT = re.compile(
    r"^\s*(?:(?:ok|okay|and|also|so|now)[,\s]+)?(?:(?:another|other|different|new|unrelated|"
    r"separate) (?:thing|question|q|topic|subject)|(?:changing|switching|change|switch) "
    r"(?:the )?(?:subjects?|topics?)|on another note|"
    r"moving on)\b[\s,.:;!-]*",
    re.IGNORECASE,
)
_ALSO = frozenset("too also either".split())
# a thing named before, called again by its kind: "what does the convention actually do?"
_THE_THING = re.compile(
    rf"\b(?:that|the|this) (?:{'|'.join(sorted(KINDS_OF_THING))})\b(?! (?:on|against|of|for)\b)"
)
_INTERJECTIONS = frozenset("ok okay k kk alright right hmm hm oh ah cool great nice wow".split())
_INCLUDED = re.compile(
    r"\b(?:one of (?:them|those|these)|among (?:them|those|these)|part of (?:it|them|that)|"
    r"in (?:it|them|there|that list|the list)|on (?:the|that) list|an? member|members? of "
    r"(?:it|them)|included|(?:^(?:and )?(?:is|are) (?:\w+ ){1,3}(?:one|ones)$))\b"
)
# "give me an example", "like what?", "any examples?": short, asking for more of the answer
_EXAMPLE = re.compile(r"\b(?:examples?|for instance|such as|like what|e ?g)\b")
EXAMPLE_WORDS = 6
INCLUDED_WORDS = 5  # "is Pakistan included?"; a longer one names its own subject
BARE_QUESTION_WORDS = 3  # "who attended?", "since when?": too short to name their subject
_BEFORE_QUESTION_WORD = frozenset("by for with to from until till".split())  # "by whom?"


_SOURCES = re.compile(
    r"^(?:(?:and|so|ok|okay|but|hmm) )?(?:(?:what s|what is|what are) )?(?:the |your |a )?"
    r"(?:(?:sources?|references?|citations?|refs?)(?: (?:for|of) (?:that|this|it))?|"
    r"(?:where|what) (?:is|s|does|did) (?:that|this|it) (?:come )?from|"
    r"where (?:did|do) you get (?:that|this|it)(?: from)?|says who|according to (?:whom|who)|"
    r"(?:is|was) (?:that|this|it) (?:in|from) the report(?: itself)?|"
    r"where can i (?:read|check|verify|see) (?:that|this|it)|"
    r"(?:can|could) (?:you|u) (?:cite|give) (?:that|this|it|a source|the source|sources)|"
    r"how do you know(?: that| this)?)(?: please| pls)?$"
)
# "who said that?": a person, when the answer quotes one; its sources, when it quotes nobody
# ("who wrote it?" asks who wrote the report)
_WHO_SAID = re.compile(
    r"^(?:(?:and|so|ok|okay|but|hmm) )?who (?:said|says|claims|claimed|stated|states) "
    r"(?:that|this|so)$"
)
_POLITE = r"^(?:(?:and|so|ok|okay|sorry|hmm) )?(?:(?:can|could) (?:you|u) |please |pls )?"
_SHORTER = re.compile(
    rf"{_POLITE}(?:(?:say|explain|put) (?:that|this|it) (?:more simply|simpler|simply|"
    r"in simple(?:r)? (?:terms|words)|in plain (?:english|words|language)|in short)|in short|"
    r"in brief|short version|the short version|summary|summari[sz]e(?: (?:that|this|it))?|"
    r"tl ?dr|eli5|simpler|in (?:simple(?:r)?|plain|easy|everyday|layman s|laymans) (?:terms|"
    r"words|english|language)|what do you mean|"
    r"i don t understand|i dont understand|simply put|too long|"
    r"explain (?:it |that |this )?(?:simply|more simply|in simple(?:r)? (?:terms|words)|"
    r"in plain (?:english|words)))(?: please| pls)?$"
)
_AGAIN = re.compile(
    rf"{_POLITE}(?:(?:say|explain|put|repeat) (?:that|this|it) (?:again|differently|"
    r"another way)|explain (?:it |that |this )?(?:again|differently)|come again|"
    r"repeat(?: that| this| it)?|say (?:that|it) again|again)(?: please| pls)?$"
)


class Request(StrEnum):
    """What a message asks of the answer just given, rather than of the knowledge base."""

    MORE = "more"  # "tell me more": where to go from it
    SOURCES = "sources"  # "source?", "is that in the report itself?"
    SHORTER = "shorter"  # "in short?", "can you say that more simply": its first paragraph
    AGAIN = "again"  # "can you repeat that?": the answer once more


def asks_who_said(text: str) -> bool:
    """ "Who said that?", of the answer just given."""
    return bool(_WHO_SAID.match(normalize(text)))


def request_of(text: str) -> Request | None:
    """The request a message makes of the previous answer, if it makes one."""
    words = normalize(text)
    for request, pattern in (
        (Request.MORE, _MORE),
        (Request.SOURCES, _SOURCES),
        (Request.SHORTER, _SHORTER),
        (Request.AGAIN, _AGAIN),
    ):
        if pattern.match(words):
            return request
    return None


def without_new_subject(text: str) -> str:
    """ "another thing - what is UNCAC?" asks "what is UNCAC?", on its own: the words that
    say so would only blur it."""
    rest = _NEW_SUBJECT.sub("", text, count=1)
    return rest if rest.strip() and rest != text else text


def depends_on_context(text: str) -> bool:
    """Short, and opening like a continuation, pointing back at something said before, a bare
    question word ("since when?", "who attended?", "at sea too?"), or asking whether something
    is included ("is Pakistan included?")."""
    words = normalize(text).split()
    while len(words) > 1 and words[0] in _INTERJECTIONS:  # "ok so what is the definition then"
        words = words[1:]
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    asking = words[1:2] if words[0] in _BEFORE_QUESTION_WORD else words[:1]
    bare_question = len(words) <= BARE_QUESTION_WORDS and bool(QUESTION_WORDS.intersection(asking))
    return (
        request_of(text) is not None
        or bool(_LEAD.match(" ".join(words)))
        or bool(_REFERS_BACK.intersection(words))
        or bare_question
        or words[-1] in _ALSO
        or bool(_THE_THING.search(" ".join(words)))
        or (len(words) <= INCLUDED_WORDS and asks_if_included(text))
        or (len(words) <= EXAMPLE_WORDS and bool(_EXAMPLE.search(" ".join(words))))
    )


def asks_if_included(text: str) -> bool:
    """ "is india one of them?", "is the UK in it?", "is new zealand one?": whether something
    belongs to what the previous answer lists."""
    return bool(_INCLUDED.search(normalize(text)))


def wants_another(text: str) -> bool:
    """ "and the other protocol?", "and the one on smuggling?": the answer is not the entry
    already given."""
    folded = normalize(text)
    other = bool(_OTHER.intersection(folded.split())) and not _SAME_AGAIN.search(folded)
    return other or bool(_THE_ONE.search(folded))


# the context a reply with the safety note leaves, before the entry it answered, if any: no text
# is kept
SAFETY_CONTEXT = "#safety "


def context_of(entry_id: str | None, *, safety: bool) -> str | None:
    """What a reply leaves to read the chat's next message with: the entry it answered, marked
    when the safety note came first."""
    return f"{SAFETY_CONTEXT}{entry_id or ''}" if safety else entry_id


def read_context(context: str | None) -> tuple[bool, str | None]:
    """Whether the last reply carried the safety note, and the entry it answered."""
    if context is not None and context.startswith(SAFETY_CONTEXT):
        return True, context.removeprefix(SAFETY_CONTEXT) or None
    return False, context


# what to do next, asked right after the safety note: "what should we do?", "where can i go?",
# "who do i call", "please help"
_NEXT_STEP = re.compile(
    r"^(?:(?:and|so|ok|okay|but|then|please|pls) )*(?:what (?:should|can|could|do|must|shall) "
    r"(?:i|we|she|he|they|my \w+) do|what (?:now|next)|what do (?:i|we) do now|where (?:should|can|"
    r"could|do|shall) (?:i|we|she|he|they) go|who (?:should|can|could|do) (?:i|we) (?:call|"
    r"contact|ask|tell)|how (?:can|do|could) (?:i|we) (?:help|get (?:out|away|help)|find (?:her|"
    r"him|them))|(?:please |pls )?help(?: (?:me|us|her|him|them))?(?: please| pls)?$|is (?:there|"
    r"it) (?:anything|something) (?:i|we) can do)\b"
)
NEXT_STEP_WORDS = 10  # a longer message says enough to be read on its own


def asks_next_step(text: str) -> bool:
    """Whether a short message asks what to do now, as one does right after the safety note:
    it is read as part of the plea before it."""
    words = normalize(text)
    return len(words.split()) <= NEXT_STEP_WORDS and bool(_NEXT_STEP.match(words))


class ChatMemory:
    """The context of the last reply per chat key (`context_of`), forgotten after
    `CONTEXT_SECONDS`."""

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
