"""End to end: the real python-telegram-bot Application against the fake Bot API server.

Each test sends updates the way Telegram would and asserts the exact Bot API calls the bot
makes in return: method, chat, text, parse mode and keyboard.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import CommandHandler

from bot import wording
from bot.conversation import Conversation
from bot.knowledge import answer_markup
from bot.replies import ReplyKind
from bot.settings import Settings
from bot.wording import FrontEnd
from handlers.app import TelegramApplication, build_application
from handlers.context import Context
from tests.support.fake_telegram import DEFAULT_GROUP_ID, DEFAULT_USER_ID, Call, FakeTelegram
from tests.support.feedback import RecordingFeedback
from tests.support.shipped import shipped_engine

USER = DEFAULT_USER_ID
GROUP = DEFAULT_GROUP_ID
QUIET_SECONDS = 0.5  # how long "no reply" is waited for


class Bot:
    """The running application, the fake server, and the errors handlers raised."""

    def __init__(self, fake: FakeTelegram, application: TelegramApplication) -> None:
        self.fake = fake
        self.application = application
        self.errors: list[BaseException] = []

    async def send(
        self, update: dict[str, Any], method: str = "sendMessage", count: int = 1
    ) -> list[Call]:
        """Push an update and wait for the bot's `count` new calls of `method`."""
        before = len(self.fake.calls(method))
        self.fake.push_update(update)
        calls = await self.fake.wait_for_async(method, before + count)
        return calls[before:]

    async def ignored(self, update: dict[str, Any]) -> None:
        """Push an update and check that the bot sends nothing."""
        before = len(self.fake.calls("sendMessage"))
        self.fake.push_update(update)
        await asyncio.sleep(QUIET_SECONDS)
        assert len(self.fake.calls("sendMessage")) == before


@pytest.fixture
async def bot(
    fake: FakeTelegram, feedback: RecordingFeedback, tmp_path: Path
) -> AsyncIterator[Bot]:
    settings = Settings(
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        data_dir=tmp_path,
        _env_file=None,
    )
    conversation = Conversation(shipped_engine(), feedback, FrontEnd.TELEGRAM)
    application = build_application(settings, conversation, rate_limiter=False)
    running = Bot(fake, application)

    async def record(update: object, context: Context) -> None:
        assert context.error is not None
        running.errors.append(context.error)

    application.add_error_handler(record)
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        await application.start()
        yield running
        await application.updater.stop()
        await application.stop()
    assert running.errors == [], "handlers raised"


def keyboard(call: Call) -> list[list[dict[str, Any]]]:
    markup_: dict[str, Any] = call.params.get("reply_markup") or {}
    rows: list[list[dict[str, Any]]] = markup_.get("inline_keyboard", [])
    return rows


def callbacks(call: Call) -> list[str]:
    return [b["callback_data"] for row in keyboard(call) for b in row if "callback_data" in b]


def answer_html(entry_id: str) -> str:
    return answer_markup.to_html(shipped_engine().knowledge.entry(entry_id).answer)


# --- private chat ---------------------------------------------------------------------------


