"""Stable, unguessable stand-ins for Telegram ids, for state that must outlive a restart (a quiz
round's chat, who started it, who answered what) without storing any id.

A keyed hash: HMAC-SHA256 with a secret that stays on the server (`DATA_DIR/pseudonym.key`,
created on first use, readable by the bot only). The store alone cannot be turned back into ids,
not even by trying every number, and the same chat always gets the same stand-in.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = "pseudonym.key"
KEY_BYTES = 32


class Pseudonyms:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def in_folder(cls, folder: Path) -> Pseudonyms:
        """The folder's secret, created (owner-only) on first use."""
        path = folder / KEY_FILE
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(secrets.token_bytes(KEY_BYTES))
        return cls(path.read_bytes())

    def chat(self, chat_id: int) -> str:
        return self._of("chat", chat_id)

    def person(self, user_id: int) -> str:
        return self._of("person", user_id)

    def _of(self, kind: str, number: int) -> str:
        digest = hmac.new(self._secret, f"{kind}:{number}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]
