"""Messages that are not questions about the report: small talk, and people who may be in danger.

These are recognised before matching, so a greeting gets a greeting and not a fuzzy guess, and
someone who writes "they took my passport" is told plainly where to turn instead of being handed
an entry about fraudulent documents.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.knowledge import normalize


class Intent(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    CAPABILITIES = "capabilities"
    DANGER = "danger"


_GREETING = re.compile(
    r"^(?:hi|hii+|hello|hey|heya|hiya|yo|greetings|good (?:morning|afternoon|evening|day)|"
    r"salam|hallo|howdy)(?: there| bot| everyone| all)?$"
)
_THANKS = re.compile(
    r"^(?:(?:ok(?:ay)? )?(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|ty|cheers|"
    r"(?:that s |that was )?(?:great|helpful|very helpful|perfect|awesome|nice)(?: thanks?)?)"
    r"(?: a lot| bot)?)$"
)
_CAPABILITIES = re.compile(
    r"^(?:what can you do|what do you do|what do you know|who are you|what are you|"
    r"how do(?:es)? (?:this|it|you) work|what can i ask(?: you)?|help|menu|"
    r"what (?:kind of |sort of )?questions can i ask|how can you help(?: me)?)$"
)
# First person, then something being done to them or a wish to report: a person, not a topic.
_DANGER = re.compile(
    r"\b(?:i|i m|im|me|my|we|we re|our|us)\b.{0,40}?\b(?:"
    r"forced|being forced|made to work|trapped|locked|held|holds|holding|kept|keeps|keeping|"
    r"beaten|beat|hit|hurt|threaten\w*|"
    r"kidnap\w*|abduct\w*|sold|trafficked|can t leave|cannot leave|not allowed to leave|"
    r"won t let|took|taken|confiscat\w*|stole|stolen|in danger|unsafe|scared|afraid|escape|"
    r"not paid|unpaid|debt|emergency|"
    r"report(?:ing)? (?:a |an |this |that |my |the )?(?:corrupt\w* |suspected )?(?:crime|case|"
    r"trafficker|smuggler|official|officer|police\w*|border guard|bribe\w*|corruption|abuse|"
    r"trafficking|smuggling))\b"
)
_DANGER_ALONE = re.compile(r"^(?:help me|please help(?: me)?|sos|emergency|i need help)$")


_OPENING = re.compile(
    r"^\s*(?:hi|hello|hey|dear bot|good (?:morning|afternoon|evening))\b[\s,.!:;-]*", re.IGNORECASE
)


def without_greeting(text: str) -> str:
    """ "Hello, who wrote the report?" is a question: drop the greeting before matching it."""
    rest = _OPENING.sub("", text, count=1)
    return rest if rest.strip() else text


def classify(text: str) -> Intent | None:
    """The intent of a message that should not be matched, or None for a question."""
    words = normalize(text)
    if not words:
        return None
    if _DANGER_ALONE.match(words) or _DANGER.search(words):
        return Intent.DANGER
    if _GREETING.match(words):
        return Intent.GREETING
    if _THANKS.match(words):
        return Intent.THANKS
    if _CAPABILITIES.match(words):
        return Intent.CAPABILITIES
    return None
