"""Questions about a person's private life: "how old is he?", "is she married?", "what's his
email?". The knowledge base says who wrote and supervised the report and what they work on,
never more; asked after an answer about one of them, such a question shares the person with
that answer and a common word with another entry ("old" with the report's release), so the
matcher would answer it. It is declined instead.

Work is not private: "what's his job title?" and "what is she an expert in?" are answered, and
so is any longer message ("what happened to her family?" asks about a victim).
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
_PRIVATE_QUESTION = re.compile(
    rf"^(?:and |so |ok |what about )?(?:"
    rf"how old (?:is|was) {_PERSON}|(?:is|was) {_PERSON} (?:married|single|alive|rich|religious)|"
    rf"(?:does|did) {_PERSON} have (?:a )?(?:wife|husband|partner|kids|children|family)|"
    rf"where does {_PERSON} live(?: now)?|how much does {_PERSON} (?:earn|make|get paid)|"
    rf"what does {_PERSON} look like|"
    rf"(?:(?:what is|what s|whats|can you give me|can i have|give me|send me|do you have) )?"
    rf"{_OWNER} (?:personal |private |real )?{_DETAIL})$"
)
MAX_WORDS = 10  # such a question is short; a longer message is about something else too


def asks_private_details(text: str) -> bool:
    words = normalize(text)
    return len(words.split()) <= MAX_WORDS and bool(_PRIVATE_QUESTION.match(words))
