"""End to end, the workshop kit in a Telegram group: quiz rounds with several players, /next,
the leaderboard, who may stop a round, a restart mid-round, a round a restart left without its
timer, a question that could not be sent, and a workshop session's summary."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.error import BadRequest

from bot import wording
from bot.cli import main
from bot.conversation import Conversation
from bot.knowledge import answer_markup
from bot.settings import Settings
from bot.store import Recorder
from bot.store.sqlite import SqliteStore, stored_time
from bot.store.sqlite_workshops import SqliteWorkshops
from bot.wording import FrontEnd
from handlers import quiz
from handlers.app import build_application
from tests.support.fake_telegram import DEFAULT_GROUP_ID, DEFAULT_USER_ID, Call, FakeTelegram
from tests.support.running import Bot, running
from tests.support.shipped import shipped_engine

GROUP = DEFAULT_GROUP_ID
ANA, BEN, CY = DEFAULT_USER_ID, 100002, 100003  # CY runs the group

Start = Callable[[], AbstractAsyncContextManager[Bot]]


@pytest.fixture
def start(fake: FakeTelegram, tmp_path: Path) -> Start:
    """Starts the bot over one data folder; call again for a restart."""
    fake.chat_admins[GROUP] = {CY}
    for user_id, name in ((ANA, "Ana"), (BEN, "Ben"), (CY, "Cy")):
        fake.user(user_id, first_name=name)

    def started() -> AbstractAsyncContextManager[Bot]:
        settings = Settings(
            telegram_bot_token=fake.token,
            telegram_api_base_url=fake.base_url,
            data_dir=tmp_path,
            _env_file=None,
        )
        store = SqliteStore(tmp_path / "bot.sqlite3")
        recorder = Recorder(store, retention=timedelta(days=90))
        conversation = Conversation(shipped_engine(), recorder, FrontEnd.TELEGRAM)
        application = build_application(
            settings,
            conversation,
            store=store,
            workshops=SqliteWorkshops(store),
            rate_limiter=False,
        )
        return running(fake, application)

    return started


@pytest.fixture
async def bot(start: Start) -> AsyncIterator[Bot]:
    async with start() as running_bot:
        yield running_bot


def said(call: Call) -> str:
    return str(call.params["text"])


def html(markup: str) -> str:
    return answer_markup.to_html(markup)


async def command(bot: Bot, text: str, user_id: int, method: str = "sendMessage") -> Call:
    [call] = await bot.send(bot.fake.group_message(text, user_id=user_id), method)
    return call


async def answer(bot: Bot, poll: dict[str, Any], user_id: int, *, right: bool) -> None:
    """Answer once the bot has the poll back from sendPoll: the fake records the call before it
    answers, and no one can answer a poll before Telegram has delivered it."""
    for _ in range(100):
        if bot.application.bot_data.quiz.store.poll(poll["id"]) is not None:
            break
        await asyncio.sleep(0.05)
    correct = poll["correct_option_ids"][0]
    choice = correct if right else (correct + 1) % len(poll["options"])
    bot.fake.push_update(bot.fake.poll_answer(poll["id"], [choice], user_id=user_id))


async def settled(bot: Bot, store: Path, answers: int) -> None:
    for _ in range(100):
        count = sqlite3.connect(store).execute("SELECT count(*) FROM quiz_answers").fetchone()[0]
        if count >= answers:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{answers} answers not counted")


async def test_a_group_round_with_two_players(bot: Bot, tmp_path: Path) -> None:
    fake = bot.fake
    [started] = await bot.send(fake.group_message("/quiz law 2", user_id=ANA), "sendPoll")
    first = fake.sent_polls()[-1]
    assert started.params["chat_id"] == str(GROUP)
    assert started.params["type"] == "quiz"
    assert started.params["is_anonymous"] is False or started.params["is_anonymous"] == "false"
    assert started.params["question"].startswith("1/2. ")
    assert started.params["open_period"] in (30, "30")
    await answer(bot, first, ANA, right=True)
    await answer(bot, first, BEN, right=False)
    await settled(bot, tmp_path / "bot.sqlite3", 2)
    refused = await command(bot, "/next", BEN)
    assert said(refused) == html(wording.QUIZ_ONLY_STARTER)
    standings = await command(bot, "/scores", BEN)
    assert "after 1 of 2" in said(standings)
    assert "Ana: 1/1" in said(standings)
    await command(bot, "/next", ANA, "sendPoll")
    second = fake.sent_polls()[-1]
    await answer(bot, second, ANA, right=False)
    await answer(bot, second, BEN, right=False)
    await settled(bot, tmp_path / "bot.sqlite3", 4)
    results = said(await command(bot, "/next", ANA))
    assert results.startswith("<b>Quiz over!</b>")
    assert "Ana: 1/2" in results
    assert "Ben: 0/2" in results
    assert "(50% right)" in results
    assert f'(0% right): <a href="https://t.me/{fake.bot_user["username"]}?start=' in results
    kept = sqlite3.connect(tmp_path / "bot.sqlite3")
    cells = " ".join(
        str(cell)
        for table in ("quiz_rounds", "quiz_answers", "quiz_polls")
        for row in kept.execute(f"SELECT * FROM {table}")
        for cell in row
    )
    for identifier in (str(ANA), str(BEN), str(GROUP), "Ana", "Ben"):
        assert identifier not in cells


async def test_only_the_starter_or_a_chat_admin_stops_a_round(bot: Bot) -> None:
    fake = bot.fake
    await bot.send(fake.group_message("/quiz 3", user_id=ANA), "sendPoll")
    busy = await command(bot, "/quiz", BEN)
    assert said(busy) == html(wording.QUIZ_RUNNING)
    refused = await command(bot, "/quiz stop", BEN)
    assert said(refused) == html(wording.QUIZ_ONLY_STARTER)
    stopped = await command(bot, "/quiz stop", CY)
    assert said(stopped).startswith("<b>Quiz stopped.</b>")
    nothing = await command(bot, "/scores", ANA)
    assert said(nothing) == html(wording.QUIZ_NONE_RUNNING)


async def test_a_restart_mid_round_goes_on_where_it_stopped(start: Start, tmp_path: Path) -> None:
    async with start() as before:
        await before.send(before.fake.group_message("/quiz 2", user_id=ANA), "sendPoll")
        first = before.fake.sent_polls()[-1]
        await answer(before, first, BEN, right=True)
        await settled(before, tmp_path / "bot.sqlite3", 1)
    async with start() as after:  # a new process: names and timers are gone, the round is not
        await answer(after, first, ANA, right=True)  # sent while the bot was down
        await settled(after, tmp_path / "bot.sqlite3", 2)
        standings = said(await command(after, "/scores", ANA))
        assert "after 1 of 2" in standings
        assert "Participant" in standings, "Ben's name went with the old process"
        assert "Ana: 1/1" in standings
        await command(after, "/next", ANA, "sendPoll")
        assert after.fake.sent_polls()[-1]["question"].startswith("2/2. ")


def rewind(store: Path, **delta: float) -> None:
    """Date the running round's latest question back: as if the bot had been down that long."""
    kept = sqlite3.connect(store)
    with kept:
        sent_at = stored_time(datetime.now(UTC) - timedelta(**delta))
        kept.execute("UPDATE quiz_rounds SET sent_at = ? WHERE state = 'running'", (sent_at,))
    kept.close()


