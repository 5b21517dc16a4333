"""`python -m bot workshop list|report`: workshop sessions after the event, for the trainer's
report. The same summary as `/workshop end` posts, from the store; players are numbered, since
no name is kept."""

from __future__ import annotations

import argparse
import html
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot import workshops
from bot.cli.base import EXIT_OK, EXIT_PROBLEMS, add_subcommand, emit, knowledge_argument, load
from bot.deep_links import deep_link
from bot.knowledge import answer_markup
from bot.quiz import QuizMaster
from bot.settings import load_settings
from bot.store import StoreError, store_path
from bot.store.sqlite import SqliteStore
from bot.store.sqlite_workshops import SqliteWorkshops
from bot.upkeep import read

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}}
div{{white-space:pre-wrap}}a{{color:#0b5cad}}</style></head>
<body><div>{body}</div></body></html>
"""


def register(subcommands: Any) -> None:
    parser = add_subcommand(
        subcommands, "workshop", _usage, "Workshop sessions: list them, or report on one."
    )
    actions = parser.add_subparsers(title="actions", metavar="<action>")
    listing = add_subcommand(actions, "list", list_command, "Every session, newest last.")
    _store_option(listing)
    report = add_subcommand(actions, "report", report_command, "One session's summary.")
    report.add_argument("workshop_id", help="the id `workshop list` shows")
    report.add_argument("--format", choices=("md", "html"), default="md")
    report.add_argument("--output", "-o", type=Path, metavar="FILE", help="file to write")
    _store_option(report)
    knowledge_argument(report, positional=False)


def list_command(args: argparse.Namespace) -> int:
    kept = _open(args)
    if kept is None:
        return EXIT_PROBLEMS
    sessions = kept.workshops()
    if not sessions:
        print("no workshop sessions yet (/workshop start in a group begins one)")
    for session in sessions:
        ended = f"{session.ended_at:%Y-%m-%d %H:%M}" if session.ended_at else "running"
        print(f"{session.id}  {session.started_at:%Y-%m-%d %H:%M} to {ended}  {session.title}")
    return EXIT_OK


def report_command(args: argparse.Namespace) -> int:
    kept = _open(args)
    if kept is None:
        return EXIT_PROBLEMS
    session = kept.workshop(args.workshop_id)
    if session is None:
        print(f"error: no workshop '{args.workshop_id}' (see: workshop list)", file=sys.stderr)
        return EXIT_PROBLEMS
    knowledge = load(args)
    master = QuizMaster(kept, lambda: knowledge) if knowledge is not None else None
    now = datetime.now(UTC)
    usage = read(kept.store, now - session.started_at, now)
    quizzes = [master.results(r) for r in kept.rounds_of(session.id)] if master else []
    username = load_settings().bot_username
    text = workshops.summary_text(
        workshops.report(session, usage, quizzes, knowledge),
        {},
        lambda entry: deep_link(username, entry) if username else None,
    )
    out = PAGE.format(title=html.escape(session.title), body=answer_markup.to_html(text))
    written = emit(out if args.format == "html" else text + "\n", args.output)
    return EXIT_OK if written else EXIT_PROBLEMS


def _store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="a SQLite store file (default: STORE_URL, else DATA_DIR)",
    )


def _open(args: argparse.Namespace) -> SqliteWorkshops | None:
    try:
        settings = load_settings()
        path = args.store or store_path(settings.store_url, settings.data_dir)
        return SqliteWorkshops(SqliteStore(path, read_only=True))
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _usage(args: argparse.Namespace) -> int:
    print("usage: python -m bot workshop list | report ID [--format md|html]", file=sys.stderr)
    return EXIT_PROBLEMS
