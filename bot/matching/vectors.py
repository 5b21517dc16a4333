"""Sparse TF-IDF vectors kept as posting lists, so a cosine against every document costs one
pass over the postings of the query's terms, never a loop over documents."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
TermFrequency = Callable[[FloatArray], FloatArray]


def raw_count(counts: FloatArray) -> FloatArray:
    return counts


def log_count(counts: FloatArray) -> FloatArray:
    result: FloatArray = 1.0 + np.log(counts)
    return result


class CosineIndex:
    def __init__(self, documents: Sequence[Counter[str]], term_frequency: TermFrequency) -> None:
        """Built with array operations over every (document, term) pair at once: a Python loop
        over those pairs was a tenth of the matcher's start-up. The posting lists are kept as
        spans of two arrays (a term's documents ascending, and its weights there), not as two
        arrays per term: thousands of small arrays cost more than their numbers."""
        self.size = len(documents)
        self._term_frequency = term_frequency
        term_ids: dict[str, int] = {}
        pair_terms = np.fromiter(
            (term_ids.setdefault(term, len(term_ids)) for d in documents for term in d),
            dtype=np.int64,
        )
        pair_counts = np.fromiter((c for d in documents for c in d.values()), dtype=np.float64)
        pair_documents = np.repeat(
            np.arange(self.size, dtype=np.int64), [len(d) for d in documents]
        )
        document_frequency = np.bincount(pair_terms, minlength=len(term_ids))
        idf: FloatArray = np.log((self.size + 1) / (document_frequency + 1.0)) + 1.0
        self._terms = term_ids
        self._idf: FloatArray = idf
        self._unseen_idf = math.log(self.size + 1) + 1.0

        weights = term_frequency(pair_counts) * idf[pair_terms]
        squared = np.bincount(pair_documents, weights=weights * weights, minlength=self.size)
        self._norms: FloatArray = np.sqrt(squared) + 1e-12
        order = np.argsort(pair_terms, kind="stable")  # keeps documents ascending per term
        self._starts: IntArray = np.r_[0, np.cumsum(document_frequency)]
        self._documents: IntArray = pair_documents[order]
        self._weights: FloatArray = weights[order]

    def cosine(self, query: Counter[str]) -> FloatArray:
        """Cosine between the query and every document; terms never seen weigh the most."""
        if not query:
            return np.zeros(self.size)
        terms = list(query)
        found = [self._terms.get(term) for term in terms]
        counts = np.fromiter(query.values(), dtype=np.float64, count=len(terms))
        idf = np.fromiter(
            (self._unseen_idf if term is None else self._idf[term] for term in found),
            dtype=np.float64,
            count=len(terms),
        )
        weights = self._term_frequency(counts) * idf
        norm = float(np.sqrt(weights @ weights))
        known = [
            (slice(self._starts[term], self._starts[term + 1]), weight)
            for term, weight in zip(found, weights.tolist(), strict=True)
            if term is not None
        ]
        if not known or norm == 0:
            return np.zeros(self.size)
        ids = np.concatenate([self._documents[span] for span, _ in known])
        products = np.concatenate([self._weights[span] * weight for span, weight in known])
        dot = np.bincount(ids, weights=products, minlength=self.size)
        result: FloatArray = dot / (norm * self._norms)
        return result
