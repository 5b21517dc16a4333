"""The shipped knowledge base and its matcher, built once per test run and shared by every test
(the `engine` fixture, and helpers that need it outside a fixture)."""

from __future__ import annotations

from functools import cache

from bot.engine import AnswerEngine
from bot.settings import SHIPPED_KNOWLEDGE


@cache
def shipped_engine() -> AnswerEngine:
    return AnswerEngine.load(SHIPPED_KNOWLEDGE)
