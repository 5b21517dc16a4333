"""Every deep link at once, for slides and sign-up sheets: a CSV or Markdown table, and a PNG
and an SVG of each link's QR code."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bot.deep_links import deep_link
from bot.handouts.answer_text import markdown_text
from bot.handouts.qr import qr_code, save_qr_images
from bot.knowledge import KnowledgeBase, Topic

COLUMNS = ("entry_id", "topic", "question", "link")


@dataclass(frozen=True, slots=True)
class LinkRow:
    entry_id: str
    topic: str  # the topic's id
    topic_title: str
    question: str
    link: str


def link_rows(
    knowledge: KnowledgeBase, bot_username: str, topics: tuple[Topic, ...]
) -> list[LinkRow]:
    return [
        LinkRow(entry.id, topic.id, topic.title, entry.question, deep_link(bot_username, entry.id))
        for topic in topics
        for entry in knowledge.in_topic(topic.id)
    ]


def links_csv(rows: list[LinkRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows((row.entry_id, row.topic, row.question, row.link) for row in rows)
    return buffer.getvalue()


def links_markdown(rows: list[LinkRow]) -> str:
    lines = ["| Entry | Topic | Question | Link |", "| --- | --- | --- | --- |"]
    lines.extend(
        f"| `{row.entry_id}` | {markdown_text(row.topic_title)} | "
        f"{markdown_text(row.question)} | <{row.link}> |"
        for row in rows
    )
    return "\n".join(lines) + "\n"


def write_qr_images(rows: list[LinkRow], folder: Path) -> list[Path]:
    """`<entry-id>.png` and `<entry-id>.svg` for every row, the folder made if need be."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for row in rows:
        written.extend(save_qr_images(qr_code(row.link), folder, row.entry_id, row.link))
    return written
