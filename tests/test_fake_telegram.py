"""The fake Bot API server against the real python-telegram-bot, so e2e tests can trust it."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    Poll,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, EndPointNotFound, InvalidToken, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.support.fake_telegram import (
    DEFAULT_GROUP_ID,
    DEFAULT_USER_ID,
    FakeTelegram,
    ManualClock,
    TelegramLimits,
    parse_html,
)

USER = DEFAULT_USER_ID
GROUP = DEFAULT_GROUP_ID
FORM = "application/x-www-form-urlencoded"
KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Yes", callback_data="ans:yes")],
        [InlineKeyboardButton("No", url="https://example.org")],
    ]
)


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as bot:
        yield bot


def raw_post(url: str, body: bytes, content_type: str) -> Any:
    """A request straight to the fake, outside PTB; an HTTP error's JSON body is returned."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with opener.open(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        with error:
            return json.load(error)


# --- plain Bot ----------------------------------------------------------------------------------


async def test_get_me_returns_the_configured_bot(fake: FakeTelegram) -> None:
    custom = FakeTelegram(bot_username="other_bot", can_read_all_group_messages=True)
    with custom:
        async with Bot("123:abc", base_url=custom.base_url) as bot:
            me = await bot.get_me()
    assert me.username == "other_bot"
    assert me.is_bot
    assert me.can_read_all_group_messages is True
    assert me.supports_inline_queries is True
    assert custom.last("getMe").token == "123:abc"


async def test_send_message_records_decoded_keyboard(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "[1] Pick one", reply_markup=KEYBOARD)

    call = fake.last("sendMessage")
    assert call.token == fake.token
    assert call.params["chat_id"] == str(USER)  # scalars stay strings, as sent on the wire
    assert call.params["text"] == "[1] Pick one"  # free text is never JSON-decoded
    assert call.params["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "ans:yes"}],
            [{"text": "No", "url": "https://example.org"}],
        ]
    }
    assert sent.text == "[1] Pick one"
    assert sent.chat.id == USER
    assert sent.chat.type == "private"
    assert sent.from_user is not None
    assert sent.from_user.username == fake.bot_user["username"]
    assert sent.reply_markup == KEYBOARD
    second = await bot.send_message(USER, "again")
    assert second.message_id > sent.message_id