async def errors_seen(bot: Bot) -> list[type[BaseException]]:
    """The errors the handlers raised, once the error handlers have run (one after the other)."""
    for _ in range(100):
        if bot.errors:
            break
        await asyncio.sleep(0.01)
    seen = [type(error) for error in bot.errors]
    bot.errors.clear()  # seen and checked: the fixture's "no handler raised" is for the rest
    return seen


async def test_a_round_a_restart_left_behind_goes_on_at_the_next_quiz_command(
    start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with start() as before:
        await before.send(before.fake.group_message("/quiz 2", user_id=ANA), "sendPoll")
    rewind(tmp_path / "bot.sqlite3", minutes=1)  # down a minute: the first question has closed
    monkeypatch.setattr(quiz, "GRACE_SECONDS", 0.5 - 30)  # the next closes in 0.5 s here
    async with start() as after:  # a new process: the round is kept, its timer is not
        fake = after.fake
        standings = said(await command(after, "/scores", BEN))  # anyone's quiz command
        assert "after 1 of 2" in standings
        await fake.wait_for_async("sendPoll", 2)
        assert fake.sent_polls()[-1]["question"].startswith("2/2. "), "moved on at once"
        [results] = await fake.wait_for_async(
            "sendMessage", predicate=lambda c: "Quiz over" in said(c)
        )
        assert "Nobody answered." in said(results), "and timed again: the round ended"
        polled = await command(after, "/quiz 1", BEN, "sendPoll")
        assert polled.params["question"].startswith("1/1. "), "a new round"


async def test_a_round_left_behind_too_long_ends_for_a_new_one(
    start: Start, tmp_path: Path
) -> None:
    async with start() as before:
        await before.send(before.fake.group_message("/quiz 2", user_id=ANA), "sendPoll")
    rewind(tmp_path / "bot.sqlite3", hours=2)  # down for hours: the room has moved on
    async with start() as after:
        ended, started = await after.send(after.fake.group_message("/quiz 1", user_id=BEN), count=2)
        assert said(ended).startswith(html(wording.QUIZ_INTERRUPTED))
        assert "<b>Quiz stopped.</b>" in said(ended)
        assert said(started).startswith("<b>Quiz</b>: 1 question(s)."), "a new round"
        await after.fake.wait_for_async("sendPoll", 2)
        assert after.fake.sent_polls()[-1]["question"].startswith("1/1. ")


async def test_a_question_that_cannot_be_sent_ends_the_round(bot: Bot, tmp_path: Path) -> None:
    fake = bot.fake
    await bot.send(fake.group_message("/quiz 3", user_id=ANA), "sendPoll")
    await answer(bot, fake.sent_polls()[-1], BEN, right=True)
    await settled(bot, tmp_path / "bot.sqlite3", 1)
    fake.fail_next("sendPoll", 400, description="Bad Request: not enough rights to send polls")
    ended = said(await command(bot, "/next", ANA))
    assert ended.startswith(html(wording.QUIZ_NOT_SENT))
    assert "<b>Quiz stopped.</b>" in ended
    assert "Ben: 1/1" in ended, "the results of the one question sent"
    assert await errors_seen(bot) == [BadRequest], "logged by the error handler"
    polled = await command(bot, "/quiz 1", BEN, "sendPoll")
    assert polled.params["question"].startswith("1/1. "), "not stuck: a new round starts"


async def test_the_next_question_comes_when_the_poll_closes(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quiz, "GRACE_SECONDS", 0.5 - 30)  # open 30 s for people, 0.5 s here
    await bot.send(bot.fake.group_message("/quiz 2", user_id=ANA), "sendPoll")
    await bot.fake.wait_for_async("sendPoll", 2, timeout=5)
    results = await bot.fake.wait_for_async(
        "sendMessage", 1, timeout=5, predicate=lambda c: "Quiz over" in str(c.params["text"])
    )
    assert "Nobody answered." in said(results[0])


async def test_a_workshop_session_and_its_summary(bot: Bot) -> None:
    fake = bot.fake
    mention = f"@{fake.bot_user['username']}"
    refused = await command(bot, "/workshop start Bangkok training", ANA)
    assert said(refused) == html(wording.WORKSHOP_ADMINS_ONLY)
    opened = await command(bot, "/workshop start Bangkok training", CY)
    assert "Workshop started" in said(opened)
    await bot.send(fake.group_message(f"{mention} who funded the research?", user_id=ANA))
    await bot.send(fake.group_message(f"{mention} what is uncac", user_id=BEN))
    await bot.send(fake.group_message(f"{mention} who won the football world cup", user_id=BEN))
    await bot.send(fake.message("what is actip", user_id=BEN))  # a private chat: not the session's
    before = len(fake.calls("sendMessage"))
    fake.push_update(fake.group_message("/workshop end", user_id=CY))
    calls = await fake.wait_for_async("sendMessage", before + 2)
    summary, private = calls[before], calls[before + 1]
    assert summary.params["chat_id"] == str(GROUP)
    assert private.params["chat_id"] == str(CY)
    assert said(private) == said(summary)
    text = said(summary)
    assert "Workshop summary: Bangkok training" in text
    assert "Questions asked: 3 (answered 2" in text
    assert "who won the football world cup" in text
    assert "User" not in text
    assert str(ANA) not in text


async def test_the_trainer_reports_on_the_session_afterwards(
    bot: Bot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = bot.fake
    await command(bot, "/workshop start Hanoi roundtable", CY)
    await bot.send(fake.group_message(f"@{fake.bot_user['username']} what is uncac", user_id=ANA))
    await bot.send(fake.group_message("/quiz 1", user_id=ANA), "sendPoll")
    await answer(bot, fake.sent_polls()[-1], BEN, right=True)
    await settled(bot, tmp_path / "bot.sqlite3", 1)
    await command(bot, "/next", ANA)  # the results
    before = len(fake.calls("sendMessage"))
    fake.push_update(fake.group_message("/workshop end", user_id=CY))
    await fake.wait_for_async("sendMessage", before + 1)
    store = str(tmp_path / "bot.sqlite3")
    assert main(["workshop", "list", "--store", store]) == 0
    [listed] = capsys.readouterr().out.splitlines()
    session = listed.split()[0]
    assert listed.endswith("Hanoi roundtable")
    assert main(["workshop", "report", session, "--store", store]) == 0
    markdown = capsys.readouterr().out
    assert "**Workshop summary: Hanoi roundtable**" in markdown
    assert "Questions asked: 1 (answered 1" in markdown
    assert "**Quiz round 1**" in markdown
    assert "- Participant 1: 1/1" in markdown, "no names are kept for afterwards"
    page = tmp_path / "report.html"
    assert (
        main(["workshop", "report", session, "--store", store, "--format", "html", "-o", str(page)])
        == 0
    )
    assert page.read_text().startswith("<!doctype html>")
    assert "<b>Workshop summary: Hanoi roundtable</b>" in page.read_text()
    capsys.readouterr()
    nowhere = tmp_path / "missing" / "report.md"
    assert main(["workshop", "report", session, "--store", store, "-o", str(nowhere)]) == 1
    assert capsys.readouterr().err == f"error: cannot write {nowhere}: No such file or directory\n"
    assert main(["workshop", "report", "nope", "--store", store]) == 1
