"""Questions about what has not happened yet: "when is the next ministerial conference?", "when
will UNODC publish its next report?", "do you think governments will follow them?". The
knowledge base records what happened, dated, so the entry that shares their words (the past
conferences, the report's release) answers another question: it is offered as "did you mean",
never given as the answer."""

from __future__ import annotations

import re

from bot.knowledge import normalize

_EVENT = (
    r"(?:meeting|conference|ministerial|report|edition|study|roundtable|session|summit|"
    r"publication|update|version|round|workshop|forum|dialogue)s?"
)
_FUTURE = re.compile(
    r"\bwhen (?:is|are|s|will|would|does|do) (?:\w+ ){0,6}?(?:next|upcoming|coming|future)\b|"
    r"\bwhen will\b|\bwill there be\b|"
    rf"\b(?:where|what date|which date|is there an?|are there) (?:\w+ ){{0,4}}?"
    rf"(?:next|upcoming|forthcoming|future) (?:\w+ )?{_EVENT}\b|"
    r"\b(?:will|going to) be (?:held|published|released|launched|updated|hosted)\b|"
    r"\bwill (?:\w+ ){1,3}?(?:hold|host|organi[sz]e|publish|release|launch|speak|attend|"
    r"discuss|meet|take place)\b|"
    r"\bwill the (?:next|upcoming)\b|"
    r"\b(?:planned|scheduled|upcoming|forthcoming)\b|\bnext (?:year|month|week)\b|"
    # a prediction asked for: "do you think governments will actually follow them?"
    r"\b(?:do|would) (?:you|u) (?:think|believe|reckon|expect|guess) (?:that )?(?:\w+ ){0,4}?"
    r"(?:will|going to)\b"
)


def asks_about_future(text: str) -> bool:
    return bool(_FUTURE.search(normalize(text)))
