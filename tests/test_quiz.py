"""Quiz rounds without Telegram: what /quiz asks for, drawing, counting, results, persistence
across a restart, the terminal rehearsal, and the quiz file's validation."""

from __future__ import annotations

import io
import random
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot import wording
from bot.conversation import Conversation
from bot.knowledge import KnowledgeBase, QuizItem, check_knowledge
from bot.quiz import (
    MemoryRounds,
    QuizMaster,
    QuizRequest,
    QuizRequestError,
    RoundError,
    parse_request,
    views,
)
from bot.store import DiscardJournal
from bot.store.pseudonyms import KEY_FILE, Pseudonyms
from bot.store.sqlite import SqliteStore
from bot.store.sqlite_workshops import SqliteWorkshops
from bot.store.workshop_records import RoundState
from bot.terminal import TerminalChat
from bot.wording import FrontEnd
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine


@pytest.fixture
def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


def master(knowledge: KnowledgeBase, store: Any = None, clock: Clock | None = None) -> QuizMaster:
    return QuizMaster(
        store or MemoryRounds(), lambda: knowledge, rng=random.Random(7), clock=clock or Clock()
    )


class Clock:
    """A clock that moves only when told."""

    def __init__(self) -> None:
        self.now = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


# --- /quiz arguments -------------------------------------------------------------------------


def test_requests(knowledge: KnowledgeBase) -> None:
    assert parse_request([], knowledge) == QuizRequest()
    assert parse_request(["stop"], knowledge).stop
    law = parse_request(["law", "3"], knowledge)
    assert (law.topic and law.topic.id, law.count) == ("law", 3)
    assert parse_request(["8"], knowledge).count == 8
    assert parse_request(["International", "law"], knowledge).topic == knowledge.topic("law")
    with pytest.raises(QuizRequestError, match="1 to 20"):
        parse_request(["21"], knowledge)
    with pytest.raises(QuizRequestError, match="1 to 20"):  # not "no topic 'law -1'"
        parse_request(["law", "-1"], knowledge)
    with pytest.raises(QuizRequestError, match="no topic 'football': try one of report, findings"):
        parse_request(["football"], knowledge)
    with pytest.raises(QuizRequestError, match=r"no topic 'lwa' \(did you mean 'law'\?\)"):
        parse_request(["lwa"], knowledge)


# --- rounds ----------------------------------------------------------------------------------


def test_a_round_draws_its_topic_and_refuses_a_second(knowledge: KnowledgeBase) -> None:
    quiz = master(knowledge)
    started = quiz.start("chat", "ana", QuizRequest(topic=knowledge.topic("law"), count=3))
    assert len(started.items) == 3
    assert {i.topic for i in knowledge.quiz if i.id in started.items} == {"law"}
    with pytest.raises(RoundError):
        quiz.start("chat", "ben", QuizRequest())
    assert quiz.start("another chat", "ben", QuizRequest()).items, "one round per chat"


def test_answers_are_counted_once_and_results_rank_people(knowledge: KnowledgeBase) -> None:
    quiz = master(knowledge)
    started = quiz.start("chat", "ana", QuizRequest(count=2))
    first = quiz.next_question(started)
    assert first is not None
    assert (first.number, first.total) == (1, 2)
    quiz.sent_as(first, "poll-1")
    right, wrong = first.item.correct, (first.item.correct + 1) % len(first.item.options)
    assert quiz.answer("poll-1", "ana", [right])
    assert not quiz.answer("poll-1", "ana", [wrong]), "the first answer counts"
    assert quiz.answer("poll-1", "ben", [wrong])
    assert not quiz.answer("poll-unknown", "ben", [right])
    assert not quiz.answer("poll-1", "cy", []), "an answer taken back"
    second = quiz.next_question(first.quiz)
    assert second is not None
    quiz.sent_as(second, "poll-2")
    quiz.answer("poll-2", "ben", [second.item.correct])
    quiz.answer("poll-2", "cy", [second.item.correct])
    assert quiz.next_question(second.quiz) is None
    results = quiz.finish(second.quiz)
    assert results.quiz.state is RoundState.FINISHED
    assert dict(results.scores) == {"ana": 1, "ben": 1, "cy": 1}
    assert [(q.answered, q.right) for q in results.questions] == [(2, 1), (2, 2)]
    assert [q.missed for q in results.questions] == [False, False]
    assert quiz.running("chat") is None


