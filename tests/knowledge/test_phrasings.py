"""Every phrasing in the shipped knowledge base is answered with its own entry."""

from __future__ import annotations

import pytest

from bot.matching import Decision
from tests.support.shipped import shipped_engine

PHRASINGS = [
    (entry.id, text) for entry in shipped_engine().knowledge.entries for text in entry.variants
]


@pytest.mark.parametrize(("entry_id", "text"), PHRASINGS)
def test_every_phrasing_is_answered_with_its_own_entry(entry_id: str, text: str) -> None:
    match = shipped_engine().matcher.match(text)
    assert match.candidates[0].entry_id == entry_id
    assert match.decision is Decision.ANSWER
