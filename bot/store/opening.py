"""Which store a setting names: `STORE_URL`, or by default a SQLite file in `DATA_DIR`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bot.store.base import Store, StoreError
from bot.store.sqlite import SqliteStore

DEFAULT_FILE = "bot.sqlite3"


def store_path(url: str | None, data_dir: Path) -> Path:
    """The SQLite file of `sqlite:///relative/path` or `sqlite:////absolute/path`."""
    if url is None:
        return data_dir / DEFAULT_FILE
    parts = urlsplit(url)
    if parts.scheme == "sqlite" and not parts.netloc and parts.path.startswith("/"):
        return Path(parts.path[1:])
    if parts.scheme in {"postgresql", "postgres"}:
        raise StoreError(
            "STORE_URL names PostgreSQL, which this version cannot use yet: "
            "docs/store.md says how to add the adapter"
        )
    raise StoreError("STORE_URL must look like sqlite:///data/bot.sqlite3")


def open_store(url: str | None, data_dir: Path, *, read_only: bool = False) -> Store:
    return SqliteStore(store_path(url, data_dir), read_only=read_only)