async def test_start_welcomes_with_examples_and_commands(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/start"))
    assert reply.params["chat_id"] == str(USER)
    assert reply.params["parse_mode"] == "HTML"
    assert reply.params["text"].startswith("Hello! I answer questions")
    assert "/topics" in reply.params["text"]
    assert "unofficial companion" in reply.params["text"]
    assert len(callbacks(reply)) == 3
    assert all(data.startswith("o:") for data in callbacks(reply))


async def test_deep_link_opens_the_answer(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/start uncac"))
    assert reply.params["text"] == answer_html("uncac")
    data = callbacks(reply)
    assert data[0] == "s:uncac"
    assert data[-2:] == ["y:uncac", "n:uncac"]
    urls = [b["url"] for row in keyboard(reply) for b in row if "url" in b]
    assert urls == [link.url for link in shipped_engine().knowledge.entry("uncac").links]


async def test_unknown_deep_link_explains_and_welcomes(bot: Bot) -> None:
    [welcome] = await bot.send(bot.fake.message("/start no-such-entry"))
    assert welcome.params["text"].startswith("Sorry, I don't know that link")
    assert "Hello!" in welcome.params["text"]
    assert len(callbacks(welcome)) == 3


async def test_question_is_answered_without_link_previews(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("who funded the research?"))
    assert reply.params["text"] == answer_html("report-funding")
    assert reply.params["parse_mode"] == "HTML"
    assert reply.params["link_preview_options"] == {"is_disabled": True}


async def test_clarify_then_tap_a_choice(bot: Bot, feedback: RecordingFeedback) -> None:
    question = _clarified_question()
    [reply] = await bot.send(bot.fake.message(question))
    assert reply.params["text"] == wording.DID_YOU_MEAN
    choices = callbacks(reply)
    assert choices[-1] == "x:"
    assert 1 <= len(choices) - 1 <= 3
    message_id = bot.fake.bot_messages(USER)[-1]["message_id"]
    [opened] = await bot.send(bot.fake.callback_query(choices[0], message_id=message_id))
    assert opened.params["text"] == answer_html(choices[0].removeprefix("o:"))
    [none] = await bot.send(bot.fake.callback_query("x:", message_id=message_id))
    assert none.params["text"] == answer_markup.to_html(wording.NONE_OF_THESE)
    assert feedback.unanswered_questions == [(question, "none_of_these")]


def _clarified_question() -> str:
    conversation = Conversation(shipped_engine(), RecordingFeedback(), FrontEnd.TELEGRAM)
    candidates = [
        "corruption and smuggling",
        "the 2021 report",
        "corruption report",
        "protocol",
        "bali process members and objectives",
    ]
    clarified = [q for q in candidates if conversation.ask(q).reply.kind is ReplyKind.CLARIFY]
    assert clarified, "no vague question left that the matcher clarifies: add one"
    return clarified[0]


async def test_out_of_scope_is_declined_with_topics(bot: Bot, feedback: RecordingFeedback) -> None:
    [reply] = await bot.send(bot.fake.message("what is the capital of Indonesia"))
    assert reply.params["text"] == answer_markup.to_html(wording.OUT_OF_SCOPE)
    data = callbacks(reply)
    assert sum(d.startswith("o:") for d in data) == 2
    assert {d for d in data if d.startswith("p:")} == {
        f"p:{t.id}" for t in shipped_engine().knowledge.topics
    }
    assert feedback.unanswered_questions == [("what is the capital of Indonesia", "out_of_scope")]


async def test_other_languages_are_told_english_only(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("Apa itu korupsi dalam penyelundupan manusia?"))
    assert reply.params["text"] == answer_markup.to_html(wording.NOT_ENGLISH)
    [reply] = await bot.send(bot.fake.message("什么是腐败"))
    assert reply.params["text"] == answer_markup.to_html(wording.NOT_ENGLISH)


async def test_small_talk_and_danger(bot: Bot) -> None:
    [hello] = await bot.send(bot.fake.message("hi"))
    assert hello.params["text"] == answer_markup.to_html(wording.GREETING)
    [danger] = await bot.send(bot.fake.message("my boss took my passport and I can't leave"))
    assert danger.params["text"] == answer_markup.to_html(wording.DANGER)
    assert keyboard(danger) == []


async def test_topic_browsing_edits_one_message_there_and_back(bot: Bot) -> None:
    [menu] = await bot.send(bot.fake.message("/topics"))
    assert callbacks(menu) == [f"p:{t.id}" for t in shipped_engine().knowledge.topics]
    [law] = await bot.send(bot.fake.callback_query("p:law"), method="editMessageText")
    assert law.params["text"].startswith("<b>International law</b>")
    assert "o:uncac" in callbacks(law)
    assert callbacks(law)[-1] == "t:"
    [back] = await bot.send(bot.fake.callback_query("t:"), method="editMessageText")
    assert callbacks(back) == callbacks(menu)
    assert len(bot.fake.calls("sendMessage")) == 1, "browsing does not flood the chat"
    assert len(bot.fake.calls("answerCallbackQuery")) == 2


async def test_sources_and_feedback(bot: Bot, feedback: RecordingFeedback) -> None:
    await bot.send(bot.fake.message("/start untoc"))
    [sources] = await bot.send(bot.fake.callback_query("s:untoc"))
    assert sources.params["text"].startswith("<b>Sources</b>")
    for source in shipped_engine().knowledge.entry("untoc").sources:
        assert answer_markup.to_html(source) in sources.params["text"]
    first_id = bot.fake.bot_messages(USER)[0]["message_id"]  # the answer, with 👍 / 👎
    [edited] = await bot.send(
        bot.fake.callback_query("y:untoc", message_id=first_id), method="editMessageReplyMarkup"
    )
    assert "y:untoc" not in callbacks(edited)
    assert "k:" in callbacks(edited)
    assert "s:untoc" in callbacks(edited), "the other buttons stay"
    ack = bot.fake.calls("answerCallbackQuery")[-1]
    assert ack.params["text"] == wording.RATED
    assert feedback.ratings == [("untoc", True)]


async def test_non_text_messages_get_a_polite_note(bot: Bot) -> None:
    for update in (bot.fake.sticker(), bot.fake.photo(), bot.fake.voice(), bot.fake.document()):
        [reply] = await bot.send(update)
        assert reply.params["text"] == wording.NON_TEXT


# --- inline mode ----------------------------------------------------------------------------


async def test_inline_query_lists_answers(bot: Bot) -> None:
    [answered] = await bot.send(
        bot.fake.inline_query("who funded the research"), "answerInlineQuery"
    )
    results = answered.params["results"]
    assert results[0]["id"] == "report-funding"
    assert results[0]["title"] == shipped_engine().knowledge.entry("report-funding").question
    assert results[0]["description"]
    assert results[0]["input_message_content"]["message_text"] == answer_html("report-funding")
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    for result in results:
        buttons = [
            b for row in result.get("reply_markup", {}).get("inline_keyboard", []) for b in row
        ]
        assert all("url" in b for b in buttons)
    [empty] = await bot.send(bot.fake.inline_query(""), "answerInlineQuery")
    assert len(empty.params["results"]) >= 6


# --- groups ---------------------------------------------------------------------------------


async def test_group_ignores_plain_messages_and_answers_when_addressed(bot: Bot) -> None:
    username = bot.fake.bot_user["username"]
    await bot.ignored(bot.fake.group_message("who funded the research?"))
    [mention] = await bot.send(bot.fake.group_message(f"@{username} who funded the research?"))
    assert mention.params["chat_id"] == str(GROUP)
    assert mention.params["text"] == answer_html("report-funding")
    bots_message = bot.fake.bot_messages(GROUP)[-1]["message_id"]
    [reply] = await bot.send(bot.fake.group_message("who wrote the report?", reply_to=bots_message))
    assert reply.params["text"] == answer_html("report-authors")
    [asked] = await bot.send(bot.fake.group_message(f"/ask@{username} what is UNCAC"))
    assert asked.params["text"] == answer_html("uncac")
    await bot.ignored(bot.fake.group_message("/ask@another_bot what is UNCAC"))
    await bot.ignored(bot.fake.sticker(chat_id=GROUP, chat_type="group"))
    [usage] = await bot.send(bot.fake.group_message("/ask"))
    assert usage.params["text"].startswith("Type your question after /ask")
    assert "reply_parameters" in mention.params, "in groups the answer quotes the question"


async def test_private_answers_do_not_quote(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("who funded the research?"))
    assert "reply_parameters" not in reply.params


# --- the application -----------------------------------------------------------------------


async def test_commands_menu_and_handlers_come_from_one_table(bot: Bot) -> None:
    registered = {
        command
        for handlers in bot.application.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }
    assert registered == {command.name for command in wording.COMMANDS}
    post_init = bot.application.post_init
    assert post_init is not None
    await post_init(bot.application)  # what run_polling does on start
    [menu] = bot.fake.calls("setMyCommands")
    assert [(c["command"], c["description"]) for c in menu.params["commands"]] == [
        (command.name, command.menu) for command in wording.COMMANDS
    ]


# --- errors ---------------------------------------------------------------------------------


async def test_a_handler_that_raises_gets_the_apology_sent_and_the_error_logged(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(question: str) -> None:
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(bot.application.bot_data.conversation, "ask", broken)
    [apology] = await bot.send(bot.fake.message("who funded the research?"))
    assert apology.params["text"] == wording.SORRY
    for _ in range(100):  # the error handlers run one after the other: wait for ours
        if bot.errors:
            break
        await asyncio.sleep(0.01)
    assert [str(error) for error in bot.errors] == ["the matcher broke"]
    assert any(
        record.levelname == "ERROR" and "handler failed on update" in record.getMessage()
        for record in caplog.records
    )
    bot.errors.clear()  # seen and checked: the fixture's "no handler raised" is for other tests
