"""What people type, quoted back by the bot (a /glossary term, a /quiz topic, a workshop's
title, its unanswered questions, the players' names): shown as typed, never as a link or bold
of the bot's, and cut to a sensible length."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot import replies, wording, workshops
from bot.knowledge import KnowledgeBase
from bot.knowledge.answer_markup import to_html, to_plain
from bot.quiz import (
    MemoryRounds,
    QuizMaster,
    QuizRequest,
    QuizRequestError,
    parse_request,
    views,
)
from bot.store import Asked, ChatKind
from bot.store.workshop_records import Workshop
from bot.upkeep import Usage
from bot.views import telegram_view
from tests.support.shipped import shipped_engine

PHISHING = "[Official UNODC form](https://phish.example/login)"
TRICKS = [PHISHING, "**urgent**", "_read me_", "[x](https://a.example) **y** _z_ \\*w\\*"]


def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


def test_the_glossary_quotes_an_unknown_term_as_typed_and_short() -> None:
    for typed in TRICKS:
        reply = replies.glossary(knowledge(), typed)
        first = to_html(reply.body).split("\n\n")[0]
        assert first == to_html(wording.GLOSSARY_UNKNOWN.format(term="X")).replace("X", typed)
    long = replies.glossary(knowledge(), "**" + "a<" * 1500 + "**")
    assert to_plain(long.body).startswith("I don't have \"**" + "a<" * 48 + 'a…" in')
    assert len(telegram_view(long).chunks) == 1


def test_a_quiz_topic_is_quoted_as_typed() -> None:
    with pytest.raises(QuizRequestError) as raised:
        parse_request(["[Claim", "your", "certificate](https://phish.example)"], knowledge())
    html = to_html(wording.QUIZ_USAGE.format(problem=raised.value))
    assert "no topic '[Claim your certificate](https://phish.example)'" in html
    assert "<a" not in html


def test_a_workshop_summary_shows_what_people_typed_as_typed() -> None:
    """The title, the questions not answered and the players' names: no link, no bold."""
    started = datetime(2026, 5, 4, 9, tzinfo=UTC)
    session = Workshop(
        "w1", "group", "**Bangkok** _training_", started, started + timedelta(hours=2)
    )
    asked = Asked(
        started + timedelta(minutes=5), ChatKind.GROUP, PHISHING, "none", 0.1, (), workshop="w1"
    )
    usage = Usage(started, started + timedelta(hours=2), (asked,), ())
    master = QuizMaster(MemoryRounds(), knowledge, rng=random.Random(7))
    quiz = master.start("group", "ana", QuizRequest(count=1))
    question = master.next_question(quiz)
    assert question is not None
    master.sent_as(question, "p1")
    master.answer("p1", "ana", [question.item.correct])
    results = master.finish(question.quiz)
    report = workshops.report(session, usage, [results], knowledge())
    names = {"ana": "[Claim your certificate](https://phish.example) **now**"}
    html = to_html(workshops.summary_text(report, names, lambda _: None))
    assert "<b>Workshop summary: **Bangkok** _training_</b>" in html
    assert f"• {PHISHING}" in html
    assert "• [Claim your certificate](https://phish.example) **now**: 1/1" in html
    assert "<a" not in html
    assert "<i>" not in html
    standings = to_html(views.standings(results, names))
    assert "<a" not in standings
    assert "**now**" in standings


@pytest.mark.parametrize("typed", TRICKS)
def test_a_workshop_title_is_announced_as_typed(typed: str) -> None:
    title = workshops.title_of(typed.split(), "Workshop")
    html = to_html(workshops.started_text(title))
    assert "<a " not in html
    assert html.count("<b>") == 1, "only the bot's own 'Workshop started'"
    assert to_plain(workshops.started_text(title)).startswith(f"Workshop started: {typed}.")


def test_a_workshop_title_is_one_capped_line_or_the_default() -> None:
    assert workshops.title_of([], "Workshop") == "Workshop"
    long = workshops.title_of(["word"] * 100, "Workshop")
    assert len(long) <= workshops.TITLE_LIMIT
    assert "\n" not in workshops.title_of(["Bangkok\n-", "training"], "Workshop")
    assert workshops.started_text(None) == wording.WORKSHOP_STARTED.format(title="")
