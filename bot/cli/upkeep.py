"""The maintainers' upkeep subcommands: `unanswered` (what to add to the knowledge base) and
`report` (how the bot is used).

Both open the store read-only, so they run beside the bot while it records.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.cli.base import EXIT_OK, EXIT_PROBLEMS, add_subcommand, emit, knowledge_argument, load
from bot.knowledge import KnowledgeBase
from bot.settings import load_settings
from bot.store import Store, StoreError, open_store
from bot.store.sqlite import SqliteStore
from bot.upkeep import (
    UNANSWERED_FORMATS,
    Usage,
    as_html,
    group_unanswered,
    period_argument,
    read,
    render_unanswered,
    report_text,
    summarize,
)

DEFAULT_PERIOD = "30d"
DEFAULT_GROUPS = 20


def register(subcommands: Any) -> None:
    unanswered = add_subcommand(
        subcommands,
        "unanswered",
        unanswered_command,
        "Questions the bot declined or that got 'None of these', grouped by similarity.",
    )
    _common(unanswered)
    unanswered.add_argument(
        "--format",
        choices=UNANSWERED_FORMATS,
        default="text",
        help="text to read, yaml with alternates to paste, csv with one row per question",
    )
    unanswered.add_argument(
        "--limit",
        type=_groups,
        default=DEFAULT_GROUPS,
        help=f"how many groups, the largest first (default {DEFAULT_GROUPS}; 0: all)",
    )
    report = add_subcommand(
        subcommands, "report", report_command, "Answer rates, most asked entries and feedback."
    )
    _common(report)
    report.add_argument(
        "--format",
        choices=("text", "html"),
        default="text",
        help="html: one self-contained file with charts (use with -o)",
    )
    report.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="file to write (default: standard output)"
    )


def unanswered_command(args: argparse.Namespace) -> int:
    usage = _usage(args)
    if usage is None:
        return EXIT_PROBLEMS
    report = group_unanswered(usage, _knowledge(args))
    sys.stdout.write(render_unanswered(report, args.format, args.limit))
    return EXIT_OK


def report_command(args: argparse.Namespace) -> int:
    usage = _usage(args)
    if usage is None:
        return EXIT_PROBLEMS
    summary = summarize(usage, _knowledge(args))
    text = as_html(summary) if args.format == "html" else report_text(summary)
    return EXIT_OK if emit(text, args.output) else EXIT_PROBLEMS


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        metavar="PERIOD",
        type=period_argument,
        default=DEFAULT_PERIOD,
        help=f"how far back: Nh, Nd or Nw hours, days or weeks (default {DEFAULT_PERIOD})",
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="a SQLite store file (default: STORE_URL, else DATA_DIR)",
    )
    knowledge_argument(parser, positional=False)


def _usage(args: argparse.Namespace) -> Usage | None:
    """The period's records, or None after saying in one line why the store cannot be read."""
    period: timedelta = args.since
    try:
        store: Store
        if args.store is not None:
            store = SqliteStore(args.store, read_only=True)
        else:
            settings = load_settings()
            store = open_store(settings.store_url, settings.data_dir, read_only=True)
        try:
            return read(store, period)
        finally:
            store.close()
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _knowledge(args: argparse.Namespace) -> KnowledgeBase | None:
    """The knowledge base names the entries; without one the reports show their ids only."""
    knowledge = load(args)
    if knowledge is None:
        print("entries are shown by id: the knowledge base did not load", file=sys.stderr)
    return knowledge


def _groups(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of groups (0 for all)")
    return int(text)
