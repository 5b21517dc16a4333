"""Requests for the bot's own opinion are declined rather than offered choices."""

from __future__ import annotations

import pytest

from bot.conversation import Conversation
from bot.intents import asks_opinion
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    ("text", "opinion"),
    [
        ("which one is the most important in your opinion?", True),
        ("which country do you personally think is the most corrupt?", True),
        ("what do you think about the recommendations", True),
        ("which recommendation would you pick?", True),
        ("if you had to choose one finding, which?", True),
        ("what does the report recommend?", False),
        ("what is UNODC's view on corruption at borders?", False),
        ("why is the report considered significant?", False),
    ],
)
def test_requests_for_an_opinion(text: str, opinion: bool) -> None:
    assert asks_opinion(text) is opinion


def test_they_are_declined_not_offered_choices(conversation: Conversation) -> None:
    """Found by trying the bot as a user: after the recommendations, "which one is the most
    important in your opinion?" was offered the report's significance, the recommendations and
    the publishers."""
    turn = conversation.ask(
        "which one is the most important in your opinion?", follows="recommendations"
    )
    assert turn.reply.kind is ReplyKind.NONE
    sure = conversation.ask("in your opinion, why is the report considered significant?")
    assert sure.reply.entry_id == "report-significance", "a sure answer stays"
