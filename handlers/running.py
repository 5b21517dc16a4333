"""Running the Telegram bot until it is told to stop.

- Start-up waits for Telegram with backoff; only a rejected token ends it.
- Polling confirms updates to Telegram (the next getUpdates offset) only after the inbox has
  recorded them (`handlers.intake`).
- On SIGTERM or SIGINT it stops fetching, lets what it is answering finish for
  `STOP_GRACE_SECONDS` (7), keeps the rest recorded for the next start, and returns: within
  `docker stop`'s 10 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application

from handlers.delivery import PulseKeeper
from handlers.intake import Intake

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = 10
MOST_BACKOFF_SECONDS = 30.0

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


async def serve(
    application: AnyApplication,
    intake: Intake,
    pulse: PulseKeeper,
    receive: Callable[[AnyApplication, Intake, PulseKeeper, asyncio.Event], Awaitable[None]],
    *,
    grace: float,
) -> None:
    """Start, receive updates with `receive` until a stop signal, stop cleanly: what is being
    answered may finish for `grace` seconds, the rest stays recorded."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        if not await _initialized(application, stop):
            return
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        intake.replay()
        await receive(application, intake, pulse, stop)
        await intake.drain(grace)
        await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    finally:
        pulse.flush()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        if application.running:
            await application.stop()
        await application.shutdown()


async def poll(
    application: AnyApplication,
    intake: Intake,
    pulse: PulseKeeper,
    stop: asyncio.Event,
    *,
    allowed_updates: list[str],
) -> None:
    """Long polling with a manual offset: a batch is confirmed by the next call, which is made
    only once the batch is recorded."""
    bot = application.bot
    await bot.delete_webhook()
    offset = intake.next_offset()
    backoff = 1.0
    unreachable = False
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            bot.get_updates(
                offset=offset, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=allowed_updates
            )
        )
        if not await _first(fetch, stop):
            break  # the batch being fetched is not confirmed: Telegram sends it again
        try:
            updates: tuple[Update, ...] = fetch.result()
        except RetryAfter as error:
            await pause(stop, _seconds(error.retry_after))
            continue
        except NetworkError as error:  # timeouts included; a bad token is InvalidToken
            if not unreachable:
                logger.warning("cannot fetch updates (%s); trying again with backoff", error)
                unreachable = True
            await pause(stop, backoff)
            backoff = min(backoff * 2, MOST_BACKOFF_SECONDS)
            continue
        if unreachable:
            logger.info("fetching updates again")
            unreachable, backoff = False, 1.0
        pulse.received()
        if updates:
            intake.take(updates)
            offset = updates[-1].update_id + 1


async def _initialized(application: AnyApplication, stop: asyncio.Event) -> bool:
    """Initialise (getMe), waiting with backoff while Telegram cannot be reached; False if
    told to stop meanwhile. A rejected token raises `InvalidToken`."""
    backoff = 1.0
    while True:
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise
        except (NetworkError, RetryAfter) as error:
            logger.warning(
                "cannot reach Telegram at start-up (%s); retrying in %.0f s", error, backoff
            )
        if not await pause(stop, backoff):
            return False
        backoff = min(backoff * 2, MOST_BACKOFF_SECONDS)


async def _first(task: asyncio.Future[Any], stop: asyncio.Event) -> bool:
    """Wait for `task` unless told to stop first (then cancel it); True if it finished."""
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if task.done():
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
    return False


async def pause(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep unless told to stop; True if the pause ran out (keep going)."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return True
    return False


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
