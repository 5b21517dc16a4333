"""Warnings that do not block loading but make matching or reading worse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from bot import markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry
from bot.knowledge.problems import Problem, Severity
from bot.text import normalize

MIN_ALTERNATES = 5
LONG_ANSWER_CHARS = 1000
SIMILAR_QUESTIONS_SCORE = 85.0

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


@dataclass(frozen=True, slots=True)
class SimilarPair:
    first: str
    second: str
    score: float
    first_variant: str
    second_variant: str


def lint(knowledge: KnowledgeBase, similarity: float = SIMILAR_QUESTIONS_SCORE) -> list[Problem]:
    warnings = [w for entry in knowledge.entries for w in _entry_warnings(knowledge, entry)]
    for pair in similar_pairs(knowledge, similarity):
        warnings.append(
            Problem(
                knowledge.origins[pair.second],
                f"questions alike enough to be ambiguous: '{pair.first}' and '{pair.second}' "
                f"score {pair.score:.0f} ('{pair.first_variant}' ~ '{pair.second_variant}')",
                f"rephrase one, or if reviewed add '{pair.first}' to distinct_from",
                pair.second,
                Severity.WARNING,
            )
        )
    return warnings


def similar_pairs(knowledge: KnowledgeBase, threshold: float) -> list[SimilarPair]:
    """Pairs of entries whose closest phrasings score at least `threshold`, unless reviewed."""
    texts: list[str] = []
    owners: list[int] = []
    for index, entry in enumerate(knowledge.entries):
        for variant in entry.variants:
            texts.append(normalize(variant))
            owners.append(index)
    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, workers=-1)
    owner = np.asarray(owners)
    scores[owner[:, None] == owner[None, :]] = 0  # an entry is not ambiguous with itself
    best: dict[tuple[int, int], SimilarPair] = {}
    for row, column in zip(*np.nonzero(scores >= threshold), strict=True):
        a, b = sorted((owners[row], owners[column]))
        first, second = knowledge.entries[a], knowledge.entries[b]
        if first.id in second.distinct_from or second.id in first.distinct_from:
            continue
        score = float(scores[row, column])
        if (a, b) not in best or score > best[(a, b)].score:
            left, right = (row, column) if owners[row] == a else (column, row)
            best[(a, b)] = SimilarPair(first.id, second.id, score, texts[left], texts[right])
    return sorted(best.values(), key=lambda pair: (-pair.score, pair.first, pair.second))


def _entry_warnings(knowledge: KnowledgeBase, entry: Entry) -> Iterator[Problem]:
    where = knowledge.origins[entry.id]

    def warn(message: str, hint: str) -> Problem:
        return Problem(where, message, hint, entry.id, Severity.WARNING)

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
    if not entry.links:
        yield warn("no links", "add an official page where users can read more")
    length = len(markup.to_plain(entry.answer))
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


def template_pairs(alternates: list[str]) -> list[tuple[str, str]]:
    """Alternates with the same meaningful words that differ only by filler words."""
    word_sets = [set(normalize(text).split()) for text in alternates]
    pairs = []
    for (i, first), (j, second) in combinations(enumerate(word_sets), 2):
        content = first - FILLER_WORDS
        if content and content == second - FILLER_WORDS and first != second:
            pairs.append((alternates[i], alternates[j]))
    return pairs
