"""The classifier learnt from the phrasings: what it generalises, and where it must hold back."""

from __future__ import annotations

import numpy as np
import pytest

from bot.knowledge.loader import load_knowledge
from bot.matching import classifier as classifier_module
from bot.matching.classifier import EntryClassifier
from bot.matching.index import MatchIndex
from bot.matching.stopwords import STOP_WORDS
from bot.settings import SHIPPED_KNOWLEDGE

# Entry 0 is about bribes at borders, entry 1 about convictions in court, entry 2 about the report.
PHRASINGS = [
    ["bribe", "border", "guard"],
    ["pay", "border", "official"],
    ["bribe", "checkpoint"],
    ["convict", "court"],
    ["prosecut", "judg"],
    ["court", "case", "drop"],
    ["report", "publish"],
    ["report", "author"],
    ["who", "wrote", "report"],
]
OWNERS = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2], dtype=np.int64)


def weight(token: str) -> float:
    return 0.5 if token in STOP_WORDS else 2.0


def classifier() -> EntryClassifier:
    return EntryClassifier(PHRASINGS, OWNERS, 3, weight)


def test_a_paraphrase_mixing_two_phrasings_goes_to_their_entry() -> None:
    # no single phrasing has both words; the classifier pools them per entry
    probabilities = classifier().probabilities(["checkpoint", "official"])
    assert int(np.argmax(probabilities)) == 0
    assert probabilities[0] > 0.5


def test_each_entry_wins_its_own_words() -> None:
    trained = classifier()
    for tokens, expected in ((["judg", "convict"], 1), (["author", "publish"], 2)):
        assert int(np.argmax(trained.probabilities(tokens))) == expected


def test_words_it_never_saw_scale_the_probabilities_down() -> None:
    trained = classifier()
    known = trained.probabilities(["court"])
    diluted = trained.probabilities(["court", "capital", "weather"])
    assert np.isclose(known.sum(), 1.0)
    assert diluted.sum() < 0.5
    assert int(np.argmax(diluted)) == int(np.argmax(known)) == 1
    assert trained.probabilities(["capital"]).sum() == 0.0
    assert trained.probabilities([]).sum() == 0.0


def test_training_is_deterministic() -> None:
    tokens = ["bribe", "court", "report"]
    assert np.array_equal(classifier().probabilities(tokens), classifier().probabilities(tokens))


def test_too_large_a_knowledge_base_trains_none_and_matching_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert classifier_module.train(PHRASINGS, OWNERS, 3, weight) is not None
    monkeypatch.setattr(classifier_module, "MAX_WEIGHTS", 10)
    assert classifier_module.train(PHRASINGS, OWNERS, 3, weight) is None
    index = MatchIndex(load_knowledge(SHIPPED_KNOWLEDGE))
    assert not index.uses_classifier
    scores = index.entry_scores(index.analyse("who wrote the report"))
    assert index.entry_ids[int(np.argmax(scores))] == "report-authors"
    assert 0.0 < scores.max() <= 1.0


def test_the_scope_is_the_declined_class_and_the_entries_share() -> None:
    plain = classifier()
    assert plain.scope(["court"]).declined == 0.0  # no questions to decline: no such class
    taught = EntryClassifier(
        PHRASINGS, OWNERS, 3, weight, declined=[["weather", "capital"], ["capital", "visa"]]
    )
    asked = taught.scope(["capital", "weather"])
    about_courts = taught.scope(["court", "judg"])
    assert asked.declined > 0.5 > about_courts.declined
    assert about_courts.entries > asked.entries
    for tokens in (["capital", "weather"], ["court", "judg"], ["court", "unseen"]):
        read = taught.scope(tokens)
        assert np.isclose(read.entries, taught.probabilities(tokens).sum())
        assert 0.0 <= read.declined + read.entries <= 1.0 + 1e-9
