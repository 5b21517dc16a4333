"""Chat shorthand is read as the words it stands for, by the matcher and the conversation."""

from __future__ import annotations

import pytest

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.matching import Decision, spelled_out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wat abt the courts", "what about the courts"),
        ("n who paid 4 it?", "and who paid 4 it?"),
        ("y is it so widespread tho", "why is it so widespread though"),
        ("Whos behind the report? pls", "who is behind the report? please"),
        # not shorthand: part of a word, or an apostrophe's
        ("rock 'n' roll", "rock 'n' roll"),
        ("the x-y axis", "the x-y axis"),
        ("UNODC and UNTOC", "UNODC and UNTOC"),
    ],
)
def test_shorthand_words_are_spelled_out(typed: str, meant: str) -> None:
    assert spelled_out(typed) == meant


def test_the_matcher_reads_a_question_in_shorthand_as_spelled_out(engine: AnswerEngine) -> None:
    typed = engine.matcher.match("wen did the main report come out")
    spelled = engine.matcher.match("when did the main report come out")
    assert typed.decision is spelled.decision is Decision.ANSWER
    assert typed.answer_id == spelled.answer_id == "report-release"


def test_and_in_shorthand_follows_up(conversation: Conversation) -> None:
    first = conversation.ask("who is marika mcadam")
    assert first.reply.entry_id == "marika-mcadam"
    then = conversation.ask("ok thx. n lelliott?", follows=first.reply.entry_id)
    assert then.reply.entry_id == "joseph-lelliott"
