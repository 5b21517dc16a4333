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

from bot.health import PULSE_FILE, Pulse
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
    pulse = Pulse.read(tmp_path / PULSE_FILE)
    assert pulse is not None, "the pulse follows successful calls"
    assert pulse.received is not None
    assert pulse.delivered is not None
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


def _start_webhook(fake: FakeTelegram, tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    port = _free_port()
    process = start(
        fake,
        tmp_path,
        WEBHOOK_URL="https://bot.example.org/telegram-hook",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    return process, port


def test_webhook_rejects_missing_or_wrong_secret(fake: FakeTelegram, tmp_path: Path) -> None:
    process, port = _start_webhook(fake, tmp_path)
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


# --- nothing lost, nothing twice ------------------------------------------------------------

BURST = 90  # at the bot's 30 replies a second, three seconds of backlog


def _burst(fake: FakeTelegram, size: int = BURST) -> list[int]:
    """One question from each of `size` users (so every reply can be told apart)."""
    users = list(range(500_001, 500_001 + size))
    for user in users:
        fake.push_update(fake.message("who funded the research?", user_id=user))
    return users


def _replies_per_chat(fake: FakeTelegram) -> dict[str, int]:
    counts: dict[str, int] = {}
    for call in fake.calls("sendMessage"):
        if "chat_id" in call.params:  # a request cut off by the kill carries nothing
            chat = str(call.params["chat_id"])
            counts[chat] = counts.get(chat, 0) + 1
    return counts


def _wait_for_replies(fake: FakeTelegram, users: list[int], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(str(user) in _replies_per_chat(fake) for user in users):
            return
        time.sleep(0.1)
    missing = [u for u in users if str(u) not in _replies_per_chat(fake)]
    pytest.fail(f"{len(missing)} of {len(users)} never answered")


def test_a_crash_loses_no_question(fake: FakeTelegram, tmp_path: Path) -> None:
    first = start(fake, tmp_path, LOG_LEVEL="INFO")  # a full pipe of DEBUG lines would stall it
    try:
        fake.wait_for("setMyCommands", timeout=30)
        users = _burst(fake)
        fake.wait_for("sendMessage", count=10, timeout=30)  # answering, with a backlog
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate()
    assert len(_replies_per_chat(fake)) < BURST, "the kill came while questions were waiting"
    again = start(fake, tmp_path, LOG_LEVEL="INFO")
    try:
        _wait_for_replies(fake, users)
    finally:
        stop(again)
    counts = _replies_per_chat(fake)
    duplicates = sum(count - 1 for count in counts.values())
    assert duplicates <= 10, f"{duplicates} questions were answered twice"


def test_sigterm_during_a_burst_exits_quickly_and_keeps_the_rest(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    first = start(fake, tmp_path, LOG_LEVEL="INFO", STOP_GRACE_SECONDS="1")
    fake.wait_for("setMyCommands", timeout=30)
    users = _burst(fake)  # three seconds of replies: more than the stop waits for
    fake.wait_for("sendMessage", count=10, timeout=30)
    output = stop(first)  # exit 0 quickly, with questions still waiting
    assert "updates kept for the next start" in output
    assert len(_replies_per_chat(fake)) < BURST
    again = start(fake, tmp_path, LOG_LEVEL="INFO")
    try:
        _wait_for_replies(fake, users)
    finally:
        stop(again)
    assert max(_replies_per_chat(fake).values()) == 1, "nothing answered twice"


def test_start_up_waits_for_telegram(fake: FakeTelegram, tmp_path: Path) -> None:
    fake.fail_next("getMe", status=502, description="Bad Gateway", times=2)
    process = start(fake, tmp_path)
    try:
        fake.wait_for("setMyCommands", timeout=30)
        fake.push_update(fake.message("who funded the research?"))
        fake.wait_for("sendMessage", timeout=15)
    finally:
        output = stop(process)
    assert len(fake.calls("getMe")) >= 3
    assert "getMe answered 502: trying again" in output


def _raw_post(port: int, headers: dict[str, str], body: bytes) -> int:
    """A request as any client may send it: the length it declares need not be true."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        connection.sendall(f"POST /telegram-hook HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode() + body)
        status_line = connection.recv(1024).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


def test_webhook_refuses_early_and_answers_each_update_once(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    process, port = _start_webhook(fake, tmp_path)
    secret = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    try:
        [registered] = fake.wait_for("setWebhook", timeout=30)
        _wait_until_listening(port)
        # refused on the headers alone: the 50 MB are never sent, let alone read
        assert _raw_post(port, {"Content-Length": "50000000"}, b"") == 403
        assert _raw_post(port, {**secret, "Content-Length": "50000000"}, b"") == 413
        for body in (b"{not json", b"[]", b'{"update_id": "7"}', b"\xff\xfe"):
            headers = {**secret, "Content-Length": str(len(body))}
            assert _raw_post(port, headers, body) == 400, body
        url = f"http://127.0.0.1:{port}/telegram-hook"
        update = fake.message("who funded the research?")
        update["update_id"] = 7
        assert _post(url, update, SECRET) == 200
        assert _post(url, update, SECRET) == 200, "Telegram retries: accepted, not answered"
        fake.wait_for("sendMessage", timeout=15)
        time.sleep(1)
    finally:
        stop(process)
    assert len(fake.calls("sendMessage")) == 1
    assert registered.params["max_connections"] in (40, "40")
