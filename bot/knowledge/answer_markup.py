"""The knowledge base's answer markup, parsed once and rendered to Telegram HTML or plain text.

Paragraphs are separated by blank lines, `- ` starts a bullet, and inline `**bold**`, `_italic_`
and `[text](https://...)` are recognised; a backslash makes the next `\\`, `*`, `_` or `[` plain
text (`literal` writes what a user typed that way); every other character is text and is escaped
in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from html import escape

BULLET = "•"
QUOTED_LIMIT = 100  # characters of a user's text quoted back in a reply (a term, a topic)
_SPECIAL = r"[\\*_\[]"  # a character that could start markup; after a backslash it is text
_ESCAPED = re.compile(rf"\\({_SPECIAL})")
# Inside a styled part `\x` counts as one character, so an escaped `*` or `_` never ends it.
_INLINE = re.compile(
    rf"\\(?P<escaped>{_SPECIAL})"
    r"|\*\*(?P<bold>(?:\\.|[^\\])+?)\*\*"
    r"|(?<![\w_])_(?P<italic>(?:\\.|[^_\s\\])(?:(?:\\.|[^_\\])*?(?:\\.|[^_\s\\]))?)_(?![\w_])"
    r"|\[(?P<label>(?:\\.|[^\]\n\\])+)\]\((?P<url>https?://[^\s)]+)\)"
)


class Style(StrEnum):
    PLAIN = "plain"
    BOLD = "bold"
    ITALIC = "italic"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = Style.PLAIN
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    spans: tuple[Span, ...]
    bullet: bool = False


Block = tuple[Line, ...]
"""A paragraph: lines shown together; a run of plain rows is one line, each bullet its own."""


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def short_form(markup: str) -> str:
    """The first paragraph, and the next ones while a paragraph only introduces what follows
    (ends with a colon, as in 'The full title is:'), so the short form says something: for a
    handout, and for "in short?" after an answer."""
    paragraphs = _PARAGRAPH_BREAK.split(markup.strip())
    count = 1
    while count < len(paragraphs) and _introduces(paragraphs[count - 1]):
        count += 1
    return "\n\n".join(paragraphs[:count])


def _introduces(paragraph: str) -> bool:
    last = paragraph.rstrip().splitlines()[-1].strip()
    return not last.startswith("- ") and last.endswith(":")


def parse(markup: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for chunk in _PARAGRAPH_BREAK.split(markup.strip()):
        lines: list[Line] = []
        sentence: list[str] = []
        for row in (row.strip() for row in chunk.splitlines()):
            if row.startswith("- "):
                if sentence:
                    lines.append(Line(_spans(" ".join(sentence))))
                    sentence = []
                lines.append(Line(_spans(row[2:].strip()), bullet=True))
            elif row:
                sentence.append(row)
        if sentence:
            lines.append(Line(_spans(" ".join(sentence))))
        if lines:
            blocks.append(tuple(lines))
    return tuple(blocks)


def _spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    plain = ""  # text since the last styled part, escapes resolved
    position = 0
    for match in _INLINE.finditer(text):
        plain += text[position : match.start()]
        position = match.end()
        if match["escaped"] is not None:
            plain += match["escaped"]
            continue
        if plain:
            spans.append(Span(plain))
            plain = ""
        spans.append(_styled(match))
    plain += text[position:]
    if plain:
        spans.append(Span(plain))
    return tuple(spans)


def _styled(match: re.Match[str]) -> Span:
    if match["bold"] is not None:
        return Span(_ESCAPED.sub(r"\1", match["bold"]), Style.BOLD)
    if match["italic"] is not None:
        return Span(_ESCAPED.sub(r"\1", match["italic"]), Style.ITALIC)
    return Span(_ESCAPED.sub(r"\1", match["label"]), Style.LINK, match["url"])


def literal(text: str, limit: int = QUOTED_LIMIT) -> str:
    """What a user wrote (a term, a topic, a name, a question) as markup that shows it as
    written, never as a link or bold in the bot's message: on one line (a line break could
    start a bullet), cut on a word to `limit` characters (so that it cannot fill the reply),
    and every character that could start markup escaped. For use inside a line."""
    return re.sub(_SPECIAL, r"\\\g<0>", shortened(" ".join(text.split()), limit))


def shortened(text: str, limit: int) -> str:
    """`text` if it is within `limit` characters, else cut on a word and ending with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def to_html(markup: str) -> str:
    """Telegram's HTML subset: <b>, <i>, <a href>; everything else escaped."""
    return _render(parse(markup), span_html)


def to_plain(markup: str) -> str:
    """Text for a terminal: markup removed, links written as `text (url)`."""
    return _render(parse(markup), _plain_span)


def links(markup: str) -> list[str]:
    """Every inline link target, so the allow-list can be checked against them."""
    return [
        span.url
        for block in parse(markup)
        for line in block
        for span in line.spans
        if span.url is not None
    ]


def _render(blocks: tuple[Block, ...], span_text: Callable[[Span], str]) -> str:
    return "\n\n".join(
        "\n".join(
            (f"{BULLET} " if line.bullet else "") + "".join(span_text(s) for s in line.spans)
            for line in block
        )
        for block in blocks
    )


def span_html(span: Span) -> str:
    """One span in Telegram's HTML subset (also valid in any HTML page)."""
    text = escape(span.text, quote=False)
    match span.style:
        case Style.BOLD:
            return f"<b>{text}</b>"
        case Style.ITALIC:
            return f"<i>{text}</i>"
        case Style.LINK:
            return f'<a href="{escape(span.url or "", quote=True)}">{text}</a>'
        case _:
            return text


def _plain_span(span: Span) -> str:
    return f"{span.text} ({span.url})" if span.style is Style.LINK else span.text
