"""Fixtures only; helpers live in `tests/support/`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial
from pathlib import Path

import pytest

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.settings import SHIPPED_KNOWLEDGE
from bot.wording import FrontEnd
from tests.support.fake_telegram import FakeTelegram
from tests.support.journal import RecordingJournal
from tests.support.kb import WriteKnowledge
from tests.support.kb import write_knowledge as write_into
from tests.support.running import Bot, fake_settings, running, shipped_application
from tests.support.shipped import shipped_engine


@pytest.fixture
def write_knowledge(tmp_path: Path) -> WriteKnowledge:
    """Write a small knowledge base into a temporary folder and return the folder."""
    return partial(write_into, tmp_path)


@pytest.fixture(scope="session")
def shipped() -> Path:
    return SHIPPED_KNOWLEDGE


@pytest.fixture(scope="session")
def engine() -> AnswerEngine:
    """The shipped knowledge base and its matcher, built once for the whole run."""
    return shipped_engine()


@pytest.fixture
def journal() -> RecordingJournal:
    return RecordingJournal()


@pytest.fixture
def conversation(engine: AnswerEngine, journal: RecordingJournal) -> Conversation:
    """A Telegram conversation over the shipped knowledge base, what it records kept."""
    return Conversation(engine, journal, FrontEnd.TELEGRAM)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTelegram]:
    """The fake Bot API server on 127.0.0.1, for the real Application or a real process."""
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram, journal: RecordingJournal, tmp_path: Path) -> AsyncIterator[Bot]:
    """The shipped bot running against the fake server, without the rate limiter (a module
    that needs it, or other settings, has a `bot` of its own)."""
    application = shipped_application(fake_settings(fake, tmp_path), journal)
    async with running(fake, application) as running_bot:
        yield running_bot
