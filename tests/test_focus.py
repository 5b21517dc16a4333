"""The question inside a long message is matched on its own too."""

from __future__ import annotations

from bot.matching import Decision
from bot.matching.focus import questions_in
from tests.support.shipped import shipped_engine

CONTEXT = (
    "We are preparing an induction pack for new volunteers at a helpline, most of them without "
    "any background in law or policy, and our partners keep mentioning this report."
)


def test_a_short_message_is_matched_whole() -> None:
    assert questions_in("In simple terms, what is the report about?") == []


def test_the_question_after_a_lead_in_is_one_of_the_parts() -> None:
    parts = questions_in(f"{CONTEXT} In simple terms, what is the report about? Thanks!")
    assert "what is the report about?" in parts
    assert "In simple terms, what is the report about?" in parts


def test_the_lead_in_does_not_drown_the_question() -> None:
    """ "terms" made the definitions the first candidates of the whole sentence."""
    found = shipped_engine().matcher.match(f"{CONTEXT} In simple terms, what is the report about?")
    assert (found.decision, found.answer_id) == (Decision.ANSWER, "report-overview")
