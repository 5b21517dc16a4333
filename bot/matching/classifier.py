"""Which entry a question asks about, learnt from the knowledge base's own phrasings.

The other signals compare a question with phrasings one by one, so a paraphrase that borrows a
word from one alternate and a word from another scores low against both. A multinomial logistic
regression over the same tokens learns, from all phrasings at once, which words tell an entry
apart from the others ("convicted" for the criminal-justice entry, "before" for earlier
publications), and gives every entry a probability.

The knowledge base's questions to decline (`out_of_scope.yaml`) are one more class: a question
like them puts its probability there, not on the entry that happens to share a word with it.

It is trained at index build, on the knowledge base only (never on evaluation questions), with
L-BFGS (`bot.matching.learning`, the steps scipy's L-BFGS-B takes) for a fixed, small number of
steps: stopping early keeps the weights small, which regularises like a stronger L2 penalty and
keeps the build fast.

Its weights grow with vocabulary times entries, so past `MAX_WEIGHTS` (a knowledge base of
several hundred entries) none is trained and matching uses the other signals
alone: `train` returns None.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.matching.learning import SparseRows, minimize
from bot.matching.stopwords import STOP_WORDS
from bot.matching.vectors import FloatArray, IntArray

PENALTY = 0.1  # L2 strength on the summed loss: scikit-learn's C = 10
TRAINING_STEPS = 15  # L-BFGS iterations, chosen on the tuning part of the evaluation questions
MAX_WEIGHTS = 1_000_000  # L-BFGS keeps 20 copies: about 160 MB at this size


def train(
    phrasings: Sequence[Sequence[str]],
    owners: IntArray,
    entries: int,
    weight: Callable[[str], float],
    declined: Sequence[Sequence[str]] = (),
) -> EntryClassifier | None:
    """The classifier, or None when the knowledge base is too large to train one."""
    vocabulary = len({token for text in (*phrasings, *declined) for token in text})
    if (vocabulary + 1) * (entries + 1) > MAX_WEIGHTS:
        return None
    return EntryClassifier(phrasings, owners, entries, weight, declined)


@dataclass(frozen=True, slots=True)
class Scope:
    """How the classifier reads a question, beside which entry it is about."""

    declined: float  # the probability that it is one of the questions to decline (0 if none)
    entries: float  # the probability that it is about an entry, times the share of words seen


class EntryClassifier:
    """Read-only after training, like the index that owns it."""

    def __init__(
        self,
        phrasings: Sequence[Sequence[str]],
        owners: IntArray,
        entries: int,
        weight: Callable[[str], float],
        declined: Sequence[Sequence[str]] = (),
    ) -> None:
        self._weight = weight
        self._entries = entries
        texts = [*phrasings, *declined]
        tokens = sorted({token for text in texts for token in text})
        self._columns = {token: column for column, token in enumerate(tokens)}
        classes = entries + 1 if declined else entries  # the last one: out of scope
        labels = np.concatenate([owners, np.full(len(declined), entries, dtype=np.int64)])
        self._coefficients, self._intercepts = _train(self._features(texts), labels, classes)

    def _vector(self, tokens: Sequence[str]) -> tuple[list[int], FloatArray]:
        """Columns and values of one text: log term frequency times the token's weight, scaled
        to unit length over all its tokens, so words the knowledge base never uses dilute it."""
        counts = Counter(tokens)
        values = {t: (1.0 + math.log(n)) * self._weight(t) for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        known = [t for t in values if t in self._columns]
        return [self._columns[t] for t in known], np.array([values[t] / norm for t in known])

    def _features(self, phrasings: Sequence[Sequence[str]]) -> SparseRows:
        rows: list[int] = []
        columns: list[int] = []
        values: list[FloatArray] = []
        for row, phrasing in enumerate(phrasings):
            found, scaled = self._vector(phrasing)
            rows.extend([row] * len(found))
            columns.extend(found)
            values.append(scaled)
        data = np.concatenate(values) if values else np.zeros(0)
        return SparseRows(rows, columns, data, (len(phrasings), len(self._columns)))

    def probabilities(self, tokens: Sequence[str]) -> FloatArray:
        """The probability of every entry, times the share of the question's informative words
        (by weight) the classifier has seen: it cannot judge the others, so a question about
        something else ("the capital of Indonesia") is not pinned on the entry sharing a name."""
        return self._classes(tokens)[: self._entries] * self._coverage(tokens)

    def scope(self, tokens: Sequence[str]) -> Scope:
        """How it reads the question beside which entry it is about (`Scope`)."""
        classes = self._classes(tokens)
        entries = float(classes[: self._entries].sum()) * self._coverage(tokens)
        declined = float(classes[self._entries]) if len(classes) > self._entries else 0.0
        return Scope(declined=declined, entries=entries)

    def _classes(self, tokens: Sequence[str]) -> FloatArray:
        columns, values = self._vector(tokens)
        return _softmax(self._intercepts + values @ self._coefficients[columns])

    def _coverage(self, tokens: Sequence[str]) -> float:
        informative = [self._weight(t) for t in tokens if t not in STOP_WORDS]
        seen = sum(self._weight(t) for t in tokens if t not in STOP_WORDS and t in self._columns)
        return seen / sum(informative) if informative else 0.0


def _softmax(logits: FloatArray) -> FloatArray:
    exponentials = np.exp(logits - logits.max(axis=-1, keepdims=True))
    result: FloatArray = exponentials / exponentials.sum(axis=-1, keepdims=True)
    return result


def _train(features: SparseRows, labels: IntArray, classes: int) -> tuple[FloatArray, FloatArray]:
    """Coefficients (token x class) and intercepts minimising cross-entropy plus L2.

    The loss is `log_softmax`, the cross-entropy with one-hot targets and their gradients,
    computed in arrays allocated once and written in place: the same operations on the same
    numbers as the plain expressions, without their temporary copies. The one-hot targets are
    never stored: subtracting a target of 0 changes nothing, and the cross-entropy sums an
    array holding the label's log-probability in each row, zero elsewhere."""
    samples, columns = features.shape
    rows = np.arange(samples)
    logits = np.empty((samples, classes))
    scratch = np.empty((samples, classes))
    squares = np.empty((columns, classes))

    def loss(flat: FloatArray) -> tuple[float, FloatArray]:
        weights = flat.reshape(columns + 1, classes)
        features.dot(weights[:-1], out=logits)
        np.add(logits, weights[-1], out=logits)
        np.subtract(logits, logits.max(axis=1, keepdims=True), out=logits)  # shifted
        np.exp(logits, out=scratch)
        np.subtract(logits, np.log(scratch.sum(axis=1, keepdims=True)), out=logits)  # log-prob.
        np.exp(logits, out=scratch)
        scratch[rows, labels] -= 1.0  # the error: probabilities minus one-hot targets
        gradient = np.empty(flat.size)
        by_class = gradient.reshape(columns + 1, classes)
        features.transposed_dot(scratch, out=by_class[:-1])
        np.multiply(weights[:-1], PENALTY, out=squares)
        by_class[:-1] += squares
        by_class[-1] = scratch.sum(axis=0)
        scratch[...] = 0.0
        scratch[rows, labels] = logits[rows, labels]
        np.square(weights[:-1], out=squares)
        value = -scratch.sum() + 0.5 * PENALTY * squares.sum()
        return float(value), gradient

    start = np.zeros((columns + 1) * classes)
    weights = minimize(loss, start, TRAINING_STEPS).reshape(columns + 1, classes)
    return weights[:-1], weights[-1]
