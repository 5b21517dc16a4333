"""Entry pairs the matcher itself can hardly tell apart: a lint on the knowledge base that needs
the matcher's own scorer, so it lives here and not in `bot.knowledge`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.knowledge import Entry, KnowledgeBase, Problem, Severity
from bot.matching.index import MatchIndex

AMBIGUITY_RATIO = 0.9


@dataclass(frozen=True, slots=True)
class SimilarPair:
    """On a phrasing of `phrased`, the matcher scores `rival` nearly as high as `phrased`."""

    phrased: str
    rival: str
    ratio: float  # the rival's score over the owner's, on that phrasing
    variant: str


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


def ambiguity_warnings(knowledge: KnowledgeBase, ratio: float = AMBIGUITY_RATIO) -> list[Problem]:
    return [
        Problem(
            knowledge.origins[pair.phrased],
            f"questions alike enough to be ambiguous: on '{pair.variant}' the matcher scores "
            f"'{pair.rival}' at {pair.ratio:.0%} of '{pair.phrased}'",
            f"rephrase it, or if reviewed add '{pair.rival}' to distinct_from",
            pair.phrased,
            Severity.WARNING,
        )
        for pair in similar_pairs(knowledge, ratio)
    ]
