"""Delivery: what is retried (not sent, 5xx, 429), what is not (a read timeout: Telegram may
have delivered), what is dropped without an apology (403, a 400 about a chat or message gone),
what is a bug of ours (any other 400), and the pulse it keeps."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from bot import wording
from bot.health import Pulse
from bot.pacing import chat_book, group_book
from handlers import delivery
from handlers.delivery import DeliveringRequest, PulseKeeper
from handlers.pacing import Pace
from tests.support.fake_telegram import DEFAULT_USER_ID, FakeTelegram
from tests.support.running import Bot, fake_settings, running, shipped_application

URL = "https://api.telegram.org/bot1:x/sendMessage"
USER = DEFAULT_USER_ID


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "FIRST_BACKOFF_SECONDS", 0.01)


class Script:
    """What `HTTPXRequest.do_request` does, call after call."""

    def __init__(self, *outcomes: tuple[int, bytes] | BaseException) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        self.calls += 1
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


def failure(error: TimedOut | NetworkError, cause: Exception) -> BaseException:
    error.__cause__ = cause
    return error


OK = (200, b'{"ok": true, "result": true}')
FLOODED = (429, json.dumps({"ok": False, "parameters": {"retry_after": 1}}).encode())


@pytest.fixture
def pulse(tmp_path: Path) -> PulseKeeper:
    return PulseKeeper(tmp_path / "pulse.json", "polling")


Scripting = Callable[..., Script]


@pytest.fixture
def script(monkeypatch: pytest.MonkeyPatch) -> Scripting:
    """Makes the transport under the request behave as scripted."""

    def use(*outcomes: tuple[int, bytes] | BaseException) -> Script:
        scripted = Script(*outcomes)
        monkeypatch.setattr(HTTPXRequest, "do_request", scripted)
        return scripted

    return use


async def test_not_sent_and_5xx_are_retried(script: Scripting, pulse: PulseKeeper) -> None:
    not_connected = failure(NetworkError("connect"), httpx.ConnectError("refused"))
    done = script(not_connected, (500, b"{}"), (502, b"{}"), OK)
    request = DeliveringRequest(pulse, patience=30)
    assert await request.do_request(URL, "POST") == OK
    assert done.calls == 4
    assert Pulse.read(pulse.path) is not None


async def test_429_is_left_to_the_rate_limiter(script: Scripting, pulse: PulseKeeper) -> None:
    done = script(FLOODED, OK)
    assert await DeliveringRequest(pulse, patience=30).do_request(URL, "POST") == FLOODED
    assert done.calls == 1


async def test_the_rate_limiter_holds_every_send_after_a_429(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # as the bot runs
    pace = Pace(group_book(), chat_book(), patience=30)
    answers: list[float] = []

    async def send(flooded: list[bool]) -> bool:
        answers.append(time.monotonic())
        if flooded:
            flooded.pop()
            raise RetryAfter(timedelta(seconds=0.2))
        return True

    started = time.monotonic()
    assert await pace.process_request(send, ([True],), {}, "sendMessage", {"chat_id": 5}, None)
    assert len(answers) == 2
    assert answers[1] - answers[0] >= 0.2
    await pace.process_request(send, ([],), {}, "sendMessage", {"chat_id": 6}, None)
    assert answers[2] - started >= 0.2, "other chats waited too"
    assert pace.overall.in_flight == 0, "every place given back, the refused send's too"
    short = Pace(group_book(), chat_book(), patience=0.1)
    with pytest.raises(RetryAfter):
        await short.process_request(send, ([True],), {}, "sendMessage", {"chat_id": 7}, None)
    assert short.overall.in_flight == 0


async def test_a_read_timeout_is_not_sent_again(script: Scripting, pulse: PulseKeeper) -> None:
    done = script(failure(TimedOut("read"), httpx.ReadTimeout("slow")), OK)
    with pytest.raises(TimedOut):
        await DeliveringRequest(pulse, patience=30).do_request(URL, "POST")
    assert done.calls == 1, "Telegram may have delivered it"
    assert (read := Pulse.read(pulse.path)) is not None
    assert read.failing_since is not None


async def test_patience_runs_out(script: Scripting, pulse: PulseKeeper) -> None:
    done = script(*[(500, b"{}")] * 50)
    status, _ = await DeliveringRequest(pulse, patience=0.05).do_request(URL, "POST")
    assert status == 500
    assert 1 < done.calls < 50


async def test_a_delivered_reply_clears_the_failure(script: Scripting, pulse: PulseKeeper) -> None:
    script((500, b"{}"), OK)
    await DeliveringRequest(pulse, patience=0).do_request(URL, "POST")
    await DeliveringRequest(pulse, patience=0).do_request(URL, "POST")
    read = Pulse.read(pulse.path)
    assert read is not None
    assert read.failing_since is None
    assert read.delivered is not None


# --- end to end -----------------------------------------------------------------------------


@pytest.fixture
async def bot(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Bot]:
    settings = fake_settings(fake, tmp_path)
    application = shipped_application(settings, rate_limiter=True)  # with its rate limiter
    async with running(fake, application) as running_bot:
        yield running_bot


async def test_server_errors_and_floods_still_deliver_once(bot: Bot) -> None:
    fake = bot.fake
    fake.fail_next("sendMessage", status=500, description="Internal Server Error", times=3)
    fake.fail_next("sendMessage", status=429, retry_after=1, times=1)
    fake.push_update(fake.message("who funded the research?"))
    for _ in range(100):
        if fake.delivered(USER):
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    [answer] = fake.delivered(USER)
    assert "Department of Home Affairs" in answer
    assert len(fake.calls("sendMessage")) == 5, "four refused, then delivered, once"


async def test_a_user_who_blocked_the_bot_gets_no_apology(bot: Bot) -> None:
    fake = bot.fake
    fake.fail_next("sendMessage", status=403, description="Forbidden: bot was blocked by the user")
    fake.push_update(fake.message("who funded the research?"))
    await fake.wait_for_async("sendMessage")
    await asyncio.sleep(0.5)
    assert len(fake.calls("sendMessage")) == 1, "tried once; no apology after it"
    assert fake.delivered(USER) == []
    assert [type(e) for e in bot.errors] == [Forbidden]
    bot.errors.clear()


async def raised(bot: Bot) -> list[type[BaseException]]:
    """What the handlers raised, once the error handlers are done (they run one after the
    other: the test's own comes last); cleared, as seen and checked."""
    for _ in range(100):
        if bot.errors:
            break
        await asyncio.sleep(0.01)
    kinds = [type(error) for error in bot.errors]
    bot.errors.clear()
    return kinds


@pytest.mark.parametrize(
    "description",
    ["Bad Request: chat not found", "Bad Request: message to be replied not found"],
)
async def test_a_chat_or_message_gone_is_dropped_without_an_apology(
    bot: Bot, description: str
) -> None:
    fake = bot.fake
    fake.fail_next("sendMessage", status=400, description=description)
    await bot.send(fake.message("who funded the research?"))
    assert await raised(bot) == [BadRequest]
    assert len(fake.calls("sendMessage")) == 1, "no apology after it"


async def test_a_request_telegram_finds_malformed_is_a_bug_logged_and_apologised_for(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Markup Telegram cannot parse, a message too long, button data it refuses: our bug,
    logged at ERROR (with neither the question nor the token), and the asker is told."""
    fake = bot.fake
    question = "who funded the research?"
    unparsable = "Bad Request: can't parse entities: can't find end tag corresponding to start tag"
    fake.fail_next("sendMessage", status=400, description=unparsable)
    await bot.send(fake.message(question), count=2)
    assert fake.delivered(USER) == [wording.SORRY]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage().startswith("handler failed on update") for r in errors] == [True]
    assert await raised(bot) == [BadRequest]
    assert question not in caplog.text
    assert fake.token not in caplog.text
