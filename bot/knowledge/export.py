"""Export the knowledge base for other tools: JSON (every field) and CSV (one row per phrasing)."""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from pydantic import TypeAdapter

import bot.knowledge.answer_markup as answer_markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry

ExportFormat = Literal["json", "csv"]
ENTRY_LIST = TypeAdapter(list[Entry])
CSV_COLUMNS = ("id", "topic", "kind", "question", "canonical_question", "answer")


def to_json(knowledge: KnowledgeBase) -> str:
    """A list of entries with every field; `ENTRY_LIST.validate_json` loads it back."""
    data = ENTRY_LIST.dump_python(list(knowledge.entries), mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_csv(knowledge: KnowledgeBase) -> str:
    """One row per question variant, with the plain-text answer, for spreadsheets and Q&A tools."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in knowledge.entries:
        answer = answer_markup.to_plain(entry.answer)
        for position, variant in enumerate(entry.variants):
            kind = "question" if position == 0 else "alternate"
            writer.writerow((entry.id, entry.topic, kind, variant, entry.question, answer))
    return buffer.getvalue()


def export(knowledge: KnowledgeBase, fmt: ExportFormat) -> str:
    return to_json(knowledge) if fmt == "json" else to_csv(knowledge)
