"""End to end, what people type and the bot quotes back: a /glossary term or a /quiz topic
reaches Telegram as typed (never as a link or bold of the bot's), however long or odd."""

from __future__ import annotations

import html

from bot.conversation import Conversation
from bot.views import telegram_view
from bot.wording import FrontEnd
from tests.support.fake_telegram import DEFAULT_GROUP_ID, DEFAULT_USER_ID
from tests.support.journal import RecordingJournal
from tests.support.running import Bot
from tests.support.shipped import shipped_engine

USER = DEFAULT_USER_ID
GROUP = DEFAULT_GROUP_ID


async def test_a_long_glossary_term_of_markup_and_escaped_characters_is_answered(bot: Bot) -> None:
    """Once cut inside a tag, so Telegram refused the reply and the user got nothing."""
    term = "**" + "a<" * 1500 + "**"
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    expected = telegram_view(conversation.glossary(term)).chunks
    await bot.send(bot.fake.message(f"/glossary {term}"), count=len(expected))
    assert bot.fake.delivered(USER) == list(expected)


async def test_a_glossary_term_typed_as_a_link_is_not_a_link(bot: Bot) -> None:
    typed = "[Official UNODC form](https://phish.example/login)"
    [reply] = await bot.send(bot.fake.message(f"/glossary {typed}"))
    text = reply.params["text"]
    assert f'I don\'t have "{typed}" in my glossary' in html.unescape(text)
    assert 'href="https://phish.example' not in text


async def test_a_quiz_topic_typed_as_a_link_is_not_a_link_in_the_group(bot: Bot) -> None:
    typed = "[Claim your certificate](https://phish.example) **now**"
    [reply] = await bot.send(bot.fake.group_message(f"/quiz {typed}"))
    text = reply.params["text"]
    assert f"no topic '{typed}'" in text
    assert "<a" not in text
    assert "<b>" not in text


async def test_an_odd_number_for_a_quiz_says_what_went_wrong(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/quiz +-5"))
    assert "no topic '+-5': try one of" in reply.params["text"]
    assert bot.errors == []
