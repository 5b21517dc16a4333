"""A yes-or-no question about a message, learnt from examples: is this person in danger, is
this a question about the asker's own legal case.

A logistic regression over stemmed words, word pairs, the cue families of `bot.intents.cues`
and pairs of cues ("first person" with "documents held"), trained at start-up on the knowledge
base's own examples (`knowledge/safety.yaml`) and, as negatives, on every phrasing the entries
answer. It never sees an evaluation question; its threshold is read off the tuning part of
the evaluation sets.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from itertools import combinations, pairwise

import numpy as np
import snowballstemmer

from bot.intents.cues import cues, is_statement
from bot.knowledge import normalize
from bot.matching import SparseRows, minimize

PENALTY = 1.0  # L2 strength on the (class-balanced) summed loss
MAX_STEPS = 60
MIN_EXAMPLES = 2  # examples a feature must occur in to be learnt
CUE_VALUE = 3.0

_stemmer = snowballstemmer.stemmer("english")


def features(text: str) -> set[str]:
    words = normalize(text).split()
    stems = _stemmer.stemWords(words)
    found = cues(" ".join(words))
    if is_statement(text):
        found.append("statement")
    return {
        *(f"w:{stem}" for stem in stems),
        *(f"b:{first}_{second}" for first, second in pairwise(stems)),
        *(f"c:{cue}" for cue in found),
        *(f"c:{first}+{second}" for first, second in combinations(sorted(found), 2)),
    }


# A text's features as their hashes and each one's value: what training needs of them. The
# feature strings of a thousand examples, kept together, took 18 MB while training.
Hashed = tuple[np.ndarray, np.ndarray]


def hashed(make: Callable[[str], Collection[str]] = features) -> Callable[[str], Hashed]:
    """`make` (`features` by default), as hashes and values, made anew for each text."""

    def featurize(text: str) -> Hashed:
        found = make(text)
        hashes = np.fromiter((hash(f) for f in found), dtype=np.int64, count=len(found))
        values = np.fromiter((_value(f) for f in found), dtype=np.float64, count=len(found))
        return hashes, values

    return featurize


def shared_features(make: Callable[[str], Collection[str]] = features) -> Callable[[str], Hashed]:
    """`hashed(make)`, remembered per text: for detectors that learn from the same examples
    (`bot.intents.reading.Reader`), so that each is featurised once."""
    return cache(hashed(make))


def _value(feature: str) -> float:
    """Cues stand for many wordings each: they count more than one word does."""
    return CUE_VALUE if feature.startswith("c:") else 1.0


class Detector:
    """Read-only after training: safe to share between concurrent replies."""

    def __init__(
        self,
        positives: Sequence[str],
        negatives: Sequence[str],
        featurize: Callable[[str], Hashed] | None = None,
        *,
        read: Callable[[str], Collection[str]] = features,
    ) -> None:
        """`read` makes the features of a message to judge; `featurize` those of an example
        (`hashed(read)` by default), or `shared_features()` when several detectors learn from
        the same examples."""
        self._read = read
        featurize = featurize or hashed(read)
        rows = [featurize(text) for text in (*positives, *negatives)]
        every = np.concatenate([hashes for hashes, _ in rows]) if rows else np.empty(0, np.int64)
        found, counts = np.unique(every, return_counts=True)
        del every
        # a feature seen once teaches nothing beyond its one example, and costs training time
        kept = found[counts >= MIN_EXAMPLES]
        del found, counts
        labels = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
        weights = np.ones(len(rows))
        matrix, values = _matrix(rows, kept)
        coefficients, self._intercept = _train(matrix, labels, weights)
        # Kept as each feature's hash and weight (its value folded in), sorted by hash
        self._hashes = kept
        self._weights = coefficients * values

    def probability(self, text: str) -> float:
        found = list(self._read(text))
        hashes = np.fromiter((hash(f) for f in found), dtype=np.int64, count=len(found))
        z = self._intercept
        if len(self._hashes) and len(hashes):
            where = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
            seen = self._hashes[where] == hashes
            z += float(self._weights[where[seen]].sum())
        return float(1.0 / (1.0 + np.exp(-z))) if z >= 0 else float(np.exp(z) / (1.0 + np.exp(z)))


def _matrix(rows: list[Hashed], kept: np.ndarray) -> tuple[SparseRows, np.ndarray]:
    """One row per example, of its features that were kept (`kept`: sorted hashes), and each
    kept feature's value. Empties `rows`: an example's arrays go once read, unless a cache
    (`shared_features`) keeps them."""
    count = len(rows)
    columns: list[np.ndarray] = [np.empty(0, np.int64)]
    data: list[np.ndarray] = [np.empty(0, np.float64)]
    sizes = np.zeros(count, dtype=np.int64)
    values = np.ones(len(kept))
    for row in reversed(range(count)):
        hashes, row_values = rows.pop()
        where = np.minimum(np.searchsorted(kept, hashes), max(len(kept) - 1, 0))
        known = kept[where] == hashes if len(kept) else np.zeros(len(hashes), np.bool_)
        columns.append(where[known])
        data.append(row_values[known])
        sizes[row] = len(columns[-1])
        values[where[known]] = row_values[known]
    terms = np.concatenate(columns[::-1]), np.concatenate(data[::-1])
    del columns, data  # only the joined terms from here: they are the largest arrays
    row_ids = np.repeat(np.arange(count), sizes)
    return SparseRows(row_ids, *terms, (count, len(kept))), values


def _train(matrix: SparseRows, labels: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, float]:
    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        coefficients, intercept = flat[:-1], flat[-1]
        z = matrix.dot(coefficients) + intercept
        # log(1 + e^z) without overflow, and the logistic function likewise
        log_partition = np.logaddexp(0.0, z)
        probability = np.exp(z - log_partition)
        value = float((weights * (log_partition - labels * z)).sum())
        value += 0.5 * PENALTY * float(coefficients @ coefficients)
        error = weights * (probability - labels)
        gradient = np.r_[matrix.transposed_dot(error) + PENALTY * coefficients, error.sum()]
        return value, gradient

    start = np.zeros(matrix.shape[1] + 1)
    found = minimize(loss, start, MAX_STEPS)
    return found[:-1], float(found[-1])
