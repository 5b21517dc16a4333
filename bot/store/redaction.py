"""Identifiers people type into questions, masked before a question is kept.

A question is kept so that maintainers can see what people asked; an e-mail address, a
@username, a phone or passport number in it says who asked, not what, so it is replaced by a
placeholder.
"""

from __future__ import annotations

import re

_IDENTIFIERS = (  # in this order: a link may hold an address, a document number digits
    (re.compile(r"https?://\S+"), "[link]"),
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "[email]"),
    (re.compile(r"(?<!\w)@\w{3,}"), "[username]"),
    # passport, phone and account numbers: six or more digits, spaces and dashes allowed
    (re.compile(r"\b[A-Za-z]{1,2}\d{6,9}\b"), "[number]"),
    (re.compile(r"\+?\d(?:[\s-]?\d){5,}"), "[number]"),
)


def redacted(text: str) -> str:
    for pattern, placeholder in _IDENTIFIERS:
        text = pattern.sub(placeholder, text)
    return text
