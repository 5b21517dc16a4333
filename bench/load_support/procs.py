"""Bot processes for the load benchmark: started with their output in a file (a full pipe
would stall them), their peak memory polled from /proc, and all of them killed on exit."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
POLL_SECONDS = 0.2

# Every process started and not yet reaped: `kill_all` ends them (try/finally, signals).
_RUNNING: list[BotProcess] = []
_RUNNING_LOCK = threading.Lock()

# Settings the bot reads that must not leak into a run from the caller's shell.
_DROPPED_ENV = ("WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_LISTEN", "WEBHOOK_PORT", "STORE_URL")


def bot_command(bot: str) -> list[str]:
    """`ours` is the real bot (`python -m bot run`); `minimal` is bench/minimal_bot.py."""
    if bot == "ours":
        return [sys.executable, "-m", "bot", "run"]
    if bot == "minimal":
        return [sys.executable, str(ROOT / "bench" / "minimal_bot.py")]
    raise ValueError(f"unknown bot {bot!r}")


def bot_env(token: str, base_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_API_BASE_URL": base_url,
            "DATA_DIR": str(data_dir),
            "LOG_LEVEL": "INFO",
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            **extra,
        }
    )
    return env


def status_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak resident set) of a process, in kB; empty once it is gone."""
    found: dict[str, int] = {}
    try:
        with Path(f"/proc/{pid}/status").open() as lines:
            for line in lines:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return {}
    return found


class BotProcess:
    def __init__(self, bot: str, env: dict[str, str], cwd: Path, log: Path) -> None:
        self.bot = bot
        self.log = log
        self.started = time.monotonic()
        self._output = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            bot_command(bot),
            env=env,
            cwd=cwd,
            stdout=self._output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.peak_kb = 0
        self.rss_kb = 0
        with _RUNNING_LOCK:
            _RUNNING.append(self)
        self._watcher = threading.Thread(target=self._watch, name=f"mem-{bot}", daemon=True)
        self._watcher.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def peak_mb(self) -> float:
        self._sample()
        return self.peak_kb / 1024

    def rss_mb(self) -> float:
        self._sample()
        return self.rss_kb / 1024

    def _sample(self) -> None:
        found = status_kb(self.pid)
        if found:
            self.peak_kb = max(self.peak_kb, found.get("VmHWM", 0))
            self.rss_kb = found.get("VmRSS", self.rss_kb)

    def _watch(self) -> None:
        while self.process.poll() is None:
            self._sample()
            time.sleep(POLL_SECONDS)

    def wait_until(self, ready: Callable[[], bool], timeout: float) -> float:
        """Seconds from start until `ready()`; RuntimeError if the process dies or times out."""
        deadline = time.monotonic() + timeout
        while not ready():
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"{self.bot} exited with {code}: {self.tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.bot} not ready after {timeout} s: {self.tail()}")
            time.sleep(0.05)
        return time.monotonic() - self.started

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would."""
        self._sample()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._forget()

    def stop(self, grace: float = 15.0) -> tuple[int, float]:
        """SIGTERM; SIGKILL after `grace` s. Returns the exit code (-9: killed) and seconds."""
        self._sample()
        began = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._forget()
        return self.process.returncode, time.monotonic() - began

    def _forget(self) -> None:
        self._output.close()
        with _RUNNING_LOCK:
            if self in _RUNNING:
                _RUNNING.remove(self)

    def tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def log_problems(self) -> int:
        """Lines in the output at ERROR or CRITICAL, and tracebacks."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return 0
        return sum(
            1
            for line in text.splitlines()
            if "ERROR" in line or "CRITICAL" in line or line.startswith("Traceback")
        )


def kill_all() -> None:
    """Kill every bot process still running (each by its own pid)."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for process in running:
        with contextlib.suppress(OSError):
            process.kill()
