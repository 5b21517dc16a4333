"""Logging set-up that never writes the bot token, nor who wrote what.

httpx logs every request URL at INFO, and the Bot API puts the token in the URL, so httpx and
httpcore are held at WARNING whatever LOG_LEVEL says, and a filter blanks the token out of any
record that still carries it. python-telegram-bot logs every update it receives and every
request it makes at DEBUG (message texts, user and chat ids, names), so its loggers are held at
INFO, LOG_LEVEL=DEBUG or not.
"""

from __future__ import annotations

import logging

REDACTED = "<token>"
# libraries' loggers and the least severe level they may log at, whatever LOG_LEVEL says
_HELD = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "apscheduler": logging.WARNING,
    "telegram": logging.INFO,  # and "telegram.ext" and the rest below it
}


class RedactSecrets(logging.Filter):
    def __init__(self, *secrets: str) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, REDACTED)
            record.msg, record.args = message, None
        if record.exc_info and record.exc_text is None and self._secrets:
            formatted = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                formatted = formatted.replace(secret, REDACTED)
            record.exc_text = formatted
        return True


class BriefErrors(logging.Filter):
    """Errors that are fully explained by their message (a rejected token, say) are logged on
    one line: the start-up error after them says what to do, and a traceback only alarms."""

    def __init__(self, *kinds: type[BaseException]) -> None:
        super().__init__()
        self._kinds = kinds

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, self._kinds):
            record.msg, record.args = f"{record.getMessage()}: {error}", None
            record.exc_info = None
        return True


def configure(level: str, *secrets: str, brief: tuple[type[BaseException], ...] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(BriefErrors(*brief))
    handler.addFilter(RedactSecrets(*secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name, least in _HELD.items():
        logging.getLogger(name).setLevel(max(least, logging.getLevelName(level)))
