"""What every subcommand shares: exit codes, the knowledge-base argument, loading with a report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bot.knowledge import KnowledgeBase, Problem, check_knowledge
from bot.settings import load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Subcommand = Callable[[argparse.Namespace], int]


def add_subcommand(
    subcommands: Any, name: str, handler: Subcommand, help_text: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subcommands.add_parser(
        name, help=help_text, description=help_text
    )
    parser.set_defaults(command=handler)
    return parser


def knowledge_argument(parser: argparse.ArgumentParser, *, positional: bool = True) -> None:
    help_text = "knowledge-base folder (default: KNOWLEDGE_PATH, else the shipped knowledge/)"
    if positional:
        parser.add_argument("path", nargs="?", type=Path, help=help_text)
    else:
        parser.add_argument("--knowledge", dest="path", type=Path, help=help_text)


def knowledge_root(args: argparse.Namespace) -> Path:
    path: Path | None = args.path
    return path if path is not None else load_settings().knowledge_path


def load(args: argparse.Namespace) -> KnowledgeBase | None:
    """The knowledge base, or None after printing every problem to standard error."""
    knowledge, problems = check_knowledge(knowledge_root(args))
    print_problems(problems, sys.stderr)
    return knowledge


def print_problems(problems: list[Problem], stream: TextIO) -> None:
    for problem in problems:
        print(problem, file=stream)
    if problems:
        print(f"{len(problems)} problem(s) found", file=stream)


def summary(knowledge: KnowledgeBase) -> str:
    return (
        f"{len(knowledge.entries)} entries, {knowledge.question_count} questions, "
        f"{len(knowledge.topics)} topics"
    )


def emit(text: str, output: Path | None, what: str = "") -> bool:
    """A report to standard output, or to `output` (saying so on standard error, with `what`
    it holds); False after a one-line error when the file cannot be written (no such folder)."""
    if output is None:
        sys.stdout.write(text)
        return True
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return False
    print(f"wrote {what} to {output}" if what else f"wrote {output}", file=sys.stderr)
    return True
