"""Pacing and flood control, on a clock the tests move."""

from __future__ import annotations

import asyncio
import time

from bot.flood import Admission, FloodGate
from bot.pacing import Gate, chat_book, group_book


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_group_gets_twenty_a_minute_in_booking_order() -> None:
    clock = Clock()
    pace = group_book(clock)
    waits = [pace.book("g") for _ in range(45)]
    assert waits[:20] == [0.0] * 20
    assert waits[20:40] == [61.0] * 20
    assert waits[40:] == [122.0] * 5
    assert pace.wait("g") == 122.0
    assert pace.wait("other group") == 0.0
    clock.now += 61
    assert pace.wait("g") == 61.0, "the minute slides: the third batch is still booked"
    clock.now += 200
    assert pace.wait("g") == 0.0


def test_a_slow_group_never_waits() -> None:
    clock = Clock()
    pace = group_book(clock)
    for _ in range(100):
        assert pace.book("g") == 0.0
        clock.now += 3.1  # twenty a minute, evenly


def test_a_flood_gets_one_slow_down_then_silence_until_it_stops() -> None:
    clock = Clock()
    gate = FloodGate(most=8, window=10, clock=clock)
    verdicts = []
    for tick in range(100):
        verdicts.append(gate.admit("flooder"))
        if tick % 20 == 0:  # someone asking at a normal pace meanwhile
            assert gate.admit("someone else") is Admission.ANSWER
        clock.now += 0.1
    assert verdicts[:8] == [Admission.ANSWER] * 8
    assert verdicts[8] is Admission.SLOW_DOWN
    assert set(verdicts[9:]) == {Admission.IGNORE}
    clock.now += 10.5
    assert gate.admit("flooder") is Admission.ANSWER, "answered again after the window"
    assert gate.admit("a third person") is Admission.ANSWER


def test_a_private_chat_gets_one_a_second() -> None:
    clock = Clock()
    pace = chat_book(clock)
    assert [round(pace.book("c"), 6) for _ in range(4)] == [0.0, 1.1, 2.2, 3.3]
    assert pace.book("another chat") == 0.0


async def test_the_overall_gate_counts_a_send_from_its_answer() -> None:
    """Two a window: a third send waits until a window has passed since the first answer came
    back, however long the first two took to arrive (Telegram counts them on arrival)."""
    gate = Gate(limit=2, window=0.2)
    started = time.monotonic()
    begun: list[float] = []

    async def send(taking: float) -> None:
        await gate.enter()
        begun.append(time.monotonic() - started)
        try:
            await asyncio.sleep(taking)
        finally:
            gate.leave()

    await asyncio.gather(send(0.15), send(0.15), send(0.0))
    # counted from their start instead, the third would go at 0.2 s
    assert begun[2] >= 0.15 + 0.2 - 0.01, begun


async def test_a_pause_holds_every_send() -> None:
    gate = Gate(limit=30, window=1.0)
    gate.pause(0.2)
    started = time.monotonic()
    await gate.enter()
    gate.leave()
    assert time.monotonic() - started >= 0.19
