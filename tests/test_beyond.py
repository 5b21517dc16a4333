"""Questions of a kind the knowledge base never answers: jobs at its organisations, their
budgets and salaries, rankings of countries."""

from __future__ import annotations

import pytest

from bot.matching import Decision
from bot.matching.beyond import asks_beyond_the_knowledge
from tests.support.shipped import shipped_engine


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("any vacancies at UNODC?", True),
        ("How do I apply for an internship?", True),
        ("is the RSO hiring", True),
        ("which country in southeast asia is most corrupt?", True),
        ("the most corrupt governments in asia", True),
        # jobs and countries as the report tells of them
        ("how can I work for UNODC?", True),
        ("she was promised a job at the office in Dubai", False),
        ("does mcadam work for unodc", False),
        ("what is Miller's job at UNODC?", False),
        ("how do recruiters lure people with jobs abroad", False),
        ("Which countries does the report cover?", False),
        ("what are the most common forms of corruption", False),
        # their money (2026-12-03, seventh part), not the report's funding or a worker's pay
        ("what is the UNODC budget for 2025?", True),
        ("salary of a bali process rso officer", True),
        ("who paid for the report", False),
        ("who funded the report, was it the UNODC budget?", False),
        ("does the UN protocol cover unpaid wages?", False),
    ],
)
def test_asking_what_no_entry_tells(text: str, asks: bool) -> None:
    assert asks_beyond_the_knowledge(text) is asks


@pytest.mark.parametrize(
    ("question", "plain", "entry"),
    [
        (
            "are there vacancies at the Bali Process Regional Support Office?",
            "what is the Bali Process Regional Support Office?",
            "bali-process-rso",
        ),
        ("UNODC 2024 budget", "UNODC 2024 study", "migrant-smuggling-study-2024"),
        (
            "Which country is the most corrupt in the region?",
            "which countries does the report cover?",
            "country-coverage",
        ),
    ],
)
def test_a_job_a_budget_or_a_ranking_is_not_answered_with_the_entry_sharing_its_words(
    question: str, plain: str, entry: str
) -> None:
    """Found in two fresh development sets (2026-12-03, sixth part): the office's entry says
    what it is, the countries' which the report covers; neither hires or ranks."""
    matcher = shipped_engine().matcher
    assert matcher.match(question).decision is not Decision.ANSWER
    asked = matcher.match(plain)
    assert (asked.decision, asked.answer_id) == (Decision.ANSWER, entry)