async def test_html_is_parsed_like_telegram(bot: Bot) -> None:
    sent = await bot.send_message(
        USER,
        '🙂 <b>Bold</b> &amp; <a href="https://x.org/?a=1&amp;b=2">link</a>',
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == "🙂 Bold & link"
    assert sent.parse_entities() == {
        MessageEntity("bold", 3, 4): "Bold",
        MessageEntity("text_link", 10, 4, url="https://x.org/?a=1&b=2"): "link",
    }
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(USER, "a <br> b", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(USER, "<b>unclosed", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(USER, "1 < 2", parse_mode=ParseMode.HTML)


def test_parse_html_nesting_and_pre_language() -> None:
    text, entities = parse_html('<b>a<i>b</i></b><pre><code class="language-py">x</code></pre>')
    assert text == "abx"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "italic", "offset": 1, "length": 1},
        {"type": "pre", "language": "py", "offset": 2, "length": 1},
    ]


async def test_strict_limits(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, "   ")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(USER, "hi", reply_markup=too_long)


async def test_callback_query_edit_and_answer(fake: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(USER, "Question?", reply_markup=KEYBOARD)
    with pytest.raises(ValueError, match="no button"):
        fake.callback_query("ans:maybe")
    fake.push_update(fake.callback_query("ans:yes"))  # the bot's latest message in the chat

    [update] = await bot.get_updates(timeout=0)
    query = update.callback_query
    assert query is not None
    assert query.data == "ans:yes"
    assert query.from_user.id == USER
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id, text="Thanks")
    assert fake.last("answerCallbackQuery").params == {
        "callback_query_id": query.id,
        "text": "Thanks",
    }

    edited = await bot.edit_message_text("Answered", chat_id=USER, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.text == "Answered"
    assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard
    assert edited.edit_date is not None
    assert fake.bot_messages(USER)[-1]["text"] == "Answered"
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Answered", chat_id=USER, message_id=sent.message_id)

    relabelled = await bot.edit_message_reply_markup(
        chat_id=USER, message_id=sent.message_id, reply_markup=KEYBOARD
    )
    assert not isinstance(relabelled, bool)
    assert relabelled.reply_markup == KEYBOARD
    with pytest.raises(BadRequest, match=r"(?i)query id is invalid"):
        await bot.answer_callback_query("not-issued")


async def test_answer_inline_query(fake: FakeTelegram, bot: Bot) -> None:
    fake.push_update(fake.inline_query("smuggling", offset=""))
    [update] = await bot.get_updates(timeout=0)
    assert update.inline_query is not None
    assert update.inline_query.query == "smuggling"

    article = InlineQueryResultArticle(
        id="q-1",
        title="Smuggling",
        input_message_content=InputTextMessageContent("<b>Answer</b>", parse_mode="HTML"),
    )
    assert await bot.answer_inline_query(update.inline_query.id, [article], cache_time=0)

    params = fake.last("answerInlineQuery").params
    assert params["cache_time"] == "0"
    [result] = params["results"]
    assert result["type"] == "article"
    assert result["id"] == "q-1"
    assert result["input_message_content"] == {
        "message_text": "<b>Answer</b>",
        "parse_mode": "HTML",
    }
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(update.inline_query.id, [article, article])


async def test_get_updates_offsets_limit_and_acknowledgement(fake: FakeTelegram, bot: Bot) -> None:
    first = fake.push_update(fake.message("one"))
    second = fake.push_update(fake.message("two", user_id=USER + 1))

    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [first, second]
    assert [u.message.text for u in updates if u.message] == ["one", "two"]
    assert updates[1].effective_chat is not None
    assert updates[1].effective_chat.id == USER + 1  # private chat id == user id

    assert [u.update_id for u in await bot.get_updates(offset=second, timeout=0)] == [second]
    assert [u["update_id"] for u in fake.pending_updates()] == [second]  # first is confirmed
    assert await bot.get_updates(offset=second + 1, timeout=0) == ()
    assert fake.pending_updates() == []

    ids = [fake.push_update(fake.message(str(n))) for n in range(3)]
    assert [u.update_id for u in await bot.get_updates(limit=2, timeout=0)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(offset=-1, timeout=0)] == ids[-1:]
    with pytest.raises(ValueError, match="not above"):
        fake.push_update({"update_id": ids[0], "message": {}})


async def test_allowed_updates_filter(fake: FakeTelegram, bot: Bot) -> None:
    fake.push_update(fake.message("text"))
    cq = fake.push_update(fake.callback_query("x", message_id=77))
    updates = await bot.get_updates(timeout=0, allowed_updates=["callback_query"])
    assert [u.update_id for u in updates] == [cq]


async def test_long_poll_returns_early_when_an_update_is_pushed(
    fake: FakeTelegram, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await fake.wait_for_async("getUpdates")
    await asyncio.sleep(0.1)
    assert not poll.done()

    pushed_at = time.monotonic()
    update_id = fake.push_update(fake.message("hello"))
    updates = await asyncio.wait_for(poll, timeout=3)
    assert time.monotonic() - pushed_at < 1
    assert [u.update_id for u in updates] == [update_id]


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=dtm.timedelta(milliseconds=300)) == ()
    assert 0.25 <= time.monotonic() - started < 2


def test_stop_releases_pending_long_poll() -> None:
    fake = FakeTelegram().start()
    result: dict[str, Any] = {}

    def poll() -> None:
        url = f"{fake.base_url}{fake.token}/getUpdates"
        result["body"] = raw_post(url, b"timeout=30", "application/x-www-form-urlencoded")

    thread = threading.Thread(target=poll)
    thread.start()
    fake.wait_for("getUpdates")
    started = time.monotonic()
    fake.stop()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert time.monotonic() - started < 1.5
    assert result["body"] == {"ok": True, "result": []}


async def test_fail_next_maps_to_ptb_exceptions(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", 429, retry_after=2)
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(USER, "hi")
    assert flood.value.retry_after == dtm.timedelta(seconds=2)
    assert (await bot.send_message(USER, "hi")).text == "hi"  # one failure only

    fake.fail_next("sendMessage", 400, description="Bad Request: chat not found")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(USER, "hi")
    fake.fail_next("getUpdates", 409)
    with pytest.raises(Conflict):
        await bot.get_updates(timeout=0)
    fake.fail_next("getMe", 401, description="Unauthorized")
    with pytest.raises(InvalidToken):
        await bot.get_me()
    assert [c.method for c in fake.calls("sendMessage")] == ["sendMessage"] * 3


async def test_wait_for_helpers(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(RuntimeError, match="wait_for_async"):
        fake.wait_for("getMe")  # would block the loop the bot runs on
    with pytest.raises(AssertionError, match="calls seen:\n  getMe"):
        await fake.wait_for_async("sendMessage", timeout=0.1)

    waiting = asyncio.create_task(
        asyncio.to_thread(
            fake.wait_for, "sendMessage", 2, 5.0, lambda c: c.params["text"].startswith("b")
        )
    )
    for text in ("a1", "b1", "a2", "b2", "b3"):
        await bot.send_message(USER, text)
    calls = await waiting
    assert [c.params["text"] for c in calls] == ["b1", "b2"]


async def test_polls_regular_and_quiz_and_poll_answers(fake: FakeTelegram, bot: Bot) -> None:
    poll = await bot.send_poll(USER, "Which?", ["a", "b"], is_anonymous=False)
    assert poll.poll is not None
    assert [o.text for o in poll.poll.options] == ["a", "b"]
    assert poll.poll.is_anonymous is False
    assert poll.poll.type == Poll.REGULAR

    quiz = await bot.send_poll(
        USER,
        "[Quiz] Which convention?",
        ["UNTOC", "UNCAC", "Bali"],
        type=Poll.QUIZ,
        correct_option_ids=[1],
        explanation="[1] UNCAC is about corruption",
        open_period=30,
    )
    assert quiz.poll is not None
    assert quiz.poll.type == Poll.QUIZ
    assert quiz.poll.question == "[Quiz] Which convention?"  # free text is never JSON-decoded
    assert quiz.poll.is_anonymous is True  # Telegram's default
    assert quiz.poll.correct_option_ids == (1,)
    assert quiz.poll.explanation == "[1] UNCAC is about corruption"
    assert fake.last("sendPoll").params["open_period"] == "30"  # recorded, not echoed back
    with pytest.raises(BadRequest, match="2-12 options"):
        await bot.send_poll(USER, "Only one?", ["a"])

    answer = {
        "poll_id": quiz.poll.id,
        "user": fake.user(),
        "option_ids": [1],
        "option_persistent_ids": [quiz.poll.options[1].persistent_id],  # Bot API 9.6
    }
    fake.push_update({"poll_answer": answer})
    [update] = await bot.get_updates(timeout=0)
    assert update.poll_answer is not None
    assert update.poll_answer.poll_id == quiz.poll.id
    assert update.poll_answer.option_ids == (1,)


async def test_set_my_commands_is_validated(fake: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_my_commands([BotCommand("start", "Start"), ("help", "Help")])
    assert fake.last("setMyCommands").params["commands"][1] == {
        "command": "help",
        "description": "Help",
    }
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([("Start!", "bad")])


async def test_webhook_blocks_get_updates_until_deleted(fake: FakeTelegram, bot: Bot) -> None:
    fake.push_update(fake.message("queued"))
    assert await bot.set_webhook("https://example.invalid/hook", secret_token="s3cret")
    assert fake.last("setWebhook").params["secret_token"] == "s3cret"
    assert len(fake.pending_updates()) == 1
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert fake.pending_updates() == []
    assert await bot.get_updates(timeout=0) == ()


async def test_unmodelled_methods_are_not_found_like_unknown_ones(
    fake: FakeTelegram, bot: Bot
) -> None:
    with pytest.raises(InvalidToken):  # how PTB reports a 404 from its named methods
        await bot.delete_message(USER, 1)
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    not_found = {"ok": False, "error_code": 404, "description": "Not Found"}
    form = "application/x-www-form-urlencoded"
    url = f"{fake.base_url}{fake.token}/sendChatAction"
    assert raw_post(url, f"chat_id={USER}&action=typing".encode(), form) == not_found
    methods = [c.method for c in fake.calls()]
    assert methods[-3:] == ["deleteMessage", "noSuchMethod", "sendChatAction"]  # still recorded
    file_url = f"{fake.base_url.removesuffix('/bot')}/file/bot{fake.token}/files/x"
    assert raw_post(file_url, b"", form) == not_found


async def test_builders_make_updates_ptb_accepts(fake: FakeTelegram, bot: Bot) -> None:
    username = fake.bot_user["username"]
    builders = [
        fake.message("🙂 /help@" + username, username="ana"),
        fake.group_message(f"@{username} what is smuggling?", title="Research"),
        fake.group_message("hi", chat_id=-1001234, chat_type="supergroup", reply_to=1),
        fake.sticker(),
        fake.photo(caption="look"),
        fake.voice(),
        fake.document(),
    ]
    for payload in builders:
        fake.push_update(payload)
    updates = await bot.get_updates(timeout=0)
    private, group, supergroup, sticker, photo, voice, document = (u.message for u in updates)
    assert all(m is not None for m in (private, group, supergroup, sticker, photo, voice, document))
    assert private is not None
    assert private.from_user is not None
    assert private.from_user.username == "ana"
    assert private.chat.username == "ana"
    assert list(private.parse_entities([MessageEntity.BOT_COMMAND]).values()) == [
        f"/help@{username}"
    ]
    assert group is not None
    assert (group.chat.id, group.chat.type, group.chat.title) == (
        DEFAULT_GROUP_ID,
        "group",
        "Research",
    )
    assert list(group.parse_entities([MessageEntity.MENTION]).values()) == [f"@{username}"]
    assert supergroup is not None
    assert supergroup.chat.type == "supergroup"
    assert supergroup.reply_to_message is not None
    assert sticker is not None
    assert sticker.sticker is not None
    assert photo is not None
    assert photo.photo
    assert photo.caption == "look"
    assert voice is not None
    assert voice.voice is not None
    assert document is not None
    assert document.document is not None
    with pytest.raises(ValueError, match="private"):
        fake.message("x", chat_id=5, user_id=6)
    with pytest.raises(ValueError, match="negative"):
        fake.group_message("x", chat_id=5)


# --- flood limits -------------------------------------------------------------------------------


def retry_seconds(flood: RetryAfter) -> float:
    value = flood.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def try_send(bot: Bot, chat_id: int, text: str) -> float | None:
    """None when delivered, else the retry_after (seconds) of the 429 that refused it."""
    try:
        await bot.send_message(chat_id, text)
    except RetryAfter as flood:
        return retry_seconds(flood)
    return None


async def test_group_takes_twenty_messages_a_minute(fake: FakeTelegram, bot: Bot) -> None:
    clock = ManualClock()
    fake.enforce_limits(clock=clock)
    outcomes: list[float | None] = []
    for n in range(25):  # one every 0.1 s: 2.4 s in all
        if n:
            clock.advance(0.1)
        outcomes.append(await try_send(bot, GROUP, f"g{n}"))

    assert outcomes[:20] == [None] * 20
    refusals = outcomes[20:]
    assert all(wait is not None and 1 <= wait <= 60 for wait in refusals), refusals
    assert refusals[0] == 58  # the first message (t=0) leaves the minute at t=60; now t=2.0
    assert fake.delivered(GROUP) == [f"g{n}" for n in range(20)]
    assert [c.params["text"] for c in fake.refused("sendMessage")] == [
        f"g{n}" for n in range(20, 25)
    ]
    assert fake.refused_count == 5
    assert len(fake.bot_messages(GROUP)) == 20  # refused messages were not stored either
    assert len(fake.calls("sendMessage")) == 25  # but every call is recorded

    last_wait = refusals[-1]  # refused at t=2.4
    assert last_wait == 58
    clock.advance(last_wait - 1.7)  # t=58.7: the first message leaves the minute in 1.3 s
    assert await try_send(bot, GROUP, "early") == 2  # whole seconds, rounded up
    clock.advance(1.7)  # t=60.4: the last refusal's retry_after has passed
    assert await try_send(bot, GROUP, "on time") is None
    assert fake.delivered(GROUP)[-1] == "on time"
    assert fake.refused_count == 6


async def test_private_chat_takes_a_burst_of_two_then_one_a_second(
    fake: FakeTelegram, bot: Bot
) -> None:
    clock = ManualClock()
    fake.enforce_limits(clock=clock)
    sent = await bot.send_message(USER, "one")
    await bot.send_poll(USER, "two?", ["a", "b"])  # polls count like messages
    url = f"{fake.base_url}{fake.token}/sendMessage"
    assert raw_post(url, f"chat_id={USER}&text=three".encode(), FORM) == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    assert fake.delivered(USER) == ["one", "two?"]
    assert [c.params["text"] for c in fake.refused()] == ["three"]

    clock.advance(0.5)
    assert await try_send(bot, USER, "half a second later") == 1  # whole seconds, at least 1
    assert await try_send(bot, USER + 1, "another chat") is None  # per chat: not affected
    clock.advance(0.5)
    assert await try_send(bot, USER, "a second later") is None
    assert await try_send(bot, USER, "right after") == 1  # the burst is spent: 1 a second now
    assert fake.delivered(USER) == ["one", "two?", "a second later"]

    # Edits and callback answers are outside the limits, even in a chat that is held back.
    edited = await bot.edit_message_text("edited", chat_id=USER, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.text == "edited"
    fake.push_update(fake.callback_query("x", message_id=sent.message_id, check_button=False))
    [update] = await bot.get_updates(timeout=0)
    assert update.callback_query is not None
    assert await bot.answer_callback_query(update.callback_query.id)
    assert fake.refused_count == 3

    for n in range(25):  # one a second is fine for as long as it lasts (no 20-a-minute cap)
        clock.advance(1)
        assert await try_send(bot, USER, f"steady {n}") is None
    assert fake.refused_count == 3
    with pytest.raises(AssertionError, match=r"'text': 'three'\} \[refused: 429\]"):
        fake.last("noSuchMethod")


async def test_thirty_messages_a_second_across_chats(fake: FakeTelegram, bot: Bot) -> None:
    clock = ManualClock()
    limits = TelegramLimits(clock=clock)
    assert FakeTelegram(limits=limits).limits == limits  # or set them on a running fake:
    fake.limits = limits
    step = 1 / 64  # exact in binary, so the window's edge below is hit exactly
    outcomes = []
    for n in range(40):  # 40 private chats, one message each, within 0.61 s
        if n:
            clock.advance(step)
        outcomes.append(await try_send(bot, USER + n, f"hi {n}"))
    assert outcomes == [None] * 30 + [1] * 10
    assert fake.refused_count == 10
    assert [n for n in range(40) if fake.delivered(USER + n)] == list(range(30))
    clock.advance(25 * step)  # exactly 1 s after the first send, which leaves the window
    assert await try_send(bot, USER + 39, "again") is None
    assert fake.delivered(USER + 39) == ["again"]


def test_concurrent_sends_cannot_overshoot_a_limit(fake: FakeTelegram) -> None:
    assert fake.enforce_limits() == TelegramLimits()  # the FAQ's numbers, time.monotonic
    url = f"{fake.base_url}{fake.token}/sendMessage"

    def send(n: int) -> Any:
        return raw_post(url, f"chat_id={GROUP}&text=t{n}".encode(), FORM)

    with ThreadPoolExecutor(max_workers=20) as pool:
        bodies = list(pool.map(send, range(40)))
    assert sum(body["ok"] for body in bodies) == 20
    refused = [body for body in bodies if not body["ok"]]
    assert len(refused) == fake.refused_count == 20
    assert all(body["error_code"] == 429 for body in refused)
    assert all(50 <= body["parameters"]["retry_after"] <= 60 for body in refused)
    assert len(fake.delivered(GROUP)) == 20


async def test_limits_are_off_by_default(fake: FakeTelegram, bot: Bot) -> None:
    assert fake.limits is None
    for n in range(40):
        await bot.send_message(GROUP, f"g{n}")
        await bot.send_message(USER, f"p{n}")
    assert fake.refused_count == 0
    assert fake.refused() == []
    assert fake.delivered(GROUP) == [f"g{n}" for n in range(40)]
    assert len(fake.delivered(USER)) == 40

    clock = ManualClock()
    fake.enforce_limits(per_group_per_minute=None, clock=clock)  # None: that limit is off
    for n in range(25):
        await bot.send_message(GROUP, f"again {n}")
        clock.advance(0.1)
    assert fake.refused_count == 0
    fake.limits = None  # and all of them off again
    for _ in range(3):
        await bot.send_message(USER, "quick")
    assert fake.refused_count == 0
    with pytest.raises(ValueError, match="per_chat_burst"):
        TelegramLimits(per_chat_burst=0)
    with pytest.raises(ValueError, match="overall_per_second"):
        fake.enforce_limits(overall_per_second=0)


# --- full Application with the real Updater --------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("<b>Welcome</b>", reply_markup=KEYBOARD)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(f"You chose {query.data}")


async def on_mention(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("Asked in the group")


@pytest.fixture
async def app(
    fake: FakeTelegram,
) -> AsyncIterator[tuple[Application[Any, Any, Any, Any, Any, Any], list[object]]]:
    application = ApplicationBuilder().token(fake.token).base_url(fake.base_url).build()
    errors: list[object] = []

    async def record_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(on_button, pattern="^ans:"))
    mention = filters.ChatType.GROUPS & filters.Mention(fake.bot_user["username"])
    application.add_handler(MessageHandler(mention, on_mention))
    application.add_error_handler(record_error)
    assert application.updater is not None
    async with application:
        await application.updater.start_polling(timeout=1, poll_interval=0)
        await application.start()
        try:
            yield application, errors
        finally:
            await application.updater.stop()
            await application.stop()


async def test_application_answers_start_via_polling(
    fake: FakeTelegram, app: tuple[Application[Any, Any, Any, Any, Any, Any], list[object]]
) -> None:
    _, errors = app
    fake.push_update(fake.message("/start"))

    [reply] = await fake.wait_for_async("sendMessage")
    assert reply.params["chat_id"] == str(USER)
    assert reply.params["text"] == "<b>Welcome</b>"
    assert reply.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ans:yes"
    methods = [c.method for c in fake.calls()]
    assert methods[:2] == ["getMe", "deleteWebhook"]
    assert "getUpdates" in methods

    fake.push_update(fake.callback_query("ans:yes"))
    [edit] = await fake.wait_for_async("editMessageText")
    assert edit.params["text"] == "You chose ans:yes"
    assert fake.calls("answerCallbackQuery")

    fake.push_update(fake.group_message(f"@{fake.bot_user['username']} hello?"))
    [group_reply] = await fake.wait_for_async(
        "sendMessage", predicate=lambda c: c.params["chat_id"] == str(DEFAULT_GROUP_ID)
    )
    assert group_reply.params["text"] == "Asked in the group"
    assert errors == []


async def test_application_survives_a_flood_wait_on_get_updates(
    fake: FakeTelegram, app: tuple[Application[Any, Any, Any, Any, Any, Any], list[object]]
) -> None:
    _, errors = app
    fake.fail_next("getUpdates", 429, retry_after=0)  # the poll after the pending one fails
    fake.push_update(fake.message("/start"))
    await fake.wait_for_async("sendMessage")
    fake.push_update(fake.message("/start"))
    await fake.wait_for_async("sendMessage", count=2)
    statuses = [c.method for c in fake.calls("getUpdates")]
    assert len(statuses) >= 3
    assert errors == []
