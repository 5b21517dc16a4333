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
from collections.abc import Sequence
from itertools import combinations, pairwise

import numpy as np
import snowballstemmer
from scipy.optimize import minimize
from scipy.sparse import csr_array

from bot.intents.cues import cues
from bot.knowledge import normalize

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


def _value(feature: str) -> float:
    """Cues stand for many wordings each: they count more than one word does."""
    return CUE_VALUE if feature.startswith("c:") else 1.0


class Detector:
    """Read-only after training: safe to share between concurrent replies."""

    def __init__(self, positives: Sequence[str], negatives: Sequence[str]) -> None:
        rows = [features(text) for text in (*positives, *negatives)]
        # a feature seen once teaches nothing beyond its one example, and costs training time
        counts = Counter(f for row in rows for f in row)
        kept = sorted(f for f, n in counts.items() if n >= MIN_EXAMPLES)
        self._columns = {f: i for i, f in enumerate(kept)}
        rows = [{f for f in row if f in self._columns} for row in rows]
        labels = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
        weights = np.ones(len(rows))
        self._coefficients, self._intercept = _train(self._matrix(rows), labels, weights)

    def probability(self, text: str) -> float:
        known = [f for f in features(text) if f in self._columns]
        z = sum(self._coefficients[self._columns[f]] * _value(f) for f in known) + self._intercept
        return float(1.0 / (1.0 + np.exp(-z))) if z >= 0 else float(np.exp(z) / (1.0 + np.exp(z)))

    def _matrix(self, rows: list[set[str]]) -> csr_array:
        indices = [self._columns[f] for row in rows for f in row]
        pointers = np.cumsum([0, *(len(row) for row in rows)])
        data = np.array([_value(f) for row in rows for f in row])
        return csr_array((data, indices, pointers), shape=(len(rows), len(self._columns)))


def _train(matrix: csr_array, labels: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, float]:
    transposed = matrix.T.tocsr()

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        coefficients, intercept = flat[:-1], flat[-1]
        z = matrix @ coefficients + intercept
        # log(1 + e^z) without overflow, and the logistic function likewise
        log_partition = np.logaddexp(0.0, z)
        probability = np.exp(z - log_partition)
        value = float((weights * (log_partition - labels * z)).sum())
        value += 0.5 * PENALTY * float(coefficients @ coefficients)
        error = weights * (probability - labels)
        gradient = np.r_[transposed @ error + PENALTY * coefficients, error.sum()]
        return value, gradient

    start = np.zeros(matrix.shape[1] + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": MAX_STEPS})
    return np.asarray(result.x[:-1]), float(result.x[-1])
