"""Acronyms the knowledge base never uses. "What agency is WHO?" asks about an organisation it
does not cover, however well "agency" matches one it does; such a match may be offered as "did
you mean", never answered as if it were sure.

The known ones are every acronym in the entries' phrasings, in English and the region's
languages, and the glossary: one that only an answer names is no entry's subject. In a message
typed in capitals throughout ("SYSTEMIC CORRUPTION"), a word of the knowledge base's vocabulary
is a word, not a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# two to ten capitals or digits, not inside a longer word of Latin letters or digits
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,9}(?![A-Za-z0-9])")
_LOWER_CASE = re.compile(r"[a-z]")
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")  # "Chapter IV"
# chat shorthand that names nothing
_SHORTHAND = frozenset("OK OKAY PLS PLZ ASAP FYI BTW TIA THX LOL OMG IMO AKA".split())


def acronyms_in(text: str) -> set[str]:
    return set(_ACRONYM.findall(text))


def known_acronyms(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(found for text in texts for found in acronyms_in(text))


def unknown_acronyms(text: str, known: frozenset[str], is_word: Callable[[str], bool]) -> set[str]:
    """The acronyms of the text that are not in `known` and name something; `is_word` tells
    the vocabulary's words (in lower case) apart when the whole text is in capitals."""
    shouted = not _LOWER_CASE.search(text)
    return {
        found
        for found in acronyms_in(text) - known
        if found not in _SHORTHAND
        and not _ROMAN_NUMERAL.fullmatch(found)
        and not (shouted and is_word(found.lower()))
    }
