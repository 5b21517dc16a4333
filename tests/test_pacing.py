"""Pacing and flood control, on a clock the tests move."""

from __future__ import annotations

import asyncio
import time

import pytest

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
    """Two a window: both go at once, and a third waits until a window has passed since the
    first answer came back, however long the first two took to arrive (Telegram counts them on
    arrival)."""
    gate = Gate(limit=2, window=0.2)
    started = time.monotonic()
    events: list[tuple[str, int, float]] = []

    async def send(number: int, taking: float) -> None:
        async with gate.sending():
            events.append(("sent", number, time.monotonic() - started))
            await asyncio.sleep(taking)
        events.append(("answered", number, time.monotonic() - started))

    await asyncio.gather(send(1, 0.15), send(2, 0.15), send(3, 0.0))
    order = [(kind, number) for kind, number, _ in events]
    assert order.index(("sent", 2)) < order.index(("answered", 1)), "the first two together"
    answered = min(at for kind, _, at in events if kind == "answered")
    third = next(at for kind, number, at in events if (kind, number) == ("sent", 3))
    # counted from their start instead, the third would go at 0.2 s
    assert third >= answered + 0.2 - 0.01, events
    assert gate.in_flight == 0


async def test_a_failed_or_cancelled_send_gives_its_place_back() -> None:
    gate = Gate(limit=1, window=0.0)
    with pytest.raises(RuntimeError):
        async with gate.sending():
            raise RuntimeError("connection lost")
    waiting = asyncio.create_task(asyncio.sleep(10))
    sending = asyncio.create_task(_hold(gate, waiting))
    await asyncio.sleep(0.01)
    assert gate.in_flight == 1
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert gate.in_flight == 0
    async with gate.sending():  # and the place is free again
        assert gate.in_flight == 1
    waiting.cancel()


async def _hold(gate: Gate, until: asyncio.Task[None]) -> None:
    async with gate.sending():
        await until


async def test_a_pause_holds_every_send() -> None:
    gate = Gate(limit=30, window=1.0)
    gate.pause(0.2)
    started = time.monotonic()
    async with gate.sending():
        pass
    assert time.monotonic() - started >= 0.19


def test_a_gate_lets_at_least_one_through() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Gate(limit=0, window=1.0)
