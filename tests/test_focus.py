"""The question inside a long message is matched on its own too."""

from __future__ import annotations

import pytest

from bot.matching import Decision
from bot.matching.focus import after_preamble, questions_in
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


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("quick question: who wrote the report?", "who wrote the report?"),
        ("Explain like I'm 10: what is migrant smuggling", "what is migrant smuggling"),
        ("for my class, what is the Bali Process?", "what is the Bali Process?"),
        ("eli5 what is uncac", "what is uncac"),
        ("what is the report about?", None),
        ("for my class the report was required reading", None),
    ],
)
def test_a_lead_in_before_the_question(text: str, asked: str | None) -> None:
    assert after_preamble(text) == asked


def test_a_lead_in_does_not_lower_a_sure_answer() -> None:
    """Found by trying the bot as a user: "explain like i'm 10: what is migrant smuggling" was
    declined, though the definition's entry was its first candidate."""
    found = shipped_engine().matcher.match("explain like i'm 10: what is migrant smuggling")
    assert (found.decision, found.answer_id) == (Decision.ANSWER, "define-smuggling")
