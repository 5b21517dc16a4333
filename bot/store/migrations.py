"""The SQLite schema, as the steps that build it: step N brings a database to version N.

A database records its version in `PRAGMA user_version`; start-up applies the steps it has not
had, each in one transaction. Steps are only ever appended: a released step never changes.
Times are ISO 8601 UTC text, so they sort and compare as text.
"""

from __future__ import annotations

STEPS: tuple[str, ...] = (
    # 1: questions and button presses; no column can hold a user, a chat or a name
    """
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        chat TEXT NOT NULL,
        text TEXT,
        decision TEXT NOT NULL,
        confidence REAL NOT NULL,
        candidates TEXT NOT NULL,
        intent TEXT,
        entry_id TEXT,
        reason TEXT
    );
    CREATE INDEX questions_at ON questions (at);
    CREATE TABLE presses (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        chat TEXT NOT NULL,
        kind TEXT NOT NULL,
        entry_id TEXT,
        question TEXT
    );
    CREATE INDEX presses_at ON presses (at);
    """,
)

LATEST = len(STEPS)
