"""Updates in, none lost and none answered twice: each update is recorded in the inbox
(`bot.store.inbox`) before Telegram is told it arrived, handled by the application, then marked
answered. After a crash, what was recorded and not answered is answered at the next start.

At most `IN_HAND` updates are in memory at once, oldest first; a backlog (a burst the pacing
holds back) waits in the inbox, so memory does not grow with it. Without a store (it could not
be opened) updates are still handled once per process, and a backlog waits in memory.

An inbox that cannot be written (locked, disk full, read-only) never stops the bot: the outage
is logged once, updates are handled as without a store meanwhile (so a crash or a stop then
can lose them), and the inbox is written again after `RETRY_INBOX_SECONDS`; what it held and
was answered meanwhile is marked answered once it can be.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.store.base import StoreError
from bot.store.inbox import Inbox
from handlers.delivery import InFlight

logger = logging.getLogger(__name__)

IN_HAND = 200  # updates being handled at once (the application runs 64 of them concurrently)
LANDING_SECONDS = 2.0  # after the grace, for requests already on the wire
REMEMBERED_IDS = 10_000  # updates not in the inbox: ids recognised as already received
FORGET_AFTER = timedelta(days=1)  # Telegram redelivers an update for a day at most
RETRY_INBOX_SECONDS = 30.0  # while the inbox cannot be written: each try may wait for a lock


class InboxOutage:
    """Whether the inbox failed lately: logged once when it starts and once when a write
    shows it over; meanwhile not written to more often than every `RETRY_INBOX_SECONDS` (on a
    locked database each try waits out its busy timeout). Reads do not wait for a lock."""

    def __init__(self) -> None:
        self._since: float | None = None
        self._next_try = 0.0

    def allows_a_write(self) -> bool:
        return self._since is None or time.monotonic() >= self._next_try

    def failed(self, error: StoreError) -> None:
        now = time.monotonic()
        if self._since is None:
            logger.error("the inbox cannot be written, updates are handled in memory: %s", error)
            self._since = now
        self._next_try = now + RETRY_INBOX_SECONDS

    def ended(self) -> None:
        if self._since is not None:
            logger.info("the inbox records updates again")
            self._since = None


class Intake:
    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        inbox: Inbox | None,
        in_flight: InFlight | None = None,
    ) -> None:
        self.application = application
        self.inbox = inbox
        self.in_flight = in_flight or InFlight()
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()
        self._in_hand: set[int] = set()  # ids of the updates being handled
        self._more_in_inbox = False  # updates recorded and not yet taken out
        self._waiting: deque[Update] = deque()  # the backlog not in the inbox
        self._unmarked: set[int] = set()  # answered, not yet marked so in the inbox
        self._outage = InboxOutage()
        self._retry: asyncio.TimerHandle | None = None
        self._stopping = False

    @property
    def handling(self) -> int:
        return len(self._tasks)

    def next_offset(self) -> int | None:
        """Where polling resumes: after the last update recorded (all of them were confirmed
        to Telegram, and are answered or pending here). None without an inbox that can be
        read: Telegram then sends again what it was not told of (with an inbox, dropped)."""
        if self.inbox is None:
            return None
        try:
            last = self.inbox.last_id()
        except StoreError as error:
            self._outage.failed(error)
            return None
        return last + 1 if last is not None else None

    def replay(self) -> int:
        """Handle what a previous run recorded and did not answer."""
        if self.inbox is None:
            return 0
        try:
            self.inbox.forget(datetime.now(UTC) - FORGET_AFTER)
            waiting = self.inbox.waiting()
        except StoreError as error:
            self._failed(error)
            self._more_in_inbox = True  # perhaps: taken out once the inbox can be read
            return 0
        self._more_in_inbox = waiting > 0
        self._refill()
        if waiting:
            logger.info("answering %d updates received before the last stop", waiting)
        return waiting

    def take(self, updates: Sequence[Update]) -> None:
        """Record new updates, then handle them in order; repeats of received ones are
        dropped. Returns once they are recorded (or, with an inbox that cannot be written,
        kept in memory): only then may Telegram be told they arrived."""
        fresh, recorded = self._record(updates)
        for update in updates:
            if update.update_id not in fresh:
                continue
            if len(self._tasks) < IN_HAND and not self._more_in_inbox and not self._waiting:
                self._spawn(update, recorded=recorded)
            elif recorded:
                self._more_in_inbox = True  # taken out when there is room
            else:
                self._waiting.append(update)

    async def drain(self, seconds: float) -> int:
        """Let the updates being handled finish, for at most `seconds` (and a little more for
        a message already on the wire); the rest stay recorded and are answered at the next
        start. How many were left."""
        self._stopping = True  # what waits in the inbox stays there
        if self._retry is not None:
            self._retry.cancel()
        if not self._tasks:
            return 0
        _, left = await asyncio.wait(set(self._tasks), timeout=seconds)
        waiting = {task for task in left if task not in self.in_flight.tasks}
        landing = left - waiting
        for task in waiting:
            task.cancel()
        if landing:
            _, late = await asyncio.wait(landing, timeout=LANDING_SECONDS)
            for task in late:
                task.cancel()
            waiting |= late
        if waiting:
            await asyncio.wait(waiting)
            logger.info("%d updates kept for the next start", len(waiting))
        return len(waiting)

    def _record(self, updates: Sequence[Update]) -> tuple[set[int], bool]:
        """The ids not received before, and whether they are in the inbox (else in memory)."""
        updates = [u for u in updates if u.update_id not in self._seen]  # handled in memory
        if self.inbox is not None and self._outage.allows_a_write():
            pairs = [(u.update_id, json.dumps(u.to_dict(), ensure_ascii=False)) for u in updates]
            try:
                fresh = self.inbox.receive(pairs, datetime.now(UTC))
            except StoreError as error:
                self._failed(error)
            else:
                self._outage.ended()
                return fresh, True
        fresh = {u.update_id for u in updates}
        for update_id in fresh:
            self._seen[update_id] = None
        while len(self._seen) > REMEMBERED_IDS:
            self._seen.popitem(last=False)
        return fresh, False

    def _spawn(self, update: Update, *, recorded: bool) -> None:
        handling = self._handle(update, recorded=recorded)
        task = asyncio.create_task(handling, name=f"update-{update.update_id}")
        self._tasks.add(task)
        self._in_hand.add(update.update_id)
        task.add_done_callback(lambda done: self._done(done, update.update_id))

    def _done(self, task: asyncio.Task[None], update_id: int) -> None:
        self._tasks.discard(task)
        self._in_hand.discard(update_id)
        if not self._stopping:
            self._refill()

    def _refill(self) -> None:
        """Take the oldest waiting updates into memory while there is room: those kept in
        memory first, then those in the inbox."""
        room = IN_HAND - len(self._tasks)
        while room > 0 and self._waiting:
            self._spawn(self._waiting.popleft(), recorded=False)
            room -= 1
        if room <= 0 or self.inbox is None or not self._more_in_inbox:
            return
        try:
            taken = self.inbox.pending(besides=self._in_hand | self._unmarked, limit=room)
        except StoreError as error:
            self._failed(error)
            return
        for _, body in taken:
            self._spawn(Update.de_json(json.loads(body), self.application.bot), recorded=True)
        self._more_in_inbox = len(taken) == room

    async def _handle(self, update: Update, *, recorded: bool) -> None:
        application = self.application
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        if recorded:  # errors were dealt with by the error handler: done too
            self._unmarked.add(update.update_id)
            self._mark_answered()

    def _mark_answered(self) -> None:
        """Mark in the inbox what was answered; what cannot be marked now is kept out of
        `_refill` (not answered twice) and marked later."""
        if self.inbox is None or not self._unmarked:
            return
        if not self._outage.allows_a_write():
            self._try_again_later()
            return
        try:
            for update_id in sorted(self._unmarked):
                self.inbox.handled(update_id)
                self._unmarked.discard(update_id)
        except StoreError as error:
            self._failed(error)
        else:
            self._outage.ended()

    def _failed(self, error: StoreError) -> None:
        self._outage.failed(error)
        self._try_again_later()

    def _try_again_later(self) -> None:
        """Come back to the inbox (what waits in it, what is to be marked) once it may work,
        even if no update arrives or finishes meanwhile."""
        if self._retry is None and not self._stopping:
            loop = asyncio.get_running_loop()
            self._retry = loop.call_later(RETRY_INBOX_SECONDS, self._try_again)

    def _try_again(self) -> None:
        self._retry = None
        if not self._stopping:
            self._mark_answered()
            self._refill()
