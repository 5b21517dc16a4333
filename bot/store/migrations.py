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
    # 2: workshops, and quiz rounds with their polls and answers; chats and people appear only
    # as keyed hashes (bot.store.pseudonyms), never as ids or names
    """
    ALTER TABLE questions ADD COLUMN workshop TEXT;
    ALTER TABLE presses ADD COLUMN workshop TEXT;
    CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        chat TEXT NOT NULL,
        title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT
    );
    CREATE INDEX workshops_chat ON workshops (chat, ended_at);
    CREATE TABLE quiz_rounds (
        id TEXT PRIMARY KEY,
        chat TEXT NOT NULL,
        starter TEXT NOT NULL,
        items TEXT NOT NULL,
        started_at TEXT NOT NULL,
        sent INTEGER NOT NULL,
        sent_at TEXT,
        state TEXT NOT NULL,
        workshop TEXT
    );
    CREATE INDEX quiz_rounds_chat ON quiz_rounds (chat, state);
    CREATE TABLE quiz_polls (
        poll_id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL,
        number INTEGER NOT NULL
    );
    CREATE TABLE quiz_answers (
        round_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        person TEXT NOT NULL,
        correct INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (round_id, number, person)
    );
    """,
    # 3: the inbox: each update from Telegram, kept from the moment it is received until it is
    # answered (then its body is erased and only its id stays, to answer it once)
    """
    CREATE TABLE inbox (
        update_id INTEGER PRIMARY KEY,
        body TEXT,
        received_at TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX inbox_pending ON inbox (done, update_id);
    """,
    # 4: the language of a question matched in one of the region's languages (its text is not
    # kept: its writer's danger cannot be judged as surely as in English)
    """
    ALTER TABLE questions ADD COLUMN language TEXT;
    """,
    # 5: the language a chat chose for the bot's words (/language), by the chat's pseudonym;
    # forgotten with the other records after the retention period
    """
    CREATE TABLE chat_languages (
        chat TEXT PRIMARY KEY,
        language TEXT NOT NULL,
        chosen_at TEXT NOT NULL
    );
    """,
)

LATEST = len(STEPS)
