"""Start-up pieces: log redaction, the health check, deep links."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from telegram.helpers import create_deep_linked_url

from bot.cli import main
from bot.deep_links import deep_link
from bot.health import PULSE_FILE, Pulse, verdict
from bot.logs import REDACTED, RedactSecrets

TOKEN = "123456:SECRET-token-value"


NOW = 1_800_000_000.0


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


@pytest.mark.parametrize(
    ("pulse", "healthy", "why"),
    [
        (None, False, "has not reported"),
        (Pulse("polling", received=NOW - 5), True, "fetched from Telegram 5 s ago"),
        (Pulse("polling", received=NOW - 600), False, "fetched from Telegram 600 s ago"),
        (Pulse("polling", received=None), False, "never"),
        # a webhook bot with no traffic is idle by design: its loop ticks
        (Pulse("webhook", received=None, ticked=NOW - 5), True, "ticked"),
        (Pulse("webhook", received=NOW - 5, ticked=NOW - 600), False, "ticked 600 s ago"),
        # every send failing for longer than allowed, while updates still arrive
        (Pulse("polling", received=NOW - 5, failing_since=NOW - 300), False, "failed for 300"),
        (Pulse("polling", received=NOW - 5, failing_since=NOW - 30), True, "healthy"),
    ],
)
def test_health_verdicts(pulse: Pulse | None, healthy: bool, why: str) -> None:
    said = verdict(pulse, now=NOW, max_age=120, send_failure=120)
    assert said[0] is healthy
    assert why in said[1]


def test_health_command_reads_the_pulse_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert main(["health"]) == 1
    Pulse("polling", received=time.time() - 600).write(tmp_path / PULSE_FILE)
    assert main(["health", "--max-age", "120"]) == 1
    assert main(["health", "--max-age", "900"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("healthy: ")
    (tmp_path / PULSE_FILE).write_text("{not json")
    assert main(["health"]) == 1, "a broken pulse file is not health"


def test_deep_link(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("BOT_USERNAME", raising=False)
    assert main(["link", "uncac"]) == 2
    monkeypatch.setenv("BOT_USERNAME", "@corruption_qa_bot")
    assert main(["link", "uncac"]) == 0
    assert capsys.readouterr().out.strip() == "https://t.me/corruption_qa_bot?start=uncac"
    assert main(["link", "no-such-entry"]) == 1
    assert capsys.readouterr().err == (
        "error: no entry 'no-such-entry' (see: python -m bot topics)\n"
    ), "nothing is spelt like it: no guess"
    assert main(["link", "uncak"]) == 1
    assert "no entry 'uncak' (did you mean 'uncac'?)" in capsys.readouterr().err


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
