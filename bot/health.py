"""Whether the running bot is healthy, for a container health check (`python -m bot health`).

The Telegram front end writes a small pulse file (`DATA_DIR/pulse.json`): when updates last
arrived (polling: a getUpdates that succeeded; webhook: a request), when its loop last ticked
(a webhook bot waiting for updates is idle by design, not ill), when a reply was last
delivered, and since when every send has failed. Healthy means updates can arrive and replies
are delivered.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PULSE_FILE = "pulse.json"
MAX_AGE_SECONDS = 120  # getUpdates returns at least every poll timeout (10 s) while healthy
SEND_FAILURE_SECONDS = 120  # every send failing for longer than this is unhealthy


@dataclass(frozen=True, slots=True)
class Pulse:
    mode: str  # "polling" or "webhook"
    received: float | None = None  # epoch seconds of the last update fetch or request
    ticked: float | None = None  # the event loop's last tick
    delivered: float | None = None  # the last send Telegram accepted
    failing_since: float | None = None  # the first failed send after the last accepted one

    def write(self, path: Path) -> None:
        """Atomically, so the health check never reads half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps(asdict(self)), encoding="utf-8")
        partial.replace(path)

    @classmethod
    def read(cls, path: Path) -> Pulse | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


def verdict(
    pulse: Pulse | None,
    *,
    now: float | None = None,
    max_age: float = MAX_AGE_SECONDS,
    send_failure: float = SEND_FAILURE_SECONDS,
) -> tuple[bool, str]:
    """(healthy, one line saying why)."""
    if pulse is None:
        return False, "unhealthy: the bot has not reported yet"
    now = time.time() if now is None else now
    if pulse.mode == "webhook":
        heard = pulse.ticked
        what = "the webhook server's loop last ticked"
    else:
        heard = pulse.received
        what = "updates were last fetched from Telegram"
    if heard is None or now - heard > max_age:
        ago = "never" if heard is None else f"{now - heard:.0f} s ago"
        return False, f"unhealthy: {what} {ago}"
    if pulse.failing_since is not None and now - pulse.failing_since > send_failure:
        return False, f"unhealthy: every reply has failed for {now - pulse.failing_since:.0f} s"
    return True, f"healthy: {what} {now - heard:.0f} s ago"
