"""Running the Telegram bot until it is told to stop.

- Start-up waits for Telegram with backoff (getMe, then deleteWebhook or setWebhook); only a
  rejected token or a refused request (a bad webhook address, say) ends it.
- Polling confirms updates to Telegram (the next getUpdates offset) only after the inbox has
  recorded them, or, while it cannot be written, the intake holds them (`handlers.intake`).
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
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import Application

from handlers.delivery import PulseKeeper
from handlers.intake import Intake

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = 10
FIRST_BACKOFF_SECONDS = 1.0
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
        if not await patiently(application.initialize, stop, "getMe"):
            return
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        intake.replay()
        await receive(application, intake, pulse, stop)
        await intake.drain(grace)
    finally:
        pulse.flush()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        if application.running:
            await application.stop()
        if application.post_stop is not None:  # the watcher and SIGHUP, however it ended
            await application.post_stop(application)
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
    only once the intake has taken the batch."""
    bot = application.bot
    if not await patiently(bot.delete_webhook, stop, "deleteWebhook"):
        return
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


async def patiently(call: Callable[[], Awaitable[object]], stop: asyncio.Event, what: str) -> bool:
    """Make a start-up call, again with backoff while Telegram cannot be reached (timeouts
    included; the call must be safe to repeat); False if told to stop meanwhile. What Telegram
    refuses is raised: a rejected token as `InvalidToken`, a bad request as `BadRequest`."""
    backoff = FIRST_BACKOFF_SECONDS
    while True:
        attempt = asyncio.ensure_future(call())
        if not await _first(attempt, stop):  # a request may wait out the delivery patience
            return False
        try:
            attempt.result()
            return True
        except BadRequest:
            raise
        except (NetworkError, RetryAfter) as error:
            wait = _seconds(error.retry_after) if isinstance(error, RetryAfter) else backoff
            logger.warning(
                "cannot reach Telegram for %s (%s); retrying in %.0f s", what, error, wait
            )
        if not await pause(stop, wait):
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
