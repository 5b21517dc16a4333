"""The journal the running bot uses: events reach the store from a thread of their own, in
batches, so that writing never delays or breaks an answer.

A store that cannot be written (locked, full, read-only) is logged once, not per event; the
batch is kept and tried again until it is written or the backlog is full, and the bot goes on
answering. Any other failure is a bug: it is logged with its traceback, the batch is dropped
(it would fail again) and the thread goes on. The same thread forgets what is older than the
retention period, once a day.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.store.base import Store, StoreError
from bot.store.events import Asked, Event, Pressed

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0
BACKLOG = 10_000  # events held while the store cannot be written; older ones go first
PURGE_EVERY = timedelta(days=1)


def _now() -> datetime:
    return datetime.now(UTC)


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


@dataclass(frozen=True, slots=True)
class _Flush:
    """Asks the thread to write what it holds and say so."""

    done: threading.Event = field(default_factory=threading.Event)


_STOP = object()


class Recorder:
    def __init__(
        self,
        store: Store,
        *,
        retention: timedelta,
        flush_seconds: float = FLUSH_SECONDS,
        backlog: int = BACKLOG,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self.retention = retention
        self._flush_seconds = flush_seconds
        self._backlog = backlog
        self._clock = clock
        self._queue: queue.Queue[object] = queue.Queue(maxsize=backlog)
        self._pending: list[Event] = []
        self._failing = False
        self._overflowing = False
        self._next_purge = clock()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def record(self, event: Event) -> None:
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            if not self._overflowing:
                logger.error("the store is falling behind: events are being dropped")
                self._overflowing = True

    def flush(self, timeout: float = 10.0) -> bool:
        """Write what has been recorded so far; False if that did not happen within `timeout`
        seconds, which is all this waits, even for room in a full queue."""
        deadline = time.monotonic() + timeout
        request = _Flush()
        return self._ask(request, timeout) and request.done.wait(_left(deadline))

    def close(self, timeout: float = 10.0) -> None:
        """Write what is held, then stop the thread and close the store."""
        deadline = time.monotonic() + timeout
        if self._thread.is_alive() and self._ask(_STOP, timeout):
            self._thread.join(_left(deadline))
        if self._pending:
            logger.error("%d events could not be stored", len(self._pending))
        self.store.close()

    def _ask(self, request: object, timeout: float) -> bool:
        """Hand the thread a request and wake it; False if the queue stayed full."""
        try:
            self._queue.put(request, timeout=timeout)
        except queue.Full:
            return False
        self._wake.set()
        return True

    # --- the thread ----------------------------------------------------------------------

    def _run(self) -> None:
        """Once a second (or when asked to flush or stop), whatever has been recorded goes to the
        store in one transaction: replies never wake this thread, so it costs them nothing."""
        running = True
        while running:
            self._wake.wait(self._flush_seconds)
            self._wake.clear()
            flushes: list[_Flush] = []
            while (item := self._next_now()) is not None:
                if item is _STOP:
                    running = False
                elif isinstance(item, _Flush):
                    flushes.append(item)
                elif isinstance(item, Asked | Pressed):
                    self._pending.append(item)
            try:
                self._write()
                self._purge_when_due()
            except Exception:  # a bug, not the store's fault: retrying would fail again
                logger.exception("recording failed, %d events dropped", len(self._pending))
                self._pending.clear()
            for request in flushes:
                request.done.set()

    def _next_now(self) -> object | None:
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None

    def _write(self) -> None:
        if not self._pending:
            return
        try:
            self.store.write(self._pending)
        except StoreError as error:
            if not self._failing:
                logger.error("events not stored, the bot goes on answering: %s", error)
                self._failing = True
            del self._pending[: max(0, len(self._pending) - self._backlog)]
            return
        if self._failing:
            logger.warning("the store is written again")
        self._failing = self._overflowing = False
        self._pending.clear()

    def _purge_when_due(self) -> None:
        now = self._clock()
        if now < self._next_purge:
            return
        self._next_purge = now + PURGE_EVERY
        try:
            gone = self.store.purge(now - self.retention)
        except StoreError as error:
            logger.error("old records not purged: %s", error)
            return
        if gone:
            logger.info("purged %d records older than %d days", gone, self.retention.days)
