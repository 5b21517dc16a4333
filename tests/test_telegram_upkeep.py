"""End to end, the upkeep loop in Telegram: what people do lands in the store with nothing that
says who they are, admins (and only they) get the reports and reload, and a knowledge-base edit
reaches the running bot without losing a question; a broken one never does."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot import wording
from bot.cli import main
from bot.conversation import Conversation
from bot.knowledge import answer_markup
from bot.replies import ReplyKind
from bot.settings import SHIPPED_KNOWLEDGE, Settings
from bot.store import Recorder
from bot.store.sqlite import SqliteStore
from bot.wording import FrontEnd
from handlers.app import build_application
from tests.support.fake_telegram import DEFAULT_GROUP_ID, DEFAULT_USER_ID, FakeTelegram
from tests.support.journal import RecordingJournal
from tests.support.running import Bot, running
from tests.support.shipped import shipped_engine

USER = DEFAULT_USER_ID
GROUP = DEFAULT_GROUP_ID
ADMIN = 424242
NEW_PHRASING = "who put up the money for this piece of work"


@dataclass
class Running:
    bot: Bot
    recorder: Recorder
    store_file: Path
    knowledge: Path


@pytest.fixture
async def upkeep(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    knowledge = Path(shutil.copytree(SHIPPED_KNOWLEDGE, tmp_path / "knowledge"))
    settings = Settings(
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        data_dir=tmp_path,
        knowledge_path=knowledge,
        admin_ids=frozenset({ADMIN}),
        _env_file=None,
    )
    store = SqliteStore(tmp_path / "bot.sqlite3")
    recorder = Recorder(store, retention=timedelta(days=90))
    # the shipped engine, built once per run: the copy it was loaded from is the same
    conversation = Conversation(shipped_engine(), recorder, FrontEnd.TELEGRAM)
    application = build_application(settings, conversation, store=store, rate_limiter=False)
    async with running(fake, application, post_init=True) as bot:
        await asyncio.sleep(0.3)  # the knowledge folder is being watched
        yield Running(bot, recorder, store.path, knowledge)
    recorder.close()


def clarified_question() -> str:
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    return next(
        q
        for q in ("protocol", "corruption report", "corruption and smuggling", "the 2021 report")
        if conversation.ask(q).reply.kind is ReplyKind.CLARIFY
    )


def rows(store_file: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(store_file)
    return {
        table: connection.execute(f"SELECT * FROM {table}").fetchall()
        for table in ("questions", "presses")
    }


def add_alternate(root: Path, entry_id: str, phrasing: str) -> None:
    file = next(
        f for f in (root / "entries").glob("*.yaml") if f"- id: {entry_id}\n" in f.read_text()
    )
    text = file.read_text()
    at = text.index("  alternates:\n", text.index(f"- id: {entry_id}\n")) + len("  alternates:\n")
    file.write_text(f"{text[:at]}    - {phrasing}\n{text[at:]}")


async def test_usage_lands_in_the_store_without_who_asked(upkeep: Running) -> None:
    bot, fake = upkeep.bot, upkeep.bot.fake
    await bot.send(fake.message("who funded the research?"))
    await bot.send(fake.group_message(f"@{fake.bot_user['username']} what is uncac"))
    await bot.send(fake.message("who won the football world cup"))
    await bot.send(
        fake.message("my boss took my passport and I can't leave, call +62 812 3456 789")
    )
    question = clarified_question()
    for _ in range(2):  # a choice taken, and "None of these"
        await bot.send(fake.message(question))
    [first, second] = [m["message_id"] for m in fake.bot_messages(USER)[-2:]]
    chosen = next(
        b["callback_data"]
        for m in fake.bot_messages(USER)[-2:-1]
        for row in m["reply_markup"]["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith("o:")
    )
    await bot.send(fake.callback_query(chosen, message_id=first))
    await bot.send(fake.callback_query("x:", message_id=second))
    answer_id = fake.bot_messages(USER)[0]["message_id"]
    await bot.send(
        fake.callback_query("n:report-funding", message_id=answer_id), "editMessageReplyMarkup"
    )
    assert upkeep.recorder.flush()

    kept = rows(upkeep.store_file)
    texts = [row[3] for row in kept["questions"]]
    assert texts == [
        "who funded the research?",
        "what is uncac",
        "who won the football world cup",
        None,  # the message from someone in danger: counted, never kept
        question,
        question,
    ]
    assert [row[2] for row in kept["questions"]] == [
        "private", "group", "private", "private", "private", "private"
    ]  # fmt: skip
    assert [(row[3], row[4], row[5]) for row in kept["presses"]] == [
        ("choice", chosen.removeprefix("o:"), question),
        ("none_of_these", None, question),
        ("unhelpful", "report-funding", None),
    ]
    everything = " ".join(str(cell) for table in kept.values() for row in table for cell in row)
    sender = fake.user(USER)
    for identifier in (str(USER), str(GROUP), sender["first_name"], sender.get("username")):
        assert identifier
        assert identifier not in everything
    assert "3456" not in everything


async def test_admins_get_the_reports_and_no_one_else_does(upkeep: Running) -> None:
    bot, fake = upkeep.bot, upkeep.bot.fake
    await bot.send(fake.message("who won the football world cup"))
    await bot.send(fake.message("who won the football world cup?"))
    assert upkeep.recorder.flush()
    for command in ("/stats", "/unanswered", "/reload"):
        [refused] = await bot.send(fake.message(command))
        assert refused.params["text"] == answer_markup.to_html(wording.UNKNOWN_COMMAND)
    [stats] = await bot.send(fake.message("/stats", user_id=ADMIN))
    assert stats.params["chat_id"] == str(ADMIN)
    assert "Questions about the report: <b>2</b>" in stats.params["text"]
    [gaps] = await bot.send(fake.message("/unanswered", user_id=ADMIN))
    assert "who won the football world cup" in gaps.params["text"]
    await bot.ignored(fake.group_message("/stats", user_id=ADMIN))  # private chats only


async def test_admins_see_their_commands_in_their_own_menu(upkeep: Running) -> None:
    menus = upkeep.bot.fake.calls("setMyCommands")
    everyone = [m for m in menus if "scope" not in m.params and "language_code" not in m.params]
    admins = [m for m in menus if m.params.get("scope") == {"type": "chat", "chat_id": ADMIN}]
    assert len(everyone) == len(admins) == 1
    public = {c["command"] for c in everyone[0].params["commands"]}
    own = {c["command"] for c in admins[0].params["commands"]}
    assert not {"stats", "unanswered", "reload"} & public
    assert own == public | {"stats", "unanswered", "reload"}


async def test_an_edit_reaches_the_running_bot_without_losing_a_question(upkeep: Running) -> None:
    bot, fake = upkeep.bot, upkeep.bot.fake
    data = bot.application.bot_data
    before = len(fake.calls("sendMessage"))
    add_alternate(upkeep.knowledge, "report-funding", NEW_PHRASING)
    askers = {str(person) for person in range(300_001, 300_041)}
    for person in askers:  # asked while the watcher sees the edit and the bot reloads
        fake.push_update(fake.message("who funded the research?", user_id=int(person)))
        await asyncio.sleep(0.05)
    for _ in range(200):
        knowledge = data.conversation.engine.knowledge
        answers = [c for c in fake.calls("sendMessage")[before:] if c.params["chat_id"] in askers]
        if len(answers) >= 40 and NEW_PHRASING in knowledge.entry("report-funding").alternates:
            break
        await asyncio.sleep(0.1)
    assert len(answers) == 40, "every question answered once"
    texts = {c.params["text"] for c in answers}
    assert len(texts) == 1, "by the old or the new knowledge base, the same answer"
    # the admins may be told of the reload meanwhile (a stale calibration): the asker's reply
    asker = 300_100
    fake.push_update(fake.message(NEW_PHRASING, user_id=asker))
    [answer] = await fake.wait_for_async(
        "sendMessage", predicate=lambda call: call.params["chat_id"] == str(asker)
    )
    assert {answer.params["text"]} == texts


async def test_a_broken_edit_keeps_answering_and_tells_the_admins(upkeep: Running) -> None:
    bot, fake = upkeep.bot, upkeep.bot.fake
    file = upkeep.knowledge / "entries" / "report.yaml"
    file.write_text(file.read_text().replace("  question:", "  question: [unclosed", 1))
    told = await fake.wait_for_async("sendMessage", 1, timeout=20)
    [notice] = [c for c in told if c.params["chat_id"] == str(ADMIN)]
    assert "was refused" in notice.params["text"]
    assert "report.yaml:" in notice.params["text"]
    [answer] = await bot.send(fake.message("who funded the research?"))
    assert "Department of Home Affairs" in answer.params["text"]
    [reloaded] = await bot.send(fake.message("/reload", user_id=ADMIN))
    assert "was refused" in reloaded.params["text"], "still broken: the admin is told again"


async def test_the_reports_read_the_store_while_the_bot_runs(
    upkeep: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    bot, fake = upkeep.bot, upkeep.bot.fake
    for question in ("who won the football world cup", "who won the football world cup ?"):
        await bot.send(fake.message(question))
    await bot.send(fake.message("who funded the research?"))
    assert upkeep.recorder.flush()
    store = str(upkeep.store_file)
    assert main(["unanswered", "--store", store, "--knowledge", str(upkeep.knowledge)]) == 0
    gaps = capsys.readouterr().out
    assert "who won the football world cup" in gaps
    assert "who funded the research" not in gaps
    assert main(["report", "--store", store, "--knowledge", str(upkeep.knowledge)]) == 0
    assert "report-funding" in capsys.readouterr().out


async def test_a_posted_inline_answer_is_recorded_as_an_inline_question(upkeep: Running) -> None:
    fake = upkeep.bot.fake
    posted = {
        "result_id": "report-funding",
        "from": fake.user(USER),
        "query": "who funded the research",
    }
    fake.push_update({"chosen_inline_result": posted})
    for _ in range(50):
        assert upkeep.recorder.flush()
        if rows(upkeep.store_file)["questions"]:
            break
        await asyncio.sleep(0.1)
    [row] = rows(upkeep.store_file)["questions"]
    assert (row[2], row[3], row[8]) == ("inline", "who funded the research", "report-funding")
