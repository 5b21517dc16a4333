"""Maintainers' subcommands on the knowledge base: validate, lint, schema, export, topics,
words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot import readiness
from bot.cli.base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_subcommand,
    emit,
    knowledge_argument,
    knowledge_root,
    load,
    print_problems,
    summary,
)
from bot.knowledge import (
    KnowledgeBaseError,
    Severity,
    export,
    lint,
    stale_schemas,
    words_template,
    write_schemas,
)
from bot.matching import AMBIGUITY_RATIO, ambiguity_warnings, unidentified_warnings
from bot.settings import load_settings


def register(subcommands: Any) -> None:
    knowledge_argument(
        add_subcommand(
            subcommands,
            "validate",
            validate,
            "Check the knowledge base as the tests do; exit 1 on any problem.",
        )
    )
    lint_parser = add_subcommand(
        subcommands,
        "lint",
        lint_command,
        "Every data rule and the entries the matcher confuses (required ones as errors).",
    )
    knowledge_argument(lint_parser)
    lint_parser.add_argument(
        "--similarity",
        type=float,
        default=AMBIGUITY_RATIO,
        help="report two entries when, on a phrasing of one, the matcher scores the other at "
        f"least this share of it (0-1, default {AMBIGUITY_RATIO})",
    )
    schema_parser = add_subcommand(
        subcommands, "schema", schema, "Write the JSON Schemas generated from the models."
    )
    knowledge_argument(schema_parser)
    schema_parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a schema is stale"
    )
    export_parser = add_subcommand(subcommands, "export", export_command, "Export as JSON or CSV.")
    knowledge_argument(export_parser)
    export_parser.add_argument("--format", choices=("json", "csv"), default="json")
    export_parser.add_argument(
        "--output", "-o", type=Path, help="file to write (default: standard output)"
    )
    knowledge_argument(
        add_subcommand(subcommands, "topics", topics, "List the topics and their questions.")
    )
    words_parser = add_subcommand(
        subcommands,
        "words",
        words,
        "Start a new language: print its i18n file with every text in English, to translate.",
    )
    words_parser.add_argument("language", help="the language's own name, e.g. 'Tetun'")
    words_parser.add_argument(
        "--output", "-o", type=Path, help="file to write, e.g. knowledge/i18n/tet.yaml"
    )


def validate(args: argparse.Namespace) -> int:
    """Everything the test suite checks of a knowledge base, so a green `validate` means a
    green `make test` for knowledge-base reasons."""
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    try:
        found = readiness.problems(knowledge, load_settings().thresholds)
    except KnowledgeBaseError as error:
        found = error.problems
    print_problems(found, sys.stderr)
    if found:
        return EXIT_PROBLEMS
    print(f"OK: {summary(knowledge)} in {knowledge.root}")
    return EXIT_OK


def lint_command(args: argparse.Namespace) -> int:
    knowledge = load(args)
    if knowledge is None:
        print("lint needs a knowledge base that validates: fix the errors above", file=sys.stderr)
        return EXIT_PROBLEMS
    found = [
        *lint(knowledge),
        *ambiguity_warnings(knowledge, args.similarity),
        *unidentified_warnings(knowledge),
    ]
    for problem in found:
        print(problem)
    errors = sum(p.severity is Severity.ERROR for p in found)
    print(f"{errors} error(s), {len(found) - errors} warning(s) in {summary(knowledge)}")
    return EXIT_PROBLEMS if errors else EXIT_OK


def schema(args: argparse.Namespace) -> int:
    root = knowledge_root(args)
    if not root.is_dir():
        print(f"error: no knowledge base at {root}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.check:
        stale = stale_schemas(root)
        for path in stale:
            print(f"{path}: stale; run 'python -m bot schema'", file=sys.stderr)
        return EXIT_PROBLEMS if stale else EXIT_OK
    for path in write_schemas(root):
        print(f"wrote {path}")
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    written = emit(export(knowledge, args.format), args.output, f"{len(knowledge.entries)} entries")
    return EXIT_OK if written else EXIT_PROBLEMS


def topics(args: argparse.Namespace) -> int:
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    for topic in knowledge.topics:
        print(f"\n{topic.title} ({topic.id})")
        for entry in knowledge.in_topic(topic.id):
            print(f"  - {entry.question}  [{entry.id}]")
    print(f"\n{summary(knowledge)}")
    return EXIT_OK


def words(args: argparse.Namespace) -> int:
    if args.output is not None and args.output.exists():
        print(f"error: {args.output} exists; choose another file", file=sys.stderr)
        return EXIT_PROBLEMS
    if not emit(words_template(args.language), args.output, "the words to translate"):
        return EXIT_PROBLEMS
    if args.output is not None:
        print("translate it, then run python -m bot validate", file=sys.stderr)
    return EXIT_OK
