"""Start-up pieces: log redaction, the heartbeat health check, deep links."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from telegram.helpers import create_deep_linked_url

from bot.cli import main
from bot.deep_links import deep_link
from bot.health import HEARTBEAT_FILE, heartbeat_age
from bot.logs import REDACTED, RedactSecrets

TOKEN = "123456:SECRET-token-value"


def test_redaction_removes_the_token_from_messages_args_and_tracebacks() -> None:
    record = logging.LogRecord(
        "httpx", logging.INFO, "", 1, "POST %s", (f"/bot{TOKEN}/getMe",), None
    )
    RedactSecrets(TOKEN).filter(record)
    assert TOKEN not in record.getMessage()
    assert REDACTED in record.getMessage()
    try:
        raise RuntimeError(f"failed on https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        import sys

        failed = logging.LogRecord("x", logging.ERROR, "", 1, "boom", None, sys.exc_info())
    RedactSecrets(TOKEN).filter(failed)
    assert failed.exc_text is not None
    assert TOKEN not in failed.exc_text


def test_health_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert main(["health"]) == 1  # never reached Telegram
    heartbeat = tmp_path / HEARTBEAT_FILE
    heartbeat.touch()
    assert main(["health"]) == 0
    old = time.time() - 600
    os.utime(heartbeat, (old, old))
    assert heartbeat_age(heartbeat) == pytest.approx(600, abs=5)
    assert main(["health", "--max-age", "120"]) == 1
    assert main(["health", "--max-age", "900"]) == 0


def test_deep_link(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("BOT_USERNAME", raising=False)
    assert main(["link", "uncac"]) == 2
    monkeypatch.setenv("BOT_USERNAME", "@corruption_qa_bot")
    assert main(["link", "uncac"]) == 0
    assert capsys.readouterr().out.strip() == "https://t.me/corruption_qa_bot?start=uncac"
    assert main(["link", "no-such-entry"]) == 1


@pytest.mark.parametrize("payload", ["uncac", "a_b-C9", "x" * 64])
def test_deep_links_match_what_telegram_accepts(payload: str) -> None:
    """The same link python-telegram-bot's `create_deep_linked_url` makes."""
    expected = create_deep_linked_url("corruption_qa_bot", payload)
    assert deep_link("@corruption_qa_bot", payload) == expected


@pytest.mark.parametrize("payload", ["", "has space", "ü", "x" * 65])
def test_deep_link_refuses_what_start_cannot_carry(payload: str) -> None:
    with pytest.raises(ValueError, match="not a valid /start payload"):
        deep_link("corruption_qa_bot", payload)


def test_run_without_token_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: TELEGRAM_BOT_TOKEN is not set")
    assert err.count("\n") == 1
