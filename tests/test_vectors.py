"""The posting-list cosine against a plain dense computation of the same TF-IDF definition."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bot.matching.vectors import CosineIndex, TermFrequency, log_count, raw_count

TERMS = st.sampled_from(["bribe", "border", "court", "visa", "report", "judge"])
DOCUMENTS = st.lists(st.lists(TERMS, max_size=6).map(Counter), max_size=8)
QUERIES = st.lists(st.one_of(TERMS, st.just("unseen")), max_size=6).map(Counter)
# The postings keep their weights in single precision (bot.matching.vectors.POSTING_WEIGHT).
SINGLE = 1e-6


def dense_cosine(
    documents: list[Counter[str]], query: Counter[str], frequency: TermFrequency
) -> list[float]:
    """The definition, term by term: smoothed idf, unseen query terms weighted as df 0."""
    size = len(documents)

    def idf(term: str) -> float:
        df = sum(1 for document in documents if term in document)
        return math.log((size + 1) / (df + 1)) + 1.0

    def vector(counts: Counter[str]) -> dict[str, float]:
        return {
            term: float(frequency(np.array([float(count)]))[0]) * idf(term)
            for term, count in counts.items()
        }

    query_vector = vector(query)
    query_norm = math.sqrt(sum(w * w for w in query_vector.values()))
    result = []
    for document in documents:
        document_vector = vector(document)
        norm = math.sqrt(sum(w * w for w in document_vector.values()))
        dot = sum(w * document_vector.get(t, 0.0) for t, w in query_vector.items())
        result.append(dot / (query_norm * norm) if query_norm and norm else 0.0)
    return result


@given(DOCUMENTS, QUERIES, st.sampled_from([raw_count, log_count]))
def test_cosine_matches_the_dense_definition(
    documents: list[Counter[str]], query: Counter[str], frequency: TermFrequency
) -> None:
    index = CosineIndex(documents, frequency)
    expected = dense_cosine(documents, query, frequency)
    np.testing.assert_allclose(index.cosine(query), expected, atol=SINGLE)


def test_identical_document_scores_one_and_disjoint_zero() -> None:
    index = CosineIndex([Counter(["bribe", "border"]), Counter(["court"])], log_count)
    scores = index.cosine(Counter(["bribe", "border"]))
    assert math.isclose(scores[0], 1.0, rel_tol=SINGLE)
    assert scores[1] == 0.0


def test_no_documents_and_empty_query_give_empty_or_zero_scores() -> None:
    assert CosineIndex([], raw_count).cosine(Counter(["bribe"])).shape == (0,)
    index = CosineIndex([Counter(), Counter(["visa"])], raw_count)
    assert index.cosine(Counter()).tolist() == [0.0, 0.0]
    assert index.cosine(Counter(["unseen"])).tolist() == [0.0, 0.0]


def tf_idf(
    documents: list[Counter[str]], counts: Counter[str], frequency: TermFrequency
) -> dict[str, float]:
    """A text's weights by the definition: smoothed idf, unseen terms weighted as df 0."""
    size = len(documents)
    weights = {}
    for term, count in counts.items():
        df = sum(1 for document in documents if term in document)
        idf = math.log((size + 1) / (df + 1)) + 1.0
        weights[term] = float(frequency(np.array([float(count)]))[0]) * idf
    return weights


@given(DOCUMENTS.filter(lambda documents: len(documents) >= 2), QUERIES)
def test_a_groups_centroid_cosine_follows_from_its_documents(
    documents: list[Counter[str]], query: Counter[str]
) -> None:
    """`summed_norms` with `norms`: the cosine against the sum of a group's document vectors,
    worked out from the cosines against each (as `RegionalIndex` does), equals the dense one."""
    groups = np.array([i % 2 for i in range(len(documents))], dtype=np.int64)
    index = CosineIndex(documents, log_count)
    dots = np.bincount(groups, index.cosine(query) * index.norms, minlength=2)
    derived = dots / index.summed_norms(groups, 2)

    query_weights = tf_idf(documents, query, log_count)
    query_norm = math.sqrt(sum(w * w for w in query_weights.values()))
    for group in (0, 1):
        summed: Counter[str] = Counter()
        for document, member in zip(documents, groups.tolist(), strict=True):
            if member == group:
                summed.update(tf_idf(documents, document, log_count))
        norm = math.sqrt(sum(w * w for w in summed.values()))
        dot = sum(w * summed.get(t, 0.0) for t, w in query_weights.items())
        expected = dot / (query_norm * norm) if query_norm and norm else 0.0
        assert math.isclose(derived[group], expected, abs_tol=SINGLE)


def test_documents_numbered_past_one_byte_keep_their_numbers() -> None:
    """Document numbers are stored in the fewest bytes that hold them: two bytes here."""
    documents = [Counter([f"term{i}", "shared"]) for i in range(300)]
    scores = CosineIndex(documents, log_count).cosine(Counter(["term299", "shared"]))
    assert int(np.argmax(scores)) == 299
    assert math.isclose(scores[299], 1.0, rel_tol=SINGLE)
