"""The search index over every question variant, built once per knowledge base.

A query is scored against the whole knowledge base in a few vectorised steps, each reading
posting lists (token -> variants or entries) built here, so a query does no work per entry:

- overlap: the Dice coefficient of the query's and each variant's tokens, every token weighted
  by its inverse document frequency over the variants, so words that are rare in this knowledge
  base decide and "what is" does not; an entry takes its best variant;
- centroid: the cosine between the query and the mean of an entry's variants, so words that run
  through most of an entry's phrasings count for more than a word one alternate happens to use;
- similarity: rapidfuzz's `token_sort_ratio` between the informative words of the query and of
  each variant sharing one of them, for near-identical phrasings;
- subwords: the cosine of character 4-gram vectors, which relates word forms that stemming
  keeps apart ("define" and "definition");
- answer: the cosine between the query and the entry's answer, for words people use that no
  phrasing has ("Home Affairs" in a question about funding);
- classifier: the probability a logistic regression trained on all phrasings gives each entry
  (`bot.matching.classifier`), for paraphrases that mix the words of several alternates.

No rapidfuzz scorer with a subset trap (`token_set_ratio`, `partial_*`, `WRatio`) is used.
The index also knows which entry owns each analysed phrasing, so the matcher can give a question
that is one of them its own entry.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

import numpy as np
from rapidfuzz import fuzz, process

import bot.matching.classifier as classifier
from bot.knowledge import KnowledgeBase, fold, normalize
from bot.matching.acronyms import known_acronyms
from bot.matching.analyzer import Analyzer
from bot.matching.classifier import Scope
from bot.matching.language_id import COMMON_WORDS, LanguageWords
from bot.matching.regional import RegionalIndex
from bot.matching.stopwords import OTHER_LANGUAGE_WORDS, STOP_WORDS
from bot.matching.titles import known_text
from bot.matching.vectors import (
    BoolArray,
    CosineIndex,
    FloatArray,
    IntArray,
    log_count,
    raw_count,
)

STOP_WORD_FACTOR = 0.5  # function words count, but far less than their frequency alone says
# How much each signal counts; chosen on the tuning questions (scores are divided by the sum).
OVERLAP_WEIGHT = 0.35
CENTROID_WEIGHT = 0.35
SIMILARITY_WEIGHT = 0.1
SUBWORD_WEIGHT = 0.2
ANSWER_WEIGHT = 0.3
CLASSIFIER_WEIGHT = 0.65
# An entry that never mentions the organisation or instrument a question names answers less
# for it: "has cambodia ratified uncac" is not the entry on who ratified ACTIP, whatever
# "cambodia ratified" says. Chosen on the tuning parts (0.5 lost a long message).
UNNAMED_FACTOR = 0.6
LEXICAL_WEIGHT = (
    OVERLAP_WEIGHT + CENTROID_WEIGHT + SIMILARITY_WEIGHT + SUBWORD_WEIGHT + ANSWER_WEIGHT
)


@dataclass(frozen=True, slots=True)
class QueryTokens:
    tokens: tuple[str, ...]
    subwords: tuple[str, ...]
    words: int
    known: int  # words in the knowledge base's vocabulary (typos corrected) or English ones
    function_words: int  # English words like "the", "is", "what"
    other_language_words: int  # "und", "est", "yang": function words of other languages

    @property
    def other_language(self) -> bool:
        """More function words of another language than of English, and two or more of them, so
        one name like "La Trobe" does not count."""
        return self.other_language_words >= 2 and self.other_language_words > self.function_words

    @property
    def unrecognised(self) -> bool:
        """No English function word and fewer than half the words known: a keyword query is
        only as good as its keywords ("summary pls" still counts, "qwerty" does not)."""
        return self.function_words == 0 and self.known * 2 < self.words


class MatchIndex:
    """Read-only after construction: safe to share between concurrent replies."""

    def __init__(self, knowledge: KnowledgeBase, *, learn: bool = True) -> None:
        """`learn=False` skips the classifier: lint scores the phrasings themselves, which a
        classifier trained on them would rate as their own entry's whatever their wording."""
        self.knowledge = knowledge
        self.entry_ids = tuple(entry.id for entry in knowledge.entries)
        self._positions = {entry_id: i for i, entry_id in enumerate(self.entry_ids)}
        variants = [(i, text) for i, e in enumerate(knowledge.entries) for text in e.variants]
        texts = [*(text for _, text in variants), *knowledge.out_of_scope]
        self.analyzer = Analyzer(knowledge.glossary, texts)
        word_lists = [self.analyzer.words(text) for _, text in variants]
        token_lists = [self.analyzer.tokens_of(words) for words in word_lists]
        token_sets = [frozenset(tokens) for tokens in token_lists]
        owners = np.array([owner for owner, _ in variants], dtype=np.int64)
        self.variant_count = len(variants)
        self._entry_starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])

        self._build_idf(token_sets)
        # Training is the build's largest transient (docs/memory.md): done first, while little
        # else is held, so the structures built next reuse the memory it gave back.
        self._classifier = (
            classifier.train(
                token_lists,
                owners,
                len(self.entry_ids),
                self._weight,
                [self.analyzer.tokens(text) for text in knowledge.out_of_scope],
            )
            if learn
            else None
        )
        self._build_overlap(token_sets)
        self._phrasing_owners = _phrasing_owners(token_lists, owners.tolist())
        self._build_centroids(token_sets, owners)
        self._mentioning = self._build_mentions(knowledge, token_sets, owners)
        self._subwords = CosineIndex(
            (Counter(self.analyzer.subwords_of(words)) for words in word_lists), raw_count
        )
        self._answers = CosineIndex(
            (Counter(self.informative(e.answer)) for e in knowledge.entries), log_count
        )
        self.regional = {
            code: RegionalIndex(
                phrasings,
                self.entry_ids,
                knowledge.glossary.acronyms,
                knowledge.regional_declined.get(code, ()),
            )
            for code, phrasings in knowledge.phrasings.items()
        }
        self.language_words = _language_words(knowledge)
        naming = _naming(knowledge)
        self.acronyms = known_acronyms(naming)
        self.titles = known_text(naming)

    def position(self, entry_id: str) -> int | None:
        """Where an entry's score stands in `entry_scores`."""
        return self._positions.get(entry_id)

    @property
    def uses_classifier(self) -> bool:
        """False for a knowledge base too large to train the classifier on."""
        return self._classifier is not None

    def scope(self, query: QueryTokens) -> Scope | None:
        """How the classifier reads the question (`Scope`); None without a classifier."""
        return None if self._classifier is None else self._classifier.scope(query.tokens)

    def _idf_of(self, token: str, document_frequency: int) -> float:
        idf = math.log((self.variant_count + 1) / (document_frequency + 1)) + 1.0
        return idf * STOP_WORD_FACTOR if token in STOP_WORDS else idf

    def _build_idf(self, token_sets: list[frozenset[str]]) -> None:
        frequency = Counter(token for tokens in token_sets for token in tokens)
        self._idf = {token: self._idf_of(token, df) for token, df in frequency.items()}
        self._unseen_idf = math.log(self.variant_count + 1) + 1.0
        self._stop_idf = min(self._idf.values(), default=STOP_WORD_FACTOR)

    def _build_overlap(self, token_sets: list[frozenset[str]]) -> None:
        """Per token, the variants using it; per variant, its total weight and content words."""
        variant_postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, tokens in enumerate(token_sets):
            for token in tokens:
                variant_postings[token].append(position)
        self._variant_postings = {
            token: np.asarray(ids, dtype=np.int64) for token, ids in variant_postings.items()
        }
        self._variant_weight: FloatArray = np.array(
            [sum(self._idf[t] for t in tokens) for tokens in token_sets]
        )
        self._variant_text = np.array([self._content(t) for t in token_sets], dtype=object)

    def _build_centroids(self, token_sets: list[frozenset[str]], owners: IntArray) -> None:
        """Per entry: the share of its variants using each token, times the token's weight."""
        counts: defaultdict[str, Counter[int]] = defaultdict(Counter)
        for tokens, owner in zip(token_sets, owners.tolist(), strict=True):
            for token in tokens:
                counts[token][owner] += 1
        sizes = np.bincount(owners, minlength=len(self.entry_ids)).astype(np.float64)
        squared = np.zeros(len(self.entry_ids))
        self._entry_postings: dict[str, tuple[IntArray, FloatArray]] = {}
        for token, per_entry in counts.items():
            entries = np.fromiter(per_entry.keys(), dtype=np.int64, count=len(per_entry))
            shares = np.fromiter(per_entry.values(), dtype=np.float64, count=len(per_entry))
            weights = shares / sizes[entries] * self._idf[token]
            self._entry_postings[token] = (entries, weights)
            np.add.at(squared, entries, weights**2)
        self._centroid_norm: FloatArray = np.sqrt(squared)

    def _build_mentions(
        self, knowledge: KnowledgeBase, token_sets: list[frozenset[str]], owners: IntArray
    ) -> dict[str, BoolArray]:
        """Per named term's token, which entries mention it in a phrasing or their answer."""
        names = {
            self.analyzer.term_token(term.term) for term in knowledge.glossary.terms if term.is_name
        }
        mentioning = {name: np.zeros(len(self.entry_ids), dtype=bool) for name in names}
        variants = zip(token_sets, owners.tolist(), strict=True)
        answers = (
            (set(self.analyzer.tokens(e.answer)), i) for i, e in enumerate(knowledge.entries)
        )
        for tokens, position in chain(variants, answers):
            for name in names.intersection(tokens):
                mentioning[name][position] = True
        return mentioning

    def _weight(self, token: str) -> float:
        if token in self._idf:
            return self._idf[token]
        return self._stop_idf if token in STOP_WORDS else self._unseen_idf

    def informative(self, text: str) -> list[str]:
        """The analysed tokens of the text that are no function words."""
        return [t for t in self.analyzer.tokens(text) if t not in STOP_WORDS]

    @staticmethod
    def _content(tokens: frozenset[str] | tuple[str, ...]) -> str:
        """The informative tokens in a stable order, for rapidfuzz."""
        return " ".join(sorted(t for t in tokens if t not in STOP_WORDS))

    def analyse(self, text: str) -> QueryTokens:
        typed = normalize(text).split()
        # as `Analyzer.words`
        words = [self.analyzer.correct(word) for word in self.analyzer.rejoined(typed)]
        return QueryTokens(
            tokens=tuple(self.analyzer.tokens_of(words)),
            subwords=tuple(self.analyzer.subwords_of(words)),
            words=len(words),
            known=sum(1 for w in words if self.analyzer.knows(w)),
            function_words=sum(1 for w in words if w in STOP_WORDS),
            other_language_words=sum(1 for w in typed if w in OTHER_LANGUAGE_WORDS),
        )

    def phrasing_owner(self, query: QueryTokens) -> int | None:
        """The entry whose own phrasing the query is, word for word after analysis, if only
        one entry has that phrasing."""
        return self._phrasing_owners.get(query.tokens)

    def names_in(self, query: QueryTokens) -> frozenset[str]:
        """The organisations and instruments the query names, as their terms' tokens."""
        return frozenset(t for t in query.tokens if t in self._mentioning)

    def entry_scores(self, query: QueryTokens, implied: frozenset[str] = frozenset()) -> FloatArray:
        """Score 0-1 of every entry. `implied`: the names a question that gives none is about
        ("has cambodia ratified it?" after UNCAC)."""
        tokens = sorted(set(query.tokens))
        seen = [t for t in tokens if t in self._idf]
        if not seen:
            return np.zeros(len(self.entry_ids))
        weights = {t: self._weight(t) for t in tokens}
        overlap, similarity = self._variant_scores(tokens, seen, weights)
        centroid = self._centroid_scores(seen, weights)
        subword = self._subwords.cosine(Counter(query.subwords))
        answer = self._answers.cosine(Counter(t for t in query.tokens if t not in STOP_WORDS))
        scores: FloatArray = (
            OVERLAP_WEIGHT * np.maximum.reduceat(overlap, self._entry_starts)
            + CENTROID_WEIGHT * centroid
            + SIMILARITY_WEIGHT * np.maximum.reduceat(similarity, self._entry_starts)
            + SUBWORD_WEIGHT * np.maximum.reduceat(subword, self._entry_starts)
            + ANSWER_WEIGHT * answer
        )
        if self._classifier is None:
            return self._for_names(self.names_in(query) or implied, scores / LEXICAL_WEIGHT)
        learnt = CLASSIFIER_WEIGHT * self._classifier.probabilities(query.tokens)
        combined: FloatArray = (scores + learnt) / (LEXICAL_WEIGHT + CLASSIFIER_WEIGHT)
        return self._for_names(self.names_in(query) or implied, combined)

    def _for_names(self, names: frozenset[str], scores: FloatArray) -> FloatArray:
        """The scores with `UNNAMED_FACTOR` on the entries that mention none of `names`."""
        if not names:
            return scores
        named = [self._mentioning[name] for name in names]
        mentioning = np.logical_or.reduce(named)
        weighed: FloatArray = np.where(mentioning, scores, scores * UNNAMED_FACTOR)
        return weighed

    def _variant_scores(
        self, tokens: list[str], seen: list[str], weights: dict[str, float]
    ) -> tuple[FloatArray, FloatArray]:
        ids = np.concatenate([self._variant_postings[t] for t in seen])
        shared_weight = np.concatenate(
            [np.full(len(self._variant_postings[t]), weights[t]) for t in seen]
        )
        shared = np.bincount(ids, weights=shared_weight, minlength=self.variant_count)
        overlap = 2.0 * shared / (sum(weights.values()) + self._variant_weight)

        similarity = np.zeros(self.variant_count)
        informative = [self._variant_postings[t] for t in seen if t not in STOP_WORDS]
        query_text = self._content(tuple(tokens))
        if informative and query_text:
            touched = np.unique(np.concatenate(informative))
            ratios = process.cdist(
                [query_text], self._variant_text[touched].tolist(), scorer=fuzz.token_sort_ratio
            )[0]
            similarity[touched] = ratios / 100.0
        return overlap, similarity

    def _centroid_scores(self, seen: list[str], weights: dict[str, float]) -> FloatArray:
        query_norm = math.sqrt(sum(w * w for w in weights.values()))
        dot = np.zeros(len(self.entry_ids))
        for token in seen:
            entries, entry_weights = self._entry_postings[token]
            dot[entries] += weights[token] * entry_weights
        return dot / (query_norm * self._centroid_norm + 1e-12)


