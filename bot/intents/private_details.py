"""Questions about a person's private life: "how old is he?", "is she married?", "what's his
email?". The knowledge base says who wrote and supervised the report and what they work on,
never more; asked after an answer about one of them, such a question shares the person with
that answer and a common word with another entry ("old" with the report's release), so the
matcher would answer it. It is declined instead.

Work is not private: "what's his job title?" and "what is she an expert in?" are answered, and
so is a sentence that asks more ("what happened to her family?" asks about a victim).
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

_PERSON = r"(?:he|she)"
_OWNER = r"(?:his|her)"
_DETAIL = (
    r"(?:age|birthday|date of birth|salary|income|pay|net worth|religion|email|e mail|"
    r"email address|phone|phone number|mobile|mobile number|number|address|home address|"
    r"instagram|facebook|twitter|linkedin|tiktok|social media|wife|husband|partner|kids|"
    r"children|family|height|weight|health)"
)
_ONE = (
    rf"(?:how old (?:is|was) {_PERSON}|(?:is|was) {_PERSON} (?:married|single|alive|rich|"
    rf"religious)|(?:does|did) {_PERSON} have (?:a )?(?:wife|husband|partner|kids|children|"
    rf"family)|where does {_PERSON} live(?: now)?|how much does {_PERSON} (?:earn|make|get paid)|"
    rf"what does {_PERSON} look like|"
    rf"(?:(?:what is|what s|whats|can you give me|can i have|give me|send me|do you have) )?"
    rf"{_OWNER} (?:personal |private |real )?{_DETAIL})"
)
# one such question or several in a row: "is she married, does she have children?"
_PRIVATE_QUESTION = re.compile(rf"^(?:and |so |ok |what about )?{_ONE}(?: (?:and )?{_ONE})*$")
MAX_WORDS = 20  # such a question is short; a longer sentence is about something else too
_SENTENCE_END = re.compile(r"[.!?;\n]+")


def asks_private_details(text: str) -> bool:
    """Whether the message, or one sentence of it, is only such a question: a longer message
    may tell why it asks ("I heard her speak at a webinar. Is she married?")."""
    for sentence in (text, *_SENTENCE_END.split(text)):
        words = normalize(sentence)
        if len(words.split()) <= MAX_WORDS and _PRIVATE_QUESTION.match(words):
            return True
    return False
