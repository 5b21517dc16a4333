"""`python -m bot run` as a real process against the fake Bot API: polling and webhook mode,
clean exit on SIGTERM, and the token never printed."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.fake_telegram import FakeTelegram

TOKEN = "424242:RECOGNISABLE-test-token-42"
SECRET = "webhook-secret-for-tests"
STOP_WITHIN_SECONDS = 10


def start(fake: FakeTelegram, tmp_path: Path, **extra: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "LOG_LEVEL": "DEBUG",
        "DATA_DIR": str(tmp_path),
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
        **extra,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(process: subprocess.Popen[str]) -> str:
    """SIGTERM, then the exit code must be 0 within the limit; returns everything printed."""
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    try:
        output, _ = process.communicate(timeout=STOP_WITHIN_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"still running {STOP_WITHIN_SECONDS}s after SIGTERM:\n{output}")
    assert process.returncode == 0, output
    assert time.monotonic() - started < STOP_WITHIN_SECONDS
    return output


def test_polling_round_trip_sigterm_and_no_token_in_output(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    process = start(fake, tmp_path)
    try:
        fake.wait_for("setMyCommands", timeout=30)
        fake.push_update(fake.message("who funded the research?"))
        [reply] = fake.wait_for("sendMessage", timeout=15)
    finally:
        output = stop(process)
    assert "Department of Home Affairs" in reply.params["text"]
    commands = fake.last("setMyCommands").params["commands"]
    assert {c["command"] for c in commands} >= {"start", "help", "topics", "ask", "about"}
    assert (tmp_path / "heartbeat").is_file(), "the heartbeat follows successful calls"
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output
    assert "DEBUG" in output, "the test really ran with debug logging"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_listening(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"nothing listens on port {port}")


def _post(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def test_webhook_rejects_missing_or_wrong_secret(fake: FakeTelegram, tmp_path: Path) -> None:
    port = _free_port()
    process = start(
        fake,
        tmp_path,
        WEBHOOK_URL="https://bot.example.org/telegram-hook",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    try:
        [registered] = fake.wait_for("setWebhook", timeout=30)
        _wait_until_listening(port)
        url = f"http://127.0.0.1:{port}/telegram-hook"
        update = fake.message("who funded the research?")
        update["update_id"] = 1
        assert _post(url, update, None) == 403
        assert _post(url, update, "wrong-secret") == 403
        time.sleep(0.5)
        assert fake.calls("sendMessage") == [], "rejected updates are not processed"
        assert _post(url, update, SECRET) == 200
        [reply] = fake.wait_for("sendMessage", timeout=15)
    finally:
        output = stop(process)
    assert registered.params["url"] == "https://bot.example.org/telegram-hook"
    assert registered.params["secret_token"] == SECRET
    assert "Department of Home Affairs" in reply.params["text"]
    assert SECRET not in output
    assert TOKEN not in output


def test_token_rejected_by_telegram_is_one_line(fake: FakeTelegram, tmp_path: Path) -> None:
    fake.fail_next("getMe", status=401, description="Unauthorized", times=5)
    process = start(fake, tmp_path)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert output.strip().splitlines()[-1].startswith("error: Telegram rejected TELEGRAM_BOT_TOKEN")
    assert "Traceback" not in output
    assert TOKEN not in output
