"""Sparse TF-IDF vectors kept as posting lists, so a cosine against every document costs one
pass over the postings of the query's terms, never a loop over documents."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def raw_count(count: int) -> float:
    return float(count)


def log_count(count: int) -> float:
    return 1.0 + math.log(count)


class CosineIndex:
    def __init__(
        self, documents: Sequence[Counter[str]], term_frequency: Callable[[int], float]
    ) -> None:
        self.size = len(documents)
        frequency = Counter(term for document in documents for term in document)
        self._idf = {t: math.log((self.size + 1) / (df + 1)) + 1.0 for t, df in frequency.items()}
        self._unseen_idf = math.log(self.size + 1) + 1.0
        self._term_frequency = term_frequency
        postings: defaultdict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        squared = np.zeros(self.size)
        for position, document in enumerate(documents):
            for term, count in document.items():
                weight = term_frequency(count) * self._idf[term]
                postings[term][0].append(position)
                postings[term][1].append(weight)
                squared[position] += weight * weight
        self._postings: dict[str, tuple[IntArray, FloatArray]] = {
            term: (np.asarray(ids, dtype=np.int64), np.asarray(weights))
            for term, (ids, weights) in postings.items()
        }
        self._norms: FloatArray = np.sqrt(squared) + 1e-12

    def cosine(self, query: Counter[str]) -> FloatArray:
        """Cosine between the query and every document; terms never seen weigh the most."""
        weights = {
            term: self._term_frequency(count) * self._idf.get(term, self._unseen_idf)
            for term, count in query.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        known = [term for term in weights if term in self._postings]
        if not known or norm == 0:
            return np.zeros(self.size)
        ids = np.concatenate([self._postings[term][0] for term in known])
        products = np.concatenate([self._postings[term][1] * weights[term] for term in known])
        dot = np.bincount(ids, weights=products, minlength=self.size)
        result: FloatArray = dot / (norm * self._norms)
        return result
