"""Updates in, none lost and none answered twice: each update is recorded in the inbox
(`bot.store.inbox`) before Telegram is told it arrived, handled by the application, then marked
answered. After a crash, what was recorded and not answered is answered at the next start.

At most `IN_HAND` updates are in memory at once, oldest first; a backlog (a burst the pacing
holds back) waits in the inbox, so memory does not grow with it. Without a store (it could not
be opened) updates are still handled once per process, and a backlog waits in memory.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict, deque
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.store.inbox import Inbox
from handlers.delivery import InFlight

logger = logging.getLogger(__name__)

IN_HAND = 200  # updates being handled at once (the application runs 64 of them concurrently)
LANDING_SECONDS = 2.0  # after the grace, for requests already on the wire
REMEMBERED_IDS = 10_000  # without an inbox: ids recognised as already received
FORGET_AFTER = timedelta(days=1)  # Telegram redelivers an update for a day at most


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
        self._waiting: deque[Update] = deque()  # without an inbox, the backlog
        self._stopping = False

    @property
    def handling(self) -> int:
        return len(self._tasks)

    def next_offset(self) -> int | None:
        """Where polling resumes: after the last update recorded (all of them were confirmed
        to Telegram, and are answered or pending here)."""
        last = self.inbox.last_id() if self.inbox else None
        return last + 1 if last is not None else None

    def replay(self) -> int:
        """Handle what a previous run recorded and did not answer."""
        if self.inbox is None:
            return 0
        self.inbox.forget(datetime.now(UTC) - FORGET_AFTER)
        waiting = self.inbox.waiting()
        self._more_in_inbox = waiting > 0
        self._refill()
        if waiting:
            logger.info("answering %d updates received before the last stop", waiting)
        return waiting

    def take(self, updates: Sequence[Update]) -> None:
        """Record new updates, then handle them in order; repeats of received ones are
        dropped. Returns once they are recorded: only then may Telegram be told they arrived."""
        fresh = self._record(updates)
        for update in updates:
            if update.update_id not in fresh:
                continue
            if len(self._tasks) < IN_HAND and not self._more_in_inbox and not self._waiting:
                self._spawn(update)
            elif self.inbox is not None:
                self._more_in_inbox = True  # it is recorded: taken out when there is room
            else:
                self._waiting.append(update)

    async def drain(self, seconds: float) -> int:
        """Let the updates being handled finish, for at most `seconds` (and a little more for
        a message already on the wire); the rest stay recorded and are answered at the next
        start. How many were left."""
        self._stopping = True  # what waits in the inbox stays there
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

    def _record(self, updates: Sequence[Update]) -> set[int]:
        if self.inbox is not None:
            pairs = [(u.update_id, json.dumps(u.to_dict(), ensure_ascii=False)) for u in updates]
            return self.inbox.receive(pairs, datetime.now(UTC))
        fresh = {u.update_id for u in updates if u.update_id not in self._seen}
        for update_id in fresh:
            self._seen[update_id] = None
        while len(self._seen) > REMEMBERED_IDS:
            self._seen.popitem(last=False)
        return fresh

    def _spawn(self, update: Update) -> None:
        task = asyncio.create_task(self._handle(update), name=f"update-{update.update_id}")
        self._tasks.add(task)
        self._in_hand.add(update.update_id)
        task.add_done_callback(lambda done: self._done(done, update.update_id))

    def _done(self, task: asyncio.Task[None], update_id: int) -> None:
        self._tasks.discard(task)
        self._in_hand.discard(update_id)
        if not self._stopping:
            self._refill()

    def _refill(self) -> None:
        """Take the oldest waiting updates into memory while there is room."""
        room = IN_HAND - len(self._tasks)
        if room <= 0:
            return
        if self.inbox is None:
            while room and self._waiting:
                self._spawn(self._waiting.popleft())
                room -= 1
            return
        if not self._more_in_inbox:
            return
        taken = self.inbox.pending(besides=self._in_hand, limit=room)
        for _, body in taken:
            self._spawn(Update.de_json(json.loads(body), self.application.bot))
        self._more_in_inbox = len(taken) == room

    async def _handle(self, update: Update) -> None:
        application = self.application
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        if self.inbox is not None:  # errors were dealt with by the error handler: done too
            self.inbox.handled(update.update_id)
