"""Sparse TF-IDF vectors kept as posting lists, so a cosine against every document costs one
pass over the postings of the query's terms, never a loop over documents."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
TermFrequency = Callable[[FloatArray], FloatArray]
# The postings are stored compactly (a document's number in the fewest bytes that hold it, a
# weight in single precision): they are most of the index's memory. Scores are summed in double.
POSTING_START = np.int32
POSTING_WEIGHT = np.float32


def raw_count(counts: FloatArray) -> FloatArray:
    return counts


def log_count(counts: FloatArray) -> FloatArray:
    result: FloatArray = 1.0 + np.log(counts)
    return result


class CosineIndex:
    def __init__(self, documents: Iterable[Counter[str]], term_frequency: TermFrequency) -> None:
        """Built with array operations over every (document, term) pair at once: a Python loop
        over those pairs was a tenth of the matcher's start-up. The posting lists are kept as
        spans of two arrays (a term's documents ascending, and its weights there), not as two
        arrays per term: thousands of small arrays cost more than their numbers. A term is kept
        as its hash, its number the hash's place in a sorted array, found by binary search: a
        dictionary of tens of thousands of short strings (character n-grams) cost more than all
        the postings. Each document is hashed as it comes, so its strings can go at once."""
        self._term_frequency = term_frequency
        hashes: list[IntArray] = []
        counts: list[FloatArray] = []
        for document in documents:
            hashes.append(np.fromiter(map(hash, document), dtype=np.int64, count=len(document)))
            counts.append(np.fromiter(document.values(), dtype=np.float64, count=len(document)))
        self.size = len(hashes)
        pair_documents = np.repeat(np.arange(self.size), [len(h) for h in hashes])
        pair_counts = np.concatenate(counts) if counts else np.zeros(0)
        self._term_hashes, pair_terms = np.unique(
            np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.int64), return_inverse=True
        )
        del hashes, counts
        document_frequency = np.bincount(pair_terms, minlength=len(self._term_hashes))
        idf: FloatArray = np.log((self.size + 1) / (document_frequency + 1.0)) + 1.0
        self._idf = idf
        self._unseen_idf = math.log(self.size + 1) + 1.0

        weights = term_frequency(pair_counts) * idf[pair_terms]
        squared = np.bincount(pair_documents, weights=weights * weights, minlength=self.size)
        self._norms: FloatArray = np.sqrt(squared) + 1e-12
        order = np.argsort(pair_terms, kind="stable")  # keeps documents ascending per term
        self._starts: npt.NDArray[np.int32] = np.r_[0, np.cumsum(document_frequency)].astype(
            POSTING_START
        )
        self._documents: npt.NDArray[np.unsignedinteger[Any]] = pair_documents[order].astype(
            np.min_scalar_type(self.size)
        )
        self._weights: npt.NDArray[np.float32] = weights[order].astype(POSTING_WEIGHT)

    def _term_ids(self, query: Counter[str]) -> IntArray:
        """Each query term's id, -1 for a term never seen."""
        hashes = np.fromiter(map(hash, query), dtype=np.int64, count=len(query))
        if not len(self._term_hashes):
            return np.full(len(query), -1, dtype=np.int64)
        where = np.searchsorted(self._term_hashes, hashes)
        inside = np.minimum(where, len(self._term_hashes) - 1)
        seen = (where < len(self._term_hashes)) & (self._term_hashes[inside] == hashes)
        ids: IntArray = np.where(seen, inside, -1)
        return ids

    @property
    def norms(self) -> FloatArray:
        """Each document's vector length."""
        return self._norms

    def summed_norms(self, groups: IntArray, count: int) -> FloatArray:
        """The length of each group's summed document vectors (`groups[d]` is the group of
        document d): with `norms`, the cosine against a group's centroid follows from the
        cosines against its documents, so no index of the groups is needed."""
        terms = np.repeat(np.arange(len(self._starts) - 1), np.diff(self._starts))
        # one sum per (term, group) that occurs, never an array of every term by every group
        keys, pairs = np.unique(terms * count + groups[self._documents], return_inverse=True)
        sums = np.bincount(pairs, weights=self._weights)
        squared = np.bincount(keys % count, weights=sums**2, minlength=count)
        result: FloatArray = np.sqrt(squared) + 1e-12
        return result

    def cosine(self, query: Counter[str]) -> FloatArray:
        """Cosine between the query and every document; terms never seen weigh the most."""
        if not query:
            return np.zeros(self.size)
        found = self._term_ids(query)
        counts = np.fromiter(query.values(), dtype=np.float64, count=len(query))
        idf = np.full(len(found), self._unseen_idf)
        idf[found >= 0] = self._idf[found[found >= 0]]
        weights = self._term_frequency(counts) * idf
        norm = float(np.sqrt(weights @ weights))
        known = [
            (slice(self._starts[term], self._starts[term + 1]), weight)
            for term, weight in zip(found.tolist(), weights.tolist(), strict=True)
            if term >= 0
        ]
        if not known or norm == 0:
            return np.zeros(self.size)
        ids = np.concatenate([self._documents[span] for span, _ in known])
        products = np.concatenate([self._weights[span] * weight for span, weight in known])
        dot = np.bincount(ids, weights=products, minlength=self.size)
        result: FloatArray = dot / (norm * self._norms)
        return result
