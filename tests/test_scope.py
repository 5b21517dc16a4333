"""The classifier's reading of the scope settles the uncertain band: a question it reads as one to
decline is not offered choices, one it reads as about an entry is not declined."""

from __future__ import annotations

import pytest

from bot.engine import AnswerEngine
from bot.knowledge.loader import load_knowledge
from bot.matching import Decision, Matcher, Thresholds
from bot.matching import matcher as matcher_module
from bot.matching.index import MatchIndex
from bot.matching.matcher import OFFER_FROM
from tests.support.kb import BORDERS_AND_COURTS, WriteKnowledge, declined

DECLINED = [
    "how to become a border guard",
    "border guard job vacancies",
    "salary of a border guard",
    "border guard training requirements",
]


@pytest.fixture
def index(write_knowledge: WriteKnowledge) -> MatchIndex:
    return MatchIndex(load_knowledge(write_knowledge(BORDERS_AND_COURTS, **declined(*DECLINED))))


def test_the_classifier_reads_the_scope(index: MatchIndex) -> None:
    job = index.scope(index.analyse("border guard vacancies and salary"))
    bribes = index.scope(index.analyse("do border guards take bribes"))
    assert job is not None
    assert bribes is not None
    assert job.declined > 0.5 > bribes.declined
    assert bribes.entries > job.entries
    # words it never saw lower the share it reads as about an entry
    diluted = index.scope(index.analyse("do border guards take bribes in the capital weather"))
    assert diluted is not None
    assert diluted.entries < bribes.entries


def test_a_question_read_as_one_to_decline_is_not_offered_choices(
    index: MatchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "did you mean" from a confidence this one has, so that only its scope declines it
    matcher = Matcher(index, Thresholds(answer=0.95, clarify=0.1))
    question = "border guard requirements"
    monkeypatch.setattr(matcher_module, "DECLINED_FROM", 1.01)  # the scope never declines
    assert matcher.match(question).decision is Decision.CLARIFY
    monkeypatch.undo()
    assert matcher.match(question).decision is Decision.NONE
    # one about an entry keeps its choices
    assert matcher.match("why not convicted in the end").decision is Decision.CLARIFY


def test_a_question_read_as_about_an_entry_is_offered_choices(
    index: MatchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "did you mean" only from a confidence this one lacks, so that only its scope offers it
    matcher = Matcher(index, Thresholds(answer=0.95, clarify=0.5))
    question = "dropped"
    monkeypatch.setattr(matcher_module, "IN_SCOPE_FROM", 1.01)  # the scope never offers
    assert matcher.match(question).decision is Decision.NONE
    monkeypatch.undo()
    offered = matcher.match(question)
    assert offered.decision is Decision.CLARIFY
    assert offered.choices[0] == "court-cases"
    # one the classifier reads as one to decline is not
    assert matcher.match("border guard requirements").decision is Decision.NONE


def test_a_question_in_a_long_message_is_not_offered_from_below(engine: AnswerEngine) -> None:
    """Alone, a question read as about an entry is offered choices from a confidence of 0.1; as
    the question of a long message it is not: the long messages of the development set that
    were out of scope got choices that way (6 to 4 of 40), and none that was in scope lost
    them."""
    question = "what is the merida convention?"
    context = (
        "I run a small discussion group for students at our university, and this week we talked "
        "for a long time about migration and what people go through on the way. "
    )
    alone = engine.matcher.match(question)
    assert OFFER_FROM <= alone.confidence < engine.matcher.thresholds.clarify
    assert alone.decision is Decision.CLARIFY
    assert engine.matcher.match(context + question).decision is Decision.NONE
