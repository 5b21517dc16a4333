"""Delivery that loses no reply it can still send, and sends none twice.

python-telegram-bot's HTTP request, retrying what is safe to retry: a connection that failed
before the request was sent and a 5xx answer (Telegram did not take it), with backoff, for up
to `DELIVERY_PATIENCE_SECONDS`. A read timeout is not retried: Telegram may have delivered. A
429 is left to the rate limiter (`handlers.pacing`), which holds every send for its
`retry_after`. It also keeps the pulse (`bot.health`): whether Telegram is reached and replies
delivered.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.health import Pulse

logger = logging.getLogger(__name__)

FIRST_BACKOFF_SECONDS = 0.5
MOST_BACKOFF_SECONDS = 10.0
WRITE_EVERY_SECONDS = 5.0
# failed before anything was sent: safe to send again
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_RECEIVING = frozenset({"getUpdates"})
_DELIVERING_PREFIXES = ("send", "edit", "answer")


class PulseKeeper:
    """What the health check reads, written at most every few seconds (and at each change)."""

    def __init__(self, path: Path, mode: str) -> None:
        self.path = path
        self._pulse = Pulse(mode)
        self._written = 0.0

    def received(self) -> None:
        self._update(received=time.time())

    def ticked(self) -> None:
        self._update(ticked=time.time())

    def delivered(self) -> None:
        self._update(delivered=time.time(), failing_since=None)

    def flush(self) -> None:
        self._pulse.write(self.path)
        self._written = time.monotonic()

    def failed(self) -> None:
        if self._pulse.failing_since is None:
            self._update(failing_since=time.time(), force=True)

    def _update(self, *, force: bool = False, **changes: Any) -> None:
        before = self._pulse
        values = {
            "mode": before.mode,
            "received": before.received,
            "ticked": before.ticked,
            "delivered": before.delivered,
            "failing_since": before.failing_since,
        } | changes
        self._pulse = Pulse(**values)
        now = time.monotonic()
        recovered = before.failing_since is not None and self._pulse.failing_since is None
        first = any(getattr(before, name) is None for name in changes)
        if force or recovered or first or now - self._written >= WRITE_EVERY_SECONDS:
            self._pulse.write(self.path)
            self._written = now


class InFlight:
    """The tasks with a request on the wire right now: stopping cancels a task that is only
    waiting, but lets one whose message may be arriving at Telegram finish (cancelled, its
    update would be answered again at the next start)."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()


class DeliveringRequest(HTTPXRequest):
    def __init__(
        self,
        pulse: PulseKeeper | None,
        *,
        patience: float,
        in_flight: InFlight | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._pulse = pulse
        self._patience = patience
        self._in_flight = in_flight

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._patience
        backoff = FIRST_BACKOFF_SECONDS
        while True:
            try:
                status, body = await self._on_the_wire(url, method, *args, **kwargs)
            except (TimedOut, NetworkError) as error:
                sent = not isinstance(error.__cause__, _NOT_SENT)
                if sent or loop.time() + backoff > deadline:
                    self._failed(endpoint)
                    raise
                logger.info("%s not sent (%s): trying again in %.1f s", endpoint, error, backoff)
            else:
                if status < 500 or loop.time() + backoff > deadline:
                    self._outcome(endpoint, status)
                    return status, body
                logger.info("%s answered %d: trying again in %.1f s", endpoint, status, backoff)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, MOST_BACKOFF_SECONDS)

    async def _on_the_wire(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        task = asyncio.current_task()
        if self._in_flight is None or task is None:
            return await super().do_request(*args, **kwargs)
        self._in_flight.tasks.add(task)
        try:
            return await super().do_request(*args, **kwargs)
        finally:
            self._in_flight.tasks.discard(task)

    def _outcome(self, endpoint: str, status: int) -> None:
        if self._pulse is None:
            return
        if endpoint in _RECEIVING:
            if status == 200:
                self._pulse.received()
        elif endpoint.startswith(_DELIVERING_PREFIXES):
            if status == 200:
                self._pulse.delivered()
            else:
                self._pulse.failed()

    def _failed(self, endpoint: str) -> None:
        if self._pulse is not None and endpoint.startswith(_DELIVERING_PREFIXES):
            self._pulse.failed()
