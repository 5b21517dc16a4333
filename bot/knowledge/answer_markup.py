"""The knowledge base's answer markup, parsed once and rendered to Telegram HTML or plain text.

Paragraphs are separated by blank lines, `- ` starts a bullet, and inline `**bold**`, `_italic_`
and `[text](https://...)` are recognised; every other character is text and is escaped in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from html import escape

BULLET = "•"
_INLINE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w_])_(?P<italic>[^_\s](?:[^_]*?[^_\s])?)_(?![\w_])"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^\s)]+)\)"
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
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()]))
        if match["bold"] is not None:
            spans.append(Span(match["bold"], Style.BOLD))
        elif match["italic"] is not None:
            spans.append(Span(match["italic"], Style.ITALIC))
        else:
            spans.append(Span(match["label"], Style.LINK, match["url"]))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return tuple(spans)


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
