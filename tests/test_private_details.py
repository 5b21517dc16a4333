"""Questions about the private life of the people the report names are declined."""

from __future__ import annotations

import pytest

from bot.conversation import Conversation
from bot.intents import asks_private_details
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("how old is he?", True),
        ("is she married?", True),
        ("and his salary?", True),
        ("can you give me her email address", True),
        ("does he have kids", True),
        ("where does she live now", True),
        ("I heard her speak at a webinar. Is she married, does she have children?", True),
        # of several people ("who wrote the report?", then this), found in a fresh development
        # set of dialogues (2026-12-01): answered with the authors' entry
        ("are they married?", True),
        ("where do they live", True),
        ("what is their email", True),
        ("which high school did he go to?", True),
        # a fresh development set (2026-12-02, fifth part): answered with his profile
        ("where did he go to high school?", True),
        ("where did the rescued children go to school?", False),
        # found in a user trial (2026-12-02, fourth part): "nationality" matched the national
        # roundtables
        ("what is his nationality?", True),
        ("what is the nationality of the smuggled migrants?", False),
        ("where do they operate?", False),
        ("what do they recommend?", False),
        ("what's his job title?", False),
        ("what is she an expert in?", False),
        ("how old is the report", False),
        ("what do they get out of it?", False),
        # a longer message is about more than a person's private life
        ("what does the report say about a woman whose husband sold her to a broker", False),
    ],
)
def test_questions_about_a_private_life(text: str, private: bool) -> None:
    assert asks_private_details(text) is private


NAMES = ("joseph lelliott", "rebecca miller")


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("where does joseph lelliott live", True),
        ("what is Rebecca Miller's e-mail address?", True),
        ("how old is Dr Lelliott and is he married", True),
        ("the home phone number of rebecca miller please", True),
        ("miller's salary?", True),
        # a fresh development set (2026-12-02, fifth part): answered with the profile
        ("what is Rebecca Miller's salary at the UN", True),
        ("joseph lelliott hometown and family", True),
        ("where did rebecca miller go to university", True),
        ("what is rebecca miller's role at unodc", False),
        ("who is joseph lelliott", False),
        ("what does Lelliott work on?", False),
        ("what is miller's job title", False),
        ("what is the age of consent", False),
        ("where does andreas schloenhardt live", False),  # not among the names given
    ],
)
def test_questions_about_the_private_life_of_someone_named(text: str, private: bool) -> None:
    assert asks_private_details(text, NAMES) is private


def test_asked_by_name_they_are_declined_not_answered_with_the_profile(
    conversation: Conversation,
) -> None:
    """Found by trying the bot as a user: "where does joseph lelliott live" got his profile at
    a confidence of 1.0, as if it answered."""
    for question in ("where does joseph lelliott live", "what is rebecca miller's email address"):
        assert conversation.ask(question).reply.kind is ReplyKind.NONE, question
    assert conversation.ask("who is joseph lelliott").reply.entry_id == "joseph-lelliott"


def test_after_an_answer_about_a_person_they_are_declined(conversation: Conversation) -> None:
    first = conversation.ask("who is joseph lelliott")
    assert first.reply.entry_id == "joseph-lelliott"
    for question in ("how old is he?", "what's his phone number?"):
        then = conversation.ask(question, follows=first.reply.entry_id)
        assert then.reply.kind is ReplyKind.NONE, question
    work = conversation.ask("what does he work on?", follows=first.reply.entry_id)
    assert work.reply.kind is not ReplyKind.NONE
