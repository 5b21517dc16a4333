"""An answer's short form for paper, and the knowledge base's markup as HTML or Markdown.

The markup is parsed by `answer_markup.parse` only; this module renders the parsed blocks.
"""

from __future__ import annotations

import re

from bot.knowledge import answer_markup

Block = answer_markup.Block
Span = answer_markup.Span
Style = answer_markup.Style

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&!~])")
_MARKDOWN_LIST_MARKER = re.compile(r"^(?:\d+(?=[.)])|(?=[+-](?:\s|$)))")


def short_answer(markup: str) -> tuple[Block, ...]:
    return answer_markup.parse(answer_markup.short_form(markup))


def blocks_html(blocks: tuple[Block, ...]) -> str:
    """Paragraphs as `<p>`, bullets as `<ul>`; every text escaped."""
    parts: list[str] = []
    bullets: list[str] = []
    for line in (line for block in blocks for line in block):
        if line.bullet:
            bullets.append(f"<li>{_spans_html(line.spans)}</li>")
            continue
        if bullets:
            parts.append(_list(bullets))
            bullets = []
        parts.append(f"<p>{_spans_html(line.spans)}</p>")
    if bullets:
        parts.append(_list(bullets))
    return "\n".join(parts)


def _list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def blocks_markdown(blocks: tuple[Block, ...]) -> str:
    """CommonMark: a blank line between paragraphs and around lists, text escaped."""
    parts: list[str] = []
    for block in blocks:
        previous_bullet: bool | None = None
        for line in block:
            text = _spans_markdown(line.spans)
            if line.bullet:
                text = f"- {text}"
            else:
                text = _MARKDOWN_LIST_MARKER.sub(lambda match: f"{match[0]}\\", text, count=1)
            if previous_bullet is None or previous_bullet != line.bullet:
                parts.append(text)
            else:
                parts[-1] += f"\n{text}"
            previous_bullet = line.bullet
    return "\n\n".join(parts)


def inline_html(markup: str) -> str:
    """A one-paragraph text in markup (the disclaimer, say) as HTML without its `<p>`."""
    return "<br>".join(
        _spans_html(line.spans) for block in answer_markup.parse(markup) for line in block
    )


def inline_markdown(markup: str) -> str:
    return blocks_markdown(answer_markup.parse(markup))


def _spans_html(spans: tuple[Span, ...]) -> str:
    return "".join(answer_markup.span_html(span) for span in spans)


def _spans_markdown(spans: tuple[Span, ...]) -> str:
    return "".join(_span_markdown(span) for span in spans)


def markdown_text(text: str) -> str:
    """Plain text that Markdown shows as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _span_markdown(span: Span) -> str:
    text = markdown_text(span.text)
    match span.style:
        case Style.BOLD:
            return f"**{text}**"
        case Style.ITALIC:
            return f"_{text}_"
        case Style.LINK:
            return f"[{text}]({span.url})"
        case _:
            return text
