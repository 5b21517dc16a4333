"""The reply pipeline shared by Telegram and the terminal, tested without Telegram."""

from __future__ import annotations

from functools import cache

import pytest

from bot import texts
from bot.callbacks import Action, Callback
from bot.conversation import Conversation
from bot.intents import Intent, classify, without_greeting
from bot.library import Library, LibraryHolder
from bot.replies import ReplyKind
from bot.settings import SHIPPED_KNOWLEDGE


class RecordingFeedback:
    def __init__(self) -> None:
        self.ratings: list[tuple[str, bool]] = []
        self.unanswered_questions: list[tuple[str, str]] = []

    def rate(self, entry_id: str, helpful: bool) -> None:
        self.ratings.append((entry_id, helpful))

    def unanswered(self, question: str, reason: str) -> None:
        self.unanswered_questions.append((question, reason))


@cache
def library() -> Library:
    return Library.load(SHIPPED_KNOWLEDGE)


@pytest.fixture
def feedback() -> RecordingFeedback:
    return RecordingFeedback()


@pytest.fixture
def conversation(feedback: RecordingFeedback) -> Conversation:
    return Conversation(LibraryHolder(library()), feedback)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hi", Intent.GREETING),
        ("Good morning!", Intent.GREETING),
        ("thanks a lot", Intent.THANKS),
        ("what can you do?", Intent.CAPABILITIES),
        ("my passport was taken", Intent.DANGER),
        ("I am being forced to work", Intent.DANGER),
        ("my employer keeps my passport and I cannot leave", Intent.DANGER),
        ("I want to report a trafficker", Intent.DANGER),
        ("how do I report a corrupt police officer in Indonesia", Intent.DANGER),
        ("where can we report suspected trafficking?", Intent.DANGER),
        ("how do I cite the report on corruption?", None),
        ("can I report the findings to my ministry?", None),
        ("what is forced labour?", None),
        ("who funded the report", None),
        ("can employers keep passports of workers?", None),
    ],
)
def test_intents(text: str, intent: Intent | None) -> None:
    assert classify(text) is intent


def test_greeting_before_a_question_is_dropped() -> None:
    assert without_greeting("Hello, who wrote the report?") == "who wrote the report?"
    assert without_greeting("hello") == "hello"


def test_answer_has_links_related_and_feedback(conversation: Conversation) -> None:
    reply = conversation.ask("who funded the research?")
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == "report-funding"
    assert reply.related
    assert all(choice.entry_id for choice in reply.related)


def test_danger_gets_a_plain_statement_and_no_hotline(conversation: Conversation) -> None:
    reply = conversation.ask("Please help, they took my passport and I can't leave")
    assert reply.body == texts.DANGER
    assert "not a reporting channel" in reply.body
    assert not any(ch.isdigit() for ch in reply.body), "never a phone number"


def test_small_talk_is_not_matched(conversation: Conversation, feedback: RecordingFeedback) -> None:
    assert conversation.ask("hello").body == texts.GREETING
    assert conversation.ask("thank you!").body == texts.THANKS
    assert conversation.ask("what can you do").body == texts.HELP
    assert feedback.unanswered_questions == []


def test_out_of_scope_is_honest_and_recorded(
    conversation: Conversation, feedback: RecordingFeedback
) -> None:
    reply = conversation.ask("what is the capital of Indonesia")
    assert reply.kind is ReplyKind.NONE
    assert reply.body == texts.OUT_OF_SCOPE
    assert len(reply.choices) == 2
    assert reply.topics
    assert feedback.unanswered_questions == [("what is the capital of Indonesia", "out_of_scope")]


def test_other_languages_are_told_english_only(conversation: Conversation) -> None:
    assert conversation.ask("什么是腐败?").body == texts.NOT_ENGLISH
    assert conversation.ask("apa itu korupsi").body == texts.NOT_ENGLISH


def test_words_it_does_not_know_are_not_blamed_on_the_language(
    conversation: Conversation,
) -> None:
    reply = conversation.ask("pizza")
    assert reply.kind is ReplyKind.NONE
    assert reply.body == texts.UNKNOWN_WORDS
    assert reply.choices
    assert reply.topics


def test_deep_link_opens_the_entry_and_unknown_falls_back(conversation: Conversation) -> None:
    [opened] = conversation.start("uncac")
    assert opened.entry_id == "uncac"
    note, welcome = conversation.start("no-such-entry")
    assert note.body == texts.UNKNOWN_ENTRY
    assert welcome.kind is ReplyKind.TEXT
    assert len(welcome.choices) == 3


def test_buttons(conversation: Conversation, feedback: RecordingFeedback) -> None:
    opened = conversation.press(Callback(Action.OPEN, "untoc"))
    assert opened is not None
    assert opened.entry_id == "untoc"
    sources = conversation.press(Callback(Action.SOURCES, "untoc"))
    assert sources is not None
    assert sources.kind is ReplyKind.SOURCES
    assert all(s in sources.body for s in library().knowledge.entry("untoc").sources)
    rated = conversation.press(Callback(Action.UNHELPFUL, "untoc"))
    assert rated is not None
    assert rated.rated
    assert feedback.ratings == [("untoc", False)]
    assert conversation.press(Callback(Action.RATED)) is None
    none = conversation.press(Callback(Action.NONE_OF_THESE), "how are visas issued")
    assert none is not None
    assert none.body == texts.NONE_OF_THESE
    assert feedback.unanswered_questions == [("how are visas issued", "none_of_these")]


def test_browsing_topics_and_back(conversation: Conversation) -> None:
    topics = conversation.topics()
    assert [t.id for t in topics.topics][:2] == ["report", "findings"]
    law = conversation.press(Callback(Action.TOPIC, "law"))
    assert law is not None
    assert law.kind is ReplyKind.TOPIC
    assert law.back_to_topics
    assert {c.entry_id for c in law.choices} >= {"uncac", "untoc", "actip"}


def test_stale_buttons_are_answered_not_crashed(conversation: Conversation) -> None:
    for callback in (Callback(Action.OPEN, "gone"), Callback(Action.TOPIC, "gone")):
        reply = conversation.press(callback)
        assert reply is not None
        assert reply.body == texts.EXPIRED


def test_inline_lists_matches_and_the_most_useful_entries(conversation: Conversation) -> None:
    found = conversation.inline("who funded the research")
    assert found[0].entry_id == "report-funding"
    assert found[0].title == library().knowledge.entry("report-funding").question
    assert found[0].description
    assert conversation.inline("how do I make coffee") == []
    browsing = conversation.inline("")
    assert 6 <= len(browsing) <= 10
