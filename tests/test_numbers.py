"""Numbers people type: a quiz round's length, a quiz answer and an option in the terminal,
read by one helper that never raises, whatever is typed."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import wording
from bot.conversation import Conversation
from bot.knowledge import KnowledgeBase
from bot.numbers import whole_number
from bot.quiz import QuizRequest, QuizRequestError, parse_request
from bot.quiz.rehearsal import Rehearsal
from bot.store import DiscardJournal
from bot.terminal import TerminalChat
from bot.wording import FrontEnd
from tests.support.shipped import shipped_engine

# what people type for a number, and near misses: superscripts, other scripts' digits, signs
NUMBERISH = st.one_of(st.text(), st.text(st.sampled_from("0123456789+-²¹٣๒e._ ")))
ODD = ["²", "+-5", "--1", "1e3", "3.0", "½", "Ⅻ", "1_000", " 3", "", "9" * 5000]


def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


def test_whole_numbers_and_what_is_not_one() -> None:
    assert [whole_number(text) for text in ["3", "-1", "+2", "007", "٣", "๒"]] == [
        3,
        -1,
        2,
        7,
        3,
        2,
    ]
    assert [whole_number(text) for text in ODD] == [None] * len(ODD)


@given(NUMBERISH)
def test_any_text_is_a_number_or_none(text: str) -> None:
    number = whole_number(text)
    assert number is None or number == int(text)


@given(st.from_regex(r"[+-]?[0-9]{1,30}", fullmatch=True))
def test_any_written_number_is_read(text: str) -> None:
    assert whole_number(text) == int(text)


@pytest.mark.parametrize("odd", ["+-5", "²", "1e3"])
def test_an_odd_quiz_count_is_taken_for_a_topic_and_explained(odd: str) -> None:
    with pytest.raises(QuizRequestError, match=re.escape(f"no topic '{odd}': try one of")):
        parse_request([odd], knowledge())


@given(st.lists(NUMBERISH, max_size=3))
def test_any_quiz_arguments_make_a_round_or_say_why_not(words: list[str]) -> None:
    try:
        request = parse_request(words, knowledge())
    except QuizRequestError:
        return
    assert isinstance(request, QuizRequest)


@given(NUMBERISH)
def test_any_text_typed_in_a_rehearsal_is_an_answer_or_asked_again(text: str) -> None:
    rehearsal = Rehearsal(knowledge)
    rehearsal.start(["1"])
    options = rehearsal.question.item.options if rehearsal.question else ()
    reply = rehearsal.answer(text)
    number = whole_number(text)
    if number is not None and 1 <= number <= len(options):
        assert reply.startswith(("✅", "❌"))
    else:
        assert reply == wording.QUIZ_TERMINAL_AGAIN.format(count=len(options))


@pytest.mark.parametrize("odd", ODD[:6])
def test_the_terminal_chat_goes_on_after_an_odd_number(odd: str) -> None:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TERMINAL)
    output = io.StringIO()
    chat = TerminalChat(conversation, output, prompt=False)
    lines = f"what is uncac\n{odd}\n/quiz 1\n{odd}\n/quiz stop\nwho funded the research\n"
    assert chat.run(io.StringIO(lines)) == 0
    out = output.getvalue()
    assert wording.QUIZ_TERMINAL_AGAIN.partition("{count}")[0] in out, "asked again"
    assert "Department of Home Affairs" in out
