"""python-telegram-bot's HTTP request that also touches the heartbeat file (`bot.health`) after
successful calls, so a container health check can tell a bot that talks to Telegram from one
that only looks alive."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from telegram.request import HTTPXRequest

TOUCH_EVERY_SECONDS = 5.0


class HeartbeatRequest(HTTPXRequest):
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