def _phrasing_owners(token_lists: list[list[str]], owners: list[int]) -> dict[tuple[str, ...], int]:
    """Each analysed phrasing and its entry, leaving out phrasings two entries share."""
    found: defaultdict[tuple[str, ...], set[int]] = defaultdict(set)
    for tokens, owner in zip(token_lists, owners, strict=True):
        found[tuple(tokens)].add(owner)
    return {tokens: entries.pop() for tokens, entries in found.items() if len(entries) == 1}


def _language_words(knowledge: KnowledgeBase) -> LanguageWords:
    """The common words of each language, with those its phrasings, danger examples and
    questions about the bot teach; none that the English texts use."""
    english = [
        *(text for entry in knowledge.entries for text in (*entry.variants, entry.answer)),
        *knowledge.out_of_scope,
        *knowledge.asked.texts,
        *(knowledge.safety.texts if knowledge.safety else ()),
    ]
    texts = {
        code: [
            *(text for texts in phrasings.values() for text in texts),
            *(examples.texts if (examples := knowledge.regional_safety.get(code)) else ()),
            *(words.asked.texts if (words := knowledge.translations.get(code)) else ()),
        ]
        for code, phrasings in knowledge.phrasings.items()
    }
    return COMMON_WORDS.learning(texts, (w for text in english for w in fold(text).split()))


def _naming(knowledge: KnowledgeBase) -> list[str]:
    """The texts that name what the knowledge base is about: the entries' phrasings (in English
    and the region's languages) and the glossary. One only an answer names (IOM, a member of the
    Bali Process) is not: "how many member states does IOM have?" asks about IOM, which no
    entry does."""
    return [
        *(text for e in knowledge.entries for text in e.variants),
        *(text for texts in knowledge.phrasings.values() for ts in texts.values() for text in ts),
        *(form for term in knowledge.glossary.terms for form in term.forms),
    ]
