"""Contact details, which the knowledge base never holds: "what is the phone number of the UNODC
Bangkok office?" shares the words of the entry on that office, which says what it is and where,
not how to call it. Such a match may be offered as "did you mean", never answered as if it gave
the number.
"""

from __future__ import annotations

import re

from bot.knowledge import normalize

_CONTACT_DETAILS = re.compile(
    r"\b(?:(?:tele)?phone|mobile|cell|contact|fax|whatsapp|hotline|landline) (?:number|no|nos|"
    r"numbers|details|info|information)\b|\be ?mail(?: address(?:es)?)?\b|\b(?:postal|street|"
    r"mailing|office) address\b|\bhow (?:do|can) (?:i|we) (?:call|phone|email|e mail|ring)\b"
)


def asks_for_contact_details(text: str) -> bool:
    return bool(_CONTACT_DETAILS.search(normalize(text)))
