"""Warnings that do not block loading but make reading or matching worse."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import bot.knowledge.answer_markup as answer_markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry
from bot.knowledge.normalize import normalize
from bot.knowledge.problems import Problem, Severity

MIN_ALTERNATES = 5
LONG_ANSWER_CHARS = 1000

# Words that carry no meaning of their own in a question; alternates differing only by these
# are one template filled twice, which teaches the matcher nothing new.
FILLER_WORDS = frozenset(
    {
        *("a", "about", "an", "and", "are", "can", "could", "define", "describe", "did", "do"),
        *("does", "explain", "give", "i", "info", "information", "is", "it", "me", "more"),
        *("of", "on", "please", "s", "show", "tell", "the", "to", "what", "whats", "which"),
        *("who", "you", "your"),
    }
)


def lint(knowledge: KnowledgeBase) -> list[Problem]:
    """Every data rule: the required ones as errors, the advice as warnings.
    `bot.matching.ambiguity` adds the pairs the matcher confuses."""
    return required_rules(knowledge) + advice(knowledge)


def required_rules(knowledge: KnowledgeBase) -> list[Problem]:
    """What a shipped entry must have (`validate` and the test suite enforce it): enough
    distinct phrasings to learn from, and related entries to offer next."""
    return [p for entry in knowledge.entries for p in _required(knowledge, entry)]


def advice(knowledge: KnowledgeBase) -> list[Problem]:
    return [p for entry in knowledge.entries for p in _advice(knowledge, entry)]


def _required(knowledge: KnowledgeBase, entry: Entry) -> Iterator[Problem]:
    where = knowledge.origins[entry.id]

    def warn(message: str, hint: str) -> Problem:
        return Problem(where, message, hint, entry.id, Severity.ERROR)

    if len(entry.alternates) < MIN_ALTERNATES:
        yield warn(
            f"only {len(entry.alternates)} alternates",
            f"add phrasings until there are at least {MIN_ALTERNATES}",
        )
    for first, second in template_pairs(entry.alternates):
        yield warn(
            f"alternates '{first}' and '{second}' differ only by filler words",
            "replace one with a phrasing that uses other words or another word order",
        )
    if not entry.related:
        yield warn("no related entries", "add 2 to 4 ids people may ask about next")


def _advice(knowledge: KnowledgeBase, entry: Entry) -> Iterator[Problem]:
    where = knowledge.origins[entry.id]

    def warn(message: str, hint: str) -> Problem:
        return Problem(where, message, hint, entry.id, Severity.WARNING)

    if not entry.links:
        yield warn("no links", "add an official page where users can read more")
    length = len(answer_markup.to_plain(entry.answer))
    if length > LONG_ANSWER_CHARS:
        yield warn(
            f"answer is {length} characters long",
            f"keep it under {LONG_ANSWER_CHARS} so it fits a phone screen",
        )
    if where.file.stem != entry.topic:
        yield warn(
            f"topic '{entry.topic}' is kept in {where.file.name}",
            f"move the entry to entries/{entry.topic}.yaml",
        )
    missing = sorted(code for code, found in knowledge.phrasings.items() if entry.id not in found)
    if missing:
        yield warn(
            f"no phrasings in {', '.join(missing)}: questions in those languages cannot find it",
            f"add at least 3 to phrasings/<code>.yaml for each ({', '.join(missing)})",
        )


def template_pairs(alternates: list[str]) -> list[tuple[str, str]]:
    """Alternates with the same meaningful words that differ only by filler words."""
    word_sets = [set(normalize(text).split()) for text in alternates]
    pairs = []
    for (i, first), (j, second) in combinations(enumerate(word_sets), 2):
        content = first - FILLER_WORDS
        if content and content == second - FILLER_WORDS and first != second:
            pairs.append((alternates[i], alternates[j]))
    return pairs
