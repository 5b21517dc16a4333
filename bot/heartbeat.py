"""A file touched after every successful call to Telegram, so a container health check can tell
a bot that talks to Telegram from one that only looks alive (a polling bot has no port)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from telegram.request import HTTPXRequest

HEARTBEAT_FILE = "heartbeat"
MAX_AGE_SECONDS = 120  # getUpdates returns at least every poll timeout (10 s) while healthy
TOUCH_EVERY_SECONDS = 5.0


class HeartbeatRequest(HTTPXRequest):
    """python-telegram-bot's HTTP request that touches the heartbeat file on every 200 reply."""

    def __init__(self, heartbeat: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._heartbeat = heartbeat
        self._touched = 0.0

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, body = await super().do_request(*args, **kwargs)
        now = time.monotonic()
        if status == 200 and now - self._touched >= TOUCH_EVERY_SECONDS:
            self._heartbeat.parent.mkdir(parents=True, exist_ok=True)
            self._heartbeat.touch()
            self._touched = now
        return status, body


def heartbeat_age(heartbeat: Path) -> float | None:
    """Seconds since the last successful call, or None if there never was one."""
    try:
        return max(0.0, time.time() - heartbeat.stat().st_mtime)
    except FileNotFoundError:
        return None
