"""Pacing and flood control, on a clock the tests move."""

from __future__ import annotations

from bot.flood import Admission, FloodGate
from bot.pacing import chat_book, group_book


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
