"""JSON Schemas of the knowledge-base files, generated from the models for editors to use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from bot.knowledge.models import (
    AboutTheBotCase,
    AskedAboutTheBot,
    CalibrationCoefficients,
    DangerCase,
    Entry,
    EvalQuestion,
    FollowUpCase,
    Glossary,
    LanguagePhrasings,
    LanguageSafety,
    LegalCase,
    LinkPolicy,
    OutOfScope,
    QuizItem,
    SafetyPhrasings,
    Topic,
    TranslatedAnswers,
    Translation,
)
from bot.knowledge.problems import Location, Problem

SCHEMA_DIR = "schema"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_FILE_KINDS: dict[str, tuple[str, TypeAdapter[Any]]] = {
    "entries.schema.json": (
        "Entries of a topic (knowledge/entries/*.yaml)",
        TypeAdapter(list[Entry]),
    ),
    "topics.schema.json": ("Topics (knowledge/topics.yaml)", TypeAdapter(list[Topic])),
    "glossary.schema.json": ("Glossary (knowledge/glossary.yaml)", TypeAdapter(Glossary)),
    "links.schema.json": ("Link allow-list (knowledge/links.yaml)", TypeAdapter(LinkPolicy)),
    "out_of_scope.schema.json": (
        "Questions to decline (knowledge/out_of_scope.yaml)",
        TypeAdapter(OutOfScope),
    ),
    "eval.schema.json": (
        "Evaluation questions (knowledge/eval/*.yaml)",
        TypeAdapter(list[EvalQuestion]),
    ),
    "safety.schema.json": (
        "Examples for the safety and legal detectors (knowledge/safety.yaml)",
        TypeAdapter(SafetyPhrasings),
    ),
    "danger.schema.json": (
        "Safety evaluation messages (knowledge/eval/danger/*.yaml)",
        TypeAdapter(list[DangerCase]),
    ),
    "legal.schema.json": (
        "Personal-legal evaluation questions (knowledge/eval/legal/*.yaml)",
        TypeAdapter(list[LegalCase]),
    ),
    "about.schema.json": (
        "Questions about the bot, evaluated (knowledge/eval/about/*.yaml)",
        TypeAdapter(list[AboutTheBotCase]),
    ),
    "followups.schema.json": (
        "Two-turn evaluation dialogues (knowledge/eval/followups/*.yaml)",
        TypeAdapter(list[FollowUpCase]),
    ),
    "quiz.schema.json": (
        "Quiz questions (knowledge/quiz.yaml)",
        TypeAdapter(list[QuizItem]),
    ),
    "asked.schema.json": (
        "Questions about the bot itself, in English (knowledge/asked.yaml)",
        TypeAdapter(AskedAboutTheBot),
    ),
    "i18n.schema.json": (
        "The bot's words in one more language (knowledge/i18n/<code>.yaml)",
        TypeAdapter(Translation),
    ),
    "phrasings.schema.json": (
        "Questions in one of the region's languages, per entry (knowledge/phrasings/<code>.yaml)",
        TypeAdapter(LanguagePhrasings),
    ),
    "regional_safety.schema.json": (
        "Danger examples in one of the region's languages (knowledge/safety/<code>.yaml)",
        TypeAdapter(LanguageSafety),
    ),
    "answers.schema.json": (
        "Answers translated into one of the region's languages (knowledge/answers/<code>.yaml)",
        TypeAdapter(TranslatedAnswers),
    ),
    "calibration.schema.json": (
        "Match calibration (knowledge/calibration.yaml)",
        TypeAdapter(CalibrationCoefficients),
    ),
}


def schemas() -> dict[str, str]:
    """File name to schema text, exactly as committed."""
    rendered = {}
    for name, (title, adapter) in _FILE_KINDS.items():
        schema = {"$schema": _DRAFT, "title": title, **adapter.json_schema()}
        rendered[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return rendered


def write_schemas(knowledge_root: Path) -> list[Path]:
    folder = knowledge_root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(knowledge_root: Path) -> list[Path]:
    """Committed schema files that differ from what the models generate now."""
    folder = knowledge_root / SCHEMA_DIR
    return [
        folder / name
        for name, text in schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]


SCHEMA_LINE = "# yaml-language-server: $schema="


def missing_headers(knowledge_root: Path) -> list[Problem]:
    """YAML files that do not name their schema on the first line, so editors cannot check them
    as they are typed."""
    found = []
    for path in sorted(knowledge_root.rglob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = lines[0] if lines else ""
        target = (path.parent / first.removeprefix(SCHEMA_LINE)).resolve()
        if not first.startswith(SCHEMA_LINE) or not target.is_file():
            found.append(
                Problem(
                    Location(path, 1, 1),
                    "the first line does not name an existing schema",
                    f"start the file with '{SCHEMA_LINE}<path to knowledge/schema/...json>'",
                )
            )
    return found
