"""Questions that ask for the bot's own opinion: "which recommendation is the most important in
your opinion?", "which country do you personally think is the most corrupt?". The bot has none:
it says what its sources say. When the matcher is not sure of an answer, the entries it would
offer share only the topic's words, and "did you mean" reads as if one of them held the opinion;
such a question is declined instead. One the matcher answers surely keeps its answer: "why is
the report significant, in your opinion?" is answered with what the sources say.
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

_OPINION = re.compile(
    r"\b(?:in your (?:own |personal |honest )?(?:opinion|view)|your (?:own |personal |honest )?"
    r"(?:opinion|view|take) on|what (?:do|would) (?:you|u) (?:personally )?(?:think|say|"
    r"recommend)|(?:do|would) (?:you|u) personally|(?:you|u) personally (?:think|believe|"
    r"feel)|if you had to (?:choose|pick|guess)|(?:which|what)(?: \w+){0,2} (?:do|would) (?:you|u) "
    r"(?:pick|choose|prefer))\b"
)


def asks_opinion(text: str) -> bool:
    return bool(_OPINION.search(normalize(text)))
