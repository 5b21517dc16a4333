"""The store: schema and migrations, privacy of what is kept, batching off the reply path,
faults (locked, full, read-only, killed mid-write) and retention."""

from __future__ import annotations

import json
import logging
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.startup import StartError, recording
from bot.store import (
    Asked,
    Candidate,
    ChatKind,
    DiscardJournal,
    Event,
    Pressed,
    PressKind,
    Recorder,
    StoreError,
    open_store,
    redacted,
    store_path,
)
from bot.store.inbox import Inbox
from bot.store.migrations import STEPS
from bot.store.sqlite import SqliteStore, migrate, schema_version
from bot.store.sqlite_workshops import SqliteWorkshops
from bot.store.workshop_records import QuizAnswer, QuizRound, Workshop

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=365)


def question(text: str | None = "what is uncac", at: datetime = NOW) -> Asked:
    return Asked(
        at,
        ChatKind.PRIVATE,
        text,
        "answer",
        0.93,
        (Candidate("uncac", 0.81), Candidate("untoc", 0.4), Candidate("actip", 0.2)),
        None,
        "uncac",
    )


def press(at: datetime = NOW) -> Pressed:
    return Pressed(at, ChatKind.GROUP, PressKind.CHOICE, "uncac", "uncac?")


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "bot.sqlite3")


# --- schema ----------------------------------------------------------------------------------


def test_events_round_trip(store: SqliteStore) -> None:
    thai = replace(question(None), language="th")
    store.write([question(), press(), question(None), thai])
    assert store.questions(NOW) == [question(), question(None), thai]
    assert store.presses(NOW) == [press()]
    assert store.questions(NOW + timedelta(seconds=1)) == []


def test_created_on_first_use_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "deeper" / "bot.sqlite3"
    SqliteStore(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert schema_version(connection) == len(STEPS)


def test_no_column_can_hold_who_asked(store: SqliteStore) -> None:
    connection = sqlite3.connect(store.path)
    tables = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    columns = {
        column[1]
        for table in tables
        for column in connection.execute(f"PRAGMA table_info({table})")
    }
    assert not {c for c in columns if any(w in c for w in ("user", "chat_id", "name", "sender"))}
    assert {"questions", "presses"} <= set(tables)


@pytest.mark.parametrize("version", range(len(STEPS)))
def test_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, STEPS[:version])
    assert schema_version(old) == version
    old.close()
    store = SqliteStore(path)  # start-up migrates
    store.write([question()])
    assert store.questions(NOW) == [question()]
    assert schema_version(sqlite3.connect(path)) == len(STEPS)


def test_a_store_from_a_newer_bot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {len(STEPS) + 1}")
    with pytest.raises(StoreError, match="newer than this bot"):
        SqliteStore(path)


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    SqliteStore(path).close()
    with pytest.raises(StoreError):
        SqliteStore(path, steps=(*STEPS, "CREATE TABLE extra (x); CREATE TABLE questions (y)"))
    connection = sqlite3.connect(path)
    assert schema_version(connection) == len(STEPS)
    assert connection.execute("SELECT name FROM sqlite_master WHERE name='extra'").fetchall() == []


def test_store_urls(tmp_path: Path) -> None:
    assert store_path(None, tmp_path) == tmp_path / "bot.sqlite3"
    assert store_path("sqlite:///var/bot.db", tmp_path) == Path("var/bot.db")
    assert store_path("sqlite:////srv/bot.db", tmp_path) == Path("/srv/bot.db")
    with pytest.raises(StoreError, match="PostgreSQL"):
        store_path("postgresql://db/bot", tmp_path)
    with pytest.raises(StoreError, match="sqlite:///"):
        store_path("mysql://db/bot", tmp_path)


def test_reading_while_the_bot_writes_and_without_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="has not recorded anything yet"):
        open_store(None, tmp_path, read_only=True)
    writer = open_store(None, tmp_path)
    reader = open_store(None, tmp_path, read_only=True)
    writer.write([question()])
    assert len(reader.questions(NOW)) == 1
    with pytest.raises(StoreError):
        reader.write([question()])


