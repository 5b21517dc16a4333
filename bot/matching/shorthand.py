"""Chat shorthand spelled out: "wat abt the courts", "n who paid for it?", "y is it so widespread".

People type questions to a bot as they text friends. The words the knowledge base is written in
are matched on their own; a shorthand word is not one of them, and the small words it stands for
("and", "what about", "why") are the very ones that tell a follow-up from a new question. Only
whole words are replaced, and only the ones that mean nothing else in an English question.
"""

from __future__ import annotations

import re

SPELLED_OUT = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "y": "why",
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "wats": "what is",
    "wen": "when",
    "whn": "when",
    "whr": "where",
    "wer": "where",
    "hw": "how",
    "whos": "who is",
    "hows": "how is",
    "wheres": "where is",
    "abt": "about",
    "bout": "about",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "tnx": "thanks",
    "tho": "though",
    "thru": "through",
    "coz": "because",
    "cuz": "because",
    "bcoz": "because",
    "becoz": "because",
    "b4": "before",
    "govt": "government",
    "govts": "governments",
    "ppl": "people",
    "sth": "something",
    "smth": "something",
    "shd": "should",
    "wud": "would",
    "cud": "could",
    "ques": "question",
    "orgs": "organisations",
    "intl": "international",
}
_APOSTROPHES = "'\u2019"  # "rock 'n' roll", "y'all": part of a word, not shorthand
_SHORTHAND = re.compile(
    rf"(?<![\w{_APOSTROPHES}-])("
    + "|".join(sorted(SPELLED_OUT, key=len, reverse=True))
    + rf")(?![\w{_APOSTROPHES}-])",
    re.IGNORECASE,
)


def spelled_out(text: str) -> str:
    """The text with each shorthand word replaced by what it stands for."""
    return _SHORTHAND.sub(lambda found: SPELLED_OUT[found.group(1).casefold()], text)
