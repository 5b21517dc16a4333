"""Turn text into the tokens the index compares: one analysis for questions and for variants.

Steps: NFKC and case folding, punctuation removed (`bot.knowledge.normalize`); misspelled words
corrected to the knowledge base's own vocabulary; British and American spellings unified;
Snowball stemming ("recruited" and "recruitment" both become "recruit"); glossary phrases
("people smuggling", "SOM") replaced by one token per term.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge import Glossary, normalize
from bot.matching.stopwords import STOP_WORDS

_AMERICAN_IZE = re.compile(r"(?<=[a-z]{3})(iz|yz)(e|ed|es|ing|ation|ations|er|ers)$")
TERM_PREFIX = "§"  # glossary tokens cannot collide with words: normalisation removes "§"
# Words remembered by the spelling correction and the stemmer, each: the knowledge base's
# vocabulary (about 3,000) and the words of months of questions. Both caches full take about
# 1.6 MB at this size, 8 MB at 50,000 (docs/memory.md); a word not remembered costs 0.1 ms.
CACHED_WORDS = 10_000


# Verbs that Snowball stems like a noun of another meaning: "how is the report organised?"
# asks how it is laid out, not which organisations made it ("organis" for both)
_STEMMED_APART = {
    "organise": "organise",
    "organised": "organise",
    "organises": "organise",
    "organising": "organise",
}


def _british(word: str) -> str:
    return _AMERICAN_IZE.sub(lambda m: ("is" if m[1] == "iz" else "ys") + m[2], word)


class Analyzer:
    """Built once per knowledge base from its glossary and vocabulary; then read-only."""

    def __init__(self, glossary: Glossary, texts: Iterable[str]) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._spelling = {normalize(s.american): normalize(s.british) for s in glossary.spellings}
        counts = Counter(word for text in texts for word in normalize(text).split())
        for term in glossary.terms:
            for form in term.forms:
                counts.update(normalize(form).split())
        counts.update(STOP_WORDS)
        # most frequent first, so a misspelling equally close to two words gets the common one
        self.vocabulary: tuple[str, ...] = tuple(w for w, _ in counts.most_common())
        self._known = frozenset(self.vocabulary)
        self.correct = lru_cache(maxsize=CACHED_WORDS)(self._correct)
        self._stem = lru_cache(maxsize=CACHED_WORDS)(self._stem_word)
        self._index_glossary(glossary)

    def _index_glossary(self, glossary: Glossary) -> None:
        """Index stemmed forms of every term, and the same forms with shorter terms already joined,
        so "human trafficking protocol" reaches the TIP Protocol through "trafficking".

        A one-word form whose stem is another word ("findings" -> "find") is matched as typed
        (and with a plural s) instead, so that the other word does not become the term."""
        forms: list[tuple[tuple[str, ...], str]] = []
        self._words_as_terms: dict[str, str] = {}
        for term in glossary.terms:
            token = self.term_token(term.term)
            for form in term.forms:
                words = normalize(form).split()
                if len(words) == 1 and self._stem_is_another_word(words[0]):
                    self._words_as_terms.update({words[0]: token, f"{words[0]}s": token})
                else:
                    forms.append((tuple(self._stem(w) for w in words), token))
        self._phrases = dict(forms)
        self._index_phrase_lengths()
        for stems, token in forms:
            joined = tuple(self._join_once(list(stems), longest=len(stems) - 1))
            if len(joined) > 1:
                self._phrases.setdefault(joined, token)
        self._index_phrase_lengths()

    @staticmethod
    def term_token(term: str) -> str:
        """The one token a glossary term's forms become."""
        return TERM_PREFIX + "_".join(normalize(term).split())

    def _index_phrase_lengths(self) -> None:
        """Per first word, the lengths of the phrases it starts, longest first: most words start
        none, so joining skips them at once."""
        lengths: defaultdict[str, set[int]] = defaultdict(set)
        for phrase in self._phrases:
            lengths[phrase[0]].add(len(phrase))
        self._phrase_lengths = {
            word: sorted(found, reverse=True) for word, found in lengths.items()
        }

    def _stem_is_another_word(self, word: str) -> bool:
        stem = self._stem(word)
        return stem != word and stem in self._known

    def _stem_word(self, word: str) -> str:
        word = _british(self._spelling.get(word, word))
        stem: str = _STEMMED_APART.get(word) or self._stemmer.stemWord(word)
        return stem

    def _correct(self, word: str) -> str:
        """The vocabulary word one typo away (two for words of nine letters or more), or the word
        itself; a typo is a wrong, missing, extra or swapped letter."""
        if word in self._known or len(word) < 4 or not word.isalpha():
            return word
        max_edits = 1 if len(word) < 9 else 2
        found = process.extractOne(
            word, self.vocabulary, scorer=OSA.distance, score_cutoff=max_edits
        )
        return found[0] if found is not None else word

    def words(self, text: str) -> list[str]:
        """Normalised words with typos corrected, before stemming: what the user meant to type."""
        return [self.correct(word) for word in self.rejoined(normalize(text).split())]

    def rejoined(self, words: list[str]) -> list[str]:
        """Two words typed apart that are one word of the vocabulary, when one of them is none:
        "Marika Mc Adam", "co operation" (not "data base", two words of their own)."""
        joined: list[str] = []
        position = 0
        while position < len(words):
            pair = words[position : position + 2]
            if (
                len(pair) == 2
                and not (pair[0] in self._known and pair[1] in self._known)
                and (whole := "".join(pair)) in self._known
            ):
                joined.append(whole)
                position += 2
            else:
                joined.append(words[position])
                position += 1
        return joined

    def knows(self, word: str) -> bool:
        return word in self._known

    def subwords_of(self, words: Iterable[str]) -> list[str]:
        """Character 4-grams of the informative words, with word boundaries marked: they relate
        words that stemming keeps apart ("define" and "definition", "corrupt" and "corruptly")."""
        grams: list[str] = []
        for word in words:
            if word in STOP_WORDS:
                continue
            marked = f"<{_british(self._spelling.get(word, word))}>"
            grams.extend(marked[i : i + 4] for i in range(max(1, len(marked) - 3)))
        return grams

    def tokens(self, text: str) -> list[str]:
        return self.tokens_of(self.words(text))

    def tokens_of(self, words: Iterable[str]) -> list[str]:
        """Tokens of words `words` already gave: callers needing both tokens and subwords
        correct each word once."""
        stems = [self._words_as_terms.get(w) or self._stem(w) for w in words]
        return self._join_phrases(stems)

    def _join_phrases(self, stems: list[str]) -> list[str]:
        tokens = self._join_once(stems)
        while len(tokens) > 1 and (again := self._join_once(tokens)) != tokens:
            tokens = again
        return tokens

    def _join_once(self, stems: list[str], longest: int | None = None) -> list[str]:
        """Replace glossary phrases, longest first, in one left-to-right pass."""
        tokens: list[str] = []
        position = 0
        while position < len(stems):
            for length in self._phrase_lengths.get(stems[position], ()):
                if (longest is not None and length > longest) or position + length > len(stems):
                    continue
                term = self._phrases.get(tuple(stems[position : position + length]))
                if term is not None:
                    tokens.append(term)
                    position += length
                    break
            else:
                tokens.append(stems[position])
                position += 1
        return tokens
