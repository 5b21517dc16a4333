from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge.answer_markup import QUOTED_LIMIT, links, literal, to_html, to_plain

TRICKS = [
    "[Official UNODC form](https://phish.example/login)",
    "**urgent**",
    "_read me_",
    "[x](https://a.example) **y** _z_ \\*w\\*",
]


def test_inline_styles_and_escaping() -> None:
    html = to_html("**Bold** and _italic_ with <script> & [UNODC](https://www.unodc.org/a?b=1&c=2)")
    assert html == (
        "<b>Bold</b> and <i>italic</i> with &lt;script&gt; &amp; "
        '<a href="https://www.unodc.org/a?b=1&amp;c=2">UNODC</a>'
    )


def test_paragraphs_bullets_and_wrapped_lines() -> None:
    text = "First line\nwraps here.\n\nKey points:\n- one\n- **two**\n\nRead more."
    assert (
        to_html(text) == "First line wraps here.\n\nKey points:\n• one\n• <b>two</b>\n\nRead more."
    )
    assert to_plain(text) == "First line wraps here.\n\nKey points:\n• one\n• two\n\nRead more."


def test_underscores_inside_words_are_not_italic() -> None:
    assert to_html("snake_case_name and file_name.yaml") == "snake_case_name and file_name.yaml"


def test_unclosed_markup_stays_literal() -> None:
    assert to_html("**not closed and [text](nope)") == "**not closed and [text](nope)"


def test_plain_text_writes_link_targets() -> None:
    assert to_plain("See [the page](https://un.org/x).") == "See the page (https://un.org/x)."
    assert links("[a](https://un.org/1) and [b](http://un.org/2)") == [
        "https://un.org/1",
        "http://un.org/2",
    ]


@given(st.text())
def test_any_text_renders_to_html_without_raw_angle_brackets(text: str) -> None:
    html = to_html(text)
    stripped = html
    for tag in ("<b>", "</b>", "<i>", "</i>", "</a>"):
        stripped = stripped.replace(tag, "")
    while '<a href="' in stripped:
        start = stripped.index('<a href="')
        stripped = stripped[:start] + stripped[stripped.index('">', start) + 2 :]
    assert "<" not in stripped
    assert ">" not in stripped


# --- what a user typed, quoted ---------------------------------------------------------------


def test_markup_typed_by_a_user_shows_as_typed() -> None:
    for typed in TRICKS:
        html = to_html(f"I don't have **{literal(typed)}** here.")
        assert html == f"I don't have <b>{typed}</b> here.", "one bold: the bot's own"
        assert to_plain(literal(typed)) == typed


def test_a_backslash_before_other_characters_is_text() -> None:
    assert to_html("a\\b and C:\\dir stay") == "a\\b and C:\\dir stay"


MARKUP_LIKE = st.lists(
    st.sampled_from(["**", "_", "[x](https://a.example)", "\\", " ", "a", "\n", "- ", "<", "&"])
).map("".join)


@given(st.one_of(st.text(), MARKUP_LIKE))
def test_any_text_quoted_inside_a_line_is_text_only(typed: str) -> None:
    quoted = literal(typed, limit=len(typed) + 1)
    assert to_plain(f"> {quoted}") == f"> {' '.join(typed.split())}".rstrip()
    assert "<" not in to_html(f"> {quoted}"), "no tag: every < of the text is escaped"
    assert to_html(f"**{quoted}**").count("<b>") == (1 if typed.strip() else 0)


def test_a_long_text_is_cut_on_a_word() -> None:
    quoted = literal("word " * 100)
    assert len(quoted) <= QUOTED_LIMIT
    assert quoted.endswith("word…")
    assert literal("a<" * 1500) == "a<" * 49 + "a…"
