"""Memory freed while an engine is built goes back to the system (bot.heap)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import bot.engine
from bot import heap
from tests.support.shipped import shipped_engine

STATUS = Path("/proc/self/status")


def resident_kb() -> int:
    line = next(line for line in STATUS.read_text().splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1])


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or heap._trim() is None, reason="glibc on Linux only"
)
def test_freed_heap_memory_is_given_back() -> None:
    """Blocks of 2 KB come from the C heap (not Python's small-object arenas); with one in 64
    kept, the heap cannot shrink from its top, and only `malloc_trim` returns the rest."""
    blocks = [bytes(2048) for _ in range(40_000)]  # about 80 MB
    kept = blocks[::64]  # alive until the end of the test
    del blocks
    before = resident_kb()
    assert heap.give_back_freed_memory()
    assert before - resident_kb() > 40_000  # kB: at least half of it
    del kept


def test_without_malloc_trim_only_the_garbage_is_collected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(heap, "_trim", lambda: None)
    assert heap.give_back_freed_memory() is False


def test_building_an_engine_gives_back_what_it_freed(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = shipped_engine()
    calls = []

    def give_back() -> bool:
        calls.append("called")
        return True

    monkeypatch.setattr(bot.engine, "give_back_freed_memory", give_back)
    bot.engine.AnswerEngine.build(engine.knowledge, matcher=engine.matcher)
    assert calls == ["called"]
