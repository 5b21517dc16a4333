"""The people of the knowledge base, for follow-ups: "who said that?" after a finding is asked
about the person the finding quotes, and "and Miller?" after an approach she proposed about
her.

An entry is about a person when its main question asks "Who is <name>?" (the knowledge base's
convention for people); an answer names that person when the name appears in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.knowledge import KnowledgeBase, normalize

_WHO_IS = re.compile(r"^Who (?:is|was) (?P<name>[^?]+?)(?: and .*)?\?$")


def people(knowledge: KnowledgeBase) -> Mapping[str, str]:
    """The entries about a person, with the person's name as `normalize` folds it."""
    return {
        entry.id: normalize(found["name"])
        for entry in knowledge.entries
        if (found := _WHO_IS.match(entry.question)) is not None
    }


def people_named(knowledge: KnowledgeBase) -> Mapping[str, tuple[str, ...]]:
    """Per entry, the entries of the people its answer names (not itself)."""
    names = people(knowledge)
    return {
        entry.id: named
        for entry in knowledge.entries
        if (
            named := tuple(
                person
                for person, name in names.items()
                if person != entry.id and name in normalize(entry.answer)
            )
        )
    }


def people_in(text: str, names: Mapping[str, str]) -> tuple[str, ...]:
    """The people a message names by their full name or surname: "and Miller?"."""
    words = normalize(text).split()
    folded = " ".join(words)
    return tuple(
        person for person, name in names.items() if name in folded or name.split()[-1] in words
    )
