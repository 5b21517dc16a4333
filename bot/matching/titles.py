"""Titles and subjects the knowledge base never uses. "How many pages does the World Drug
Report have?" asks about another report, however well "pages" and "report" match the entry on
this one's structure; "is the Trafficking Victims Protection Act part of this?" about another
law, and "the report on wildlife trafficking" about another report. Such a match may be offered
as "did you mean", never answered as if it were sure.

A title is one or more capitalised words before the kind of document it names ("Report",
"Convention", "Act", ...); the known ones are those the entries' phrasings and the glossary
use (the acronyms' sources), compared in lower case: "the smuggling protocol" is known however
it is typed. A subject is the word after "report on" (or "study about", ...), and a name the
word before a treaty's or a meeting's kind typed in lower case ("the rabat process"): known
when the vocabulary has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.knowledge import normalize

_KINDS = (
    r"Report|Act|Convention|Protocol|Declaration|Plan|Strategy|Index|Treaty|Charter|Agreement|"
    r"Framework|Initiative|Programme|Program|Guidelines|Principles|Law|Code|Compact|Directive|"
    # and of a meeting or a body: "the Colombo Process", "the 2023 ASEAN Summit"
    r"Process|Summit|Conference|Forum|Roundtable|Commission|Council"
)
# capitalised words, with the small words a title may hold between them, before its kind
_TITLE = re.compile(rf"((?:[A-Z][\w\u2019'-]* (?:(?:of|on|for|against|in) )*)+)({_KINDS})\b")
_LOWER_CASE = re.compile(r"[a-z]")
# capitalised only because a sentence or a question starts with them, or naming no one thing
_NOT_NAMES = frozenset(
    "a an the this that these those its their our your my his her which what who whose when "
    "where why how is are was were does do did can could should would will has have and or but "
    "so if in on of for to by with about from new latest last first recent whole full "
    # what a question may start with: "Explain ASEAN Convention", "Under UNTOC Protocol"
    "entire explain define describe tell show give list name compare summarise summarize "
    "please under per according into between versus vs".split()
)


def titles_in(text: str) -> set[str]:
    """The titles in a text, in normalised lower case ("world drug report"); none in a text
    typed in capitals throughout, where capitals tell nothing."""
    if not _LOWER_CASE.search(text):
        return set()
    found = set()
    for match in _TITLE.finditer(text):
        words = normalize(match[1]).split()
        while words and (words[0] in _NOT_NAMES or len(words[0]) == 1):  # "what's": "what s"
            words.pop(0)
        if words:
            found.add(" ".join([*words, match[2].lower()]))
    return found


def known_text(texts: Iterable[str]) -> str:
    """The texts whose titles are known, as one normalised text to look them up in."""
    return "\n".join(f" {normalize(text)} " for text in texts)


def unknown_titles(text: str, known: str) -> set[str]:
    """The titles of the text that `known` (from `known_text`) never uses."""
    return {title for title in titles_in(text) if f" {title} " not in known}


# a document on a subject the knowledge base never names: "the UNODC report on wildlife
# trafficking" is another report, whatever "UNODC", "report" and "trafficking" match
_ON_SUBJECT = re.compile(
    r"\b(?:report|study|paper|research|publication|survey|book|article)s? "
    r"(?:on|about|into|regarding) (?:the |a |an )?([a-z]+)"
)


# a body the knowledge base never names, asked about as one: "how many members does interpol
# have?", "the member states of the OSCE"
_OF_A_BODY = re.compile(
    r"\b(?:does|do|did) ([a-z]+) have (?:\w+ )?(?:members?|member (?:countries|states)|"
    r"offices?|staff|headquarters|budget|mandate)\b"
    r"|\bhow many (?:members?|member (?:countries|states)) (?:does|do|did) ([a-z]+) have\b"
    r"|\b(?:members?|membership|member (?:countries|states)) of (?:the )?([a-z]+)\b"
)


# a treaty, process or meeting named by a word before its kind, as typed in lower case, where no
# capital tells a title: "the rabat process", "the merida convention"
_NAMED_BEFORE_KIND = re.compile(
    r"\b([a-z]+) (?:acts?|conventions?|protocols?|directives?|process|treaty|treaties|charter|"
    r"declarations?|summits?|compacts?)\b"
)


def unknown_subjects(text: str, knows: Callable[[str], bool]) -> set[str]:
    """The words naming what a document the text asks about is on, or a body it asks about as
    one, where `knows` (the vocabulary, typos forgiven) knows none of them."""
    words = normalize(text)
    on = {found[1] for found in _ON_SUBJECT.finditer(words)}
    bodies = {name for found in _OF_A_BODY.finditer(words) for name in found.groups() if name}
    return {word for word in on | bodies if not knows(word)}


def unknown_names(text: str, knows: Callable[[str], bool]) -> set[str]:
    """The names before a treaty's or a meeting's kind that `knows` does not know, in an English
    text (in another language the word before "Protocol" is as often "ng" or "mga")."""
    words = normalize(text)
    return {found[1] for found in _NAMED_BEFORE_KIND.finditer(words) if not knows(found[1])}