def test_results_link_the_questions_the_room_missed(knowledge: KnowledgeBase) -> None:
    quiz = master(knowledge)
    started = quiz.start("chat", "ana", QuizRequest(count=2))
    first = quiz.next_question(started)
    assert first is not None
    quiz.sent_as(first, "p1")
    quiz.answer("p1", "ana", [(first.item.correct + 1) % len(first.item.options)])
    second = quiz.next_question(first.quiz)
    assert second is not None
    quiz.sent_as(second, "p2")
    quiz.answer("p2", "ana", [second.item.correct])
    results = quiz.finish(second.quiz, RoundState.STOPPED)
    text = views.final(results, {"ana": "Ana"}, lambda entry_id: f"https://t.me/b?start={entry_id}")
    assert text.startswith("**Quiz stopped.**")
    assert "- Ana: 1/2" in text
    assert f"(0% right): [read the answer](https://t.me/b?start={first.item.entry})" in text
    assert f"start={second.item.entry})" not in text
    anonymous = views.final(results, {}, lambda _: None)
    assert "- Participant 1: 1/2" in anonymous


def test_a_round_outlives_a_restart_in_the_store(knowledge: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    before = master(knowledge, SqliteWorkshops(SqliteStore(path)))
    started = before.start("chat", "ana", QuizRequest(count=3), workshop="w1")
    first = before.next_question(started)
    assert first is not None
    before.sent_as(first, "poll-1")
    before.answer("poll-1", "ana", [first.item.correct])
    after = master(knowledge, SqliteWorkshops(SqliteStore(path)))  # a new process
    running = after.running("chat")
    assert running is not None
    assert (running.id, running.sent, running.workshop) == (started.id, 1, "w1")
    assert after.answer("poll-1", "ben", [first.item.correct]), "late answers still count"
    second = after.next_question(running)
    assert second is not None
    assert second.number == 2
    assert dict(after.results(second.quiz).scores) == {"ana": 1, "ben": 1}


def test_a_question_counts_as_sent_only_once_it_is(knowledge: KnowledgeBase) -> None:
    clock = Clock()
    quiz = master(knowledge, clock=clock)
    started = quiz.start("chat", "ana", QuizRequest(count=2))
    first = quiz.next_question(started)
    assert first is not None
    assert quiz.next_question(started) == first, "not sent (a send failed): asked again"
    assert quiz.running("chat") == started
    clock.advance(seconds=5)
    quiz.sent_as(first, "poll-1")
    sent = quiz.running("chat")
    assert sent is not None
    assert (sent.sent, sent.sent_at) == (1, clock.now)
    second = quiz.next_question(sent)
    assert second is not None
    assert second.number == 2


def test_a_round_a_restart_left_behind_is_taken_up_once(
    knowledge: KnowledgeBase, tmp_path: Path
) -> None:
    clock = Clock()
    path = tmp_path / "bot.sqlite3"
    before = master(knowledge, SqliteWorkshops(SqliteStore(path)), clock)
    started = before.start("chat", "ana", QuizRequest(count=3))
    assert before.take_up("chat") is None, "this process times it"
    after = master(knowledge, SqliteWorkshops(SqliteStore(path)), clock)  # a new process
    taken = after.take_up("chat")
    assert taken is not None
    assert taken.id == started.id
    assert after.take_up("chat") is None, "taken up once"
    after.finish(taken, RoundState.STOPPED)
    assert after.take_up("chat") is None


def test_a_round_taken_up_goes_on_from_when_its_question_was_sent(
    knowledge: KnowledgeBase,
) -> None:
    clock = Clock()
    quiz = master(knowledge, clock=clock)
    started = quiz.start("chat", "ana", QuizRequest(count=3))
    assert quiz.moves_on_in(started, 32) == 0, "no question went out: ask the first at once"
    first = quiz.next_question(started)
    assert first is not None
    quiz.sent_as(first, "poll-1")
    asked = quiz.running("chat")
    assert asked is not None
    clock.advance(seconds=10)
    assert quiz.moves_on_in(asked, 32) == 22, "still open: the rest of its time"
    clock.advance(seconds=30)
    assert quiz.moves_on_in(asked, 32) == 0, "closed while the bot was down: at once"
    clock.advance(minutes=11)
    assert quiz.moves_on_in(asked, 32) is None, "closed long ago: the room has moved on"


def test_pseudonyms_are_stable_keyed_and_private(tmp_path: Path) -> None:
    first = Pseudonyms.in_folder(tmp_path)
    again = Pseudonyms.in_folder(tmp_path)
    assert first.person(12345) == again.person(12345)
    assert first.person(12345) != first.chat(12345)
    assert "12345" not in first.person(12345)
    assert Pseudonyms(b"another secret").person(12345) != first.person(12345)
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600


# --- the terminal rehearses ------------------------------------------------------------------


def test_the_terminal_runs_a_round_with_numbered_answers() -> None:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TERMINAL)
    output = io.StringIO()
    chat = TerminalChat(conversation, output, prompt=False)
    chat.run(io.StringIO("/quiz law 2\nwhat?\n1\n1\nwho funded the research\n"))
    out = output.getvalue()
    assert "1/2. " in out
    assert "2/2. " in out
    assert out.count("Type the number of your answer.") >= 2
    asked_again = (wording.QUIZ_TERMINAL_AGAIN.format(count=n) in out for n in range(2, 11))
    assert any(asked_again), "a non-number is asked again (the draw decides how many options)"
    assert "Your score: " in out
    assert "of 2." in out
    assert "Department of Home Affairs" in out, "questions are answered again after the round"


