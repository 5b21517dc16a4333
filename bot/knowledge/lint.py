"""Warnings that do not block loading but make matching or reading worse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from bot import markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry
from bot.knowledge.problems import Problem, Severity
from bot.matching.index import MatchIndex
from bot.text import normalize

MIN_ALTERNATES = 5
LONG_ANSWER_CHARS = 1000
AMBIGUITY_RATIO = 0.9

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
    """On a phrasing of `phrased`, the matcher scores `rival` nearly as high as `phrased`."""

    phrased: str
    rival: str
    ratio: float  # the rival's score over the owner's, on that phrasing
    variant: str


def lint(knowledge: KnowledgeBase, similarity: float = AMBIGUITY_RATIO) -> list[Problem]:
    warnings = [w for entry in knowledge.entries for w in _entry_warnings(knowledge, entry)]
    for pair in similar_pairs(knowledge, similarity):
        warnings.append(
            Problem(
                knowledge.origins[pair.phrased],
                f"questions alike enough to be ambiguous: on '{pair.variant}' the matcher scores "
                f"'{pair.rival}' at {pair.ratio:.0%} of '{pair.phrased}'",
                f"rephrase it, or if reviewed add '{pair.rival}' to distinct_from",
                pair.phrased,
                Severity.WARNING,
            )
        )
    return warnings


def similar_pairs(knowledge: KnowledgeBase, ratio: float) -> list[SimilarPair]:
    """Entry pairs the matcher itself can hardly tell apart, unless reviewed as distinct: every
    phrasing is matched, and a rival scoring at least `ratio` of its owner is reported.
    Lexical signals only: the classifier has learnt every phrasing's owner."""
    index = MatchIndex(knowledge, learn=False)
    best: dict[tuple[str, str], SimilarPair] = {}
    for position, entry in enumerate(knowledge.entries):
        for variant in entry.variants:
            scores = index.entry_scores(index.analyse(variant))
            own = float(scores[position])
            if own <= 0:
                continue
            for rival_position in np.flatnonzero(scores >= own * ratio).tolist():
                rival = knowledge.entries[rival_position]
                if rival.id == entry.id or _reviewed(entry, rival):
                    continue
                found = SimilarPair(
                    entry.id, rival.id, float(scores[rival_position]) / own, variant
                )
                key = (min(entry.id, rival.id), max(entry.id, rival.id))
                if key not in best or found.ratio > best[key].ratio:
                    best[key] = found
    return sorted(best.values(), key=lambda pair: (-pair.ratio, pair.phrased, pair.rival))


def _reviewed(first: Entry, second: Entry) -> bool:
    return first.id in second.distinct_from or second.id in first.distinct_from


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
