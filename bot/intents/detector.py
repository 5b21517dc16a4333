"""A yes-or-no question about a message, learnt from examples: is this person in danger, is
this a question about the asker's own legal case.

A logistic regression over stemmed words, word pairs, the cue families of `bot.intents.cues`
and pairs of cues ("first person" with "documents held"), trained at start-up on the knowledge
base's own examples (`knowledge/safety.yaml`) and, as negatives, on every phrasing the entries
answer. It never sees an evaluation question; its threshold is read off the tuning part of
the evaluation sets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import cache
from itertools import combinations, pairwise

import numpy as np
import snowballstemmer

from bot.intents.cues import cues
from bot.knowledge import normalize
from bot.matching import SparseRows, minimize

PENALTY = 1.0  # L2 strength on the (class-balanced) summed loss
MAX_STEPS = 60
MIN_EXAMPLES = 2  # examples a feature must occur in to be learnt
CUE_VALUE = 3.0

_stemmer = snowballstemmer.stemmer("english")


_QUESTION_START = frozenset(
    "what how why when where who whom whose which is are does do did can could should would "
    "will was were has have tell explain define describe list give compare".split()
)


def features(text: str) -> set[str]:
    words = normalize(text).split()
    stems = _stemmer.stemWords(words)
    found = cues(" ".join(words))
    if "?" not in text and not (words and words[0] in _QUESTION_START):
        found.append("statement")  # telling, not asking: "agent took passports"
    return {
        *(f"w:{stem}" for stem in stems),
        *(f"b:{first}_{second}" for first, second in pairwise(stems)),
        *(f"c:{cue}" for cue in found),
        *(f"c:{first}+{second}" for first, second in combinations(sorted(found), 2)),
    }


def shared_features(
    make: Callable[[str], Collection[str]] = features,
) -> Callable[[str], tuple[str, ...]]:
    """`make` (`features` by default), remembered per text and with each feature string kept
    once, for training: most features recur across texts, and a tuple of shared strings takes a
    fraction of the memory of a fresh set of fresh strings (a detector over character n-grams
    needed 8 to 14 MB while training without it)."""
    strings: dict[str, str] = {}

    @cache
    def featurize(text: str) -> tuple[str, ...]:
        return tuple(strings.setdefault(f, f) for f in make(text))

    return featurize


def _value(feature: str) -> float:
    """Cues stand for many wordings each: they count more than one word does."""
    return CUE_VALUE if feature.startswith("c:") else 1.0


class Detector:
    """Read-only after training: safe to share between concurrent replies."""

    def __init__(
        self,
        positives: Sequence[str],
        negatives: Sequence[str],
        featurize: Callable[[str], Collection[str]] = features,
        *,
        read: Callable[[str], Collection[str]] = features,
    ) -> None:
        """`featurize` is `features`, or `shared_features()` when several detectors learn from
        the same examples (`bot.intents.reading.Reader`); `read` makes the features of a
        message to judge, the same as `featurize` but remembering nothing."""
        self._read = read
        rows = [featurize(text) for text in (*positives, *negatives)]
        # a feature seen once teaches nothing beyond its one example, and costs training time
        counts = Counter(f for row in rows for f in row)
        kept = sorted(f for f, n in counts.items() if n >= MIN_EXAMPLES)
        del counts
        columns = {f: i for i, f in enumerate(kept)}
        labels = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
        weights = np.ones(len(rows))
        coefficients, self._intercept = _train(_matrix(rows, columns), labels, weights)
        # Kept as each feature's hash and weight (its value folded in), sorted by hash: the
        # feature strings themselves cost more than all the numbers.
        hashes = np.fromiter((hash(f) for f in kept), dtype=np.int64, count=len(kept))
        order = np.argsort(hashes)
        self._hashes = hashes[order]
        values = np.fromiter((_value(f) for f in kept), dtype=np.float64, count=len(kept))
        self._weights = (coefficients * values)[order]

    def probability(self, text: str) -> float:
        found = list(self._read(text))
        hashes = np.fromiter((hash(f) for f in found), dtype=np.int64, count=len(found))
        z = self._intercept
        if len(self._hashes) and len(hashes):
            where = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
            seen = self._hashes[where] == hashes
            z += float(self._weights[where[seen]].sum())
        return float(1.0 / (1.0 + np.exp(-z))) if z >= 0 else float(np.exp(z) / (1.0 + np.exp(z)))


def _matrix(rows: Sequence[Collection[str]], columns: dict[str, int]) -> SparseRows:
    """One row per example, of its features that were kept."""
    kept = [[f for f in row if f in columns] for row in rows]
    size = sum(len(row) for row in kept)
    row_ids = np.repeat(np.arange(len(kept)), [len(row) for row in kept])
    # arrays filled straight from the features: lists of boxed numbers would cost several times
    indices = np.fromiter((columns[f] for row in kept for f in row), dtype=np.int64, count=size)
    data = np.fromiter((_value(f) for row in kept for f in row), dtype=np.float64, count=size)
    return SparseRows(row_ids, indices, data, (len(rows), len(columns)))


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
