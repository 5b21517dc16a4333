"""Rendering replies: HTML escaping, message length, button data."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from bot.callbacks import MAX_BYTES, Action, Callback
from bot.conversation import Conversation
from bot.replies import Reply, ReplyKind
from bot.store import DiscardJournal
from bot.views import split_html, telegram_view, terminal_view, url_buttons
from bot.wording import FrontEnd
from tests.support.shipped import shipped_engine


@cache
def conversation() -> Conversation:
    return Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)


def test_every_answer_renders_within_limits_with_valid_buttons() -> None:
    knowledge = shipped_engine().knowledge
    for entry in knowledge.entries:
        reply = conversation().press(Callback(Action.OPEN, entry.id))
        assert reply is not None
        view = telegram_view(reply)
        assert all(0 < len(chunk) <= 4096 for chunk in view.chunks)
        for row in view.keyboard:
            for button in row:
                assert (button.url is None) != (button.callback is None)
                if button.callback:
                    data = button.callback.encode()
                    assert len(data.encode()) <= MAX_BYTES
                    assert Callback.decode(data) == button.callback
        labels = [b.label for row in view.keyboard for b in row]
        assert labels[-2:] == ["👍", "👎"]
        assert "📚 Sources" in labels


def test_user_text_is_escaped() -> None:
    view = telegram_view(Reply(ReplyKind.TEXT, "<script>alert(1)</script> & **bold**"))
    assert view.chunks == ("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>bold</b>",)


def test_long_text_splits_on_paragraphs() -> None:
    paragraphs = [f"**Part {n}** " + "word " * 150 for n in range(12)]
    chunks = split_html("\n\n".join(paragraphs))
    assert len(chunks) > 1
    assert all(len(c) <= 4096 for c in chunks)
    assert all(c.count("<b>") == c.count("</b>") for c in chunks)
    assert "".join(chunks).count("Part") == 12


@given(st.text(min_size=0, max_size=20_000))
def test_split_never_exceeds_the_limit_or_loses_text(text: str) -> None:
    chunks = split_html(text)
    assert all(len(c) <= 4096 for c in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")


def test_clarify_offers_none_of_these_and_inline_keeps_only_links() -> None:
    reply = conversation().ask("corruption").reply
    view = telegram_view(reply)
    if reply.kind is ReplyKind.CLARIFY:
        assert view.keyboard[-1][0].callback == Callback(Action.NONE_OF_THESE)
    answer = conversation().press(Callback(Action.OPEN, "report-release"))
    assert answer is not None
    links_only = url_buttons(telegram_view(answer).keyboard)
    assert links_only
    assert all(button.url for row in links_only for button in row)


def test_terminal_numbers_the_buttons() -> None:
    reply = conversation().press(Callback(Action.OPEN, "uncac"))
    assert reply is not None
    view = terminal_view(reply)
    assert "<b>" not in view.text
    assert view.options[0] == Callback(Action.SOURCES, "uncac")
    assert "  1. 📚 Sources" in view.text


def test_callback_decoding_rejects_forgeries() -> None:
    forged = ["o:uncac:TH", "o:uncac:th:x", "x::thai", "o:uncac:", "l:", "l:th:1"]
    for data in [None, "", "o:", "zz:uncac", "o:UNCAC", "o:../x", "p:" + "a" * 70, "k:extra"]:
        assert Callback.decode(data) is None
    for data in forged:
        assert Callback.decode(data) is None, data
    assert Callback.decode("t:") == Callback(Action.TOPICS)


def test_a_button_carries_the_language_it_was_shown_in() -> None:
    """Within Telegram's 64 bytes even for the longest id and a three-letter code."""
    for callback in [
        Callback(Action.OPEN, "a" * 48, "fil"),
        Callback(Action.NONE_OF_THESE, language="th"),
        Callback(Action.LANGUAGE, "auto", "km"),
        Callback(Action.SOURCES, "uncac"),
    ]:
        data = callback.encode()
        assert len(data.encode()) <= MAX_BYTES
        assert Callback.decode(data) == callback
    assert Callback(Action.OPEN, "uncac", "vi").encode() == "o:uncac:vi"
    assert Callback(Action.OPEN, "uncac").encode() == "o:uncac", "English buttons are as before"
