"""The terminal chat, driven through standard input as a person would type."""

from __future__ import annotations

import io
import subprocess
import sys

from bot.callbacks import Action, Callback
from bot.conversation import Conversation
from bot.feedback import LogFeedback
from bot.replies import ReplyKind
from bot.terminal import TerminalChat
from bot.wording import FrontEnd
from tests.support.feedback import RecordingFeedback
from tests.support.shipped import shipped_engine


def chat(lines: str) -> str:
    conversation = Conversation(shipped_engine(), LogFeedback(), FrontEnd.TERMINAL)
    output = io.StringIO()
    assert TerminalChat(conversation, output, prompt=False).run(io.StringIO(lines)) == 0
    return output.getvalue()


def test_question_answer_and_numbered_choices() -> None:
    out = chat("who funded the research\n1\n/quit\nnever read\n")
    assert "Department of Home Affairs" in out
    assert "1. 📚 Sources" in out
    assert "**Sources**" not in out
    assert "Sources\n\n• " in out  # pressing 1 showed the sources list
    assert "never read" not in out


def test_topics_browsing_and_back() -> None:
    out = chat("/topics\n4\n")
    assert "1. About the report" in out
    assert "International law" in out
    assert "⬅️ Back to topics" in out


def test_feedback_and_out_of_scope() -> None:
    out = chat("what is uncac\n")
    options = [line for line in out.splitlines() if line.strip().endswith("👍")]
    number = options[-1].strip().split(".")[0]
    out = chat(f"what is uncac\n{number}\nhow do I make coffee\n")
    assert "Thanks for the feedback!" in out
    assert "I don't have an answer to that." in out


def test_unknown_number_is_a_question_not_a_crash() -> None:
    out = chat("99\n")
    assert "Please type a question" in out


def test_python_m_bot_starts_the_chat_without_a_token() -> None:
    env = {"PATH": "", "TELEGRAM_BOT_TOKEN": "", "HOME": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        input="who wrote the report\n/quit\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Hello! I answer questions" in result.stdout
    assert "University of Queensland" in result.stdout


def test_terminal_shows_only_what_works_there() -> None:
    out = chat("/help\n")
    assert "/topics" in out
    assert "/quit" in out
    for telegram_only in ("/ask", "username", "inline mode", "groups"):
        assert telegram_only not in out


def test_read_more_is_printed_once_per_answer() -> None:
    out = chat("who funded the research\n")
    assert out.count("Read more") == 1
    assert "Links:" in out


def test_an_unknown_deep_link_is_explained_not_dropped() -> None:
    out = chat("/start no-such-entry\n")
    assert "Sorry, I don't know that link" in out


def test_none_of_these_records_the_question_it_answers() -> None:
    feedback = RecordingFeedback()
    conversation = Conversation(shipped_engine(), feedback, FrontEnd.TERMINAL)
    terminal = TerminalChat(conversation, io.StringIO(), prompt=False)
    question = next(
        q
        for q in ("protocol", "corruption report", "corruption and smuggling", "the 2021 report")
        if conversation.ask(q).reply.kind is ReplyKind.CLARIFY
    )
    terminal.show(terminal.respond(question))
    none = terminal.options.index(Callback(Action.NONE_OF_THESE)) + 1
    terminal.respond(str(none))
    assert feedback.unanswered_questions == [(question, "none_of_these")]


def test_glossary_works_in_the_terminal() -> None:
    out = chat("/glossary uncac\n")
    assert "UNCAC: United Nations Convention against Corruption" in out
    assert "1. UNCAC" in out
