"""Material for workshop trainers, made from the knowledge base alone: a printable handout of
the questions with short answers and QR codes of their deep links, and every deep link at once
with its QR images for slides."""

from bot.handouts.content import (
    Handout,
    HandoutEntry,
    HandoutTopic,
    UnknownLanguageError,
    build_handout,
)
from bot.handouts.handout_html import render_html
from bot.handouts.handout_md import render_markdown
from bot.handouts.link_table import LinkRow, link_rows, links_csv, links_markdown, write_qr_images
from bot.handouts.qr import qr_code, qr_svg
from bot.handouts.selection import UnknownTopicError, chosen_topics

__all__ = [
    "Handout",
    "HandoutEntry",
    "HandoutTopic",
    "LinkRow",
    "UnknownLanguageError",
    "UnknownTopicError",
    "build_handout",
    "chosen_topics",
    "link_rows",
    "links_csv",
    "links_markdown",
    "qr_code",
    "qr_svg",
    "render_html",
    "render_markdown",
    "write_qr_images",
]
