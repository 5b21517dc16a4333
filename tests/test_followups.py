"""Which messages only make sense after the previous answer, and the memory that keeps it."""

from __future__ import annotations

import pytest

from bot.followups import (
    ChatMemory,
    Request,
    asks_if_included,
    asks_next_step,
    context_of,
    depends_on_context,
    read_context,
    request_of,
    wants_another,
    without_new_subject,
)


@pytest.mark.parametrize(
    "text",
    [
        "and at sea?",
        "who said that?",
        "tell me more",
        "source?",
        "is that binding?",
        "since when?",
        "who attended?",
        "at sea too?",
        "and the other protocol?",
        "by whom?",
        "give me an example",
        "like what?",
        "is Pakistan included?",
    ],
)
def test_messages_that_need_the_previous_answer(text: str) -> None:
    assert depends_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "what is the legal definition of smuggling of migrants",
        "who funded the research behind the 2021 report on corruption and smuggling",
        "what are examples of corruption at border checkpoints in the report",
        "is UNODC a member of the Bali Process, and since when?",
    ],
)
def test_messages_that_stand_on_their_own(text: str) -> None:
    assert not depends_on_context(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Tell me more, please", Request.MORE),
        ("tell me more about UNCAC's review mechanism and its history", None),
        ("source?", Request.SOURCES),
        ("what's the source for that", Request.SOURCES),
        ("so is that in the report itself?", Request.SOURCES),
        ("where does that come from?", Request.SOURCES),
        ("where's that from?", Request.SOURCES),
        ("explain simply", Request.SHORTER),
        ("where does the money come from?", None),
        ("in short?", Request.SHORTER),
        ("can you say that more simply", Request.SHORTER),
        ("summarise it", Request.SHORTER),
        ("could you repeat that?", Request.AGAIN),
        ("summarise the report", None),
        ("in simple words?", Request.SHORTER),
        ("in layman's terms pls", Request.SHORTER),
    ],
)
def test_requests_of_the_previous_answer(text: str, asked: Request | None) -> None:
    assert request_of(text) is asked


@pytest.mark.parametrize(
    ("text", "next_step"),
    [
        ("what should we do?", True),
        ("ok so what do i do now", True),
        ("where can she go", True),
        ("please help", True),
        ("who do i call", True),
        ("what should governments do about corruption at borders?", False),
        ("help me understand the protocol", False),
        ("who wrote the report?", False),
    ],
)
def test_asking_what_to_do_now(text: str, next_step: bool) -> None:
    assert asks_next_step(text) is next_step


@pytest.mark.parametrize(
    ("text", "included"),
    [
        ("is india one of them?", True),
        ("is the UK in it?", True),
        ("is japan a member?", True),
        ("is new zealand one?", True),
        ("what time is it?", False),
        ("translate that into Thai", False),
        ("is it raining there?", False),
    ],
)
def test_asking_if_something_is_in_the_answers_list(text: str, included: bool) -> None:
    assert asks_if_included(text) is included


def test_a_new_subject_is_asked_on_its_own() -> None:
    assert without_new_subject("another thing - what is UNCAC?") == "what is UNCAC?"
    assert without_new_subject("ok, new question: who funded it?") == "who funded it?"
    assert without_new_subject("switching topics - what is the RSO?") == "what is the RSO?"
    assert without_new_subject("what is another thing") == "what is another thing"


def test_another() -> None:
    assert wants_another("and the other one?")
    assert wants_another("and the one on smuggling?")
    assert not wants_another("and at sea?")
    assert not wants_another("is that the one?")
    assert wants_another("and the smuggling one?")
    assert wants_another("what about the smuggling one?")  # a user trial, 2026-12-02
    assert not wants_another("what about the first one?")
    assert wants_another("what about the rest?")
    assert not wants_another("can one become the other?")
    assert not wants_another("what else has he written?")


def test_memory_is_per_key_and_forgets() -> None:
    now = [0.0]
    memory = ChatMemory(seconds=60, capacity=2, clock=lambda: now[0])
    memory.remember("a", "uncac")
    memory.remember("b", "untoc")
    assert (memory.recall("a"), memory.recall("b")) == ("uncac", "untoc")
    now[0] = 61
    assert memory.recall("a") is None
    memory.remember("c", "actip")
    memory.remember("d", "som-protocol")
    memory.remember("e", "tip-protocol")
    assert memory.recall("c") is None, "the oldest key goes past the capacity"


def test_the_context_of_a_reply_with_the_safety_note_keeps_its_entry() -> None:
    assert read_context(context_of("report-funding", safety=True)) == (True, "report-funding")
    assert read_context(context_of(None, safety=True)) == (True, None)
    assert read_context(context_of("report-funding", safety=False)) == (False, "report-funding")
    assert read_context(None) == (False, None)