# --- the quiz file ---------------------------------------------------------------------------


def item(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "q-one",
        "entry": "alpha",
        "topic": "basics",
        "difficulty": "easy",
        "question": "Which?",
        "options": ["A", "B", "C"],
        "answer": "B",
        "explanation": "The entry says B.",
    }
    return base | fields


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"answer": "D"}, "not one of the options"),
        ({"options": ["A", "A"], "answer": "A"}, "the same"),
        ({"options": ["A"], "answer": "A"}, "at least 2"),
        ({"explanation": "x" * 201}, "at most 200"),
        ({"explanation": "a\nb\nc\nd"}, "line breaks"),
        ({"question": "q" * 293}, "at most 292"),
        ({"options": ["A", "b" * 101], "answer": "A"}, "at most 100"),
    ],
)
def test_quiz_items_fit_telegram(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        QuizItem.model_validate(item(**fields))
    assert QuizItem.model_validate(item()).correct == 1


def test_a_quiz_item_on_a_missing_entry_is_located(write_knowledge: WriteKnowledge) -> None:
    quiz = "- " + "\n  ".join(
        f"{key}: {value}" for key, value in item(entry="no-such-entry").items()
    )
    root = write_knowledge(
        [entry("alpha")], **{"quiz.yaml": quiz.replace("['A', 'B', 'C']", "[A, B, C]")}
    )
    knowledge, problems = check_knowledge(root)
    assert knowledge is None
    [problem] = problems
    assert problem.location.file == root / "quiz.yaml"
    assert problem.location.line == 3
    assert problem.entry_id == "q-one"
    assert "no-such-entry" in problem.message


def test_the_shipped_quiz_is_big_enough_and_spread(knowledge: KnowledgeBase) -> None:
    assert len(knowledge.quiz) >= 40
    assert {i.topic for i in knowledge.quiz} == {t.id for t in knowledge.topics}
    assert len({i.id for i in knowledge.quiz}) == len(knowledge.quiz)
    assert {i.entry for i in knowledge.quiz} <= {e.id for e in knowledge.entries}
    assert len({i.correct for i in knowledge.quiz}) > 1, "the right option is not always first"


def test_the_round_in_progress_is_kept_once_started(knowledge: KnowledgeBase) -> None:
    rounds = MemoryRounds()
    started = master(knowledge, rounds).start("c", "s", QuizRequest(count=1))
    assert rounds.rounds[started.id].started_at <= datetime.now(UTC)


def test_every_number_a_quiz_answer_teaches_is_in_its_entry(knowledge: KnowledgeBase) -> None:
    """A quiz adds no facts: each figure, year or article number in the right answer and the
    explanation is one its entry states."""
    missing = [
        (item.id, number)
        for item in knowledge.quiz
        for number in re.findall(r"\d[\d,.]*\d|\d", f"{item.answer} {item.explanation}")
        if number not in knowledge.entry(item.entry).answer
    ]
    assert missing == []
