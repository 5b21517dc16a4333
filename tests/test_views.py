"""Rendering replies: HTML escaping, message length, button data."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.callbacks import MAX_BYTES, Action, Callback
from bot.conversation import Conversation
from bot.knowledge import TELEGRAM_TEXT_LIMIT, answer_markup
from bot.replies import Reply, ReplyKind
from bot.store import DiscardJournal
from bot.views import split_html, telegram_view, terminal_view, url_buttons
from bot.wording import FrontEnd
from tests.support.fake_telegram import parse_html
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


# Markup with what makes splitting hard: long runs without a space, bold, italic and links
# across them, and characters that grow when escaped (`&` is five characters in HTML).
_TEXT = st.text(st.sampled_from("ab é😀&<>\"'*_[]\\ "), max_size=30)
_PART = st.one_of(
    _TEXT,
    st.builds(lambda text, times: text * times, _TEXT, st.integers(1, 40)),
    _TEXT.map(lambda text: f"**{text}**"),
    _TEXT.map(lambda text: f"_{text}_"),
    st.builds(
        lambda label, path: f"[{label}](https://example.org/{path})",
        _TEXT,
        st.text(st.sampled_from("ab&=?"), max_size=8),
    ),
    st.sampled_from(["\n", "\n\n", "\n- "]),
)
MARKUP = st.lists(_PART, max_size=60).map("".join)
_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot);)")  # an "&" that does not begin a whole entity


class _Styled(HTMLParser):
    """Each visible character of HTML with the tags around it (white space is left out: a cut
    drops it)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.around: list[tuple[str, tuple[str, ...]]] = []
        self.characters: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.around.append((tag, tuple(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.around.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        tags = tuple((tag, " ".join(attrs)) for tag, attrs in self.around)
        self.characters += [(c, tags) for c in data if not c.isspace()]


def styled(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return _Styled(html).characters


@settings(max_examples=300)
@given(MARKUP, st.integers(min_value=200, max_value=TELEGRAM_TEXT_LIMIT))
def test_split_markup_keeps_every_message_valid_and_the_text_whole(markup: str, limit: int) -> None:
    """Every message is within the limit and parses as Telegram parses it (tags balanced),
    with no entity cut; together they show the same characters in the same styles."""
    html = answer_markup.to_html(markup)
    chunks = split_html(html, limit)
    shown, _ = parse_html(html)
    for chunk in chunks:
        assert len(chunk) <= limit
        text, _ = parse_html(chunk)
        assert text.strip() or not shown.strip(), "Telegram refuses an empty message"
        assert not _ENTITY.search(chunk), chunk
    assert [c for chunk in chunks for c in styled(chunk)] == styled(html)


def test_a_long_line_of_bold_and_escaped_characters_is_cut_between_tags() -> None:
    html = answer_markup.to_html("**" + "a<&" * 1500 + "** and [a link](https://un.org/?a=1&b=2)")
    chunks = split_html(html)
    assert len(chunks) == 4
    for chunk in chunks:
        parse_html(chunk)
        assert chunk.startswith("<b>") or chunk.startswith("and")
    assert chunks[-1].endswith('<a href="https://un.org/?a=1&amp;b=2">a link</a>')


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
