"""Deep links that open an answer in a private chat with the bot: `t.me/<bot>?start=<entry-id>`.

Telegram passes the payload to /start; it may hold up to 64 of A-Z, a-z, 0-9, _ and -, which
every entry id (a slug of at most 48 characters) satisfies.
"""

from __future__ import annotations

import re

_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def deep_link(bot_username: str, payload: str) -> str:
    if not _PAYLOAD.match(payload):
        raise ValueError(f"not a valid /start payload: {payload!r}")
    return f"https://t.me/{bot_username.lstrip('@')}?start={payload}"
