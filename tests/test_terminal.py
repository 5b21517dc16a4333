"""The terminal chat, driven through standard input as a person would type."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path
from unittest.mock import ANY

from bot import wording
from bot.callbacks import Action, Callback
from bot.conversation import Conversation
from bot.replies import ReplyKind
from bot.store import ChatKind, DiscardJournal, Pressed, PressKind
from bot.terminal import TerminalChat
from bot.wording import FrontEnd
from tests.support.journal import RecordingJournal
from tests.support.shipped import shipped_engine


def chat(lines: str) -> str:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TERMINAL)
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


def test_python_m_bot_starts_the_chat_without_a_token_and_records(tmp_path: Path) -> None:
    env = {"PATH": "", "TELEGRAM_BOT_TOKEN": "", "HOME": "/nonexistent", "DATA_DIR": str(tmp_path)}
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
    kept = sqlite3.connect(tmp_path / "bot.sqlite3").execute("SELECT chat, text FROM questions")
    assert kept.fetchall() == [("terminal", "who wrote the report")], "written out on /quit"


def test_terminal_shows_only_what_works_there() -> None:
    out = chat("/help\n")
    assert "/topics" in out
    assert "/quit" in out
    for telegram_only in ("/ask", "username", "inline mode", "groups"):
        assert telegram_only not in out


def test_a_telegram_command_says_so_and_keeps_the_quiz_going() -> None:
    """Found by a trainer rehearsing a quiz: "/scores" and "/next" were declined as questions,
    with a numbered list of topics on screen while the quiz waited for a number."""
    out = chat("/quiz law 1\n/scores\n/nonsense\n1\n/quit\n")
    assert wording.TELEGRAM_ONLY.format(command="/scores") in out
    assert wording.UNKNOWN_COMMAND in out
    assert wording.OUT_OF_SCOPE not in out
    assert "Your score: " in out, "the quiz took the answer after them"


def test_read_more_is_printed_once_per_answer() -> None:
    out = chat("who funded the research\n")
    assert out.count("Read more") == 1
    assert "Links:" in out


def test_an_unknown_deep_link_is_explained_not_dropped() -> None:
    out = chat("/start no-such-entry\n")
    assert "Sorry, I don't know that link" in out


def _clarified(conversation: Conversation) -> str:
    return next(
        q
        for q in ("protocol", "corruption report", "corruption and smuggling", "the 2021 report")
        if conversation.ask(q).reply.kind is ReplyKind.CLARIFY
    )


def test_none_of_these_records_the_question_it_answers() -> None:
    journal = RecordingJournal()
    conversation = Conversation(shipped_engine(), journal, FrontEnd.TERMINAL)
    terminal = TerminalChat(conversation, io.StringIO(), prompt=False)
    question = _clarified(conversation)
    terminal.show(terminal.respond(question))
    none = terminal.options.index(Callback(Action.NONE_OF_THESE)) + 1
    terminal.respond(str(none))
    assert journal.presses == [
        Pressed(ANY, ChatKind.TERMINAL, PressKind.NONE_OF_THESE, None, question)
    ]


def test_a_choice_taken_is_recorded_with_its_question_and_only_from_did_you_mean() -> None:
    journal = RecordingJournal()
    conversation = Conversation(shipped_engine(), journal, FrontEnd.TERMINAL)
    terminal = TerminalChat(conversation, io.StringIO(), prompt=False)
    question = _clarified(conversation)
    terminal.show(terminal.respond(question))
    first = terminal.options[0]
    terminal.show(terminal.respond("1"))  # the first choice: an answer, with related questions
    related = next(i for i, c in enumerate(terminal.options, 1) if c.action is Action.OPEN)
    terminal.show(terminal.respond(str(related)))
    assert [(p.kind, p.entry_id, p.question) for p in journal.presses] == [
        (PressKind.CHOICE, first.argument, question)
    ]


def test_glossary_works_in_the_terminal() -> None:
    out = chat("/glossary uncac\n")
    assert "UNCAC: United Nations Convention against Corruption" in out
    assert "1. UNCAC" in out


def test_what_to_do_right_after_the_note_gets_it_again() -> None:
    out = chat("they took my passport and lock the door at night\nwhat should i do\n")
    assert out.count("not a reporting channel") == 2
