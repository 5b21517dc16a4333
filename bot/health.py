"""The heartbeat file a container health check reads: a polling bot has no port to probe, so
the Telegram front end touches this file after successful calls and `health` reads its age."""

from __future__ import annotations

import time
from pathlib import Path

HEARTBEAT_FILE = "heartbeat"
MAX_AGE_SECONDS = 120  # getUpdates returns at least every poll timeout (10 s) while healthy


def heartbeat_age(heartbeat: Path) -> float | None:
    """Seconds since the last successful call, or None if there never was one."""
    try:
        return max(0.0, time.time() - heartbeat.stat().st_mtime)
    except FileNotFoundError:
        return None
