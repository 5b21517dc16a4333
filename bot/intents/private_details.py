"""Questions about a person's private life: "how old is he?", "is she married?", "what's his
email?", "where does Joseph Lelliott live?". The knowledge base says who wrote and supervised the
report and what they work on, never more. Asked after an answer about one of them, such a
question shares the person with that answer and a common word with another entry ("old" with
the report's release), so the matcher would answer it; asked with the person's name, it would
get the person's profile, as if that answered it. It is declined instead.

Work is not private: "what's his job title?" and "what is she an expert in?" are answered, and
so is a sentence that asks more ("what happened to her family?" asks about a victim).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from bot.knowledge import normalize

_TITLES = ("dr", "doctor", "professor", "prof", "mr", "ms", "mrs")
_DETAIL = (
    r"(?:age|birthday|date of birth|salary|income|pay|net worth|religion|email|e mail|"
    r"email address|e mail address|phone|phone number|mobile|mobile number|number|address|"
    r"instagram|facebook|twitter|linkedin|tiktok|social media|wife|husband|partner|kids|"
    r"children|family|height|weight|health|nationality|citizenship|ethnicity|hometown|home town|"
    r"birthplace|place of birth)"
)
# several at once: "hometown and family", "age, salary and email"
_DETAILS = rf"{_DETAIL}(?:(?:,| and|, and) {_DETAIL})*"
# asked of one person ("is she married?") or of several ("are they married?"): {be} and {do}
# are the verb's forms for them
_ONE = (
    r"(?:how old {be} {person}|{be} {person} (?:married|single|alive|rich|religious)|"
    r"{do} {person} have (?:a )?(?:wife|husband|partner|kids|children|family)|"
    r"where {do} {person} live(?: now)?|how much {do} {person} (?:earn|make|get paid)|"
    r"what {do} {person} look like|(?:which|what) (?:high |primary |secondary )?(?:school|"
    r"university|college) did {person} (?:go to|attend|graduate from)|where did {person} "
    r"(?:go to|attend) (?:high |primary |secondary |elementary )?(?:school|university|college|"
    r"uni)|"
    r"(?:(?:what is|what s|whats|what are|can you give me|can i have|give me|send me|do you "
    r"have) )?"
    r"(?:the )?(?:{owner} (?:personal |private |real |home |work |office )?" + _DETAILS + "|"
    r"(?:personal |private |home )?" + _DETAILS + " of {person}|"
    # typed as keywords: "joseph lelliott hometown and family"
    r"{person} " + _DETAILS + "))"
)
_ONE_OF_THEM = {"person": "they", "owner": "their", "be": "(?:are|were)", "do": "(?:do|did)"}
MAX_WORDS = 20  # such a question is short; a longer sentence is about something else too
_SENTENCE_END = re.compile(r"[.!?;\n]+")


def asks_private_details(text: str, names: Collection[str] = ()) -> bool:
    """Whether the message, or one sentence of it, is only such a question: a longer message
    may tell why it asks ("I heard her speak at a webinar. Is she married?"). `names`: the
    people the knowledge base is about, as `normalize` folds them ("joseph lelliott")."""
    pattern = _private_question(tuple(sorted(names)))
    for sentence in (text, *_SENTENCE_END.split(text)):
        words = normalize(sentence)
        if len(words.split()) <= MAX_WORDS and pattern.match(words):
            return True
    return False


@cache
def _private_question(names: tuple[str, ...]) -> re.Pattern[str]:
    """One such question or several in a row: "is she married, does she have children?"."""
    called = sorted({form for name in names for form in _forms(name)}, key=len, reverse=True)
    person = "(?:" + "|".join(["he", "she", *map(re.escape, called)]) + ")"
    owner = "(?:" + "|".join(["his", "her", *(f"{re.escape(n)} s" for n in called)]) + ")"
    one = "|".join(
        [
            _ONE.format(person=person, owner=owner, be="(?:is|was)", do="(?:does|did)"),
            _ONE.format(**_ONE_OF_THEM),
        ]
    )
    one = f"(?:{one})"
    # where it is asked about: "what is his salary at the UN?"
    where = r"(?: (?:at|in|from|with) (?:the )?\w+)?"
    return re.compile(
        rf"^(?:and |so |ok |what about )?{one}(?: (?:and )?{one})*{where}(?: please| pls)?$"
    )


def _forms(name: str) -> list[str]:
    """ "andreas schloenhardt", "schloenhardt", "professor schloenhardt"..."""
    surname = name.split()[-1]
    return [name, surname, *(f"{title} {form}" for title in _TITLES for form in (name, surname))]