def test_purge_forgets_what_is_older(store: SqliteStore) -> None:
    store.write([question(at=LONG_AGO), press(LONG_AGO), question(), press()])
    assert store.purge(NOW - timedelta(days=90)) == 2
    assert store.questions(LONG_AGO) == [question()]
    assert store.presses(LONG_AGO) == [press()]


# --- what is kept of a question --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my email is ana.s@example.org, can you help", "my email is [email], can you help"),
        ("ask @ana_smith about it", "ask [username] about it"),
        ("call me on +62 812-3456-7890", "call me on [number]"),
        ("passport A1234567 was taken", "passport [number] was taken"),
        ("see https://example.org/x?id=3", "see [link]"),
        (
            "what did UNCAC say in 2003 about article 15",
            "what did UNCAC say in 2003 about article 15",
        ),
    ],
)
def test_identifiers_are_masked(text: str, kept: str) -> None:
    assert redacted(text) == kept


# --- the recorder: off the reply path, faults, retention ---------------------------------------


class FailingStore(SqliteStore):
    """A real store whose writes fail until told otherwise, as a locked or full disk does."""

    failing = True

    def write(self, events: Sequence[Event]) -> None:
        if self.failing:
            raise StoreError("cannot write to bot.sqlite3: database or disk is full")
        super().write(events)


def test_recorder_batches_and_flushes(store: SqliteStore) -> None:
    recorder = Recorder(store, retention=timedelta(days=90), flush_seconds=60)
    for _ in range(500):
        recorder.record(question())
    assert recorder.flush()
    assert len(store.questions(NOW)) == 500
    recorder.close()


