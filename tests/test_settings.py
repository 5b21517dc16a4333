from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SHIPPED_KNOWLEDGE, SettingsError, load_settings
from bot.startup import conversation_for
from bot.wording import FrontEnd
from tests.support.journal import RecordingJournal

VARIABLES = (
    "KNOWLEDGE_PATH",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "BOT_USERNAME",
    "ADMIN_IDS",
    "LOG_LEVEL",
    "DATA_DIR",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "MAINTAINER",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults() -> None:
    settings = load_settings()
    assert settings.knowledge_path == SHIPPED_KNOWLEDGE
    assert settings.telegram_bot_token is None
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert settings.admin_ids == frozenset()
    assert settings.log_level == "INFO"


@pytest.mark.parametrize("value", ["1,2, 3", "[1, 2, 3]", " 3 ,2,1 ,"])
def test_admin_ids_forms(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ADMIN_IDS", value)
    assert load_settings().admin_ids == {1, 2, 3}


def test_empty_admin_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "")
    assert load_settings().admin_ids == frozenset()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ADMIN_IDS", "12,abc"),
        ("LOG_LEVEL", "LOUD"),
        ("BOT_USERNAME", "no spaces allowed"),
        ("TELEGRAM_API_BASE_URL", "api.telegram.org"),
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("WEBHOOK_SECRET", "spaces are not allowed"),
    ],
)
def test_bad_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(f"invalid setting {name}:")
    assert "\n" not in message


def test_token_is_secret_and_username_loses_its_at(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-token")
    monkeypatch.setenv("BOT_USERNAME", "@corruption_qa_bot")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = load_settings()
    assert "secret-token" not in repr(settings)
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "123:secret-token"
    assert settings.bot_username == "corruption_qa_bot"
    assert settings.log_level == "DEBUG"


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("ADMIN_IDS=7,8\nDATA_DIR=/tmp/state\n")
    settings = load_settings()
    assert settings.admin_ids == {7, 8}
    assert settings.data_dir == Path("/tmp/state")


def test_webhook_url_needs_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/hook")
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET is required when WEBHOOK_URL is set"):
        load_settings()
    monkeypatch.setenv("WEBHOOK_SECRET", "s3cret_-value")
    assert load_settings().webhook_url == "https://bot.example.org/hook"


def test_clarify_threshold_cannot_exceed_the_answer_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MATCH_ANSWER_THRESHOLD", "0.5")
    monkeypatch.setenv("MATCH_CLARIFY_THRESHOLD", "0.6")
    with pytest.raises(SettingsError, match="must not exceed MATCH_ANSWER_THRESHOLD"):
        load_settings()
    monkeypatch.setenv("MATCH_CLARIFY_THRESHOLD", "0.5")
    assert load_settings().thresholds.clarify == 0.5


def test_bad_token_is_not_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "12345-leaked-value")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "leaked" not in str(raised.value)


def test_the_maintainer_ends_the_about_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "who made you?" gets /about: it says who runs this copy when the operator sets it."""
    monkeypatch.setenv("MAINTAINER", "Run by the workshop team: **@example_team**")
    settings = load_settings()
    conversation = conversation_for(settings, FrontEnd.TELEGRAM, RecordingJournal())
    assert conversation.about().body.endswith("Run by the workshop team: **@example_team**")
    assert conversation.ask("who made you?").reply.body == conversation.about().body
    assert load_settings(maintainer=None).maintainer is None
