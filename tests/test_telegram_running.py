"""Running the bot through what goes wrong around the answers: an inbox that cannot be written,
Telegram failing right after `getMe`, a knowledge-folder watch that breaks, a receiver that
raises. None of them may stop the answers or leave the bot half stopped."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.store.base import StoreError
from bot.store.inbox import Inbox
from bot.store.sqlite import SqliteStore
from handlers import intake, live_reload, running, webhook
from handlers.app import ALLOWED_UPDATES, TelegramApplication
from handlers.delivery import PulseKeeper
from handlers.intake import Intake
from tests.support.fake_telegram import FakeTelegram
from tests.support.running import fake_settings, shipped_application
from tests.support.running import running as running_bot

QUESTION = "who funded the research?"
BAD_GATEWAY = 502


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(running, "FIRST_BACKOFF_SECONDS", 0.01)
    monkeypatch.setattr(live_reload, "FIRST_BACKOFF_SECONDS", 0.01)
    monkeypatch.setattr(intake, "RETRY_INBOX_SECONDS", 0.05)


def configured(fake: FakeTelegram, tmp_path: Path, **extra: Any) -> Settings:
    """No patience unless given: a fault reaches the caller at once instead of being retried
    by the request (`handlers.delivery`)."""
    given: dict[str, Any] = {"delivery_patience_seconds": 0, **extra}
    return fake_settings(fake, tmp_path, **given)


def application(settings: Settings) -> TelegramApplication:
    return shipped_application(settings)


async def answered(fake: FakeTelegram, people: list[int]) -> None:
    for _ in range(500):
        if all(fake.delivered(person) for person in people):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("not everyone was answered")


# --- the inbox ------------------------------------------------------------------------------


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "bot.sqlite3"


@pytest.fixture
def locked(store_file: Path) -> Iterator[sqlite3.Connection]:
    """Another writer (a backup, a report run by hand) holding the database's write lock."""
    SqliteStore(store_file).close()  # the schema exists: only writing is refused
    holder = sqlite3.connect(store_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    holder.close()


async def test_a_locked_inbox_neither_stops_the_bot_nor_fills_the_log(
    fake: FakeTelegram,
    tmp_path: Path,
    store_file: Path,
    locked: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger=intake.__name__)
    inbox = Inbox(SqliteStore(store_file, timeout=0.05))  # each try waits this long for the lock
    askers, later = [810_001, 810_002, 810_003], 810_004
    async with running_bot(fake, application(configured(fake, tmp_path)), inbox=inbox):
        for person in askers:
            fake.push_update(fake.message(QUESTION, user_id=person))
            await answered(fake, [person])  # one getUpdates batch each
        locked.execute("ROLLBACK")
        await asyncio.sleep(2 * intake.RETRY_INBOX_SECONDS)  # the inbox may be tried again
        fake.push_update(fake.message(QUESTION, user_id=later))
        await answered(fake, [later])
    assert [len(fake.delivered(person)) for person in [*askers, later]] == [1] * 4
    outage = [r for r in caplog.records if r.name == intake.__name__ and r.levelno >= logging.ERROR]
    assert len(outage) == 1, "logged once, not per update"
    assert "the inbox records updates again" in caplog.messages
    kept = sqlite3.connect(store_file).execute("SELECT count(*), sum(done) FROM inbox")
    assert kept.fetchone() == (1, 1), "the one received after the lock went is recorded"


class FailingToMark(Inbox):
    """An inbox that records updates but, while `failing`, cannot mark them answered."""

    failing = True

    def handled(self, update_id: int) -> None:
        if self.failing:
            raise StoreError("cannot write to bot.sqlite3: disk I/O error")
        super().handled(update_id)


async def test_what_cannot_be_marked_answered_is_answered_once_and_marked_later(
    fake: FakeTelegram, tmp_path: Path, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "IN_HAND", 2)  # the rest wait in the inbox, taken out later
    inbox = FailingToMark(SqliteStore(store_file))
    askers = list(range(820_001, 820_007))
    async with running_bot(fake, application(configured(fake, tmp_path)), inbox=inbox):
        for person in askers:
            fake.push_update(fake.message(QUESTION, user_id=person))
        await answered(fake, askers)
        await asyncio.sleep(0.2)  # time enough to answer one twice
        assert [len(fake.delivered(person)) for person in askers] == [1] * len(askers)
        assert inbox.waiting() == len(askers), "none marked yet"
        inbox.failing = False
        for _ in range(100):
            if inbox.waiting() == 0:
                break
            await asyncio.sleep(0.01)
    assert inbox.waiting() == 0, "marked once the inbox could be written"
    assert [len(fake.delivered(person)) for person in askers] == [1] * len(askers)


# --- start-up -------------------------------------------------------------------------------


async def test_a_fault_right_after_getme_is_waited_out(
    fake: FakeTelegram, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A timeout or an outage just after start-up: the menus are best effort, and watching
    the knowledge folder and polling start all the same."""
    fake.fail_next("setMyCommands", BAD_GATEWAY)  # everyone's menu
    fake.fail_next("deleteWebhook", BAD_GATEWAY, times=2)
    bot = application(configured(fake, tmp_path))
    async with running_bot(fake, bot, post_init=True):
        await fake.wait_for_async("getUpdates")
        assert bot.bot_data.watcher is not None, "live reload started"
        fake.push_update(fake.message(QUESTION))
        await fake.wait_for_async("sendMessage")
    assert len(fake.calls("deleteWebhook")) == 3
    assert "cannot reach Telegram for deleteWebhook (Bad Gateway); retrying in 0 s" in caplog.text


async def test_a_stop_during_start_up_is_not_kept_waiting(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    """SIGTERM while the request is still retrying getMe (for up to its patience): the bot
    stops without waiting for it, as `docker stop` expects."""
    fake.fail_next("getMe", BAD_GATEWAY, times=1000)
    bot = application(configured(fake, tmp_path, delivery_patience_seconds=3600))

    async def never(*_: object) -> None:
        raise AssertionError("started receiving")

    pulse = PulseKeeper(tmp_path / "pulse.json", "polling")
    serving = asyncio.create_task(running.serve(bot, Intake(bot, None), pulse, never, grace=0))
    await fake.wait_for_async("getMe")  # the stop signals are taken by then
    signal.raise_signal(signal.SIGTERM)
    await asyncio.wait_for(serving, timeout=60)  # not the hour the request would wait


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_the_webhook_is_set_again_after_a_fault(fake: FakeTelegram, tmp_path: Path) -> None:
    fake.fail_next("setWebhook", BAD_GATEWAY, times=2)
    settings = configured(
        fake,
        tmp_path,
        webhook_url="https://example.org/telegram-hook",
        webhook_secret="secret-for-tests",
        webhook_listen="127.0.0.1",
        webhook_port=_free_port(),
    )
    bot = application(settings)
    stop = asyncio.Event()
    async with bot:
        receiving = asyncio.create_task(
            webhook.receive(
                bot,
                Intake(bot, None),
                bot.bot_data.pulse,
                stop,
                settings=settings,
                allowed_updates=ALLOWED_UPDATES,
            )
        )
        try:
            await fake.wait_for_async("setWebhook", 3)
        finally:
            stop.set()
            await receiving


# --- the watcher and stopping ---------------------------------------------------------------


async def test_a_watch_that_fails_is_logged_and_started_again(
    fake: FakeTelegram,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    watches: list[int] = []
    reloads: list[int] = []

    async def changes(root: Path, stop: asyncio.Event) -> AsyncIterator[int]:
        watches.append(1)
        if len(watches) == 1:
            raise FileNotFoundError(f"{root} was replaced")
        yield 1
        await stop.wait()

    async def reload_and_tell(*_: object) -> None:
        reloads.append(1)

    monkeypatch.setattr(live_reload, "knowledge_changes", changes)
    monkeypatch.setattr(live_reload, "reload_and_tell", reload_and_tell)
    bot = application(configured(fake, tmp_path))
    live_reload.start(bot)
    for _ in range(100):
        if reloads:
            break
        await asyncio.sleep(0.01)
    await live_reload.stop(bot)  # and it does not raise
    assert (len(watches), len(reloads)) == (2, 1), "watched again, and reloaded on a change"
    failed = [r for r in caplog.records if r.name == live_reload.__name__]
    assert [r.levelno for r in failed] == [logging.ERROR]
    assert failed[0].getMessage().startswith("watching the knowledge folder failed")


async def test_serve_stops_watching_even_when_receiving_fails(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = application(configured(fake, tmp_path))

    async def broken(*_: object) -> None:
        assert bot.bot_data.watcher is not None, "watching since post_init"
        raise RuntimeError("the receiver broke")

    pulse = PulseKeeper(tmp_path / "pulse.json", "polling")
    with pytest.raises(RuntimeError, match="the receiver broke"):
        await running.serve(bot, Intake(bot, None), pulse, broken, grace=0)
    assert bot.bot_data.watcher is None
    assert bot.bot_data.stop_watching.is_set()