def test_an_unwritable_store_is_logged_once_and_catches_up(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FailingStore(tmp_path / "bot.sqlite3")
    recorder = Recorder(store, retention=timedelta(days=90), flush_seconds=60)
    with caplog.at_level(logging.ERROR, logger="bot.store.recorder"):
        for _ in range(3):
            recorder.record(question())
            assert recorder.flush()
    assert [r.message for r in caplog.records].count(
        "events not stored, the bot goes on answering: "
        "cannot write to bot.sqlite3: database or disk is full"
    ) == 1
    store.failing = False
    recorder.record(question())
    assert recorder.flush()
    assert len(store.questions(NOW)) == 4, "what was held is written once the store recovers"
    recorder.close()


def test_a_locked_database_does_not_block_recording(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = SqliteStore(path, timeout=0.1)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    recorder = Recorder(store, retention=timedelta(days=90), flush_seconds=60)
    started = time.perf_counter()
    for _ in range(100):
        recorder.record(question())
    assert time.perf_counter() - started < 1.0, "record() never waits for the database"
    assert recorder.flush()
    locker.execute("ROLLBACK")
    assert recorder.flush()
    assert len(store.questions(NOW)) == 100
    recorder.close()


def test_a_read_only_store_is_reported_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SqliteStore(tmp_path / "bot.sqlite3").close()
    recorder = Recorder(
        SqliteStore(tmp_path / "bot.sqlite3", read_only=True),
        retention=timedelta(days=90),
        flush_seconds=60,
    )
    with caplog.at_level(logging.ERROR, logger="bot.store.recorder"):
        recorder.record(question())
        assert recorder.flush()
    assert any("readonly" in r.message for r in caplog.records)
    recorder.close()


class BuggyStore(SqliteStore):
    """A real store whose first write raises what no store fault does: a bug."""

    broken = True

    def write(self, events: Sequence[Event]) -> None:
        if self.broken:
            self.broken = False
            raise TypeError("a bug in writing")
        super().write(events)


def test_the_recorder_survives_a_bug_in_a_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = BuggyStore(tmp_path / "bot.sqlite3")
    recorder = Recorder(store, retention=timedelta(days=90), flush_seconds=60)
    with caplog.at_level(logging.ERROR, logger="bot.store.recorder"):
        recorder.record(question())
        assert recorder.flush()
    [failed] = caplog.records
    assert failed.message == "recording failed, 1 events dropped"
    assert failed.exc_info is not None, "with its traceback"
    recorder.record(question())
    assert recorder.flush()
    assert len(store.questions(NOW)) == 1, "the thread went on; the batch that failed is dropped"
    recorder.close()


class StalledStore(SqliteStore):
    """A real store whose writes hang until released, as on a stalled disk."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.writing_now = threading.Event()
        self.released = threading.Event()

    def write(self, events: Sequence[Event]) -> None:
        self.writing_now.set()
        self.released.wait()
        super().write(events)


def test_flush_waits_no_longer_than_its_timeout_even_for_a_full_queue(tmp_path: Path) -> None:
    store = StalledStore(tmp_path / "bot.sqlite3")
    recorder = Recorder(store, retention=timedelta(days=90), flush_seconds=0.01, backlog=2)
    recorder.record(question())
    assert store.writing_now.wait(10)
    recorder.record(question())
    recorder.record(question())  # the queue is full and its thread is stuck
    with ThreadPoolExecutor(1) as flushing:
        flushed = flushing.submit(recorder.flush, 0.01)
        try:
            assert flushed.result(timeout=10) is False, "gave up, not blocked"
        finally:
            store.released.set()
    recorder.close()
    assert len(store.questions(NOW)) == 3


def test_recorder_purges_once_a_day(store: SqliteStore) -> None:
    store.write([question(at=LONG_AGO), question()])
    clock = [NOW]
    recorder = Recorder(
        store, retention=timedelta(days=90), flush_seconds=60, clock=lambda: clock[0]
    )
    assert recorder.flush()
    assert store.questions(LONG_AGO) == [question()]
    store.write([question(at=NOW - timedelta(days=91))])
    assert recorder.flush()
    assert len(store.questions(LONG_AGO)) == 2, "not again within the day"
    clock[0] = NOW + timedelta(days=1)
    assert recorder.flush()
    assert store.questions(LONG_AGO) == [question()]
    recorder.close()


WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from bot.store import Asked, ChatKind
from bot.store.sqlite import SqliteStore
store = SqliteStore(Path(sys.argv[1]))
batch = [Asked(datetime.now(UTC), ChatKind.PRIVATE, "q" * 400, "none", 0.1, ())] * 50
print("writing", flush=True)
while True:
    store.write(batch)
"""


def test_killed_mid_write_loses_at_most_a_batch_and_never_corrupts(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "writing\n"
    time.sleep(0.5)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    count = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert count > 0
    assert count % 50 == 0, "a batch is written whole or not at all"


# --- start-up --------------------------------------------------------------------------------


def test_a_store_that_cannot_be_opened_is_logged_and_the_bot_answers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings = Settings(data_dir=blocked, _env_file=None)
    with caplog.at_level(logging.ERROR, logger="bot.startup"), recording(settings) as journal:
        assert isinstance(journal, DiscardJournal)
        journal.record(question())
    assert any("usage is not recorded" in r.message for r in caplog.records)


def test_a_store_url_the_bot_cannot_use_stops_it(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, store_url="postgresql://db/bot", _env_file=None)
    with pytest.raises(StartError, match="PostgreSQL"), recording(settings):
        pass


def test_recording_writes_everything_out_when_the_bot_stops(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, _env_file=None)
    with recording(settings) as journal:
        for _ in range(10):
            journal.record(question())
    assert len(SqliteStore(tmp_path / "bot.sqlite3").questions(NOW)) == 10


def test_the_workshop_a_record_belongs_to_round_trips(store: SqliteStore) -> None:
    asked = replace(question(), workshop="w1")
    pressed = replace(press(), workshop="w1")
    store.write([asked, pressed])
    assert store.questions(NOW) == [asked]
    assert store.presses(NOW) == [pressed]


def test_purge_forgets_old_rounds_and_sessions_with_all_that_is_theirs(
    store: SqliteStore,
) -> None:
    kept = SqliteWorkshops(store)
    for round_id, at in (("old", LONG_AGO), ("new", NOW)):
        kept.save_round(QuizRound(round_id, "chat", "ana", ("q1",), at, sent=1))
        kept.add_poll(f"poll-{round_id}", round_id, 1)
        kept.add_answer(QuizAnswer(round_id, 1, "ben", True, at))
        kept.save_workshop(Workshop(f"w-{round_id}", "chat", "Session", at))
    assert store.purge(NOW - timedelta(days=90)) == 4
    assert kept.quiz_round("old") is None
    assert kept.poll("poll-old") is None
    assert kept.answers("old") == []
    assert [w.id for w in kept.workshops()] == ["w-new"]
    assert kept.answers("new") != []


def test_the_inbox_hands_out_in_order_and_answers_once(store: SqliteStore) -> None:
    inbox = Inbox(store)
    assert inbox.receive([(5, "{}"), (6, "{}"), (7, "{}")], NOW) == {5, 6, 7}
    assert inbox.receive([(6, "{}"), (8, "{}")], NOW) == {8}, "a repeat is not new"
    assert [i for i, _ in inbox.pending(besides={5}, limit=2)] == [6, 7]
    inbox.handled(6)
    assert inbox.waiting() == 3
    assert [i for i, _ in inbox.pending()] == [5, 7, 8]
    assert inbox.last_id() == 8
    body = sqlite3.connect(store.path).execute("SELECT body FROM inbox WHERE update_id = 6")
    assert body.fetchone() == (None,), "an answered update's body is erased"
    assert inbox.forget(NOW + timedelta(days=2)) == 4, "answered or not"
    assert inbox.last_id() is None


DANGER = "my boss took my passport and locks us in"
USER_ID = 987_654_321
NAME = "Siti Aminah"


def update_body(update_id: int, text: str = DANGER) -> str:
    """An update as the intake records it: who wrote what, in which chat."""
    sender = {"id": USER_ID, "is_bot": False, "first_name": NAME}
    chat = {"id": USER_ID, "type": "private", "first_name": NAME}
    message = {"message_id": update_id, "date": 0, "chat": chat, "from": sender, "text": text}
    return json.dumps({"update_id": update_id, "message": message})


def copies_on_disk(store: SqliteStore, what: str | int) -> int:
    """How often `what` is in the database file and its write-ahead log, read while the store
    is open (closing it would empty the log)."""
    log = store.path.with_name(f"{store.path.name}-wal")
    kept = store.path.read_bytes() + (log.read_bytes() if log.exists() else b"")
    return kept.count(str(what).encode())


def test_handled_updates_leave_no_copy_on_disk(store: SqliteStore) -> None:
    inbox = Inbox(store)
    inbox.receive([(i, update_body(i)) for i in range(1, 51)], NOW)
    for update_id in range(1, 26):
        inbox.handled(update_id)
    assert copies_on_disk(store, DANGER) >= 25, "those still waiting are kept"
    for update_id in range(26, 51):
        inbox.handled(update_id)
    assert [copies_on_disk(store, what) for what in (DANGER, USER_ID, NAME)] == [0, 0, 0]


def test_an_update_never_handled_is_forgotten_with_the_ids(
    store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = Inbox(store)
    inbox.receive([(1, update_body(1))], NOW - timedelta(days=2))
    inbox.receive([(2, update_body(2, "what is uncac"))], NOW)
    with caplog.at_level(logging.WARNING, logger="bot.store.inbox"):
        assert inbox.forget(NOW - timedelta(days=1)) == 1
    assert [update_id for update_id, _ in inbox.pending()] == [2]
    assert copies_on_disk(store, DANGER) == 0
    assert [r.message for r in caplog.records] == [
        "1 updates too old to answer were forgotten unanswered"
    ]
