"""The tests' fake Bot API server with what the load benchmark needs on top of it.

- Every sendMessage answer is logged with the time it was given, its chat, text, the message
  it quotes and its HTTP status, so that latency runs from an update's push to the moment the
  fake delivered its reply.
- Faults that last a stretch of time (`fail_during`): every call of a method within the window
  gets the error, however often the bot retries; `FakeTelegram.fail_next` counts calls instead.

Nothing of the fake itself is changed: this subclass wraps its request dispatch.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from tests.support.fake_telegram import FakeTelegram

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class Send:
    """One sendMessage request as the fake answered it."""

    at: float  # time.monotonic() when the answer was ready
    chat_id: int | None
    text: str
    reply_to: int | None  # the message it quotes, if any
    status: int  # 200 delivered; 429 refused (limits or an injected window); 5xx injected
    injected: bool  # answered by a fault window, not by the fake


@dataclass(frozen=True)
class Window:
    """Calls of `method` between `start` and `end` (monotonic seconds) get `status`."""

    method: str
    status: int
    start: float
    end: float
    retry_after: int | None = None

    def body(self) -> JSONDict:
        if self.status == 429:
            description = f"Too Many Requests: retry after {self.retry_after}"
        else:
            description = "Internal Server Error"
        body: JSONDict = {"ok": False, "error_code": self.status, "description": description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class TimedFake(FakeTelegram):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._log_lock = threading.Lock()
        self._sends: list[Send] = []
        self._windows: list[Window] = []
        self.last_activity = time.monotonic()

    def fail_during(
        self,
        method: str,
        status: int,
        seconds: float,
        *,
        retry_after: int | None = None,
        start: float | None = None,
    ) -> Window:
        """Answer every `method` call with `status` for `seconds` from `start` (default now)."""
        begin = time.monotonic() if start is None else start
        if status == 429 and retry_after is None:
            retry_after = 1
        window = Window(method.lower(), status, begin, begin + seconds, retry_after)
        with self._log_lock:
            self._windows.append(window)
        return window

    def sends(self) -> list[Send]:
        """Every sendMessage answer so far, in the order they were given."""
        with self._log_lock:
            return list(self._sends)

    def _active_window(self, method: str, now: float) -> Window | None:
        with self._log_lock:
            for window in self._windows:
                if window.method == method.lower() and window.start <= now < window.end:
                    return window
        return None

    def _dispatch(self, method: str, token: str, params: dict[str, Any]) -> tuple[int, JSONDict]:
        window = self._active_window(method, time.monotonic())
        if window is not None:
            status, payload = window.status, window.body()
        else:
            status, payload = super()._dispatch(method, token, params)
        if method.lower() == "sendmessage":
            send = Send(
                at=time.monotonic(),
                chat_id=_int_or_none(params.get("chat_id")),
                text=str(params.get("text", "")),
                reply_to=_quoted(params),
                status=status,
                injected=window is not None,
            )
            with self._log_lock:
                self._sends.append(send)
                self.last_activity = send.at
        return status, payload


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _quoted(params: dict[str, Any]) -> int | None:
    reply = params.get("reply_parameters")
    if isinstance(reply, dict) and reply.get("message_id") is not None:
        return _int_or_none(reply["message_id"])
    return _int_or_none(params.get("reply_to_message_id"))
