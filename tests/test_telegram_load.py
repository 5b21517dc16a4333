"""End to end under Telegram's limits (enforced by the fake: 429 with retry_after): a busy
workshop group gets every answer, in the group or privately, and one person flooding neither
gets an answer per message nor delays anyone else."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Update

from bot import wording
from bot.flood import FloodGate
from bot.knowledge import answer_markup
from bot.store.inbox import Inbox
from bot.store.sqlite import SqliteStore
from handlers import intake
from handlers.app import TelegramApplication
from tests.support.fake_telegram import DEFAULT_GROUP_ID, FakeTelegram
from tests.support.running import Bot, fake_settings, running, shipped_application

GROUP = DEFAULT_GROUP_ID
PARTICIPANTS = list(range(600_001, 600_051))


@pytest.fixture
async def bot(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Bot]:
    fake.enforce_limits()
    # a minute in real life; a second keeps the test short
    settings = fake_settings(fake, tmp_path, group_wait_seconds=1.0)
    application = shipped_application(settings, rate_limiter=True)
    async with running(fake, application) as running_bot:
        yield running_bot


async def delivered_total(fake: FakeTelegram, chats: list[int], want: int) -> int:
    for _ in range(200):
        total = sum(len(fake.delivered(chat)) for chat in chats)
        if total >= want:
            return total
        await asyncio.sleep(0.05)
    return sum(len(fake.delivered(chat)) for chat in chats)


async def test_fifty_people_asking_in_one_group_all_get_their_answer(bot: Bot) -> None:
    fake = bot.fake
    mention = f"@{fake.bot_user['username']}"
    for person in PARTICIPANTS:
        fake.push_update(fake.group_message(f"{mention} who funded the research?", user_id=person))
    total = await delivered_total(fake, [GROUP, *PARTICIPANTS], len(PARTICIPANTS))
    await asyncio.sleep(0.5)
    in_group = fake.delivered(GROUP)
    privately = [person for person in PARTICIPANTS if fake.delivered(person)]
    assert total == len(PARTICIPANTS), "every question answered, once"
    assert 1 <= len(in_group) <= 20, "the group's minute is not exceeded"
    assert len(in_group) + len(privately) == len(PARTICIPANTS)
    assert all("Department of Home Affairs" in text for text in in_group)
    assert all(max(fake.delivered(p)) for p in privately)
    # paced within the limits: what the network's jitter still gets refused is sent again
    assert fake.refused_count <= 2


async def test_one_person_flooding_is_slowed_and_nobody_else_waits(bot: Bot) -> None:
    fake = bot.fake
    bot.application.bot_data.flood = FloodGate(most=3, window=2.0)
    flooder, other = 700_001, 700_002
    for _ in range(30):
        fake.push_update(fake.message("who funded the research?", user_id=flooder))
    fake.push_update(fake.message("what is uncac", user_id=other))
    assert await delivered_total(fake, [other], 1) == 1, "not kept waiting by the flood"
    assert fake.delivered(flooder) == [] or len(fake.delivered(flooder)) < 4
    assert await delivered_total(fake, [flooder], 4) == 4  # one a second into one chat
    await asyncio.sleep(1.5)
    got = fake.delivered(flooder)
    assert got.count(answer_markup.to_html(wording.SLOW_DOWN)) == 1
    assert len(got) == 4, "three answers, one note, then silence"
    fake.push_update(fake.message("what is uncac", user_id=flooder))  # the window has passed
    assert await delivered_total(fake, [flooder], 5) == 5, "answered again"


def with_inbox(fake: FakeTelegram, tmp_path: Path) -> tuple[TelegramApplication, Inbox]:
    """The bot as `python -m bot run` builds it, with its inbox in a store of its own."""
    inbox = Inbox(SqliteStore(tmp_path / "bot.sqlite3"))
    return shipped_application(fake_settings(fake, tmp_path), rate_limiter=True), inbox


async def test_a_backlog_waits_in_the_inbox_not_in_memory(
    fake: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake, "IN_HAND", 3)
    application, inbox = with_inbox(fake, tmp_path)
    askers = list(range(800_001, 800_021))
    most_in_hand = 0
    async with running(fake, application, inbox=inbox) as bot:
        assert bot.intake is not None
        for person in askers:
            fake.push_update(fake.message("who funded the research?", user_id=person))
        for _ in range(200):
            most_in_hand = max(most_in_hand, bot.intake.handling)
            if all(fake.delivered(person) for person in askers):
                break
            await asyncio.sleep(0.02)
    assert all(len(fake.delivered(person)) == 1 for person in askers), "each answered once"
    assert 1 <= most_in_hand <= 3, "the rest waited in the inbox"
    assert inbox.waiting() == 0
    handled = sqlite3.connect(tmp_path / "bot.sqlite3").execute("SELECT count(*) FROM inbox")
    assert handled.fetchone() == (20,)


async def test_updates_arriving_out_of_order_are_all_answered(
    fake: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Webhook requests arrive concurrently, so ids come out of order; none may be left in the
    inbox because a newer one was taken in first."""
    monkeypatch.setattr(intake, "IN_HAND", 2)
    application, inbox = with_inbox(fake, tmp_path)
    askers = list(range(900_001, 900_013))
    async with running(fake, application, inbox=inbox) as bot:
        assert bot.intake is not None
        updates = []
        for number, person in enumerate(askers, 1):
            raw = fake.message("who funded the research?", user_id=person)
            raw["update_id"] = 10_000 + number
            updates.append(Update.de_json(raw, application.bot))
        for update in reversed(updates):  # the newest first, one request at a time
            bot.intake.take([update])
        for _ in range(300):
            if all(fake.delivered(person) for person in askers):
                break
            await asyncio.sleep(0.02)
    assert [len(fake.delivered(person)) for person in askers] == [1] * len(askers)
    assert inbox.waiting() == 0
