"""The people each answer names, for follow-ups that ask who: "who said that?" after a finding
is asked about the person the finding quotes.

An entry is about a person when its main question asks "Who is <name>?" (the knowledge base's
convention for people); an answer names that person when the name appears in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.knowledge import KnowledgeBase

_WHO_IS = re.compile(r"^Who (?:is|was) (?P<name>[^?]+?)(?: and .*)?\?$")


def people_named(knowledge: KnowledgeBase) -> Mapping[str, tuple[str, ...]]:
    """Per entry, the entries of the people its answer names (not itself)."""
    people = {
        entry.id: found["name"].casefold()
        for entry in knowledge.entries
        if (found := _WHO_IS.match(entry.question)) is not None
    }
    return {
        entry.id: named
        for entry in knowledge.entries
        if (
            named := tuple(
                person
                for person, name in people.items()
                if person != entry.id and name in entry.answer.casefold()
            )
        )
    }
