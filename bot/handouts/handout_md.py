"""The handout as Markdown, for a wiki or a message: the same content as the HTML but for the QR
codes, which Markdown cannot hold; the file says so, and keeps every deep link."""

from __future__ import annotations

from bot.handouts.answer_text import blocks_markdown, inline_markdown, markdown_text
from bot.handouts.content import Handout, HandoutEntry


def render_markdown(handout: Handout) -> str:
    words = handout.voice.words
    ask = words.handout_links.format(username=handout.bot_username)
    in_english = [] if handout.voice.english else [inline_markdown(words.handout_in_english)]
    parts = [
        f"# {markdown_text(handout.title)}",
        inline_markdown(ask),
        *in_english,
        inline_markdown(words.disclaimer),
        f"_{words.handout_no_qr}_",  # as written: its `command` is a code span
    ]
    for topic in handout.topics:
        parts.append(f"## {markdown_text(topic.title)}")
        parts.extend(_entry(entry, words.handout_full_answer) for entry in topic.entries)
    return "\n\n".join(parts) + "\n"


def _entry(entry: HandoutEntry, full_answer: str) -> str:
    parts = [f"### {markdown_text(entry.question)}", blocks_markdown(entry.short_answer)]
    if entry.links:
        parts.append(
            "\n".join(f"- {markdown_text(link.title)}: <{link.url}>" for link in entry.links)
        )
    parts.append(f"{markdown_text(full_answer)} <{entry.deep_link}>")
    return "\n\n".join(parts)
