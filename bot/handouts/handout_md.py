"""The handout as Markdown, for a wiki or a message: the same content as the HTML but for the QR
codes, which Markdown cannot hold; the file says so, and keeps every deep link."""

from __future__ import annotations

from bot.handouts.answer_text import blocks_markdown, inline_markdown, markdown_text
from bot.handouts.content import Handout, HandoutEntry
from bot.wording import DISCLAIMER

QR_NOTE = (
    "QR codes are left out of this Markdown version: print the HTML handout "
    "(`python -m bot handout --format html`) for them. Each question's link opens its full "
    "answer in Telegram."
)


def render_markdown(handout: Handout) -> str:
    parts = [
        f"# {markdown_text(handout.title)}",
        f"Ask **@{markdown_text(handout.bot_username)}** in Telegram for the full answers, "
        "and your own questions.",
        inline_markdown(DISCLAIMER),
        f"_{QR_NOTE}_",
    ]
    for topic in handout.topics:
        parts.append(f"## {markdown_text(topic.title)}")
        parts.extend(_entry(entry) for entry in topic.entries)
    return "\n\n".join(parts) + "\n"


def _entry(entry: HandoutEntry) -> str:
    parts = [f"### {markdown_text(entry.question)}", blocks_markdown(entry.short_answer)]
    if entry.links:
        parts.append(
            "\n".join(f"- {markdown_text(link.title)}: <{link.url}>" for link in entry.links)
        )
    parts.append(f"Full answer: <{entry.deep_link}>")
    return "\n\n".join(parts)
