"""What recording costs a reply: the same questions answered with nothing recorded (baseline),
with the batching `Recorder` over SQLite (what the bot runs), and with a naive journal that
writes and commits each event on the reply path; and whether a locked database slows replies.

Run: .venv/bin/python bench/recording.py  (prints a table; nothing is asserted)
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.settings import SHIPPED_KNOWLEDGE
from bot.store import DiscardJournal, Event, Journal, Recorder
from bot.store.sqlite import SqliteStore
from bot.wording import FrontEnd

QUESTIONS = (
    "who funded the research",
    "what is uncac",
    "how does corruption help smugglers at borders",
    "who won the football world cup",
    "is debt bondage a form of exploitation",
)
ROUNDS = 200


class WriteEachEvent:
    """The naive way: one committed write per event, on the reply path."""

    def __init__(self, store: SqliteStore) -> None:
        self.store = store

    def record(self, event: Event) -> None:
        self.store.write([event])

    def flush(self) -> bool:
        return True


def replies_ms(engine: AnswerEngine, journal: Journal) -> list[float]:
    conversation = Conversation(engine, journal, FrontEnd.TELEGRAM)
    times = []
    for round_ in range(ROUNDS):
        for question in QUESTIONS:
            asked = f"{question} {round_}"  # never the same text twice: nothing is cached
            started = time.perf_counter()
            conversation.ask(asked)
            times.append((time.perf_counter() - started) * 1000)
    return times


def row(name: str, times: Sequence[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return f"| {name} | {statistics.median(times):.2f} | {p99:.2f} | {max(times):.2f} |"


def main() -> None:
    engine = AnswerEngine.load(SHIPPED_KNOWLEDGE)
    folder = Path(tempfile.mkdtemp())
    replies_ms(engine, DiscardJournal())  # warm-up: first calls pay for imports and caches
    runs: list[tuple[str, list[float]]] = [
        ("nothing recorded (baseline)", replies_ms(engine, DiscardJournal()))
    ]
    recorder = Recorder(SqliteStore(folder / "batched.sqlite3"), retention=timedelta(days=90))
    runs.append(("Recorder, batched off the reply path (the bot)", replies_ms(engine, recorder)))
    recorder.close()
    naive = WriteEachEvent(SqliteStore(folder / "naive.sqlite3"))
    runs.append(("one committed write per event, on the reply path", replies_ms(engine, naive)))
    locked_path = folder / "locked.sqlite3"
    locked = Recorder(SqliteStore(locked_path, timeout=0.5), retention=timedelta(days=90))
    locker = sqlite3.connect(locked_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    runs.append(("Recorder, database locked throughout", replies_ms(engine, locked)))
    locker.execute("ROLLBACK")
    locked.close()
    print(f"Reply time of Conversation.ask, {ROUNDS * len(QUESTIONS)} questions per row (ms)\n")
    print("| journal | median | p99 | max |\n|---|---|---|---|")
    for name, times in runs:
        print(row(name, times))


if __name__ == "__main__":
    main()
