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
        over those pairs was a tenth of the matcher's start-up."""
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
        self._idf = dict(zip(term_ids, idf.tolist(), strict=True))
        self._unseen_idf = math.log(self.size + 1) + 1.0

        weights = term_frequency(pair_counts) * idf[pair_terms]
        squared = np.bincount(pair_documents, weights=weights * weights, minlength=self.size)
        self._norms: FloatArray = np.sqrt(squared) + 1e-12
        order = np.argsort(pair_terms, kind="stable")  # keeps documents ascending per term
        bounds = np.cumsum(document_frequency)[:-1].tolist()
        ids_per_term = np.split(pair_documents[order], bounds)
        weights_per_term = np.split(weights[order], bounds)
        self._postings: dict[str, tuple[IntArray, FloatArray]] = (
            dict(zip(term_ids, zip(ids_per_term, weights_per_term, strict=True), strict=True))
            if term_ids
            else {}
        )

    def cosine(self, query: Counter[str]) -> FloatArray:
        """Cosine between the query and every document; terms never seen weigh the most."""
        if not query:
            return np.zeros(self.size)
        terms = list(query)
        counts = np.fromiter(query.values(), dtype=np.float64, count=len(terms))
        idf = np.fromiter(
            (self._idf.get(term, self._unseen_idf) for term in terms),
            dtype=np.float64,
            count=len(terms),
        )
        weights = self._term_frequency(counts) * idf
        norm = float(np.sqrt(weights @ weights))
        known = [
            (term, weight)
            for term, weight in zip(terms, weights.tolist(), strict=True)
            if term in self._postings
        ]
        if not known or norm == 0:
            return np.zeros(self.size)
        ids = np.concatenate([self._postings[term][0] for term, _ in known])
        products = np.concatenate([self._postings[term][1] * weight for term, weight in known])
        dot = np.bincount(ids, weights=products, minlength=self.size)
        result: FloatArray = dot / (norm * self._norms)
        return result
