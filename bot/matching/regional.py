"""Questions in the region's languages, matched on the phrasings of `knowledge/phrasings/`.

No English stemmer or glossary applies to them: text is compared by character n-grams, which
need no word boundaries (Thai, Khmer and Burmese write none between words) and relate the forms
of a word without a stemmer for each language. Latin letters are compared without their marks,
so Vietnamese typed without tones finds phrasings written with them. An entry's score is half
its best phrasing's and half its phrasings' taken together.

The glossary's acronyms are typed the same in every language and tell more than any n-gram: a
phrasing that names one, and none the question names, counts for less. Otherwise "apa itu
UNCAC?" is nearest to "apa itu UNODC", whose n-grams differ from it in three letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np

from bot.knowledge import fold
from bot.matching.vectors import CosineIndex, FloatArray, log_count

GRAM_SIZES = (2, 3, 4)
# How an entry's score is made; read off the tuning parts of knowledge/eval/languages/
# (docs/languages.md).
BEST_WEIGHT = 0.5
ALL_WEIGHT = 0.5
# What a phrasing naming another acronym than the question's counts for; the tuning parts did
# not move between 0.3 and 1 (no question there names an acronym that a near phrasing does not).
OTHER_NAME = 0.5
# Latin letters and digits as typed (accents split a word: "sớm" is no "SOM"), in any script
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
SHORT_ACRONYM = 3  # letters; as short as this, an acronym counts only in capitals: "tip", "som"


def grams(text: str) -> Counter[str]:
    """Character n-grams of the folded text, spaces marking word edges, and its words."""
    words = fold(text).split()
    marked = f" {' '.join(words)} "
    found: Counter[str] = Counter(words)
    for size in GRAM_SIZES:
        found.update(marked[i : i + size] for i in range(len(marked) - size + 1))
    return found


class RegionalIndex:
    """The phrasings of one language; read-only after construction."""

    def __init__(
        self,
        phrasings: Mapping[str, Sequence[str]],
        entry_ids: Sequence[str],
        acronyms: Collection[str] = (),
        declined: Sequence[str] = (),
    ) -> None:
        """`declined`: questions in the language that no entry answers, scored together as one
        more entry would be."""
        positions = {entry_id: i for i, entry_id in enumerate(entry_ids)}
        listed = [(positions[i], text) for i, texts in phrasings.items() for text in texts]
        self._size = len(entry_ids)
        self._owners = np.array([owner for owner, _ in listed], dtype=np.int64)
        self._phrasings = CosineIndex((grams(text) for _, text in listed), log_count)
        self._entry_norms = self._phrasings.summed_norms(self._owners, self._size)
        self._acronyms = {a.casefold(): column for column, a in enumerate(sorted(set(acronyms)))}
        # which acronyms each phrasing names, a row per phrasing
        self._named = np.zeros((len(listed), len(self._acronyms)), dtype=np.bool_)
        for row, (_, text) in enumerate(listed):
            self._named[row, self._named_in(text)] = True
        self._declined = CosineIndex((grams(text) for text in declined), log_count)
        self._declined_owner = np.zeros(len(declined), dtype=np.int64)
        self._declined_norm = self._declined.summed_norms(self._declined_owner, 1)

    def _named_in(self, text: str) -> list[int]:
        """The acronyms a text names: typed in capitals, or in any case when longer than
        `SHORT_ACRONYM` letters ("apa itu uncac?"); Vietnamese typed without tones has "som"
        and "tip" for other words."""
        return [
            column
            for word in _LATIN_WORD.findall(unicodedata.normalize("NFKC", text))
            if (column := self._acronyms.get(word.casefold())) is not None
            and (word.isupper() or len(word) > SHORT_ACRONYM)
        ]

    def entry_scores(self, text: str) -> FloatArray:
        """Score 0-1 of every entry, in the order of the entry ids given: its best phrasing's
        cosine, and the cosine against its phrasings taken together (their centroid)."""
        best = np.zeros(self._size)
        if not len(self._owners):
            return best
        cosines = self._phrasings.cosine(grams(text))
        if named := self._named_in(text):
            other = self._named.any(axis=1) & ~self._named[:, named].any(axis=1)
            cosines = np.where(other, OTHER_NAME * cosines, cosines)
        np.maximum.at(best, self._owners, cosines)
        # the query's dot product with each phrasing, over the query's length, summed per entry
        dots = np.bincount(self._owners, cosines * self._phrasings.norms, minlength=self._size)
        scores: FloatArray = BEST_WEIGHT * best + ALL_WEIGHT * dots / self._entry_norms
        return scores

    def declined_score(self, text: str) -> float:
        """The score the questions to decline get together, made as an entry's is (0 without
        any): a question nearer to them than to any entry is one to decline."""
        if not len(self._declined_owner):
            return 0.0
        cosines = self._declined.cosine(grams(text))
        dots = float(np.sum(cosines * self._declined.norms))
        return float(BEST_WEIGHT * cosines.max() + ALL_WEIGHT * dots / self._declined_norm[0])
