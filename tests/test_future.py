"""Questions about what has not happened yet are offered the entry on their words, not answered
with it: the knowledge base records what happened."""

from __future__ import annotations

import pytest

from bot.matching import Decision
from bot.matching.future import asks_about_future
from tests.support.shipped import shipped_engine


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("when is the next bali process ministerial conference?", True),
        ("when will UNODC publish its next report?", True),
        ("where is the next ministerial meeting", True),
        ("will there be a second edition?", True),
        ("what will the next Bali Process conference discuss?", True),
        ("is there a follow-up report planned?", True),
        # a prediction asked for (found in a tuning dialogue after the refit of 2026-12-02)
        ("do you think governments will actually follow them?", True),
        ("do you think this would count as trafficking?", False),
        ("what will states have to do under the protocol?", False),
        ("when was the last ministerial conference?", False),
        ("when did the report come out", False),
        ("I must read the protocol before our next case meeting. What is it?", False),
    ],
)
def test_questions_about_the_future(text: str, future: bool) -> None:
    assert asks_about_future(text) is future


def test_the_next_conference_is_offered_the_past_ones_not_answered() -> None:
    matcher = shipped_engine().matcher
    assert matcher.match("when is the next ministerial conference?").decision is Decision.CLARIFY
    found = matcher.match("when was the last Bali Process ministerial conference?")
    assert found.decision is Decision.ANSWER
