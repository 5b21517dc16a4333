"""The real python-telegram-bot Application running against the fake Bot API server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.conversation import Conversation
from bot.settings import Settings
from bot.store import Journal
from bot.store.inbox import Inbox
from bot.wording import FrontEnd
from handlers.app import ALLOWED_UPDATES, TelegramApplication, build_application
from handlers.context import Context
from handlers.intake import Intake
from handlers.running import poll
from tests.support.fake_telegram import Call, FakeTelegram
from tests.support.journal import RecordingJournal
from tests.support.shipped import shipped_engine

QUIET_SECONDS = 0.5  # how long "no reply" is waited for


def fake_settings(fake: FakeTelegram, data_dir: Path, **given: Any) -> Settings:
    """Settings that send the bot to the fake server, with nothing read from the environment;
    `given`: any other setting."""
    return Settings(
        telegram_bot_token=fake.token,
        telegram_api_base_url=fake.base_url,
        data_dir=data_dir,
        _env_file=None,
        **given,
    )


def shipped_application(
    settings: Settings, journal: Journal | None = None, *, rate_limiter: bool = False
) -> TelegramApplication:
    """The application `python -m bot run` builds, on the shipped knowledge base."""
    conversation = Conversation(shipped_engine(), journal or RecordingJournal(), FrontEnd.TELEGRAM)
    return build_application(settings, conversation, rate_limiter=rate_limiter)


class Bot:
    """The running application, the fake server, and the errors handlers raised."""

    def __init__(self, fake: FakeTelegram, application: TelegramApplication) -> None:
        self.fake = fake
        self.application = application
        self.errors: list[BaseException] = []
        self.intake: Intake | None = None  # set once receiving

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


@asynccontextmanager
async def running(
    fake: FakeTelegram,
    application: TelegramApplication,
    *,
    post_init: bool = False,
    inbox: Inbox | None = None,
) -> AsyncIterator[Bot]:
    """Receiving and answering as `python -m bot run` does (`handlers.running.poll`, the
    intake); `post_init`: also what it does once the bot is known (the commands menus,
    watching the knowledge folder). Fails if a handler raised."""
    bot = Bot(fake, application)

    async def record(update: object, context: Context) -> None:
        assert context.error is not None
        bot.errors.append(context.error)

    application.add_error_handler(record)
    stop = asyncio.Event()
    async with application:
        if post_init and application.post_init is not None:
            await application.post_init(application)
        await application.start()
        intake = Intake(application, inbox, application.bot_data.in_flight)
        bot.intake = intake
        intake.replay()
        receiving = asyncio.create_task(
            poll(
                application,
                intake,
                application.bot_data.pulse,
                stop,
                allowed_updates=ALLOWED_UPDATES,
            )
        )
        try:
            yield bot
        finally:
            stop.set()
            await receiving
            await intake.drain(5)
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    assert bot.errors == [], "handlers raised"
