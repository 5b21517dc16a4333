"""End to end: who wrote what reaches neither the log (even at DEBUG) nor the disk, once the
real python-telegram-bot Application has handled it against the fake Bot API server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot import logs
from bot.store.inbox import Inbox
from bot.store.sqlite import SqliteStore
from handlers.app import TelegramApplication
from tests.support.fake_telegram import FakeTelegram
from tests.support.running import Bot, fake_settings, running, shipped_application

DANGER = "my boss took my passport and locks us in"
QUESTION = "who funded the research?"
USER_ID = 987_654_321
GROUP_ID = -100_555_444_333
NAME, USERNAME = "Siti Aminah", "siti_aminah"
WHO = (str(USER_ID), str(GROUP_ID), NAME, USERNAME)


def telegram_app(fake: FakeTelegram, tmp_path: Path) -> TelegramApplication:
    return shipped_application(fake_settings(fake, tmp_path))


async def ask_privately_and_in_a_group(bot: Bot) -> None:
    fake = bot.fake
    fake.user(USER_ID, first_name=NAME, username=USERNAME)
    await bot.send(fake.message(DANGER, user_id=USER_ID))
    mention = f"@{fake.bot_user['username']}"
    await bot.send(fake.group_message(f"{mention} {QUESTION}", GROUP_ID, user_id=USER_ID))


# --- the log ---------------------------------------------------------------------------------


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def debug_log(fake: FakeTelegram) -> Iterator[list[logging.LogRecord]]:
    """Logging set up as `python -m bot run` does with LOG_LEVEL=DEBUG; every record that
    reaches the log is kept. Logging is restored afterwards."""
    root = logging.getLogger()
    handlers = root.handlers[:]
    levels = {
        name: logger.level
        for name, logger in {"": root, **logging.root.manager.loggerDict}.items()
        if isinstance(logger, logging.Logger)
    }
    logs.configure("DEBUG", fake.token)
    kept = Kept()
    root.addHandler(kept)
    yield kept.records
    root.handlers[:] = handlers
    for name, level in levels.items():
        logging.getLogger(name or None).setLevel(level)


async def test_at_debug_the_log_holds_no_message_nor_who_wrote_it(
    fake: FakeTelegram, tmp_path: Path, debug_log: list[logging.LogRecord]
) -> None:
    async with running(fake, telegram_app(fake, tmp_path)) as bot:
        await ask_privately_and_in_a_group(bot)
    log = "\n".join(logging.Formatter("%(name)s: %(message)s").format(r) for r in debug_log)
    assert "Application started" in log, "the log was kept"
    assert [what for what in (DANGER, QUESTION, *WHO) if what in log] == []


# --- the disk --------------------------------------------------------------------------------


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    store = SqliteStore(tmp_path / "bot.sqlite3")
    yield store
    store.close()


def on_disk(store: SqliteStore) -> bytes:
    """The database file and its write-ahead log, read while the store is open (closing it
    would empty the log)."""
    log = store.path.with_name(f"{store.path.name}-wal")
    return store.path.read_bytes() + (log.read_bytes() if log.exists() else b"")


async def test_a_handled_update_leaves_no_copy_on_disk(
    fake: FakeTelegram, tmp_path: Path, store: SqliteStore
) -> None:
    inbox = Inbox(store)
    async with running(fake, telegram_app(fake, tmp_path), inbox=inbox) as bot:
        await ask_privately_and_in_a_group(bot)
    assert inbox.waiting() == 0, "handled"
    kept = on_disk(store)
    assert [what for what in (DANGER, QUESTION, *WHO) if what.encode() in kept] == []
